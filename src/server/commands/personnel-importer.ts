/**
 * Registers a checked roster: in one transaction the roster is checked again against the register,
 * then each person is registered (`person.registered`) and, when the row names a site, recorded as
 * present there (`personnel.entry`), and `personnel.imported` ties them together. The ledger gets
 * ids, counts and sites only — never a name, nationality, document number, or the file (its name or
 * digest could identify people). Nothing is written when a single row is bad.
 */
import type { z } from "@hono/zod-openapi";
import type { Actor } from "#workflow/actor.ts";
import { makeEvent } from "#workflow/event.ts";
import { asPersonId, asPersonnelEventId } from "#workflow/ids.ts";
import { recordEntry, registerPerson } from "#workflow/personnel.ts";
import { instantOf } from "../clock.ts";
import { accepted, runCommand } from "../command.ts";
import type { ServerDeps } from "../deps.ts";
import { fromDomainError, HttpError } from "../http-error.ts";
import { insertPersonnelRecord, insertPersonState } from "../persistence.ts";
import { personnelSummary, preparePersonnelImport, registeredDocuments } from "../personnel-import-preview.ts";
import type { personnelImportRequestSchema, personnelImportResultSchema } from "../routes/scenario-page-wire.ts";

type Result = z.infer<typeof personnelImportResultSchema>;

/** Props of an import. */
export interface ImportPersonnelProps {
  readonly actor: Actor;
  readonly request: z.output<typeof personnelImportRequestSchema>;
}

/**
 * Checks and registers a roster for the departing party, or refuses it whole (422 with every problem).
 *
 * @example
 * const result = await importPersonnel(deps, { actor, request: body });
 */
export async function importPersonnel(deps: ServerDeps, props: ImportPersonnelProps): Promise<Result> {
  const owner = deps.parties.departing;
  const result = await runCommand(deps, props.actor, async (uow) => {
    const { preview, persons } = await preparePersonnelImport(props.request, { db: uow.trx, scenario: deps.scenario.resolved, owner, now: uow.ctx.now });
    if (!preview.ok)
      throw new HttpError(422, "personnel_import.invalid", "The file has problems", `${preview.issues.length} problem(s) in ${preview.fileName}; nothing was written`, {
        errors: preview.issues.map((i) => ({ path: i.where, message: `${i.message}; ${i.hint}` })),
      });
    const ids: string[] = [];
    for (const p of persons) {
      const person = accepted(
        uow,
        registerPerson({ id: asPersonId(deps.ids("P")), owner, personal: p.personal, ...(p.group === undefined ? {} : { group: p.group }) }, uow.ctx),
      );
      await insertPersonState(uow.trx, person, uow.now);
      ids.push(person.id);
      if (p.entry === undefined) continue;
      const entry = recordEntry(
        { person: person.id, owner, status: "not_entered", version: 0 },
        { id: asPersonnelEventId(deps.ids("PE")), site: p.entry.site, ...(p.entry.at === undefined ? {} : { at: p.entry.at }) },
        uow.ctx,
      );
      if (!entry.ok) throw fromDomainError(entry.error);
      uow.record(entry.event);
      await insertPersonnelRecord(uow.trx, entry.record, entry.next.version, uow.now);
    }
    const summary = personnelSummary(persons);
    uow.record(
      makeEvent(uow.ctx, "personnel.imported", "person", `import:${ids[0] ?? "none"}`, 1, {
        persons: ids,
        entries: summary.entries,
        bySite: Object.fromEntries(summary.bySite.map((b) => [b.site, b.persons])),
      }),
    );
    return { fileName: preview.fileName, summary, persons: ids };
  });
  deps.logger.info("personnel.imported", { by: props.actor.id, persons: result.persons.length, entries: result.summary.entries });
  return { ...result, registered: (await registeredDocuments(deps.db, owner)).size };
}

/** The time the import is checked at, for a preview outside a command. */
export const importTime = (deps: ServerDeps) => instantOf(deps.clock.now());
