import type { z } from "zod";
import { CARGO_KINDS, type CargoItem, cargoItemSchema } from "./cargo.ts";
import { sayCargo } from "./cargo-import-messages.ts";
import type { CodedProblem } from "./coded-message.ts";
import { reportBeyondLastColumn } from "./import-columns.ts";
import { sayImport } from "./import-messages.ts";
import { CellPositions, type CellValue, cellText, type ImportIssue, inFileOrder, normaliseName, type SourceRow, type SourceTable, shownCell } from "./import-table.ts";
import type { LengthUnit, MassUnit } from "./units.ts";

export type { CellValue, ImportIssue, SourceRow, SourceTable } from "./import-table.ts";
export { columnLetter } from "./import-table.ts";

/**
 * Cargo import, the pure core: a table of cells with their positions (read from a CSV or XLSX
 * file by the CLI) becomes scenario cargo lines, or the list of every bad cell with where it is
 * and how to fix it. Column set, aliases and units: docs/cargo-import.md.
 */

/** What the file is imported into: the scenario's sites and its cargo lines, to check references and ids. */
export interface CargoImportContext {
  readonly sites?: readonly { readonly id: string; readonly inHostCountry: boolean }[];
  readonly existing?: readonly { readonly id: string; readonly site: string }[];
  /** append (default): an id already in the scenario is refused; replace: the cargo of the sites in the file is replaced. */
  readonly mode?: "append" | "replace";
}

/** A stated figure as it goes into the scenario file: the number as written and its unit. */
export interface StatedFigure<U extends string> {
  readonly value: number;
  readonly unit: U;
}

/** A cargo line as written into the scenario JSON (the file's units are kept). */
export interface CargoLineInput {
  readonly id: string;
  readonly description: string;
  readonly site: string;
  readonly quantity: number;
  readonly unitWeight: StatedFigure<MassUnit>;
  readonly dimensions: {
    readonly length: StatedFigure<LengthUnit>;
    readonly width: StatedFigure<LengthUnit>;
    readonly height: StatedFigure<LengthUnit>;
  };
  readonly kind: string;
  readonly hazard?: { readonly class: number; readonly division?: string; readonly unNumber?: string };
  readonly sensitive?: boolean;
  readonly priority?: number;
  readonly disposition?: string;
  readonly stackable?: boolean;
  readonly source?: string;
}

/** One imported row: where it came from, what is written and what it means in SI units. */
export interface ImportedLine {
  readonly line: number;
  readonly input: CargoLineInput;
  readonly item: CargoItem;
}

export type CargoImportResult = { ok: true; lines: ImportedLine[] } | { ok: false; issues: ImportIssue[] };

// ---------------------------------------------------------------------------------------------
// Columns

export type ColumnKey =
  | "id"
  | "description"
  | "site"
  | "quantity"
  | "weight"
  | "weight_unit"
  | "length"
  | "width"
  | "height"
  | "dimension_unit"
  | "kind"
  | "hazard_class"
  | "hazard_division"
  | "un_number"
  | "sensitive"
  | "priority"
  | "disposition"
  | "stackable"
  | "source";

interface ColumnSpec {
  readonly key: ColumnKey;
  readonly aliases: readonly string[];
  readonly required: boolean;
  /** Columns that may carry their unit in the header: `weight (lb)`, `length [in]`, `weight_kg`. */
  readonly measure?: "mass" | "length";
}

/** The column set, in the order of docs/cargo-import.md. Header names match case-insensitively; spaces, `-` and `.` count as `_`. */
export const CARGO_COLUMNS: readonly ColumnSpec[] = [
  { key: "id", aliases: ["cargo_id", "item_id", "line_id"], required: true },
  { key: "description", aliases: ["desc", "nomenclature"], required: true },
  { key: "site", aliases: ["site_id", "location"], required: true },
  { key: "quantity", aliases: ["qty", "pieces"], required: true },
  { key: "weight", aliases: ["unit_weight", "weight_each", "wt"], required: true, measure: "mass" },
  { key: "weight_unit", aliases: ["wt_unit"], required: false },
  { key: "length", aliases: ["len"], required: true, measure: "length" },
  { key: "width", aliases: ["wid"], required: true, measure: "length" },
  { key: "height", aliases: ["hgt"], required: true, measure: "length" },
  { key: "dimension_unit", aliases: ["dimensions_unit", "dim_unit", "size_unit"], required: false },
  { key: "kind", aliases: ["cargo_kind", "type"], required: true },
  { key: "hazard_class", aliases: ["hazmat_class", "dg_class", "class"], required: false },
  { key: "hazard_division", aliases: ["hazmat_division", "division"], required: false },
  { key: "un_number", aliases: ["un", "un_no"], required: false },
  { key: "sensitive", aliases: [], required: false },
  { key: "priority", aliases: ["prio"], required: false },
  { key: "disposition", aliases: [], required: false },
  { key: "stackable", aliases: [], required: false },
  { key: "source", aliases: [], required: false },
];

