import { CsvError, parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { matchHeader } from "#domain/cargo-import.ts";
import type { CodedMessage, CodedProblem } from "#domain/coded-message.ts";
import { sayImport, sayImportNote } from "#domain/import-messages.ts";
import type { CellValue, ImportIssue, SourceRow, SourceTable } from "#domain/import-table.ts";
import { UserError } from "./io.ts";

/** What is being imported, as the reader needs it: which headers are its columns, and a few of them for a hint. */
export interface ImportKind {
  readonly isColumn: (header: string) => boolean;
  /** The first columns, as a hint for an empty file: `id, description, site, quantity, weight (kg)`. */
  readonly columns: string;
}

/** The cargo import's columns. */
export const CARGO_KIND: ImportKind = { isColumn: (h) => matchHeader(h).kind === "column", columns: "id, description, site, quantity, weight (kg)" };

/** A file that cannot be read as a table, said with a code (the CLI prints `message; hint`). */
export class UnreadableFile extends UserError {
  constructor(readonly said: CodedProblem) {
    super(`${said.message}; ${said.hint}`);
  }
}

/** A table read from a file, with notes for the user (encoding, sheet), or the file's syntax problems. */
export type TableRead = { ok: true; table: SourceTable; notes: CodedMessage[] } | { ok: false; issues: ImportIssue[] };

/** An issue about the whole file, at a line. */
function fileIssue(line: number, where: string, said: CodedProblem): ImportIssue {
  return { path: "", line, column: 1, where, ...said };
}

/** The header: the first row naming three known columns (a title may sit above it), else the first row with a value. */
export function headerIndex(rows: readonly SourceRow[], isColumn: ImportKind["isColumn"] = CARGO_KIND.isColumn): number {
  const known = (r: SourceRow) => r.cells.filter((c) => typeof c === "string" && isColumn(c)).length;
  const named = rows.findIndex((r) => known(r) >= 3);
  return named >= 0 ? named : rows.findIndex((r) => r.cells.some((c) => c !== null && String(c).trim() !== ""));
}

/** `,`, `;` or tab: whichever occurs most often outside quotes in the header line (`,` on a tie). */
export function detectDelimiter(headerLine: string): "," | ";" | "\t" {
  const counts = delimiters(headerLine);
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","] && counts["\t"] > counts[";"]) return "\t";
  return ",";
}

function delimiters(line: string): Record<"," | ";" | "\t", number> {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) counts[ch]++;
  }
  return counts;
}

const delimiterCount = (line: string) => Math.max(...Object.values(delimiters(line)));

/** UTF-8 (a BOM is dropped); a file that is not UTF-8 is read as Windows-1252, as Excel's plain "CSV" is saved. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: "UTF-8" | "Windows-1252" } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new UnreadableFile(sayImport("import.file.utf16", {}));
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "Windows-1252" };
  }
}

/**
 * Reads a CSV file's bytes into a table: decoded as `decodeCsv` does (a note says when it was not
 * UTF-8), then parsed by `csvTable`.
 */
export function csvTableOfBytes(bytes: Uint8Array, kind: ImportKind = CARGO_KIND): TableRead {
  const { text, encoding } = decodeCsv(bytes);
  const read = csvTable(text, kind);
  return read.ok && encoding !== "UTF-8" ? { ...read, notes: [sayImportNote("import.note.encoding", { encoding }), ...read.notes] } : read;
}

/**
 * Parses CSV text into a table: a BOM is dropped, the delimiter is read from the header line and each
 * row keeps the line it starts on (a quoted cell may span lines). A syntax error (an unclosed quote) is an issue.
 */
