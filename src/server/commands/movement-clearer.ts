/**
 * Marks movements cleared once every clearance request they need is approved: done by the
 * server as a system actor of the movement's party right after the approval (or scheduling)
 * that completes the set, in the same transaction, so the ledger records who cleared it and why.
 * Also the planner's explicit "mark cleared".
 */
import { movementIdsNeedingClearance } from "#store/movements.repository.ts";
import type { Actor } from "#workflow/actor.ts";
import { markCleared, type Movement, pendingClearances } from "#workflow/movement.ts";
import { accepted, systemActor, type UnitOfWork } from "../command.ts";
import { type ServerDeps, sideOf } from "../deps.ts";
import { loadClearances, loadMovement, saveMovement } from "../persistence.ts";
import { stepObject } from "./object-step.ts";

/**
 * Clears each scheduled movement among `movementIds` whose clearances are all approved.
 * Returns the movements it cleared.
 */
export async function autoClearMovements(deps: ServerDeps, uow: UnitOfWork, movementIds: readonly string[]): Promise<Movement[]> {
  const cleared: Movement[] = [];
  for (const id of movementIds) {
    const m = await loadMovement(uow.trx, id);
    if (m.status !== "scheduled") continue;
    const clearances = await loadClearances(uow.trx, m.details.clearances);
    if (pendingClearances(m, clearances).length > 0) continue;
    const actor = systemActor(m.owner, sideOf(deps.parties, m.owner) ?? "departing");
    const next = accepted(uow, markCleared(m, {}, { actor, now: uow.ctx.now, clearances }));
    await saveMovement(uow.trx, m, next, uow.now);
    cleared.push(next);
  }
  return cleared;
}

/** Clears the movements that need a clearance request (after it was approved). */
export async function autoClearAfterApproval(deps: ServerDeps, uow: UnitOfWork, clearanceId: string): Promise<Movement[]> {
  return autoClearMovements(deps, uow, await movementIdsNeedingClearance(uow.trx, clearanceId));
}

/** Props of the planner's explicit "mark cleared". */
export interface MarkClearedProps {
  readonly actor: Actor;
  readonly id: string;
  readonly expectedVersion: number;
}

/** The planner marks a scheduled movement cleared (refused while a clearance is pending). */
export async function markMovementCleared(deps: ServerDeps, props: MarkClearedProps): Promise<Movement> {
  let clearances: Awaited<ReturnType<typeof loadClearances>> = [];
  return stepObject(deps, props.actor, {
    load: async (uow) => {
      const m = await loadMovement(uow.trx, props.id);
      clearances = await loadClearances(uow.trx, m.details.clearances);
      return m;
    },
    expectedVersion: props.expectedVersion,
    transition: (m, uow) => markCleared(m, {}, { ...uow.ctx, clearances }),
    save: (uow, prev, next) => saveMovement(uow.trx, prev, next, uow.now),
  });
}
