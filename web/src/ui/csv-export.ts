/**
 * Tables as CSV files for spreadsheets: UTF-8 with a byte-order mark (so Excel reads accents
 * right), CRLF line ends and RFC 4180 quoting. Text that a spreadsheet would run as a formula
 * (starting with = + - @) is prefixed with an apostrophe; numbers are written as numbers.
 */

/** One cell: text, a number (written with a point), or nothing. */
export type CsvCell = string | number | boolean | null | undefined;

/** The byte-order mark that tells spreadsheets the file is UTF-8. */
export const BOM = "\uFEFF";

const FORMULA = /^[=+\-@\t\r]/;

/**
 * One cell as CSV text.
 *
 * @example
 * csvCell('Radios, "encrypted"'); // "\"Radios, \"\"encrypted\"\"\""
 * csvCell("=1+1");                // "'=1+1"
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The text of a CSV file: the BOM, the header, then one line per row.
 *
 * @example
 * toCsv(["Sortie", "Payload (kg)"], [["S0001", 36071.3]]); // "\uFEFFSortie,Payload (kg)\r\nS0001,36071.3\r\n"
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const line = (cells: readonly CsvCell[]) => cells.map(csvCell).join(",");
  return `${BOM}${[line(header), ...rows.map(line)].join("\r\n")}\r\n`;
}

/**
 * A file name safe on every system: `plan-sorties-2024-06-03.csv`.
 *
 * @example
 * csvFileName("Plan sorties"); // "plan-sorties.csv"
 */
export function csvFileName(name: string): string {
  const base = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${base || "table"}.csv`;
}
