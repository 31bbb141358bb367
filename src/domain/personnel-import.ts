import { iso31661 } from "iso-3166/1.js";
import { type ColumnLayout, type ColumnSpec, readColumns, reportBeyondLastColumn } from "./import-columns.ts";
import { sayImport } from "./import-messages.ts";
import { CellPositions, cellText, type ImportIssue, inFileOrder, type SourceRow, type SourceTable } from "./import-table.ts";
import { sayPersonnel } from "./personnel-import-messages.ts";
import { formatHuman, type Instant, parseInstant } from "./time.ts";

/**
 * Personnel import, the pure core: a unit's roster (read from a CSV or XLSX file by an edge) becomes
 * person records for the register — name, nationality, document number, unit, optionally the
 * scenario's personnel group and where and since when the person is in the country — or the list
 * of every bad cell with where it is and how to fix it. Column set and reasons: docs/personnel-import.md.
 */

export type PersonnelColumn = "name" | "nationality" | "document_number" | "unit" | "group" | "site" | "entry_time";

/** The column set, in the order of docs/personnel-import.md. */
export const PERSONNEL_COLUMNS: readonly ColumnSpec<PersonnelColumn>[] = [
  { key: "name", aliases: ["full_name", "name_as_in_passport"], required: true },
  { key: "nationality", aliases: ["citizenship", "nat"], required: true },
  { key: "document_number", aliases: ["passport", "passport_number", "passport_no", "document", "document_no", "doc_no", "id_card"], required: true },
  { key: "unit", aliases: ["unit_name", "organisation", "organization"], required: true },
  { key: "group", aliases: ["group_id", "personnel_group"], required: false },
  { key: "site", aliases: ["site_id", "location", "entry_site", "site_of_entry"], required: false },
  { key: "entry_time", aliases: ["entered", "entered_at", "entry", "in_country_since", "arrival_time"], required: false },
];

/** The register's limits on personal data (workflow/personnel.ts). */
const MAX_LENGTH = { name: 200, document_number: 64, unit: 200 } as const;

/** What the roster is checked against. */
export interface PersonnelImportContext {
  readonly sites?: readonly { readonly id: string; readonly inHostCountry: boolean }[];
  readonly groups?: readonly { readonly id: string }[];
  /** The party's registered persons: `documentKey(nationality, number)` → person id. */
  readonly registered?: ReadonlyMap<string, string>;
  /** The time of the import: an entry time after it is refused; an empty one means it. */
  readonly now?: Instant;
}

/** One person as imported: the personal data, and the entry to record when a site is given. */
export interface ImportedPerson {
  readonly line: number;
  readonly personal: { readonly name: string; readonly nationality: string; readonly documentNumber: string; readonly unit: string };
  readonly group?: string;
  /** Present at `site` since `at` (absent: the time of the import). */
  readonly entry?: { readonly site: string; readonly at?: Instant };
}

export type PersonnelImportResult = { ok: true; persons: ImportedPerson[] } | { ok: false; issues: ImportIssue[] };

/**
 * The key that finds a person again: nationality and document number, in capitals without spaces,
 * dashes or dots (`X 123-45` and `x12345` are one passport).
 */
export const documentKey = (nationality: string, documentNumber: string): string =>
  `${nationality.toUpperCase()}:${documentNumber.toUpperCase().replace(/[\s.-]+/g, "")}`;

// ---------------------------------------------------------------------------------------------
// Nationality

const ALPHA2 = new Set(iso31661.map((c) => c.alpha2));
const ALPHA3 = new Set(iso31661.map((c) => c.alpha3));
/** ISO 3166's user-assigned codes (AA, QM–QZ, XA–XZ, ZZ), which scenarios and some documents use. */
const USER_ASSIGNED = /^(AA|Q[M-Z]|X[A-Z]|ZZ)[A-Z]?$/;

/** A country's name (`Niger`, `united states of america`) gives its code for the hint. */
function codeOfName(text: string): string | undefined {
  const t = text.toLowerCase();
  const exact = iso31661.find((c) => c.name.toLowerCase() === t);
  if (exact) return exact.alpha2;
  const starting = iso31661.filter((c) => c.name.toLowerCase().startsWith(`${t} `) || c.name.toLowerCase().startsWith(`${t},`));
  return starting.length === 1 ? starting[0]?.alpha2 : undefined;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; said: ReturnType<typeof sayPersonnel> };

