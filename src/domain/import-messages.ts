/**
 * The problems every spreadsheet import shares — the header's columns, cells beyond the last
 * column, the file itself — as coded English templates (`{{placeholders}}`). The web app has the
 * French of each code (web/src/i18n/fr-import-codes.ts; a test checks every code is there).
 */
import { messageSayer, problemSayer } from "./coded-message.ts";

export const IMPORT_MESSAGES = {
  "import.header.unknown_column": {
    message: 'unknown column "{{header}}"',
    hint: 'use one of: {{known}} (or start the header with # to ignore the column, e.g. "# {{header}}")',
  },
  "import.header.second_column": {
    message: "a second {{column}} column (the first is column {{first}})",
    hint: "keep one column of each name; remove or rename the other",
  },
  "import.header.missing_column": { message: "no {{column}} column", hint: 'add a column named "{{column}}"' },
  "import.header.missing_column_aka": { message: "no {{column}} column", hint: 'add a column named "{{column}}" (or {{aliases}})' },
  "import.cell.beyond_last_csv": {
    message: "{{value}} is beyond the last column (the header has {{width}})",
    hint: "remove it, or quote a cell that contains the delimiter",
  },
  "import.cell.beyond_last_xlsx": {
    message: "{{value}} is beyond the last column (the header has {{width}})",
    hint: "remove it, or give its column a header",
  },
  "import.cell.too_long": { message: "the {{column}} has {{length}} characters", hint: "write at most {{max}} characters" },
  "import.file.csv_syntax": {
    message: "{{detail}}",
    hint: 'check the quotes: a cell that holds a quote is written "like ""this""", and every opening quote needs its closing one',
  },
  "import.file.empty_csv": { message: "the file is empty", hint: "the first line names the columns: {{columns}}, …" },
  "import.file.empty_sheet": { message: "the sheet is empty", hint: "the first row names the columns: {{columns}}, …" },
  "import.file.utf16": { message: 'the file is UTF-16 (Excel\'s "Unicode text")', hint: 'save it as "CSV UTF-8" and import that' },
  "import.file.not_xlsx": { message: "not a readable .xlsx workbook ({{detail}})", hint: "save it again from Excel as .xlsx, or as CSV UTF-8" },
  "import.file.no_worksheet": { message: "the workbook has no worksheet", hint: "save it again from Excel with the table on its first sheet" },
  "import.file.no_such_sheet": { message: 'no sheet named "{{sheet}}"', hint: "the workbook has {{sheets}}" },
  "import.file.old_xls": { message: "{{file}} is an old .xls workbook", hint: "save it as .xlsx (or as CSV UTF-8) and import that" },
  "import.file.not_spreadsheet": { message: "cannot import {{file}}", hint: "use a .csv or .xlsx file (see {{doc}})" },
  "import.file.sheet_for_csv": { message: "a sheet was named but a CSV file has one table", hint: "leave the sheet empty for a CSV file" },
} as const;

/** Says one of the shared import problems. */
export const sayImport = problemSayer(IMPORT_MESSAGES);

/** How a file was read, said to the person who sent it. */
export const IMPORT_NOTES = {
  "import.note.encoding": "read as {{encoding}} (not UTF-8)",
  "import.note.semicolons": "delimited by semicolons (a comma in a number is its decimal mark)",
  "import.note.tabs": "delimited by tabs",
  "import.note.header_line": "the header is line {{line}}; the lines above it are not read",
  "import.note.header_row": "the header is row {{line}}; the rows above it are not read",
  "import.note.sheet": 'sheet "{{sheet}}" (the workbook has {{sheets}}; --sheet NAME reads another)',
} as const;

/** Says how a file was read. */
export const sayImportNote = messageSayer(IMPORT_NOTES);