const BY_NAME = new Map<string, ColumnSpec>(CARGO_COLUMNS.flatMap((c) => [c.key, ...c.aliases].map((n) => [n, c] as const)));

/** Unit spellings accepted in a unit cell or a header; each maps to a unit of units.ts. */
export const MASS_UNIT_NAMES: Readonly<Record<string, MassUnit>> = { kg: "kg", kgs: "kg", lb: "lb", lbs: "lb", t: "t", tonne: "t", tonnes: "t" };
export const LENGTH_UNIT_NAMES: Readonly<Record<string, LengthUnit>> = {
  cm: "cm",
  mm: "mm",
  m: "m",
  in: "in",
  inch: "in",
  inches: "in",
  ft: "ft",
  foot: "ft",
  feet: "ft",
};

const unitNames = (measure: "mass" | "length") => (measure === "mass" ? MASS_UNIT_NAMES : LENGTH_UNIT_NAMES);
const lookupUnit = (measure: "mass" | "length", text: string): MassUnit | LengthUnit | undefined =>
  unitNames(measure)[text.trim().toLowerCase()];

type HeaderMatch =
  | { kind: "column"; spec: ColumnSpec; unit?: MassUnit | LengthUnit }
  | { kind: "ignored" }
  | { kind: "unknown" }
  | { kind: "bad_unit"; spec: ColumnSpec; unit: string }
  | { kind: "unit_not_allowed"; spec: ColumnSpec };

/** Reads one header: `Weight (lb)` is the weight column in pounds; `# remarks` and blank headers are ignored. */
export function matchHeader(raw: string): HeaderMatch {
  const text = raw.trim();
  if (text === "" || text.startsWith("#")) return { kind: "ignored" };
  const bracket = /^(.*?)\s*[([]\s*([^)\]]*?)\s*[)\]]\s*$/.exec(text);
  if (bracket) {
    const spec = BY_NAME.get(normaliseName(bracket[1] ?? ""));
    if (!spec) return { kind: "unknown" };
    if (!spec.measure) return { kind: "unit_not_allowed", spec };
    const unit = lookupUnit(spec.measure, bracket[2] ?? "");
    return unit ? { kind: "column", spec, unit } : { kind: "bad_unit", spec, unit: bracket[2] ?? "" };
  }
  const name = normaliseName(text);
  const spec = BY_NAME.get(name);
  if (spec) return { kind: "column", spec };
  // weight_kg, length_in: a unit as the last word of a measured column's name.
  const cut = name.lastIndexOf("_");
  if (cut > 0) {
    const base = BY_NAME.get(name.slice(0, cut));
    if (base?.measure) {
      const unit = lookupUnit(base.measure, name.slice(cut + 1));
      if (unit) return { kind: "column", spec: base, unit };
    }
  }
  return { kind: "unknown" };
}

// ---------------------------------------------------------------------------------------------
// Cells

const shown = shownCell;

