/**
 * The cargo import's own problems as coded English templates (the shared ones are in
 * import-messages.ts). The English is what `drawdown import` prints; the web app has the French of
 * each code (web/src/i18n/fr-import-codes.ts).
 */
import { problemSayer } from "./coded-message.ts";

const DIGITS = "write digits only, e.g. {{example}}";

export const CARGO_IMPORT_MESSAGES = {
  "cargo.no_rows": { message: "no cargo rows under the header", hint: "add one row per cargo line below the header" },
  "cargo.header.bad_mass_unit": { message: 'unknown unit "{{unit}}" for column {{column}}', hint: 'write kg, lb or t, e.g. "{{column}} (kg)"' },
  "cargo.header.bad_length_unit": { message: 'unknown unit "{{unit}}" for column {{column}}', hint: 'write cm, in, m or ft, e.g. "{{column}} (cm)"' },
  "cargo.header.unit_not_allowed": { message: "column {{column}} takes no unit", hint: 'write the header as "{{column}}"' },
  "cargo.header.missing_measured": {
    message: "no {{column}} column",
    hint: 'add a column named "{{column}}" (or {{aliases}}) with its unit, e.g. "{{example}}"',
  },
  "cargo.header.weight_no_unit": {
    message: "the weight column has no unit",
    hint: 'name it "weight (kg)", "weight (lb)" or "weight (t)", or add a weight_unit column',
  },
  "cargo.header.dimension_no_unit": {
    message: "the {{column}} column has no unit",
    hint: 'name it "{{column}} (cm)" or "{{column}} (in)", or add a dimension_unit column',
  },
  "cargo.cell.empty": { message: "no {{column}}", hint: "write the {{column}}, e.g. {{example}}" },
  "cargo.number.not_number": { message: "{{value}} is not a number", hint: DIGITS },
  "cargo.number.ambiguous": { message: '"{{value}}" is ambiguous: a thousands separator or a decimal mark?', hint: "write {{plain}} or {{decimal}}" },
  "cargo.number.thousands": { message: '"{{value}}" has a thousands separator', hint: DIGITS },
  "cargo.number.decimal_comma": { message: '"{{value}}" has a decimal comma', hint: 'write {{fixed}}: the decimal mark is a point in files delimited by ","' },
  "cargo.number.unit_in_cell": {
    message: '"{{value}}" has a unit in the cell',
    hint: 'write the number only (e.g. {{example}}); the unit goes in the unit column or the header, e.g. "weight (kg)"',
  },
  "cargo.number.not_positive": { message: "{{value}} is not more than 0", hint: "write the size of one piece, e.g. {{example}}" },
  "cargo.whole.not_whole_up": { message: "{{value}} is not a whole number", hint: "write a whole number from {{min}} up, e.g. {{example}}" },
  "cargo.whole.not_whole_range": { message: "{{value}} is not a whole number", hint: "write a whole number from {{min}} to {{max}}, e.g. {{example}}" },
  "cargo.whole.too_small_up": { message: "{{value}} is too small", hint: "write a whole number of at least {{min}}" },
  "cargo.whole.too_small_range": { message: "{{value}} is too small", hint: "write a whole number from {{min}} to {{max}}" },
  "cargo.whole.too_large_range": { message: "{{value}} is too large", hint: "write a whole number from {{min}} to {{max}}" },
  "cargo.boolean.not_yes_no": { message: "{{value}} is not yes or no", hint: "write yes or no (also true/false, 1/0)" },
  "cargo.id.bad": { message: '"{{value}}" is not a valid id', hint: "a cargo id has letters, digits and . _ : - only, starting with a letter or digit" },
  "cargo.id.bad_example": {
    message: '"{{value}}" is not a valid id',
    hint: "a cargo id has letters, digits and . _ : - only, starting with a letter or digit, e.g. {{example}}",
  },
  "cargo.id.repeated_line": { message: 'id "{{value}}" is already used on line {{first}}', hint: "give each cargo line its own id" },
  "cargo.id.repeated_row": { message: 'id "{{value}}" is already used on row {{first}}', hint: "give each cargo line its own id" },
  "cargo.id.in_scenario": {
    message: 'id "{{value}}" is already a cargo line in the scenario (site {{site}})',
    hint: "choose another id, or run with --replace to replace the cargo of the sites in this file",
  },
  "cargo.id.kept_elsewhere": { message: 'id "{{value}}" is a cargo line of site {{site}}, which this file does not replace', hint: "choose another id" },
  "cargo.site.bad": { message: '"{{value}}" is not a valid site id', hint: "a site id has letters, digits and . _ : - only, starting with a letter or digit" },
  "cargo.site.bad_example": {
    message: '"{{value}}" is not a valid site id',
    hint: "a site id has letters, digits and . _ : - only, starting with a letter or digit, e.g. {{example}}",
  },
  "cargo.site.unknown": { message: 'unknown site "{{value}}"', hint: "use a site of the scenario: {{sites}}" },
  "cargo.site.case": { message: 'unknown site "{{value}}"', hint: "did you mean {{near}}? Site ids are case-sensitive" },
  "cargo.site.not_host": { message: 'site "{{value}}" is not in the host country', hint: "cargo leaves from a host-country site: {{sites}}" },
  "cargo.unit.no_weight_unit": { message: "no weight unit", hint: "write kg, lb or t" },
  "cargo.unit.no_dimension_unit": { message: "no dimension unit", hint: "write cm, in, m or ft" },
  "cargo.unit.not_mass_unit": { message: "{{value}} is not a weight unit", hint: "write kg, lb or t" },
  "cargo.unit.not_length_unit": { message: "{{value}} is not a length unit", hint: "write cm, in, m or ft" },
  "cargo.unit.contradicts": {
    message: "unit {{unit}} contradicts the header of column {{column}}, which says {{header}}",
    hint: "leave the cell empty or write {{header}}",
  },
  "cargo.kind.unknown": { message: "{{value}} is not a kind of cargo", hint: "use one of: {{kinds}}" },
  "cargo.hazard.bad_class": {
    message: '"{{value}}" is not a hazard class',
    hint: "write the UN class 1–9 (e.g. 3), or a division such as 1.4S; a UN number goes in un_number",
  },
  "cargo.hazard.bad_division": { message: '"{{value}}" is not a hazard division', hint: "write a division such as 1.4S or 2.1" },
  "cargo.hazard.division_class": {
    message: "division {{division}} does not belong to class {{class}}",
    hint: "write a division of class {{class}} (e.g. {{class}}.1), or correct hazard_class",
  },
  "cargo.hazard.division_contradicts": { message: "division {{division}} contradicts hazard_class {{written}}", hint: "write the division in one column only" },
  "cargo.hazard.bad_un": { message: '"{{value}}" is not a UN number', hint: "write UN and four digits, e.g. UN1203" },
  "cargo.hazard.un_without_class": { message: "{{un}} has no hazard class", hint: "write its class in hazard_class (e.g. 3 for a flammable liquid)" },
  "cargo.disposition.unknown": { message: "{{value}} is not a disposition", hint: "use one of: withdraw, handover, dispose" },
  "cargo.schema": { message: "{{detail}}", hint: "see docs/cargo-import.md" },
  "cargo.scenario_invalid": { message: "with this line the scenario would not validate: {{path}} {{detail}}", hint: "{{hint}}" },
} as const;

/** Says one of the cargo import's problems. */
export const sayCargo = problemSayer(CARGO_IMPORT_MESSAGES);
