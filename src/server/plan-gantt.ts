/**
 * The Gantt read model of a published plan: one row per aircraft tail (in fleet order) with its
 * sorties, the convoys and the airline seats, each with where it stands on the server (the stored
 * movement's status, and for sorties the clearance requests of this plan version). Pure: the plan,
 * the scenario and the stored rows come in.
 */
import type { z } from "@hono/zod-openapi";
import type { Plan } from "#domain/plan.ts";
import type { Scenario } from "#domain/scenario.ts";
import type { clearanceStateSchema, planGanttSchema } from "./routes/plan-view-wire.ts";

type PlanGantt = z.infer<typeof planGanttSchema>;
type ClearanceState = z.infer<typeof clearanceStateSchema>;

/** A stored clearance request as the Gantt needs it. */
export interface ClearanceRowRef {
  readonly sortie: string | null;
  readonly status: string;
}

/** A stored movement as the Gantt needs it. */
export interface MovementRowRef {
  readonly plan_ref: string | null;
  readonly status: string;
}

/** The published version shown. */
export interface GanttVersion {
  readonly id: string;
  readonly number: number;
  readonly publishedAt: string;
  readonly baseline: boolean;
}

const PENDING = new Set(["submitted", "resubmitted", "amended"]);

/**
 * One word for a sortie's requests: a denial shows first, then what awaits the host, then drafts,
 * then an expiry; approved only when every request still alive is approved.
 *
 * @example
 * clearanceState(["approved", "submitted"]); // "pending"
 */
export function clearanceState(statuses: readonly string[]): ClearanceState {
  if (statuses.length === 0) return "none";
  if (statuses.includes("denied")) return "denied";
  if (statuses.some((s) => PENDING.has(s))) return "pending";
  if (statuses.includes("draft")) return "draft";
  if (statuses.includes("expired")) return "expired";
  if (statuses.includes("approved")) return "approved";
  return "none";
}

/**
 * The status of the movement made from a plan movement: the live one when several were made (a
 * cancelled movement may have been replaced), else the last.
 */
function movementStatuses(rows: readonly MovementRowRef[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rows) {
    if (r.plan_ref === null) continue;
    const seen = out.get(r.plan_ref);
    if (seen === undefined || seen === "cancelled") out.set(r.plan_ref, r.status);
  }
  return out;
}

/** The tails of the fleet in order (`C17-1`, `C17-2`, …), then any tail the plan flies that the fleet does not list. */
export function fleetTails(scenario: Scenario, plan: Plan): { tail: string; type: string }[] {
  const tails = scenario.fleet.flatMap((f) => Array.from({ length: f.count }, (_, i) => ({ tail: `${f.id}-${i + 1}`, type: f.type as string })));
  const known = new Set(tails.map((t) => t.tail));
  for (const s of plan.sorties) {
    if (known.has(s.aircraft)) continue;
    known.add(s.aircraft);
    tails.push({ tail: s.aircraft, type: s.type });
  }
  return tails;
}

/**
 * The Gantt of a plan version.
 *
 * @example
 * const gantt = planGantt({ plan, scenario, version, clearances: rows, movements: rows });
 * gantt.aircraft.map((a) => a.tail); // ["C17-1", "C130-1"]
 */
export function planGantt(input: {
  readonly plan: Plan;
  readonly scenario: Scenario;
  readonly version: GanttVersion;
  readonly clearances: readonly ClearanceRowRef[];
  readonly movements: readonly MovementRowRef[];
}): PlanGantt {
  const { plan, scenario } = input;
  const bySortie = new Map<string, string[]>();
  for (const c of input.clearances) {
    if (c.sortie === null) continue;
    const list = bySortie.get(c.sortie) ?? [];
    list.push(c.status);
    bySortie.set(c.sortie, list);
  }
  const moved = movementStatuses(input.movements);
  const tails = fleetTails(scenario, plan);
  const flown = new Map<string, number>();
  for (const s of plan.sorties) flown.set(s.aircraft, (flown.get(s.aircraft) ?? 0) + 1);

  const sorties = plan.sorties
    .map((s) => {
      const first = s.legs[0];
      const last = s.legs[s.legs.length - 1];
      const statuses = (bySortie.get(s.id) ?? []).filter((x) => x !== "cancelled");
      return {
        id: s.id,
        aircraft: s.aircraft,
        type: s.type,
        departAt: first?.departAt ?? plan.summary.start,
        arriveAt: last?.arriveAt ?? plan.summary.start,
        legs: s.legs.map((l) => ({
          from: l.from,
          to: l.to,
          departAt: l.departAt,
          arriveAt: l.arriveAt,
          loaded: l.load !== undefined,
          passengers: (l.load?.passengers ?? []).reduce((n, p) => n + p.count, 0),
          payloadKg: Math.round(l.payloadKg),
          pallets: l.load?.pallets.length ?? 0,
        })),
        hasLoadPlan: s.legs.some((l) => l.loadPlan !== undefined),
        clearance: clearanceState(statuses),
        clearanceRequests: statuses.length,
        movement: moved.get(s.id) ?? null,
      };
    })
    .sort((a, b) => a.departAt.localeCompare(b.departAt) || a.id.localeCompare(b.id));

  return {
    version: input.version,
    start: plan.summary.start,
    deadline: plan.summary.deadline,
    closureAt: plan.summary.closureAt,
    sites: scenario.sites.map((s) => ({ id: s.id as string, name: s.name })),
    aircraft: tails.map((t) => ({ ...t, sorties: flown.get(t.tail) ?? 0 })),
    sorties,
    convoys: plan.convoys.map((c) => ({
      id: c.id,
      route: c.route,
      from: c.from,
      to: c.to,
      departAt: c.departAt,
      arriveAt: c.arriveAt,
      trucks: c.trucks,
      pallets: c.load.pallets.length,
      pieces: c.load.items.reduce((n, i) => n + i.quantity, 0),
      passengers: c.load.passengers.reduce((n, p) => n + p.count, 0),
      movement: moved.get(c.id) ?? null,
    })),
    seats: plan.commercial.map((p) => ({
      id: p.id,
      service: p.service,
      airport: p.airport,
      departAt: p.departAt,
      passengers: p.passengers.reduce((n, x) => n + x.count, 0),
      movement: moved.get(p.id) ?? null,
    })),
  };
}
