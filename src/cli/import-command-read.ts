import { CsvError, parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { type CellValue, type ImportIssue, matchHeader, type SourceRow, type SourceTable } from "#domain/cargo-import.ts";
import { UserError } from "./io.ts";

/** A table read from a file, with notes for the user (encoding, sheet), or the file's syntax problems. */
export type TableRead = { ok: true; table: SourceTable; notes: string[] } | { ok: false; issues: ImportIssue[] };

/** The header: the first row naming three known columns (a title may sit above it), else the first row with a value. */
export function headerIndex(rows: readonly SourceRow[]): number {
  const known = (r: SourceRow) => r.cells.filter((c) => typeof c === "string" && matchHeader(c).kind === "column").length;
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
    throw new UserError("the file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" and import that");
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "Windows-1252" };
  }
}

/**
 * Parses CSV text into a table: a BOM is dropped, the delimiter is read from the header line and each
 * row keeps the line it starts on (a quoted cell may span lines). A syntax error (an unclosed quote) is an issue.
 */
export function csvTable(text: string): TableRead {
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
      const where = `line ${line}`;
      return {
        ok: false,
        issues: [{ path: "", line, column: 1, where, message: e.message, hint: 'check the quotes: a cell that holds a quote is written "like ""this""", and every opening quote needs its closing one' }],
      };
    }
    throw e;
  }
  // `info.lines` is the line a record ends on; its raw text (after skipped empty lines) says how many it spans.
  const rows: SourceRow[] = records.map((r) => {
    const body = r.raw.replace(/^\n+/, "").replace(/\n$/, "");
    return { line: r.info.lines - (body.match(/\n/g)?.length ?? 0), cells: r.record };
  });
  const headerAt = headerIndex(rows);
  const header = rows[headerAt];
  const data = rows.slice(headerAt + 1);
  if (!header)
    return { ok: false, issues: [{ path: "", line: 1, column: 1, where: "line 1", message: "the file is empty", hint: "the first line names the columns: id,description,site,quantity,weight (kg),…" }] };
  const names = { ",": "comma", ";": "semicolon", "\t": "tab" } as const;
  return {
    ok: true,
    table: { format: "csv", decimalComma: delimiter === ";", header, rows: data },
    notes: [
      ...(delimiter === "," ? [] : [`delimited by ${names[delimiter]}s${delimiter === ";" ? " (a comma in a number is its decimal mark)" : ""}`]),
      ...(headerAt > 0 ? [`the header is line ${header.line}; the lines above it are not read`] : []),
    ],
  };
}

/** A cell of ExcelJS as text, number or boolean: formulas give their saved result, rich text its text. */
export function xlsxCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
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
export async function xlsxTable(bytes: Uint8Array, sheet?: string): Promise<TableRead> {
  const workbook = new ExcelJS.Workbook();
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    await workbook.xlsx.load(buffer as ArrayBuffer);
  } catch (e) {
    throw new UserError(`not a readable .xlsx workbook (${(e as Error).message}); save it again from Excel as .xlsx, or as CSV UTF-8`);
  }
  const sheets = workbook.worksheets;
  const names = sheets.map((s) => `"${s.name}"`).join(", ");
  const ws =
    sheet === undefined ? sheets[0] : (sheets.find((s) => s.name === sheet) ?? sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase()));
  if (!ws) throw new UserError(sheet === undefined ? "the workbook has no worksheet" : `no sheet named "${sheet}"; the workbook has ${names}`);
  const rows: SourceRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = xlsxCellValue(cell.value);
    });
    rows.push({ line: rowNumber, cells: Array.from(cells, (c) => c ?? null) });
  });
  const headerAt = headerIndex(rows);
  const header = rows[headerAt];
  if (!header)
    return {
      ok: false,
      issues: [{ path: "", line: 1, column: 1, where: `sheet "${ws.name}"`, message: "the sheet is empty", hint: "the first row names the columns: id, description, site, quantity, weight (kg), …" }],
    };
  const notes = sheets.length > 1 ? [`sheet "${ws.name}" (the workbook has ${names}; --sheet NAME reads another)`] : [];
  if (headerAt > 0) notes.push(`the header is row ${header.line}; the rows above it are not read`);
  return { ok: true, table: { format: "xlsx", sheet: ws.name, header, rows: rows.slice(headerAt + 1) }, notes };
}
