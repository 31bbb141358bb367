/**
 * A header row read against an import's column set: each known column found once, `# remarks` and
 * blank headers ignored, every other header an error (so a misspelt optional column cannot fall
 * back to its default unnoticed), every missing required column an error on the header.
 */
import { type CellPositions, cellText, type ImportIssue, normaliseName, type SourceRow } from "./import-table.ts";
import { sayImport } from "./import-messages.ts";

/** One column of an import: its name, the other names it goes by, whether every file needs it. */
export interface ColumnSpec<K extends string> {
  readonly key: K;
  readonly aliases: readonly string[];
  readonly required: boolean;
}

/** The columns found: each key's index (from 0), and the header's width. */
export interface ColumnLayout<K extends string> {
  readonly columns: ReadonlyMap<K, number>;
  readonly width: number;
}

/** The spec a header names (case-insensitively; spaces, `-` and `.` count as `_`), if any. */
export function columnOf<K extends string>(specs: readonly ColumnSpec<K>[], raw: string): ColumnSpec<K> | undefined {
  const name = normaliseName(raw);
  return specs.find((s) => s.key === name || s.aliases.includes(name));
}

/** True when a header cell is left out on purpose: blank, or starting with `#`. */
export const isIgnoredHeader = (raw: string): boolean => raw.trim() === "" || raw.trim().startsWith("#");

/**
 * Reads the header row: where each column is, with every problem added to `issues`.
 *
 * @example
 * const layout = readColumns(table.header, PERSONNEL_COLUMNS, at, issues);
 * layout.columns.get("name"); // 0
 */
export function readColumns<K extends string>(header: SourceRow, specs: readonly ColumnSpec<K>[], at: CellPositions, issues: ImportIssue[]): ColumnLayout<K> {
  const columns = new Map<K, number>();
  const known = specs.map((c) => c.key).join(", ");
  header.cells.forEach((raw, index) => {
    const text = cellText(raw);
    if (isIgnoredHeader(text)) return;
    const spec = columnOf(specs, text);
    if (spec === undefined) {
      issues.push(at.cell(header.line, index, sayImport("import.header.unknown_column", { header: text, known })));
      return;
    }
    const seen = columns.get(spec.key);
    if (seen !== undefined) {
      issues.push(at.cell(header.line, index, sayImport("import.header.second_column", { column: spec.key, first: seen + 1 })));
      return;
    }
    columns.set(spec.key, index);
  });
  for (const spec of specs) {
    if (!spec.required || columns.has(spec.key)) continue;
    const said =
      spec.aliases.length > 0
        ? sayImport("import.header.missing_column_aka", { column: spec.key, aliases: spec.aliases.map((a) => `"${a}"`).join(", ") })
        : sayImport("import.header.missing_column", { column: spec.key });
    issues.push(at.row(header.line, said, true));
  }
  return { columns, width: header.cells.length };
}

/**
 * Values beyond the header's last column have no column to go to: one issue each.
 *
 * @example
 * reportBeyondLastColumn(row, layout.width, "csv", at, issues);
 */
export function reportBeyondLastColumn(row: SourceRow, width: number, format: "csv" | "xlsx", at: CellPositions, issues: ImportIssue[]): void {
  row.cells.forEach((v, index) => {
    if (index < width || cellText(v) === "") return;
    const params = { value: JSON.stringify(cellText(v)), width };
    issues.push(at.cell(row.line, index, sayImport(format === "csv" ? "import.cell.beyond_last_csv" : "import.cell.beyond_last_xlsx", params)));
  });
}
