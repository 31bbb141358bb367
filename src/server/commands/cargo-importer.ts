/**
 * Imports a checked cargo spreadsheet into the server's scenario: the merged scenario text replaces
 * the stored one if it still has the version the import was checked against, and `cargo.imported`
 * (file digest, mode, counts) is recorded in the ledger in the same transaction. Only then does the
 * server plan with the new cargo. Nothing is written when the file has a single bad row.
 */
import type { z } from "@hono/zod-openapi";
import { findScenario, updateScenario } from "#store/scenarios.repository.ts";
import type { Actor } from "#workflow/actor.ts";
import { makeEvent } from "#workflow/event.ts";
import type { PreparedImport } from "../cargo-import-preview.ts";
import { runCommand } from "../command.ts";
import type { ServerDeps } from "../deps.ts";
import { HttpError, versionConflict } from "../http-error.ts";
import type { cargoImportResultSchema } from "../routes/scenario-page-wire.ts";

type Result = z.infer<typeof cargoImportResultSchema>;

/** Props of an import. */
export interface ImportCargoProps {
  readonly actor: Actor;
  readonly prepared: PreparedImport;
  /** The scenario version the caller read (If-Match). */
  readonly expectedVersion: number;
}

/**
 * Writes a prepared import, or refuses: 422 when it has problems, 409 when the scenario changed.
 *
 * @example
 * const result = await importCargo(deps, { actor, prepared, expectedVersion: ifMatch(c) });
 */
export async function importCargo(deps: ServerDeps, props: ImportCargoProps): Promise<Result> {
  const { preview, merged, resolved } = props.prepared;
  if (!preview.ok || merged === undefined || resolved === undefined || preview.summary === null || preview.cargoLines === null)
    throw new HttpError(422, "cargo_import.invalid", "The file has problems", `${preview.issues.length} problem(s) in ${preview.fileName}; nothing was written`, {
      errors: preview.issues.map((i) => ({ path: i.where, message: `${i.message}; ${i.hint}` })),
    });
  if (preview.scenarioVersion !== props.expectedVersion) throw versionConflict(preview.scenarioVersion);
  const id = deps.scenario.id;
  const summary = preview.summary;
  const cargoLines = preview.cargoLines;
  const version = await runCommand(deps, props.actor, async (uow) => {
    const updated = await updateScenario(uow.trx, id, props.expectedVersion, { json: merged.text });
    if (!updated) throw versionConflict((await findScenario(uow.trx, id))?.version ?? props.expectedVersion);
    const next = props.expectedVersion + 1;
    uow.record(
      makeEvent(uow.ctx, "cargo.imported", "cargo_disposition", `scenario:${id}`, next, {
        scenario: id,
        file: preview.fileName,
        sha256: props.prepared.digest,
        mode: preview.mode,
        lines: summary.total.lines,
        pieces: summary.total.pieces,
        kg: summary.total.kg,
        removed: merged.removed.map((r) => r.id),
        cargoLines: cargoLines.after,
      }),
    );
    return next;
  });
  // Committed: from now on the server plans, reads and reports with the new cargo.
  deps.scenario = { ...deps.scenario, resolved };
  return {
    fileName: preview.fileName,
    mode: preview.mode,
    summary: { total: summary.total, bySite: summary.bySite },
    cargoLines,
    scenarioVersion: version,
    digest: props.prepared.digest,
  };
}
