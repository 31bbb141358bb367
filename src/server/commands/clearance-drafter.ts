/**
 * Drafts clearance requests from the published plan's sorties, in bulk. Only the HOST
 * country's requests go into the system (the host decides them here); the plan's requests to
 * third countries (overflights of neighbours) are returned as filed elsewhere. Each sortie gets
 * its planned movement, linked to its drafts, in the same transaction.
 */
import type { ClearanceRequest as PlanClearanceRequest } from "#domain/plan.ts";
import { listClearanceRequests } from "#store/clearance-requests.repository.ts";
import { listMovements } from "#store/movements.repository.ts";
import type { Actor } from "#workflow/actor.ts";
import { type ClearanceRequest, draftsFromPlan } from "#workflow/clearance-request.ts";
import { asMovementId, type ClearanceRequestId } from "#workflow/ids.ts";
import { createMovement, type Movement, planMovements, updateMovement } from "#workflow/movement.ts";
import { accepted, runCommand } from "../command.ts";
import type { ServerDeps } from "../deps.ts";
import { fromDomainError } from "../http-error.ts";
import { insertClearances, insertMovementStates, movementOfRow, saveMovement } from "../persistence.ts";
import { hostCountry, loadBaseline } from "../plan-access.ts";

/** Props of a drafting run. */
export interface DraftClearancesProps {
  readonly actor: Actor;
  /** Sorties to draft for; all the plan's when absent. */
  readonly sorties?: readonly string[] | undefined;
  /** Call sign per sortie id. */
  readonly callSigns?: Readonly<Record<string, string>> | undefined;
  /** A call sign for every sortie: the prefix and the sortie's number (`RCH` → `RCH0001`). */
  readonly callSignPrefix?: string | undefined;
  /** Crew per aircraft, when known. */
  readonly crew?: number | undefined;
}

/** What drafting did. */
export interface DraftClearancesResult {
  readonly drafted: readonly ClearanceRequest[];
  readonly movements: readonly Movement[];
  /** The plan's requests to other countries: filed with them, not here. */
  readonly filedElsewhere: readonly PlanClearanceRequest[];
  /** Host requests already drafted from this plan version (left as they are). */
  readonly alreadyDrafted: readonly string[];
}

/**
 * Drafts the host's requests of the baseline's sorties.
 *
 * @example
 * const r = await draftClearances(deps, { actor: planner, callSignPrefix: "RCH", crew: 5 });
 */
export async function draftClearances(deps: ServerDeps, props: DraftClearancesProps): Promise<DraftClearancesResult> {
  return runCommand(deps, props.actor, async (uow) => {
    const { row, plan } = await loadBaseline(deps, uow.trx);
    const host = hostCountry(deps);
    const wanted = props.sorties === undefined ? undefined : new Set(props.sorties);
    const inScope = (r: PlanClearanceRequest) => wanted === undefined || wanted.has(r.sortie);
    const existing = new Set(
      (await listClearanceRequests(uow.trx))
        .filter((r) => r.plan_version_id === row.id && r.status !== "cancelled")
        .map((r) => r.plan_request ?? ""),
    );
    const hostRequests = plan.clearanceRequests.filter((r) => r.country === host && inScope(r));
    const fresh = hostRequests.filter((r) => !existing.has(r.id));
    const drafted = draftsFromPlan(
      { ...plan, clearanceRequests: fresh },
      props.sorties,
      () => deps.ids("CR"),
      uow.ctx,
      {
        owner: deps.parties.departing,
        callSign: (s) => props.callSigns?.[s.id] ?? (props.callSignPrefix === undefined ? undefined : `${props.callSignPrefix}${s.id.replace(/\D/g, "").slice(-4)}`),
        crew: () => props.crew ?? 0,
        cargo: deps.scenario.resolved.scenario.cargo,
      },
    );
    if (!drafted.ok) throw fromDomainError(drafted.error);
    const drafts = drafted.drafts.map((d) => accepted(uow, { ok: true, next: d.next, event: d.event }));
    await insertClearances(uow.trx, drafts, uow.now, row.id);

    // Each sortie's movement: created with its drafts, or linked to the new ones.
    const bySortie = new Map<string, ClearanceRequestId[]>();
    for (const d of drafts) if (d.source) bySortie.set(d.source.sortie, [...(bySortie.get(d.source.sortie) ?? []), d.id]);
    const details = new Map(planMovements(plan, bySortie).map((m) => [m.planRef ?? "", m]));
    const created: Movement[] = [];
    const touched: Movement[] = [];
    for (const [sortie, ids] of bySortie) {
      const current = (await listMovements(uow.trx, { planRef: sortie })).find((m) => m.status !== "cancelled");
      if (current === undefined) {
        const d = details.get(sortie);
        if (d === undefined) continue;
        created.push(
          accepted(uow, createMovement({ id: asMovementId(deps.ids("M")), owner: deps.parties.departing, details: d }, uow.ctx)),
        );
      } else {
        const m = movementOfRow(current);
        if (m.status !== "planned" && m.status !== "scheduled") continue;
        const next = accepted(uow, updateMovement(m, { clearances: [...m.details.clearances, ...ids] }, uow.ctx));
        await saveMovement(uow.trx, m, next, uow.now);
        touched.push(next);
      }
    }
    await insertMovementStates(uow.trx, created, uow.now);
    return {
      drafted: drafts,
      movements: [...created, ...touched],
      filedElsewhere: plan.clearanceRequests.filter((r) => r.country !== host && inScope(r)),
      alreadyDrafted: hostRequests.filter((r) => existing.has(r.id)).map((r) => r.id),
    };
  });
}
