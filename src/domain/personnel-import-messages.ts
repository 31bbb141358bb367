/**
 * The personnel import's own problems as coded English templates (the shared ones are in
 * import-messages.ts). The web app has the French of each code.
 */
import { problemSayer } from "./coded-message.ts";

export const PERSONNEL_IMPORT_MESSAGES = {
  "personnel.no_rows": { message: "no person rows under the header", hint: "add one row per person below the header" },
  "personnel.header.time_without_site": {
    message: "an entry_time column without a site column",
    hint: "add a site column: an entry is recorded at a site",
  },
  "personnel.name.empty": { message: "no name", hint: 'write the name as in the passport, e.g. "DOE, Jane"' },
  "personnel.nationality.empty": { message: "no nationality", hint: "write the ISO 3166 code of the nationality, e.g. US" },
  "personnel.nationality.country_name": { message: '"{{value}}" is the name of a country', hint: "write its code: {{code}}" },
  "personnel.nationality.not_code": {
    message: '"{{value}}" is not a country code',
    hint: "write the ISO 3166-1 code in capitals: two letters (US) or three (USA)",
  },
  "personnel.document.empty": { message: "no document number", hint: "write the passport or ID card number" },
  "personnel.document.repeated_line": {
    message: "document number {{value}} is already on line {{first}}",
    hint: "one row per person: remove the repeated row or correct the number",
  },
  "personnel.document.repeated_row": {
    message: "document number {{value}} is already on row {{first}}",
    hint: "one row per person: remove the repeated row or correct the number",
  },
  "personnel.document.registered": {
    message: "document number {{value}} is already in the register, as {{person}}",
    hint: "the person is registered: leave the row out, or correct the number",
  },
  "personnel.unit.empty": { message: "no unit", hint: 'write the person\'s unit, e.g. "724th Expeditionary Air Base Squadron"' },
  "personnel.group.unknown": { message: 'unknown personnel group "{{value}}"', hint: "use a group of the scenario: {{groups}}" },
  "personnel.group.case": { message: 'unknown personnel group "{{value}}"', hint: "did you mean {{near}}? Group ids are case-sensitive" },
  "personnel.site.unknown": { message: 'unknown site "{{value}}"', hint: "use a host-country site of the scenario: {{sites}}" },
  "personnel.site.case": { message: 'unknown site "{{value}}"', hint: "did you mean {{near}}? Site ids are case-sensitive" },
  "personnel.site.not_host": { message: 'site "{{value}}" is not in the host country', hint: "a person is recorded at a host-country site: {{sites}}" },
  "personnel.entry_time.bad": {
    message: '"{{value}}" is not a time',
    hint: "write the time in UTC as 2024-05-20 08:00 (or 2024-05-20T08:00Z, or a date: 2024-05-20)",
  },
  "personnel.entry_time.future": {
    message: "{{value}} is in the future (the server's time is {{now}})",
    hint: "write when the person arrived, at the latest now; leave it empty for now",
  },
  "personnel.entry_time.without_site": {
    message: "an entry time without a site",
    hint: "write the site where the person is, or leave the time empty",
  },
} as const;

/** Says one of the personnel import's problems. */
export const sayPersonnel = problemSayer(PERSONNEL_IMPORT_MESSAGES);