export function csvTable(text: string, kind: ImportKind = CARGO_KIND): TableRead {
  const normal = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  // The header line: the first with two delimiters (a title line above it has none or one).
  const lines = normal.split("\n").filter((l) => l.trim() !== "").slice(0, 20);
  const headerLine = lines.find((l) => delimiterCount(l) >= 2) ?? lines[0] ?? "";
  const delimiter = detectDelimiter(headerLine);
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(normal, { delimiter, bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (e) {
    if (e instanceof CsvError) {
      const line = typeof (e as CsvError & { lines?: unknown }).lines === "number" ? (e as CsvError & { lines: number }).lines : 1;
      return { ok: false, issues: [fileIssue(line, `line ${line}`, sayImport("import.file.csv_syntax", { detail: e.message }))] };
    }
    throw e;
  }
  // `info.lines` is the line a record ends on; its raw text (after skipped empty lines) says how many it spans.
  const rows: SourceRow[] = records.map((r) => {
    const body = r.raw.replace(/^\n+/, "").replace(/\n$/, "");
    return { line: r.info.lines - (body.match(/\n/g)?.length ?? 0), cells: r.record };
  });
  const headerAt = headerIndex(rows, kind.isColumn);
  const header = rows[headerAt];
  const data = rows.slice(headerAt + 1);
  if (!header) return { ok: false, issues: [fileIssue(1, "line 1", sayImport("import.file.empty_csv", { columns: kind.columns }))] };
  const notes: CodedMessage[] = [];
  if (delimiter === ";") notes.push(sayImportNote("import.note.semicolons", {}));
  if (delimiter === "\t") notes.push(sayImportNote("import.note.tabs", {}));
  if (headerAt > 0) notes.push(sayImportNote("import.note.header_line", { line: header.line }));
  return { ok: true, table: { format: "csv", decimalComma: delimiter === ";", header, rows: data }, notes };
}

/** A cell of ExcelJS as text, number or boolean: formulas give their saved result, rich text its text. */
export function xlsxCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  // A date cell: its day, and its time (UTC, as ExcelJS reads it) unless it is midnight.
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.slice(11, 19) === "00:00:00" ? iso.slice(0, 10) : `${iso.slice(0, 16)}Z`;
  }
  if ("error" in value) return value.error;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("hyperlink" in value) return xlsxCellValue(value.text as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    if (result === undefined) return `=${value.formula ?? ""} (a formula with no saved result: open and save the file in Excel)`;
    return xlsxCellValue(result);
  }
  return null;
}

/** Reads one worksheet (the first, or `sheet` by name, case-insensitively) into a table with row numbers. */
export async function xlsxTable(bytes: Uint8Array, sheet?: string, kind: ImportKind = CARGO_KIND): Promise<TableRead> {
  const workbook = new ExcelJS.Workbook();
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    await workbook.xlsx.load(buffer as ArrayBuffer);
  } catch (e) {
    throw new UnreadableFile(sayImport("import.file.not_xlsx", { detail: (e as Error).message }));
  }
  const sheets = workbook.worksheets;
  const names = sheets.map((s) => `"${s.name}"`).join(", ");
  const ws =
    sheet === undefined ? sheets[0] : (sheets.find((s) => s.name === sheet) ?? sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase()));
  if (!ws) throw new UnreadableFile(sheet === undefined ? sayImport("import.file.no_worksheet", {}) : sayImport("import.file.no_such_sheet", { sheet, sheets: names }));
  const rows: SourceRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = xlsxCellValue(cell.value);
    });
    rows.push({ line: rowNumber, cells: Array.from(cells, (c) => c ?? null) });
  });
  const headerAt = headerIndex(rows, kind.isColumn);
  const header = rows[headerAt];
  if (!header) return { ok: false, issues: [fileIssue(1, `sheet "${ws.name}"`, sayImport("import.file.empty_sheet", { columns: kind.columns }))] };
  const notes: CodedMessage[] = sheets.length > 1 ? [sayImportNote("import.note.sheet", { sheet: ws.name, sheets: names })] : [];
  if (headerAt > 0) notes.push(sayImportNote("import.note.header_row", { line: header.line }));
  return { ok: true, table: { format: "xlsx", sheet: ws.name, header, rows: rows.slice(headerAt + 1) }, notes };
}
