import type { CargoFlightProblem } from "#domain/cargo-flight.ts";
import { limitPositions, overlapsOf, unitTypesOf } from "#domain/load-model.ts";
import type { LegLoad, UldLoadPlan } from "#domain/uld-load-plan.ts";
import { fmtKg, SLACK, type UldViolation } from "./uld-violation.ts";

/**
 * The position rules of one leg: `position.unknown`, `position.type`, `position.weight`,
 * `position.overlap`, `position.limit`. `grossKg` is each ULD's true gross; `netByCode` its net
 * weight of cargo per handling code (for limits that name a code).
 */
export function checkLegPositions(
  problem: CargoFlightProblem,
  plan: UldLoadPlan,
  leg: LegLoad,
  grossKg: ReadonlyMap<string, number>,
  netByCode: ReadonlyMap<string, ReadonlyMap<string, number>>,
): UldViolation[] {
  const out: UldViolation[] = [];
  const model = problem.aircraft.loadModel;
  const positions = new Map(model.positions.map((p) => [p.id, p]));
  const ulds = new Map(plan.ulds.map((u) => [u.id, u]));
  const held = new Map<string, string>();
  const placed = new Set<string>();
  for (const e of leg.positions) {
    const pos = positions.get(e.position);
    if (!pos) {
      out.push({ code: "position.unknown", subject: e.position, message: `${leg.leg}: ${e.uld} is on position ${e.position}, which the ${problem.aircraft.id} does not have` });
      continue;
    }
    const before = held.get(pos.id);
    if (before !== undefined) out.push({ code: "position.unknown", subject: pos.id, message: `${leg.leg}: position ${pos.id} holds ${before} and ${e.uld}` });
    held.set(pos.id, e.uld);
    if (placed.has(e.uld)) out.push({ code: "position.unknown", subject: e.uld, message: `${leg.leg}: ${e.uld} stands on two positions` });
    placed.add(e.uld);
    const uld = ulds.get(e.uld);
    if (!uld) {
      out.push({ code: "position.unknown", subject: e.uld, message: `${leg.leg}: position ${pos.id} holds ${e.uld}, which is not among the ULDs built` });
      continue;
    }
    if (!unitTypesOf(pos).includes(uld.type))
      out.push({ code: "position.type", subject: pos.id, message: `${leg.leg}: ${uld.id} is a ${uld.type}; position ${pos.id} takes ${unitTypesOf(pos).join(", ")}` });
    const kg = grossKg.get(uld.id) ?? 0;
    if (kg > pos.maxWeight + SLACK)
      out.push({ code: "position.weight", subject: pos.id, message: `${leg.leg}: ${uld.id} weighs ${fmtKg(kg)}; position ${pos.id} takes ${fmtKg(pos.maxWeight)}` });
  }
  const overlaps = overlapsOf(model);
  for (const a of held.keys())
    for (const b of overlaps.get(a) ?? [])
      if (a < b && held.has(b)) out.push({ code: "position.overlap", subject: a, message: `${leg.leg}: positions ${a} and ${b} overlap, yet hold ${held.get(a)} and ${held.get(b)}` });
  for (const limit of model.weightLimits) {
    let kg = 0;
    for (const id of limitPositions(model, limit)) {
      const uld = held.get(id);
      if (uld === undefined) continue;
      kg += limit.handlingCode !== undefined ? (netByCode.get(uld)?.get(limit.handlingCode) ?? 0) : (grossKg.get(uld) ?? 0);
    }
    if (kg > limit.maxWeight + SLACK)
      out.push({
        code: "position.limit",
        subject: limit.id,
        message: `${leg.leg}: ${limit.handlingCode !== undefined ? `${limit.handlingCode} cargo` : "ULDs"} on ${limit.positions.length > 0 ? limit.positions.join(", ") : "the aircraft"} weigh ${fmtKg(kg)}; limit ${limit.id} is ${fmtKg(limit.maxWeight)}`,
      });
  }
  return out;
}
