/**
 * A spreadsheet sent to the server (base64 in JSON), read as `drawdown import` reads a file: the
 * format from its name, CSV or XLSX into a table, and every problem as the wire's import issue
 * (line, column, header, coded message and hint). Shared by the cargo and personnel previews.
 */
import { createHash } from "node:crypto";
import type { z } from "@hono/zod-openapi";
import { csvTableOfBytes, type ImportKind, type TableRead, UnreadableFile, xlsxTable } from "#cli/import-command-read.ts";
import type { CodedProblem } from "#domain/coded-message.ts";
import { sayImport } from "#domain/import-messages.ts";
import type { CellValue, ImportIssue } from "#domain/import-table.ts";
import type { importIssueSchema } from "./routes/scenario-page-wire.ts";

/** An import issue as the wire carries it. */
export type WireImportIssue = z.infer<typeof importIssueSchema>;

/** A cell as the preview shows it. */
export const cellString = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : String(v));

/** An issue about the whole file. */
export function fileIssue(said: CodedProblem, line = 1): WireImportIssue {
  return { line, column: 1, columnName: null, cell: null, where: `line ${line}`, ...said };
}

/** An importer's issue on the wire: the column's header by name. */
export function wireIssue(i: ImportIssue, headers: readonly string[]): WireImportIssue {
  const name = headers[i.column - 1]?.trim();
  return {
    line: i.line,
    column: i.column,
    columnName: name === undefined || name === "" ? null : name,
    cell: i.cell ?? null,
    where: i.where,
    message: i.message,
    hint: i.hint,
    code: i.code,
    params: i.params,
  };
}

/** .csv (or .txt) and .xlsx; anything else is refused with what to do. */
export function uploadFormat(fileName: string, doc: string): { format: "csv" | "xlsx" } | { issue: WireImportIssue } {
  const ext = /\.[^.]+$/.exec(fileName.toLowerCase())?.[0] ?? "";
  if (ext === ".csv" || ext === ".txt") return { format: "csv" };
  if (ext === ".xlsx") return { format: "xlsx" };
  if (ext === ".xls") return { issue: fileIssue(sayImport("import.file.old_xls", { file: fileName })) };
  return { issue: fileIssue(sayImport("import.file.not_spreadsheet", { file: fileName, doc })) };
}

/** What was sent: the file's name, its bytes in base64, and for XLSX the sheet. */
export interface Upload {
  readonly fileName: string;
  readonly content: string;
  readonly sheet?: string | undefined;
}

/** The upload read: its digest, and the table or the file's problems. */
export type UploadRead =
  | { readonly ok: true; readonly digest: string; readonly read: Extract<TableRead, { ok: true }> }
  | { readonly ok: false; readonly digest: string; readonly format: "csv" | "xlsx"; readonly issues: WireImportIssue[] };

/**
 * Reads an upload into a table.
 *
 * @example
 * const r = await readUpload(body, PERSONNEL_KIND, "docs/personnel-import.md");
 * if (!r.ok) return refused(r.issues);
 */
export async function readUpload(upload: Upload, kind: ImportKind, doc: string): Promise<UploadRead> {
  const bytes = new Uint8Array(Buffer.from(upload.content, "base64"));
  const digest = createHash("sha256").update(bytes).digest("hex");
  const format = uploadFormat(upload.fileName, doc);
  if ("issue" in format) return { ok: false, digest, format: "csv", issues: [format.issue] };
  if (upload.sheet !== undefined && format.format !== "xlsx") return { ok: false, digest, format: format.format, issues: [fileIssue(sayImport("import.file.sheet_for_csv", {}))] };
  let read: TableRead;
  try {
    read = format.format === "xlsx" ? await xlsxTable(bytes, upload.sheet, kind) : csvTableOfBytes(bytes, kind);
  } catch (e) {
    if (e instanceof UnreadableFile) return { ok: false, digest, format: format.format, issues: [fileIssue(e.said)] };
    throw e;
  }
  if (!read.ok) return { ok: false, digest, format: format.format, issues: read.issues.map((i) => wireIssue(i, [])) };
  return { ok: true, digest, read };
}