/** A parsed cell, or what is wrong with it (coded, with the English message and hint). */
type Parsed<T> = { ok: true; value: T } | ({ ok: false } & CodedProblem);
const fail = <T>(said: CodedProblem): Parsed<T> => ({ ok: false, ...said });

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A number as written in a cell. `example` goes into the hint: `write digits only, e.g. 1200`. */
export function parseNumberCell(v: CellValue | undefined, example: string, decimalComma = false): Parsed<number> {
  if (typeof v === "number") return Number.isFinite(v) ? { ok: true, value: v } : fail(sayCargo("cargo.number.not_number", { value: String(v), example }));
  const text = cellText(v);
  if (typeof v === "boolean") return fail(sayCargo("cargo.number.not_number", { value: text, example }));
  // In a `;` file "1.200" and "1,200" may mean 1200 or 1.2: refuse rather than guess.
  if (decimalComma && /^[+-]?\d{1,3}[.,]\d{3}$/.test(text))
    return fail(sayCargo("cargo.number.ambiguous", { value: text, plain: text.replace(/[.,]/, ""), decimal: text.replace(",", ".").replace(/0+$/, "").replace(/\.$/, "") }));
  if (PLAIN_NUMBER.test(text)) return { ok: true, value: Number(text) };
  if (decimalComma && /^[+-]?(\d+,\d*|,\d+)$/.test(text)) return { ok: true, value: Number(text.replace(",", ".")) };
  const grouped = /^[+-]?\d{1,3}([,. '])\d{3}(\1\d{3})*([.,]\d+)?$/.exec(text);
  if (grouped?.[1]) return fail(sayCargo("cargo.number.thousands", { value: text, example: text.split(grouped[1]).join("").replace(",", ".") }));
  if (/^[+-]?\d*,\d+$/.test(text)) return fail(sayCargo("cargo.number.decimal_comma", { value: text, fixed: text.replace(",", ".") }));
  if (/^[+-]?[\d.,]+\s*[a-z]+\.?$/i.test(text)) return fail(sayCargo("cargo.number.unit_in_cell", { value: text, example }));
  return fail(sayCargo("cargo.number.not_number", { value: JSON.stringify(text), example }));
}

function parseWholeCell(v: CellValue | undefined, example: string, min: number, max: number, decimalComma: boolean): Parsed<number> {
  const n = parseNumberCell(v, example, decimalComma);
  if (!n.ok) return n;
  if (!Number.isInteger(n.value))
    return fail(max === Infinity ? sayCargo("cargo.whole.not_whole_up", { value: shown(v), min, example }) : sayCargo("cargo.whole.not_whole_range", { value: shown(v), min, max, example }));
  if (n.value < min) return fail(max === Infinity ? sayCargo("cargo.whole.too_small_up", { value: n.value, min }) : sayCargo("cargo.whole.too_small_range", { value: n.value, min, max }));
  if (n.value > max) return fail(sayCargo("cargo.whole.too_large_range", { value: n.value, min, max }));
  return n;
}

const YES = new Set(["yes", "y", "true", "1", "x"]);
const NO = new Set(["no", "n", "false", "0"]);

/** yes/no, true/false, 1/0 (and an `x` for yes, as ticked in a spreadsheet). */
export function parseBooleanCell(v: CellValue | undefined): Parsed<boolean> {
  if (typeof v === "boolean") return { ok: true, value: v };
  const text = cellText(v).toLowerCase();
  if (YES.has(text)) return { ok: true, value: true };
  if (NO.has(text)) return { ok: true, value: false };
  return fail(sayCargo("cargo.boolean.not_yes_no", { value: shown(v) }));
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
/** A bad id (of a cargo line or a site), with a corrected one as the example when one can be made. */
const badId = (text: string, what: "id" | "site") => {
  const example = text.replace(/[^A-Za-z0-9._:-]+/g, "-").replace(/^[^A-Za-z0-9]+/, "");
  if (what === "id") return example ? sayCargo("cargo.id.bad_example", { value: text, example }) : sayCargo("cargo.id.bad", { value: text });
  return example ? sayCargo("cargo.site.bad_example", { value: text, example }) : sayCargo("cargo.site.bad", { value: text });
};

const DIVISION = /^[1-9]\.[1-6][A-S]?$/;

// ---------------------------------------------------------------------------------------------
// The import

interface Layout {
  readonly columns: ReadonlyMap<ColumnKey, { index: number; unit?: MassUnit | LengthUnit }>;
  readonly ignored: ReadonlySet<number>;
  readonly width: number;
}

function readHeader(table: SourceTable, at: CellPositions, issues: ImportIssue[]): Layout {
  const columns = new Map<ColumnKey, { index: number; unit?: MassUnit | LengthUnit }>();
  const ignored = new Set<number>();
  const known = CARGO_COLUMNS.map((c) => c.key).join(", ");
  const line = table.header.line;
  table.header.cells.forEach((raw, index) => {
    const text = cellText(raw);
    const m = matchHeader(text);
    switch (m.kind) {
      case "ignored":
        ignored.add(index);
        return;
      case "unknown":
        issues.push(at.cell(line, index, sayImport("import.header.unknown_column", { header: text, known })));
        return;
      case "bad_unit":
        issues.push(at.cell(line, index, sayCargo(m.spec.measure === "length" ? "cargo.header.bad_length_unit" : "cargo.header.bad_mass_unit", { unit: m.unit, column: m.spec.key })));
        return;
      case "unit_not_allowed":
        issues.push(at.cell(line, index, sayCargo("cargo.header.unit_not_allowed", { column: m.spec.key })));
        return;
      case "column": {
        const seen = columns.get(m.spec.key);
        if (seen) {
          issues.push(at.cell(line, index, sayImport("import.header.second_column", { column: m.spec.key, first: seen.index + 1 })));
          return;
        }
        columns.set(m.spec.key, m.unit !== undefined ? { index, unit: m.unit } : { index });
      }
    }
  });
  for (const spec of CARGO_COLUMNS) {
    if (spec.required && !columns.has(spec.key)) {
      const aliases = spec.aliases.map((a) => `"${a}"`).join(", ");
      const said = spec.measure
        ? sayCargo("cargo.header.missing_measured", { column: spec.key, aliases, example: `${spec.key} (${spec.measure === "mass" ? "kg" : "cm"})` })
        : spec.aliases.length > 0
          ? sayImport("import.header.missing_column_aka", { column: spec.key, aliases })
          : sayImport("import.header.missing_column", { column: spec.key });
      issues.push(at.row(line, said, true));
    }
  }
  // A measured column needs a unit: in its header or in a unit column.
  const weight = columns.get("weight");
  if (weight && weight.unit === undefined && !columns.has("weight_unit"))
    issues.push(at.cell(line, weight.index, sayCargo("cargo.header.weight_no_unit", {})));
  for (const key of ["length", "width", "height"] as const) {
    const c = columns.get(key);
    if (c && c.unit === undefined && !columns.has("dimension_unit"))
      issues.push(at.cell(line, c.index, sayCargo("cargo.header.dimension_no_unit", { column: key })));
  }
  return { columns, ignored, width: table.header.cells.length };
}

/**
 * Turns a table into cargo lines, or lists every bad cell (and header) with its position, message and hint.
 * With a context it also checks sites against the scenario and ids against its cargo.
 *
 * @example
 * const r = importCargoTable(table, { sites, existing, mode: "append" });
 * if (!r.ok) for (const i of r.issues) console.log(`${i.where}: ${i.message}; ${i.hint}`);
 */
export function importCargoTable(table: SourceTable, context: CargoImportContext = {}): CargoImportResult {
  const headers = table.header.cells.map(cellText);
  const at = new CellPositions(table, headers);
  const issues: ImportIssue[] = [];
  const layout = readHeader(table, at, issues);
  const rows = table.rows.filter((r) => r.cells.some((c) => cellText(c) !== ""));
  if (rows.length === 0) issues.push(at.row(table.header.line, sayCargo("cargo.no_rows", {}), true));

  const firstLine = new Map<string, number>();
  const lines: ImportedLine[] = [];
  for (const row of rows) {
    const line = readRow(row, table, layout, at, context, issues, firstLine);
    if (line) lines.push(line);
  }
  checkIds(lines, context, at, layout, issues);
  if (issues.length > 0) return { ok: false, issues: inFileOrder(issues) };
  return { ok: true, lines };
}

function readRow(
  row: SourceRow,
  table: SourceTable,
  layout: Layout,
  at: CellPositions,
  context: CargoImportContext,
  issues: ImportIssue[],
  firstLine: Map<string, number>,
): ImportedLine | undefined {
  const before = issues.length;
  const dc = table.decimalComma === true;
  const col = (key: ColumnKey) => layout.columns.get(key);
  const raw = (key: ColumnKey) => {
    const c = col(key);
    return c ? row.cells[c.index] : undefined;
  };
  const report = (key: ColumnKey, said: CodedProblem) => {
    const c = col(key);
    if (c) issues.push(at.cell(row.line, c.index, said));
  };
  const empty = (key: ColumnKey) => cellText(raw(key)) === "";
  /** A required cell: reports it empty, or returns its parsed value. */
  const need = <T>(key: ColumnKey, what: string, example: string, parse: (v: CellValue | undefined) => Parsed<T>): T | undefined => {
    if (!col(key)) return undefined; // reported once, on the header
    if (empty(key)) {
      report(key, sayCargo("cargo.cell.empty", { column: what, example }));
      return undefined;
    }
    const p = parse(raw(key));
    if (!p.ok) {
      report(key, p);
      return undefined;
    }
    return p.value;
  };
  const optional = <T>(key: ColumnKey, parse: (v: CellValue | undefined) => Parsed<T>): T | undefined => {
    if (!col(key) || empty(key)) return undefined;
    const p = parse(raw(key));
    if (!p.ok) {
      report(key, p);
      return undefined;
    }
    return p.value;
  };
  const text = (v: CellValue | undefined): Parsed<string> => ({ ok: true, value: cellText(v) });

  reportBeyondLastColumn(row, layout.width, table.format, at, issues);

  const id = need<string>("id", "id", "gen-01", (v) => {
    const t = typeof v === "number" && Number.isInteger(v) ? String(v) : cellText(v);
    if (!ID.test(t)) return fail(badId(t, "id"));
    const first = firstLine.get(t);
    if (first !== undefined) return fail(sayCargo(table.format === "csv" ? "cargo.id.repeated_line" : "cargo.id.repeated_row", { value: t, first }));
    firstLine.set(t, row.line);
    return { ok: true, value: t };
  });
  const description = need("description", "description", '"Generator 60 kW"', text);
  const site = need("site", "site", "MAIN", (v) => checkSite(cellText(v), context));
  const quantity = need("quantity", "quantity", "4", (v) => parseWholeCell(v, "4", 1, Infinity, dc));
  const weight = need("weight", "weight", "1200", (v) => positive(v, "1200", dc));
  const weightUnit = unitOf(row, "weight", "weight_unit", "mass", layout, at, issues);
  const dims = (["length", "width", "height"] as const).map((key) => ({
    key,
    value: need(key, key, "120", (v) => positive(v, "120", dc)),
    unit: unitOf(row, key, "dimension_unit", "length", layout, at, issues),
  }));
  const kind = need<string>("kind", "kind", "box", (v) => {
    const k = normaliseName(cellText(v));
    return (CARGO_KINDS as readonly string[]).includes(k)
      ? { ok: true, value: k }
      : fail(sayCargo("cargo.kind.unknown", { value: shown(v), kinds: CARGO_KINDS.join(", ") }));
  });
  const hazard = readHazard(row, layout, at, issues);
  const sensitive = optional("sensitive", parseBooleanCell);
  const priority = optional("priority", (v) => parseWholeCell(v, "3", 1, 5, dc));
  const disposition = optional<string>("disposition", (v) => {
    const d = cellText(v).toLowerCase();
    return ["withdraw", "handover", "dispose"].includes(d)
      ? { ok: true, value: d }
      : fail(sayCargo("cargo.disposition.unknown", { value: shown(v) }));
  });
  const stackable = optional("stackable", parseBooleanCell);
  const source = optional("source", text);

  if (issues.length > before) return undefined;
  const [length, width, height] = dims;
  if (
    id === undefined ||
    description === undefined ||
    site === undefined ||
    quantity === undefined ||
    weight === undefined ||
    weightUnit === undefined ||
    kind === undefined ||
    length?.value === undefined ||
    length.unit === undefined ||
    width?.value === undefined ||
    width.unit === undefined ||
    height?.value === undefined ||
    height.unit === undefined
  )
    return undefined; // a required column is missing: reported on the header
  const input: CargoLineInput = {
    id,
    description,
    site,
    quantity,
    unitWeight: { value: weight, unit: weightUnit as MassUnit },
    dimensions: {
      length: { value: length.value, unit: length.unit as LengthUnit },
      width: { value: width.value, unit: width.unit as LengthUnit },
      height: { value: height.value, unit: height.unit as LengthUnit },
    },
    kind,
    ...(hazard ? { hazard } : {}),
    ...(sensitive !== undefined ? { sensitive } : {}),
    ...(priority !== undefined ? { priority } : {}),
    ...(disposition !== undefined ? { disposition } : {}),
    ...(stackable !== undefined ? { stackable } : {}),
    ...(source !== undefined && source !== "" ? { source } : {}),
  };
  // The scenario's own schema has the last word; the checks above should leave it nothing to say.
  const parsed = cargoItemSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) pushSchemaIssue(issue, row, layout, at, issues);
    return undefined;
  }
  return { line: row.line, input, item: parsed.data };
}

function positive(v: CellValue | undefined, example: string, decimalComma: boolean): Parsed<number> {
  const n = parseNumberCell(v, example, decimalComma);
  if (!n.ok) return n;
  return n.value > 0 ? n : fail(sayCargo("cargo.number.not_positive", { value: n.value, example }));
}

/** The unit of a measured cell: the row's unit cell, else the unit in the column's header. */
function unitOf(
  row: SourceRow,
  key: "weight" | "length" | "width" | "height",
  unitKey: "weight_unit" | "dimension_unit",
  measure: "mass" | "length",
  layout: Layout,
  at: CellPositions,
  issues: ImportIssue[],
): MassUnit | LengthUnit | undefined {
  const column = layout.columns.get(key);
  const unitColumn = layout.columns.get(unitKey);
  if (!column) return undefined;
  const fromHeader = column.unit;
  if (!unitColumn) return fromHeader; // no unit at all is reported on the header
  const cell = row.cells[unitColumn.index];
  const written = cellText(cell);
  if (written === "") {
    if (fromHeader) return fromHeader;
    // Report a missing unit once per row, on the unit cell, and only once for the three dimensions.
    const already = issues.some((i) => i.line === row.line && i.column === unitColumn.index + 1);
    if (!already) issues.push(at.cell(row.line, unitColumn.index, sayCargo(unitKey === "weight_unit" ? "cargo.unit.no_weight_unit" : "cargo.unit.no_dimension_unit", {})));
    return undefined;
  }
  const unit = lookupUnit(measure, written);
  if (!unit) {
    const already = issues.some((i) => i.line === row.line && i.column === unitColumn.index + 1);
    if (!already) issues.push(at.cell(row.line, unitColumn.index, sayCargo(measure === "mass" ? "cargo.unit.not_mass_unit" : "cargo.unit.not_length_unit", { value: shown(cell) })));
    return undefined;
  }
  if (fromHeader && fromHeader !== unit) {
    issues.push(at.cell(row.line, unitColumn.index, sayCargo("cargo.unit.contradicts", { unit, column: key, header: fromHeader })));
    return undefined;
  }
  return unit;
}

function checkSite(site: string, context: CargoImportContext): Parsed<string> {
  if (!ID.test(site)) return fail(badId(site, "site"));
  const sites = context.sites;
  if (!sites) return { ok: true, value: site };
  const host = sites.filter((s) => s.inHostCountry).map((s) => s.id);
  const found = sites.find((s) => s.id === site);
  if (!found) {
    const near = sites.find((s) => s.id.toLowerCase() === site.toLowerCase());
    return fail(near ? sayCargo("cargo.site.case", { value: site, near: near.id }) : sayCargo("cargo.site.unknown", { value: site, sites: host.join(", ") }));
  }
  if (!found.inHostCountry) return fail(sayCargo("cargo.site.not_host", { value: site, sites: host.join(", ") }));
  return { ok: true, value: site };
}

function readHazard(row: SourceRow, layout: Layout, at: CellPositions, issues: ImportIssue[]): CargoLineInput["hazard"] | undefined {
  const cellOf = (key: ColumnKey) => {
    const c = layout.columns.get(key);
    return c ? { index: c.index, value: row.cells[c.index], text: cellText(row.cells[c.index]) } : undefined;
  };
  const cls = cellOf("hazard_class");
  const div = cellOf("hazard_division");
  const un = cellOf("un_number");
  let hazardClass: number | undefined;
  let division: string | undefined;
  let unNumber: string | undefined;
  let bad = false;
  const report = (c: { index: number }, said: CodedProblem) => {
    issues.push(at.cell(row.line, c.index, said));
    bad = true;
  };
  if (cls && cls.text !== "") {
    const t = cls.text.replace(/^class\s*/i, "").toUpperCase();
    if (/^[1-9]$/.test(t)) hazardClass = Number(t);
    else if (DIVISION.test(t)) {
      hazardClass = Number(t[0]);
      division = t;
    } else report(cls, sayCargo("cargo.hazard.bad_class", { value: cls.text }));
  }
  if (div && div.text !== "") {
    const t = div.text.toUpperCase();
    if (!DIVISION.test(t)) report(div, sayCargo("cargo.hazard.bad_division", { value: div.text }));
    else if (hazardClass !== undefined && Number(t[0]) !== hazardClass) report(div, sayCargo("cargo.hazard.division_class", { division: t, class: hazardClass }));
    else if (division !== undefined && division !== t) report(div, sayCargo("cargo.hazard.division_contradicts", { division: t, written: division }));
    else {
      division = t;
      hazardClass ??= Number(t[0]);
    }
  }
  if (un && un.text !== "") {
    const digits = typeof un.value === "number" && Number.isInteger(un.value) && un.value >= 0 && un.value < 10000 ? String(un.value).padStart(4, "0") : undefined;
    const m = /^UN\s*(\d{4})$/i.exec(un.text) ?? /^(\d{4})$/.exec(un.text);
    const number = digits ?? m?.[1];
    if (!number) report(un, sayCargo("cargo.hazard.bad_un", { value: un.text }));
    else {
      unNumber = `UN${number}`;
      if (hazardClass === undefined && !bad) report(un, sayCargo("cargo.hazard.un_without_class", { un: unNumber }));
    }
  }
  if (bad || hazardClass === undefined) return undefined;
  return { class: hazardClass, ...(division !== undefined ? { division } : {}), ...(unNumber !== undefined ? { unNumber } : {}) };
}

const SCHEMA_FIELD: Readonly<Record<string, ColumnKey>> = {
  id: "id",
  description: "description",
  site: "site",
  quantity: "quantity",
  unitWeight: "weight",
  kind: "kind",
  sensitive: "sensitive",
  priority: "priority",
  disposition: "disposition",
  stackable: "stackable",
  source: "source",
  hazard: "hazard_class",
};

function pushSchemaIssue(issue: z.core.$ZodIssue, row: SourceRow, layout: Layout, at: CellPositions, issues: ImportIssue[]): void {
  const [first, second] = issue.path;
  const key: ColumnKey | undefined =
    first === "dimensions" && (second === "length" || second === "width" || second === "height")
      ? second
      : typeof first === "string"
        ? SCHEMA_FIELD[first]
        : undefined;
  const c = key ? layout.columns.get(key) : undefined;
  const said = sayCargo("cargo.schema", { detail: issue.message });
  issues.push(c ? at.cell(row.line, c.index, said) : at.row(row.line, said));
}

/** Ids must not collide with the scenario's cargo: any of it when appending, the lines kept when replacing. */
function checkIds(lines: readonly ImportedLine[], context: CargoImportContext, at: CellPositions, layout: Layout, issues: ImportIssue[]): void {
  const existing = context.existing ?? [];
  if (existing.length === 0) return;
  const replacing = context.mode === "replace";
  const sitesInFile = new Set(lines.map((l) => l.input.site));
  const kept = new Map(existing.filter((c) => !(replacing && sitesInFile.has(c.site))).map((c) => [c.id, c.site]));
  const idColumn = layout.columns.get("id");
  if (!idColumn) return;
  for (const l of lines) {
    const site = kept.get(l.input.id);
    if (site === undefined) continue;
    issues.push(at.cell(l.line, idColumn.index, sayCargo(replacing ? "cargo.id.kept_elsewhere" : "cargo.id.in_scenario", { value: l.input.id, site })));
  }
}

// ---------------------------------------------------------------------------------------------
// Summary

export interface ImportTally {
  readonly lines: number;
  readonly pieces: number;
  readonly kg: number;
}

export interface ImportSummary {
  readonly total: ImportTally;
  readonly bySite: ReadonlyMap<string, ImportTally>;
  readonly byKind: ReadonlyMap<string, ImportTally>;
}

/** Lines, pieces and kilograms in all, per site and per kind (in order of first appearance). */
export function summariseImport(lines: readonly ImportedLine[]): ImportSummary {
  const add = (map: Map<string, ImportTally>, key: string, l: ImportedLine) => {
    const t = map.get(key) ?? { lines: 0, pieces: 0, kg: 0 };
    map.set(key, { lines: t.lines + 1, pieces: t.pieces + l.item.quantity, kg: t.kg + l.item.quantity * l.item.unitWeight });
  };
  const bySite = new Map<string, ImportTally>();
  const byKind = new Map<string, ImportTally>();
  const all = new Map<string, ImportTally>();
  for (const l of lines) {
    add(bySite, l.item.site, l);
    add(byKind, l.item.kind, l);
    add(all, "", l);
  }
  return { total: all.get("") ?? { lines: 0, pieces: 0, kg: 0 }, bySite, byKind };
}