function parseNationality(text: string): Parsed<string> {
  const code = text.toUpperCase();
  if (/^[A-Z]{2,3}$/.test(code) && (ALPHA2.has(code) || ALPHA3.has(code) || USER_ASSIGNED.test(code))) return { ok: true, value: code };
  const named = codeOfName(text);
  if (named) return { ok: false, said: sayPersonnel("personnel.nationality.country_name", { value: text, code: named }) };
  return { ok: false, said: sayPersonnel("personnel.nationality.not_code", { value: text }) };
}

// ---------------------------------------------------------------------------------------------
// Entry time

/**
 * An entry time as written: an ISO instant with an offset, or a UTC date and time without one
 * (`2024-05-20 08:00`, as spreadsheets write it), or a UTC date (`2024-05-20`, midnight).
 */
export function parseEntryTime(text: string): Instant | undefined {
  const withOffset = parseInstant(text);
  if (withOffset !== undefined) return withOffset;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!m?.[1]) return undefined;
  const iso = `${m[1]}T${m[2] ?? "00:00"}Z`;
  const t = parseInstant(iso);
  // Date.parse rolls 2024-02-30 over into March: refuse a day the calendar does not have.
  return t !== undefined && new Date(t * 60_000).toISOString().slice(0, 10) === m[1] ? t : undefined;
}

// ---------------------------------------------------------------------------------------------
// The import

/**
 * Turns a roster into person records, or lists every bad cell (and header) with its position,
 * message and hint. With a context it also checks sites and groups against the scenario, document
 * numbers against the register, and entry times against the time of the import.
 *
 * @example
 * const r = importPersonnelTable(table, { sites, groups, registered, now });
 * if (!r.ok) for (const i of r.issues) console.log(`${i.where}: ${i.message}; ${i.hint}`);
 */
export function importPersonnelTable(table: SourceTable, context: PersonnelImportContext = {}): PersonnelImportResult {
  const headers = table.header.cells.map(cellText);
  const at = new CellPositions(table, headers);
  const issues: ImportIssue[] = [];
  const layout = readColumns(table.header, PERSONNEL_COLUMNS, at, issues);
  if (layout.columns.has("entry_time") && !layout.columns.has("site")) {
    issues.push(at.cell(table.header.line, layout.columns.get("entry_time") ?? 0, sayPersonnel("personnel.header.time_without_site", {})));
  }
  const rows = table.rows.filter((r) => r.cells.some((c) => cellText(c) !== ""));
  if (rows.length === 0) issues.push(at.row(table.header.line, sayPersonnel("personnel.no_rows", {}), true));

  const firstLine = new Map<string, number>();
  const persons: ImportedPerson[] = [];
  for (const row of rows) {
    const person = readRow(row, table, layout, at, context, issues, firstLine);
    if (person) persons.push(person);
  }
  return issues.length > 0 ? { ok: false, issues: inFileOrder(issues) } : { ok: true, persons };
}

