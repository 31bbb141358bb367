import type { z } from "zod";
import { CARGO_KINDS, type CargoItem, cargoItemSchema } from "./cargo.ts";
import type { FileIssue } from "./json-issues.ts";
import type { LengthUnit, MassUnit } from "./units.ts";

/**
 * Cargo import, the pure core: a table of cells with their positions (read from a CSV or XLSX
 * file by the CLI) becomes scenario cargo lines, or the list of every bad cell with where it is
 * and how to fix it. Column set, aliases and units: docs/cargo-import.md.
 */

/** A cell as read: CSV gives text; XLSX also numbers and booleans. Empty is `null` or `""`. */
export type CellValue = string | number | boolean | null;

/** One row of the source: its line (CSV, where the record starts) or row number (XLSX) and its cells. */
export interface SourceRow {
  readonly line: number;
  /** Index 0 is column 1 (CSV field 1, XLSX column A). */
  readonly cells: readonly CellValue[];
}

/** What a reader hands to `importCargoTable`: the header row and the data rows, blank rows included or not. */
export interface SourceTable {
  readonly format: "csv" | "xlsx";
  /** XLSX: the worksheet read. */
  readonly sheet?: string;
  /** CSV delimited by `;`: a `,` in a number is a decimal mark (`12,5` is 12.5). */
  readonly decimalComma?: boolean;
  readonly header: SourceRow;
  readonly rows: readonly SourceRow[];
}

/** A problem in the source file: `where` says it the way a person reads it (`line 7, column "weight"`). */
export interface ImportIssue extends FileIssue {
  /** `line 7, column "weight"` (CSV) or `sheet "Cargo", cell D7, column "weight"` (XLSX). */
  readonly where: string;
  /** XLSX: the A1 reference of the cell, e.g. `D7`. */
  readonly cell?: string;
}

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
const unitList = (measure: "mass" | "length") => (measure === "mass" ? "kg, lb or t" : "cm, in, m or ft");
const lookupUnit = (measure: "mass" | "length", text: string): MassUnit | LengthUnit | undefined =>
  unitNames(measure)[text.trim().toLowerCase()];

const normaliseName = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");

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
// Positions

