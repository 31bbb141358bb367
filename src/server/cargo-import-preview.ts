/**
 * A cargo spreadsheet checked against the stored scenario before anything is written: the file is
 * read as `drawdown import` reads it (CSV or XLSX), every row's problems are listed with their line,
 * column and hint, and when every row is valid the lines are merged into the scenario's text and the
 * result validated again, so a preview that says "ok" is exactly what the import writes.
 */
import type { z } from "@hono/zod-openapi";
import { CARGO_KIND } from "#cli/import-command-read.ts";
import { sayCargo } from "#domain/cargo-import-messages.ts";
import { type ImportedLine, importCargoTable, summariseImport } from "#domain/cargo-import.ts";
import { type CargoMerge, mergeCargoText } from "#domain/cargo-import-merge.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { parseScenarioText } from "#domain/scenario-file.ts";
import type { cargoImportPreviewSchema, cargoImportRequestSchema } from "./routes/scenario-page-wire.ts";
import { cellString, fileIssue, readUpload, type WireImportIssue, wireIssue } from "./spreadsheet-upload.ts";

type Preview = z.infer<typeof cargoImportPreviewSchema>;
type Request = z.output<typeof cargoImportRequestSchema>;
type Issue = WireImportIssue;

/** Data rows sent back with the preview; the issues always cover every row. */
export const PREVIEW_ROW_LIMIT = 500;

/** A checked import: the preview, and when it is ok what applying it writes. */
export interface PreparedImport {
  readonly preview: Preview;
  readonly digest: string;
  readonly lines: readonly ImportedLine[];
  readonly merged?: CargoMerge;
  readonly resolved?: ResolvedScenario;
}

/**
 * Reads and checks a spreadsheet against the stored scenario (its JSON text and version).
 *
 * @example
 * const { preview } = await prepareCargoImport(body, { json: row.json, version: row.version });
 * if (!preview.ok) console.log(preview.issues.map((i) => `${i.where}: ${i.message}; ${i.hint}`));
 */
export async function prepareCargoImport(request: Request, stored: { readonly json: string; readonly version: number }): Promise<PreparedImport> {
  const upload = await readUpload(request, CARGO_KIND, "docs/cargo-import.md");
  const digest = upload.digest;
  const base = {
    fileName: request.fileName,
    mode: request.mode,
    sheet: null,
    notes: [],
    header: null,
    rows: [],
    rowCount: 0,
    rowLimit: PREVIEW_ROW_LIMIT,
    summary: null,
    cargoLines: null,
    scenarioVersion: stored.version,
  } satisfies Partial<Preview>;
  const refused = (format: "csv" | "xlsx", issues: Issue[]): PreparedImport => ({ preview: { ...base, ok: false, format, issues }, digest, lines: [] });

  if (!upload.ok) return refused(upload.format, upload.issues);
  const read = upload.read;

  const before = parseScenarioText(stored.json);
  if (!before.ok) throw new Error(`the stored scenario does not validate: ${before.issues[0]?.message ?? ""}`);
  const scenario = before.value.scenario;
  const table = read.table;
  const headers = table.header.cells.map(cellString);
  const result = importCargoTable(table, {
    sites: scenario.sites.map((s) => ({ id: s.id, inHostCountry: s.inHostCountry })),
    existing: scenario.cargo.map((c) => ({ id: c.id, site: c.site })),
    mode: request.mode,
  });

  let issues: Issue[] = result.ok ? [] : result.issues.map((i) => wireIssue(i, headers));
  let merged: CargoMerge | undefined;
  let resolved: ResolvedScenario | undefined;
  const lines = result.ok ? result.lines : [];
  if (result.ok) {
    merged = mergeCargoText(stored.json, lines.map((l) => l.input), request.mode);
    const after = parseScenarioText(merged.text);
    if (after.ok) resolved = after.value;
    else {
      const firstNew = merged.firstNew;
      issues = after.issues.map((i) => {
        const n = /^\$\.cargo\[(\d+)\]/.exec(i.path);
        const line = n ? lines[Number(n[1]) - firstNew]?.line : undefined;
        return fileIssue(sayCargo("cargo.scenario_invalid", { path: i.path, detail: i.message, hint: i.hint }), line ?? 1);
      });
    }
  }

  const data = table.rows.filter((r) => r.cells.some((c) => cellString(c).trim() !== ""));
  const byLine = new Map<number, Issue[]>();
  for (const i of issues) byLine.set(i.line, [...(byLine.get(i.line) ?? []), i]);
  const ok = issues.length === 0 && resolved !== undefined && merged !== undefined;
  const summary = ok ? summariseImport(lines) : undefined;
  return {
    digest,
    lines,
    ...(ok && merged !== undefined && resolved !== undefined ? { merged, resolved } : {}),
    preview: {
      ...base,
      ok,
      format: table.format,
      sheet: table.sheet ?? null,
      notes: read.notes,
      header: { line: table.header.line, cells: headers },
      rows: data.slice(0, PREVIEW_ROW_LIMIT).map((r) => ({ line: r.line, cells: headers.map((_, i) => cellString(r.cells[i])), issues: byLine.get(r.line) ?? [] })),
      rowCount: data.length,
      issues: issues.sort((a, b) => a.line - b.line || a.column - b.column),
      summary:
        summary === undefined
          ? null
          : {
              total: { ...summary.total, kg: Math.round(summary.total.kg) },
              bySite: [...summary.bySite].map(([site, t]) => ({ site, ...t, kg: Math.round(t.kg) })),
              byKind: [...summary.byKind].map(([kind, t]) => ({ kind, ...t, kg: Math.round(t.kg) })),
            },
      cargoLines:
        merged === undefined || !ok ? null : { before: scenario.cargo.length, removed: merged.removed.length, after: scenario.cargo.length - merged.removed.length + lines.length },
    },
  };
}