function readRow(
  row: SourceRow,
  table: SourceTable,
  layout: ColumnLayout<PersonnelColumn>,
  at: CellPositions,
  context: PersonnelImportContext,
  issues: ImportIssue[],
  firstLine: Map<string, number>,
): ImportedPerson | undefined {
  const before = issues.length;
  reportBeyondLastColumn(row, layout.width, table.format, at, issues);
  const index = (key: PersonnelColumn) => layout.columns.get(key);
  const text = (key: PersonnelColumn) => {
    const i = index(key);
    return i === undefined ? "" : cellText(row.cells[i]);
  };
  const report = (key: PersonnelColumn, said: ReturnType<typeof sayPersonnel>) => {
    const i = index(key);
    if (i !== undefined) issues.push(at.cell(row.line, i, said));
  };
  /** A required text cell: reported empty or too long, else its text. */
  const need = (key: "name" | "document_number" | "unit", empty: "personnel.name.empty" | "personnel.document.empty" | "personnel.unit.empty") => {
    if (index(key) === undefined) return undefined; // reported once, on the header
    const t = text(key);
    if (t === "") return void report(key, sayPersonnel(empty, {}));
    if (t.length > MAX_LENGTH[key]) return void report(key, sayImport("import.cell.too_long", { column: key, length: t.length, max: MAX_LENGTH[key] }));
    return t;
  };

  const name = need("name", "personnel.name.empty");
  let nationality: string | undefined;
  if (index("nationality") !== undefined) {
    const t = text("nationality");
    const n = t === "" ? undefined : parseNationality(t);
    if (n === undefined) report("nationality", sayPersonnel("personnel.nationality.empty", {}));
    else if (!n.ok) report("nationality", n.said);
    else nationality = n.value;
  }
  const documentNumber = need("document_number", "personnel.document.empty");
  if (documentNumber !== undefined && nationality !== undefined) {
    const key = documentKey(nationality, documentNumber);
    const first = firstLine.get(key);
    const registered = context.registered?.get(key);
    if (first !== undefined)
      report("document_number", sayPersonnel(table.format === "csv" ? "personnel.document.repeated_line" : "personnel.document.repeated_row", { value: documentNumber, first }));
    else if (registered !== undefined) report("document_number", sayPersonnel("personnel.document.registered", { value: documentNumber, person: registered }));
    if (first === undefined) firstLine.set(key, row.line);
  }
  const unit = need("unit", "personnel.unit.empty");

  const group = text("group") === "" ? undefined : checkId(text("group"), context.groups, "group");
  if (group !== undefined && !group.ok) report("group", group.said);
  const site = text("site") === "" ? undefined : checkSite(text("site"), context.sites);
  if (site !== undefined && !site.ok) report("site", site.said);
  let entryAt: Instant | undefined;
  const written = text("entry_time");
  if (written !== "" && layout.columns.has("site")) {
    const t = parseEntryTime(written);
    if (t === undefined) report("entry_time", sayPersonnel("personnel.entry_time.bad", { value: written }));
    else if (context.now !== undefined && t > context.now) report("entry_time", sayPersonnel("personnel.entry_time.future", { value: formatHuman(t), now: formatHuman(context.now) }));
    else if (site === undefined) report("entry_time", sayPersonnel("personnel.entry_time.without_site", {}));
    else entryAt = t;
  }

  if (issues.length > before || name === undefined || nationality === undefined || documentNumber === undefined || unit === undefined) return undefined;
  return {
    line: row.line,
    personal: { name, nationality, documentNumber, unit },
    ...(group?.ok === true ? { group: group.value } : {}),
    ...(site?.ok === true ? { entry: { site: site.value, ...(entryAt === undefined ? {} : { at: entryAt }) } } : {}),
  };
}

const list = (ids: readonly string[]) => (ids.length === 0 ? "(none)" : ids.join(", "));

function checkId(value: string, known: readonly { readonly id: string }[] | undefined, what: "group"): Parsed<string> {
  if (known === undefined || known.some((g) => g.id === value)) return { ok: true, value };
  const near = known.find((g) => g.id.toLowerCase() === value.toLowerCase());
  return {
    ok: false,
    said: near ? sayPersonnel(`personnel.${what}.case`, { value, near: near.id }) : sayPersonnel(`personnel.${what}.unknown`, { value, groups: list(known.map((g) => g.id)) }),
  };
}

function checkSite(value: string, sites: PersonnelImportContext["sites"]): Parsed<string> {
  if (sites === undefined) return { ok: true, value };
  const host = list(sites.filter((s) => s.inHostCountry).map((s) => s.id));
  const found = sites.find((s) => s.id === value);
  if (found?.inHostCountry) return { ok: true, value };
  if (found) return { ok: false, said: sayPersonnel("personnel.site.not_host", { value, sites: host }) };
  const near = sites.find((s) => s.id.toLowerCase() === value.toLowerCase());
  return { ok: false, said: near ? sayPersonnel("personnel.site.case", { value, near: near.id }) : sayPersonnel("personnel.site.unknown", { value, sites: host }) };
}

// ---------------------------------------------------------------------------------------------
// Summary

/** Persons in all, how many get an entry, and per site (entries) and per unit, in order of first appearance. */
export interface PersonnelImportSummary {
  readonly persons: number;
  readonly entries: number;
  readonly bySite: ReadonlyMap<string, number>;
  readonly byUnit: ReadonlyMap<string, number>;
}

/** Counts an import's persons. */
export function summarisePersonnelImport(persons: readonly ImportedPerson[]): PersonnelImportSummary {
  const bySite = new Map<string, number>();
  const byUnit = new Map<string, number>();
  for (const p of persons) {
    if (p.entry) bySite.set(p.entry.site, (bySite.get(p.entry.site) ?? 0) + 1);
    byUnit.set(p.personal.unit, (byUnit.get(p.personal.unit) ?? 0) + 1);
  }
  return { persons: persons.length, entries: persons.filter((p) => p.entry).length, bySite, byUnit };
}