/** `C` for column 3, `AA` for 27. */
export function columnLetter(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

class Positions {
  constructor(
    private readonly table: SourceTable,
    private readonly headers: readonly string[],
  ) {}

  /** An issue about one cell (`index` from 0). */
  cell(line: number, index: number, message: string, hint: string): ImportIssue {
    const name = this.headers[index]?.trim();
    const column = name ? `column "${name}"` : `column ${index + 1}`;
    if (this.table.format === "xlsx") {
      const ref = `${columnLetter(index + 1)}${line}`;
      return { path: name ?? ref, line, column: index + 1, where: `${this.sheet()}cell ${ref}, ${column}`, cell: ref, message, hint };
    }
    return { path: name ?? `column ${index + 1}`, line, column: index + 1, where: `line ${line}, ${column}`, message, hint };
  }

  /** An issue about a whole row (or the header). */
  row(line: number, message: string, hint: string, header = false): ImportIssue {
    const where =
      this.table.format === "xlsx" ? `${this.sheet()}row ${line}${header ? " (header)" : ""}` : `line ${line}${header ? " (header)" : ""}`;
    return { path: "", line, column: 1, where, message, hint };
  }

  private sheet(): string {
    return this.table.sheet !== undefined ? `sheet "${this.table.sheet}", ` : "";
  }
}

// ---------------------------------------------------------------------------------------------
// Cells

const cellText = (v: CellValue | undefined): string =>
  v === null || v === undefined ? "" : typeof v === "string" ? v.trim() : String(v);
const shown = (v: CellValue | undefined) => JSON.stringify(cellText(v));

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; hint: string };
const fail = <T>(message: string, hint: string): Parsed<T> => ({ ok: false, message, hint });

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A number as written in a cell. `example` goes into the hint: `write digits only, e.g. 1200`. */
export function parseNumberCell(v: CellValue | undefined, example: string, decimalComma = false): Parsed<number> {
  if (typeof v === "number") return Number.isFinite(v) ? { ok: true, value: v } : fail(`${String(v)} is not a number`, `write digits only, e.g. ${example}`);
  const text = cellText(v);
  if (typeof v === "boolean") return fail(`${text} is not a number`, `write digits only, e.g. ${example}`);
  // In a `;` file "1.200" and "1,200" may mean 1200 or 1.2: refuse rather than guess.
  if (decimalComma && /^[+-]?\d{1,3}[.,]\d{3}$/.test(text))
    return fail(`"${text}" is ambiguous: a thousands separator or a decimal mark?`, `write ${text.replace(/[.,]/, "")} or ${text.replace(",", ".").replace(/0+$/, "").replace(/\.$/, "")}`);
  if (PLAIN_NUMBER.test(text)) return { ok: true, value: Number(text) };
  if (decimalComma && /^[+-]?(\d+,\d*|,\d+)$/.test(text)) return { ok: true, value: Number(text.replace(",", ".")) };
  const grouped = /^[+-]?\d{1,3}([,. '])\d{3}(\1\d{3})*([.,]\d+)?$/.exec(text);
  if (grouped?.[1]) {
    const plain = text.split(grouped[1]).join("").replace(",", ".");
    return fail(`"${text}" has a thousands separator`, `write digits only, e.g. ${plain}`);
  }
  if (/^[+-]?\d*,\d+$/.test(text)) return fail(`"${text}" has a decimal comma`, `write ${text.replace(",", ".")}: the decimal mark is a point in files delimited by ","`);
  if (/^[+-]?[\d.,]+\s*[a-z]+\.?$/i.test(text))
    return fail(`"${text}" has a unit in the cell`, `write the number only (e.g. ${example}); the unit goes in the unit column or the header, e.g. "weight (kg)"`);
  return fail(`"${text}" is not a number`, `write digits only, e.g. ${example}`);
}

function parseWholeCell(v: CellValue | undefined, example: string, min: number, max: number, decimalComma: boolean): Parsed<number> {
  const n = parseNumberCell(v, example, decimalComma);
  if (!n.ok) return n;
  if (!Number.isInteger(n.value)) return fail(`${shown(v)} is not a whole number`, `write a whole number from ${min}${max === Infinity ? " up" : ` to ${max}`}, e.g. ${example}`);
  if (n.value < min || n.value > max)
    return fail(
      `${n.value} is ${n.value < min ? "too small" : "too large"}`,
      max === Infinity ? `write a whole number of at least ${min}` : `write a whole number from ${min} to ${max}`,
    );
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
  return fail(`${shown(v)} is not yes or no`, "write yes or no (also true/false, 1/0)");
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const idHint = (text: string, what: string) => {
  const fixed = text.replace(/[^A-Za-z0-9._:-]+/g, "-").replace(/^[^A-Za-z0-9]+/, "");
  return `a ${what} id has letters, digits and . _ : - only, starting with a letter or digit${fixed ? `, e.g. ${fixed}` : ""}`;
};

const DIVISION = /^[1-9]\.[1-6][A-S]?$/;

// ---------------------------------------------------------------------------------------------
// The import

interface Layout {
  readonly columns: ReadonlyMap<ColumnKey, { index: number; unit?: MassUnit | LengthUnit }>;
  readonly ignored: ReadonlySet<number>;
  readonly width: number;
}

function readHeader(table: SourceTable, at: Positions, issues: ImportIssue[]): Layout {
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
        issues.push(at.cell(line, index, `unknown column "${text}"`, `use one of: ${known} (or start the header with # to ignore the column, e.g. "# ${text}")`));
        return;
      case "bad_unit":
        issues.push(at.cell(line, index, `unknown unit "${m.unit}" for column ${m.spec.key}`, `write ${unitList(m.spec.measure ?? "mass")}, e.g. "${m.spec.key} (${m.spec.measure === "length" ? "cm" : "kg"})"`));
        return;
      case "unit_not_allowed":
        issues.push(at.cell(line, index, `column ${m.spec.key} takes no unit`, `write the header as "${m.spec.key}"`));
        return;
      case "column": {
        const seen = columns.get(m.spec.key);
        if (seen) {
          issues.push(at.cell(line, index, `a second ${m.spec.key} column (the first is column ${seen.index + 1})`, "keep one column of each name; remove or rename the other"));
          return;
        }
        columns.set(m.spec.key, m.unit !== undefined ? { index, unit: m.unit } : { index });
      }
    }
  });
  for (const spec of CARGO_COLUMNS) {
    if (spec.required && !columns.has(spec.key)) {
      const aka = spec.aliases.length > 0 ? ` (or ${spec.aliases.map((a) => `"${a}"`).join(", ")})` : "";
      issues.push(at.row(line, `no ${spec.key} column`, `add a column named "${spec.key}"${aka}${spec.measure ? ` with its unit, e.g. "${spec.key} (${spec.measure === "mass" ? "kg" : "cm"})"` : ""}`, true));
    }
  }
  // A measured column needs a unit: in its header or in a unit column.
  const weight = columns.get("weight");
  if (weight && weight.unit === undefined && !columns.has("weight_unit"))
    issues.push(at.cell(line, weight.index, "the weight column has no unit", 'name it "weight (kg)", "weight (lb)" or "weight (t)", or add a weight_unit column'));
  for (const key of ["length", "width", "height"] as const) {
    const c = columns.get(key);
    if (c && c.unit === undefined && !columns.has("dimension_unit"))
      issues.push(at.cell(line, c.index, `the ${key} column has no unit`, `name it "${key} (cm)" or "${key} (in)", or add a dimension_unit column`));
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
  const at = new Positions(table, headers);
  const issues: ImportIssue[] = [];
  const layout = readHeader(table, at, issues);
  const rows = table.rows.filter((r) => r.cells.some((c) => cellText(c) !== ""));
  if (rows.length === 0) issues.push(at.row(table.header.line, "no cargo rows under the header", "add one row per cargo line below the header", true));

  const firstLine = new Map<string, number>();
  const lines: ImportedLine[] = [];
  for (const row of rows) {
    const line = readRow(row, table, layout, at, context, issues, firstLine);
    if (line) lines.push(line);
  }
  checkIds(lines, context, at, layout, issues);
  if (issues.length > 0) return { ok: false, issues: issues.sort((a, b) => a.line - b.line || a.column - b.column) };
  return { ok: true, lines };
}

function readRow(
  row: SourceRow,
  table: SourceTable,
  layout: Layout,
  at: Positions,
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
  const report = (key: ColumnKey, message: string, hint: string) => {
    const c = col(key);
    if (c) issues.push(at.cell(row.line, c.index, message, hint));
  };
  const empty = (key: ColumnKey) => cellText(raw(key)) === "";
  /** A required cell: reports it empty, or returns its parsed value. */
  const need = <T>(key: ColumnKey, what: string, example: string, parse: (v: CellValue | undefined) => Parsed<T>): T | undefined => {
    if (!col(key)) return undefined; // reported once, on the header
    if (empty(key)) {
      report(key, `no ${what}`, `write the ${what}, e.g. ${example}`);
      return undefined;
    }
    const p = parse(raw(key));
    if (!p.ok) {
      report(key, p.message, p.hint);
      return undefined;
    }
    return p.value;
  };
  const optional = <T>(key: ColumnKey, parse: (v: CellValue | undefined) => Parsed<T>): T | undefined => {
    if (!col(key) || empty(key)) return undefined;
    const p = parse(raw(key));
    if (!p.ok) {
      report(key, p.message, p.hint);
      return undefined;
    }
    return p.value;
  };
  const text = (v: CellValue | undefined): Parsed<string> => ({ ok: true, value: cellText(v) });

  // Values beyond the header have no column to go to.
  row.cells.forEach((v, index) => {
    if (index >= layout.width && cellText(v) !== "")
      issues.push(
        at.cell(
          row.line,
          index,
          `${shown(v)} is beyond the last column (the header has ${layout.width})`,
          table.format === "csv" ? "remove it, or quote a cell that contains the delimiter" : "remove it, or give its column a header",
        ),
      );
  });

  const id = need<string>("id", "id", "gen-01", (v) => {
    const t = typeof v === "number" && Number.isInteger(v) ? String(v) : cellText(v);
    if (!ID.test(t)) return fail(`"${t}" is not a valid id`, idHint(t, "cargo"));
    const first = firstLine.get(t);
    if (first !== undefined) return fail(`id "${t}" is already used on ${table.format === "csv" ? "line" : "row"} ${first}`, "give each cargo line its own id");
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
      : fail(`${shown(v)} is not a kind of cargo`, `use one of: ${CARGO_KINDS.join(", ")}`);
  });
  const hazard = readHazard(row, layout, at, issues);
  const sensitive = optional("sensitive", parseBooleanCell);
  const priority = optional("priority", (v) => parseWholeCell(v, "3", 1, 5, dc));
  const disposition = optional<string>("disposition", (v) => {
    const d = cellText(v).toLowerCase();
    return ["withdraw", "handover", "dispose"].includes(d)
      ? { ok: true, value: d }
      : fail(`${shown(v)} is not a disposition`, "use one of: withdraw, handover, dispose");
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
  return n.value > 0 ? n : fail(`${n.value} is not more than 0`, `write the size of one piece, e.g. ${example}`);
}

/** The unit of a measured cell: the row's unit cell, else the unit in the column's header. */
function unitOf(
  row: SourceRow,
  key: "weight" | "length" | "width" | "height",
  unitKey: "weight_unit" | "dimension_unit",
  measure: "mass" | "length",
  layout: Layout,
  at: Positions,
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
    if (!already) issues.push(at.cell(row.line, unitColumn.index, `no ${unitKey === "weight_unit" ? "weight" : "dimension"} unit`, `write ${unitList(measure)}`));
    return undefined;
  }
  const unit = lookupUnit(measure, written);
  if (!unit) {
    const already = issues.some((i) => i.line === row.line && i.column === unitColumn.index + 1);
    if (!already) issues.push(at.cell(row.line, unitColumn.index, `${shown(cell)} is not a ${measure === "mass" ? "weight" : "length"} unit`, `write ${unitList(measure)}`));
    return undefined;
  }
  if (fromHeader && fromHeader !== unit) {
    issues.push(at.cell(row.line, unitColumn.index, `unit ${unit} contradicts the header of column ${key}, which says ${fromHeader}`, `leave the cell empty or write ${fromHeader}`));
    return undefined;
  }
  return unit;
}

function checkSite(site: string, context: CargoImportContext): Parsed<string> {
  if (!ID.test(site)) return fail(`"${site}" is not a valid site id`, idHint(site, "site"));
  const sites = context.sites;
  if (!sites) return { ok: true, value: site };
  const host = sites.filter((s) => s.inHostCountry).map((s) => s.id);
  const found = sites.find((s) => s.id === site);
  if (!found) {
    const near = sites.find((s) => s.id.toLowerCase() === site.toLowerCase());
    return fail(`unknown site "${site}"`, near ? `did you mean ${near.id}? Site ids are case-sensitive` : `use a site of the scenario: ${host.join(", ")}`);
  }
  if (!found.inHostCountry) return fail(`site "${site}" is not in the host country`, `cargo leaves from a host-country site: ${host.join(", ")}`);
  return { ok: true, value: site };
}

function readHazard(row: SourceRow, layout: Layout, at: Positions, issues: ImportIssue[]): CargoLineInput["hazard"] | undefined {
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
  const report = (c: { index: number }, message: string, hint: string) => {
    issues.push(at.cell(row.line, c.index, message, hint));
    bad = true;
  };
  if (cls && cls.text !== "") {
    const t = cls.text.replace(/^class\s*/i, "").toUpperCase();
    if (/^[1-9]$/.test(t)) hazardClass = Number(t);
    else if (DIVISION.test(t)) {
      hazardClass = Number(t[0]);
      division = t;
    } else report(cls, `"${cls.text}" is not a hazard class`, "write the UN class 1–9 (e.g. 3), or a division such as 1.4S; a UN number goes in un_number");
  }
  if (div && div.text !== "") {
    const t = div.text.toUpperCase();
    if (!DIVISION.test(t)) report(div, `"${div.text}" is not a hazard division`, "write a division such as 1.4S or 2.1");
    else if (hazardClass !== undefined && Number(t[0]) !== hazardClass)
      report(div, `division ${t} does not belong to class ${hazardClass}`, `write a division of class ${hazardClass} (e.g. ${hazardClass}.1), or correct hazard_class`);
    else if (division !== undefined && division !== t) report(div, `division ${t} contradicts hazard_class ${division}`, "write the division in one column only");
    else {
      division = t;
      hazardClass ??= Number(t[0]);
    }
  }
  if (un && un.text !== "") {
    const digits = typeof un.value === "number" && Number.isInteger(un.value) && un.value >= 0 && un.value < 10000 ? String(un.value).padStart(4, "0") : undefined;
    const m = /^UN\s*(\d{4})$/i.exec(un.text) ?? /^(\d{4})$/.exec(un.text);
    const number = digits ?? m?.[1];
    if (!number) report(un, `"${un.text}" is not a UN number`, "write UN and four digits, e.g. UN1203");
    else {
      unNumber = `UN${number}`;
      if (hazardClass === undefined && !bad)
        report(un, `${unNumber} has no hazard class`, "write its class in hazard_class (e.g. 3 for a flammable liquid)");
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

function pushSchemaIssue(issue: z.core.$ZodIssue, row: SourceRow, layout: Layout, at: Positions, issues: ImportIssue[]): void {
  const [first, second] = issue.path;
  const key: ColumnKey | undefined =
    first === "dimensions" && (second === "length" || second === "width" || second === "height")
      ? second
      : typeof first === "string"
        ? SCHEMA_FIELD[first]
        : undefined;
  const c = key ? layout.columns.get(key) : undefined;
  issues.push(c ? at.cell(row.line, c.index, issue.message, "see docs/cargo-import.md") : at.row(row.line, issue.message, "see docs/cargo-import.md"));
}

/** Ids must not collide with the scenario's cargo: any of it when appending, the lines kept when replacing. */
function checkIds(lines: readonly ImportedLine[], context: CargoImportContext, at: Positions, layout: Layout, issues: ImportIssue[]): void {
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
    issues.push(
      replacing
        ? at.cell(l.line, idColumn.index, `id "${l.input.id}" is a cargo line of site ${site}, which this file does not replace`, "choose another id")
        : at.cell(l.line, idColumn.index, `id "${l.input.id}" is already a cargo line in the scenario (site ${site})`, "choose another id, or run with --replace to replace the cargo of the sites in this file"),
    );
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
