import { balanceOf, envelopeAt, type Moment } from "#domain/load-model.ts";
import { PASSENGER_KG } from "#domain/standard-weights.ts";
import type { VerifyContext } from "./context.ts";
import type { PlannedLeg } from "./load-plan-legs.ts";
import { type ViolationSink, violation } from "./violation.ts";

/** How far the stated centre of balance may be from the computed one, %MAC. */
const STATED_TOLERANCE = 0.1;
/** Float slack on the limits, %MAC (far below the 0.01 the plan records). */
const LIMIT_SLACK = 1e-6;

/** What a load plan puts where, as masses at arms; ids the plan or scenario does not know count nothing. */
export function loadPlanMoments(ctx: VerifyContext, leg: PlannedLeg): Moment[] {
  const model = leg.model;
  if (!model) return [];
  const stations = new Map(model.positions.map((p) => [p.id, p.station]));
  const out: Moment[] = [];
  for (const e of leg.plan.positions) {
    const armCm = stations.get(e.position);
    if (armCm === undefined) continue;
    const kg =
      e.pallet !== undefined ? ctx.pallets.get(e.pallet)?.grossWeightKg : e.item !== undefined ? ctx.cargo.get(e.item)?.unitWeight : undefined;
    if (kg !== undefined) out.push({ kg, armCm });
  }
  for (const f of leg.plan.floor) {
    const kg = ctx.cargo.get(f.item)?.unitWeight;
    if (kg !== undefined) out.push({ kg, armCm: (f.fromCm + f.toCm) / 2 });
  }
  for (const s of leg.plan.seats) {
    const zone = model.seatZones.find((z) => z.id === s.zone);
    if (zone) out.push({ kg: s.count * PASSENGER_KG, armCm: zone.arm });
  }
  return out;
}

/**
 * `load.balance`: the centre of balance of the operating weight and everything the load plan places
 * (pallets at their stated gross on their position's station, floor pieces midway between their ends,
 * passengers at their seat zone's arm) is inside the type's envelope at that gross weight, and
 * `cgPercentMac` states it (± 0.1). Returns the load plans checked.
 */
export function checkLoadBalance(ctx: VerifyContext, sink: ViolationSink, leg: PlannedLeg): number {
  const { model, plan, label } = leg;
  if (!model) return 0;
  const about = { movement: leg.sortie.id };
  const b = balanceOf(model, loadPlanMoments(ctx, leg));
  const env = envelopeAt(model, b.grossKg);
  const cg = b.percentMac.toFixed(2);
  if (b.percentMac < env.forward - LIMIT_SLACK || b.percentMac > env.aft + LIMIT_SLACK)
    sink.add(
      violation(
        "load.balance",
        `${label}: centre of balance ${cg} %MAC at ${Math.round(b.grossKg)} kg gross is ${b.percentMac < env.forward ? "forward" : "aft"} of the ${leg.sortie.type}'s limits ${env.forward}–${env.aft} %MAC: move weight ${b.percentMac < env.forward ? "aft" : "forward"}`,
        about,
      ),
    );
  if (Math.abs(plan.cgPercentMac - b.percentMac) > STATED_TOLERANCE)
    sink.add(
      violation(
        "load.balance",
        `${label}: loadPlan states cgPercentMac ${plan.cgPercentMac}, but what it places balances at ${cg} %MAC`,
        about,
      ),
    );
  return 1;
}
