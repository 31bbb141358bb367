/**
 * A spreadsheet as the importers see it (cargo, personnel): cells with their positions, read from
 * a CSV or XLSX file by an edge (the CLI's reader, the server's preview), and a problem about a cell
 * said with its line, column and the column's header the way a person reads it.
 */
import type { CodedProblem, MessageParams } from "./coded-message.ts";
import type { FileIssue } from "./json-issues.ts";

/** A cell as read: CSV gives text; XLSX also numbers and booleans. Empty is `null` or `""`. */
export type CellValue = string | number | boolean | null;

/** One row of the source: its line (CSV, where the record starts) or row number (XLSX) and its cells. */
export interface SourceRow {
  readonly line: number;
  /** Index 0 is column 1 (CSV field 1, XLSX column A). */
  readonly cells: readonly CellValue[];
}

/** What a reader hands to an importer: the header row and the data rows, blank rows included or not. */
export interface SourceTable {
  readonly format: "csv" | "xlsx";
  /** XLSX: the worksheet read. */
  readonly sheet?: string;
  /** CSV delimited by `;`: a `,` in a number is a decimal mark (`12,5` is 12.5). */
  readonly decimalComma?: boolean;
  readonly header: SourceRow;
  readonly rows: readonly SourceRow[];
}

/**
 * A problem in the source file: `where` says it the way a person reads it (`line 7, column "weight"`);
 * `code` and `params` name the message and its hint for translation (the English is `message`/`hint`).
 */
export interface ImportIssue extends FileIssue {
  /** `line 7, column "weight"` (CSV) or `sheet "Cargo", cell D7, column "weight"` (XLSX). */
  readonly where: string;
  /** XLSX: the A1 reference of the cell, e.g. `D7`. */
  readonly cell?: string;
  readonly code: string;
  readonly params: MessageParams;
}

/** A cell's text, trimmed; empty for an empty cell. */
export const cellText = (v: CellValue | undefined): string =>
  v === null || v === undefined ? "" : typeof v === "string" ? v.trim() : String(v);

/** A cell's text in quotes, as messages show it. */
export const shownCell = (v: CellValue | undefined): string => JSON.stringify(cellText(v));

/** A header as a column name: lower case, runs of other characters as one `_` (`UN No.` → `un_no`). */
export const normaliseName = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");

/** `C` for column 3, `AA` for 27. */
export function columnLetter(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Says where a problem is: a cell (by its column's header) or a whole row. */
export class CellPositions {
  constructor(
    private readonly table: Pick<SourceTable, "format" | "sheet">,
    private readonly headers: readonly string[],
  ) {}

  /** An issue about one cell (`index` from 0). */
  cell(line: number, index: number, said: CodedProblem): ImportIssue {
    const name = this.headers[index]?.trim();
    const column = name ? `column "${name}"` : `column ${index + 1}`;
    const base = { line, column: index + 1, message: said.message, hint: said.hint, code: said.code, params: said.params };
    if (this.table.format === "xlsx") {
      const ref = `${columnLetter(index + 1)}${line}`;
      return { ...base, path: name ?? ref, where: `${this.sheet()}cell ${ref}, ${column}`, cell: ref };
    }
    return { ...base, path: name ?? `column ${index + 1}`, where: `line ${line}, ${column}` };
  }

  /** An issue about a whole row (or the header). */
  row(line: number, said: CodedProblem, header = false): ImportIssue {
    const where =
      this.table.format === "xlsx" ? `${this.sheet()}row ${line}${header ? " (header)" : ""}` : `line ${line}${header ? " (header)" : ""}`;
    return { path: "", line, column: 1, where, message: said.message, hint: said.hint, code: said.code, params: said.params };
  }

  private sheet(): string {
    return this.table.sheet !== undefined ? `sheet "${this.table.sheet}", ` : "";
  }
}

/** Issues in file order: by line, then column. */
export const inFileOrder = (issues: ImportIssue[]): ImportIssue[] => issues.sort((a, b) => a.line - b.line || a.column - b.column);
