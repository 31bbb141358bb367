/**
 * A roster checked against the scenario and the person register before anything is written: the
 * file is read as `drawdown import` reads it, every row's problems listed with line, column and
 * hint. The same check runs again inside the import's transaction, so a preview that says "ok" is
 * what the import writes (unless someone registered the same people in between).
 */
import type { z } from "@hono/zod-openapi";
import type { Kysely } from "kysely";
import type { ImportKind } from "#cli/import-command-read.ts";
import { isIgnoredHeader, columnOf } from "#domain/import-columns.ts";
import { documentKey, type ImportedPerson, importPersonnelTable, PERSONNEL_COLUMNS, summarisePersonnelImport } from "#domain/personnel-import.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import type { Instant } from "#domain/time.ts";
import { listPersons } from "#store/persons.repository.ts";
import type { DB } from "#store/schema.ts";
import type { PartyCode } from "#workflow/ids.ts";
import type { personnelImportPreviewSchema, personnelImportRequestSchema, personnelImportSummarySchema } from "./routes/scenario-page-wire.ts";
import { cellString, readUpload, type WireImportIssue, wireIssue } from "./spreadsheet-upload.ts";

type Preview = z.infer<typeof personnelImportPreviewSchema>;
type Request = z.output<typeof personnelImportRequestSchema>;
type Summary = z.infer<typeof personnelImportSummarySchema>;

/** Data rows sent back with the preview; the issues always cover every row. */
export const PERSONNEL_PREVIEW_ROW_LIMIT = 500;

/** The personnel import's columns, for the reader. */
export const PERSONNEL_KIND: ImportKind = {
  isColumn: (h) => !isIgnoredHeader(h) && columnOf(PERSONNEL_COLUMNS, h) !== undefined,
  columns: "name, nationality, document_number, unit",
};

/** A checked roster: the preview, and when it is ok the persons to register. */
export interface PreparedPersonnelImport {
  readonly preview: Preview;
  readonly persons: readonly ImportedPerson[];
}

/** The party's registered persons (not erased), by `documentKey`. */
export async function registeredDocuments(db: Kysely<DB>, owner: PartyCode): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const p of await listPersons(db)) {
    if (p.owner === owner && p.nationality !== null && p.document_number !== null) map.set(documentKey(p.nationality, p.document_number), p.id);
  }
  return map;
}

/** Persons, entries, and counts per site and unit, for the wire. */
export function personnelSummary(persons: readonly ImportedPerson[]): Summary {
  const s = summarisePersonnelImport(persons);
  return {
    persons: s.persons,
    entries: s.entries,
    bySite: [...s.bySite].map(([site, n]) => ({ site, persons: n })),
    byUnit: [...s.byUnit].map(([unit, n]) => ({ unit, persons: n })),
  };
}

/**
 * Reads and checks a roster against the scenario (sites, groups), the register of `owner` and the time.
 *
 * @example
 * const { preview } = await preparePersonnelImport(body, { db: deps.db, scenario: deps.scenario.resolved, owner, now });
 */
export async function preparePersonnelImport(
  request: Request,
  at: { readonly db: Kysely<DB>; readonly scenario: ResolvedScenario; readonly owner: PartyCode; readonly now: Instant },
): Promise<PreparedPersonnelImport> {
  const registered = await registeredDocuments(at.db, at.owner);
  const upload = await readUpload(request, PERSONNEL_KIND, "docs/personnel-import.md");
  const base = {
    fileName: request.fileName,
    sheet: null,
    notes: [],
    header: null,
    rows: [],
    rowCount: 0,
    rowLimit: PERSONNEL_PREVIEW_ROW_LIMIT,
    summary: null,
    registered: registered.size,
  } satisfies Partial<Preview>;
  if (!upload.ok) return { preview: { ...base, ok: false, format: upload.format, issues: upload.issues }, persons: [] };

  const { table, notes } = upload.read;
  const scenario = at.scenario.scenario;
  const result = importPersonnelTable(table, {
    sites: scenario.sites.map((s) => ({ id: s.id, inHostCountry: s.inHostCountry })),
    groups: scenario.personnel.map((g) => ({ id: g.id })),
    registered,
    now: at.now,
  });
  const headers = table.header.cells.map(cellString);
  const issues: WireImportIssue[] = result.ok ? [] : result.issues.map((i) => wireIssue(i, headers));
  const byLine = new Map<number, WireImportIssue[]>();
  for (const i of issues) byLine.set(i.line, [...(byLine.get(i.line) ?? []), i]);
  const data = table.rows.filter((r) => r.cells.some((c) => cellString(c).trim() !== ""));
  const persons = result.ok ? result.persons : [];
  return {
    persons,
    preview: {
      ...base,
      ok: result.ok,
      format: table.format,
      sheet: table.sheet ?? null,
      notes,
      header: { line: table.header.line, cells: headers },
      rows: data.slice(0, PERSONNEL_PREVIEW_ROW_LIMIT).map((r) => ({ line: r.line, cells: headers.map((_, i) => cellString(r.cells[i])), issues: byLine.get(r.line) ?? [] })),
      rowCount: data.length,
      issues,
      summary: result.ok ? personnelSummary(persons) : null,
    },
  };
}
