/**
 * Records a departure, in one transaction: the actual load and passengers (the manifest, frozen
 * from then on), the departure, each clearance request marked used by this movement, and — for
 * a movement leaving the host country — the exit of every passenger still recorded in it.
 */
import { asPersonnelEventId } from "#workflow/ids.ts";
import type { Actor } from "#workflow/actor.ts";
import { type ActualTimeCommand, depart, leavesHostCountry, type Manifest, type Movement, recordManifest, useClearances } from "#workflow/movement.ts";
import { recordExit } from "#workflow/personnel.ts";
import { accepted, runCommand } from "../command.ts";
import type { ServerDeps } from "../deps.ts";
import { fromDomainError } from "../http-error.ts";
import {
  checkVersion,
  insertPersonnelRecord,
  loadClearances,
  loadMovement,
  loadPerson,
  loadPresence,
  saveClearance,
  saveMovement,
} from "../persistence.ts";
import { inHostCountry } from "../plan-access.ts";
import { checkManifestPersons } from "./movement-steps.ts";

/** Props of a departure. */
export interface DepartMovementProps {
  readonly actor: Actor;
  readonly id: string;
  readonly expectedVersion: number;
  readonly command: ActualTimeCommand;
  /** The actual load and passengers, when they differ from the recorded manifest. */
  readonly manifest?: Manifest | undefined;
}

/** The departed movement and how many exits were recorded with it. */
export interface DepartMovementResult {
  readonly movement: Movement;
  readonly clearancesUsed: number;
  readonly exits: number;
}

/**
 * Departs a cleared movement.
 *
 * @example
 * await departMovement(deps, { actor, id: "M-1", expectedVersion: 4, command: {}, manifest });
 */
export async function departMovement(deps: ServerDeps, props: DepartMovementProps): Promise<DepartMovementResult> {
  return runCommand(deps, props.actor, async (uow) => {
    let m = await loadMovement(uow.trx, props.id);
    checkVersion(m.version, props.expectedVersion);
    const loaded = m;
    if (props.manifest !== undefined) {
      await checkManifestPersons(uow, props.manifest);
      m = accepted(uow, recordManifest(m, props.manifest, uow.ctx));
    }
    const clearances = await loadClearances(uow.trx, m.details.clearances);
    const departed = accepted(uow, depart(m, props.command, { ...uow.ctx, clearances }));
    await saveMovement(uow.trx, loaded, departed, uow.now);
    if (departed.status !== "departed") throw new Error("unreachable: depart did not depart");

    let used = 0;
    for (const { id, result } of useClearances(departed, clearances, uow.ctx)) {
      if (!result.ok) throw fromDomainError(result.error);
      const before = clearances.find((c) => c.id === id);
      if (before === undefined) continue;
      await saveClearance(uow.trx, before.version, accepted(uow, result), uow.now);
      used++;
    }

    let exits = 0;
    if (leavesHostCountry(departed.details, (site) => inHostCountry(deps, site))) {
      for (const personId of departed.manifest.persons) {
        const person = await loadPerson(uow.trx, personId);
        if (person.owner !== departed.owner) continue;
        const presence = await loadPresence(uow.trx, person);
        if (presence.status !== "in_country") continue;
        const r = recordExit(presence, { id: asPersonnelEventId(deps.ids("PE")), movement: departed.id }, { ...uow.ctx, movement: departed });
        if (!r.ok) throw fromDomainError(r.error);
        uow.record(r.event);
        await insertPersonnelRecord(uow.trx, r.record, r.next.version, uow.now);
        exits++;
      }
    }
    return { movement: departed, clearancesUsed: used, exits };
  });
}
