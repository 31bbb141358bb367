/**
 * Creates the baseline plan's movements that do not exist yet (convoys, airline seats, sorties
 * without drafts), each linked to the host clearance requests already drafted for its sortie.
 */
import { listClearanceRequests } from "#store/clearance-requests.repository.ts";
import { listMovements } from "#store/movements.repository.ts";
import type { Actor } from "#workflow/actor.ts";
import { asMovementId, type ClearanceRequestId } from "#workflow/ids.ts";
import { createMovement, type Movement, planMovements } from "#workflow/movement.ts";
import { accepted, runCommand } from "../command.ts";
import type { ServerDeps } from "../deps.ts";
import { insertMovementStates } from "../persistence.ts";
import { loadBaseline } from "../plan-access.ts";

/**
 * Creates the missing movements; returns them.
 *
 * @example
 * const created = await createMovementsFromPlan(deps, { actor: planner });
 */
export async function createMovementsFromPlan(deps: ServerDeps, props: { readonly actor: Actor }): Promise<Movement[]> {
  return runCommand(deps, props.actor, async (uow) => {
    const { row, plan } = await loadBaseline(deps, uow.trx);
    const have = new Set((await listMovements(uow.trx)).filter((m) => m.status !== "cancelled").map((m) => m.plan_ref));
    const bySortie = new Map<string, ClearanceRequestId[]>();
    for (const c of await listClearanceRequests(uow.trx)) {
      if (c.plan_version_id !== row.id || c.sortie === null || c.status === "cancelled") continue;
      bySortie.set(c.sortie, [...(bySortie.get(c.sortie) ?? []), c.id as ClearanceRequestId]);
    }
    const created = planMovements(plan, bySortie)
      .filter((d) => !have.has(d.planRef ?? null))
      .map((details) =>
        accepted(uow, createMovement({ id: asMovementId(deps.ids("M")), owner: deps.parties.departing, details }, uow.ctx)),
      );
    await insertMovementStates(uow.trx, created, uow.now);
    return created;
  });
}
