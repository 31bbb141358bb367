import type { CargoFlightProblem } from "#domain/cargo-flight.ts";
import { armOfPercentMac } from "#domain/load-model.ts";
import { usableVolume } from "#domain/uld-type.ts";
import type { UldLoadPlan } from "#domain/uld-load-plan.ts";

/**
 * The quality of a flight's load plan by the measures of the ACLPP instances (doc/measures.md):
 * weight loaded and its share of the aircraft's total limit (WLF), pieces and weight left behind
 * and their penalty (PEN), ULDs and their cost (UNITS), extra fuel for the CG's distance from the
 * optimum (FUEL), net load factor (NLF), share of ULDs mixing express and standard cargo (MIX),
 * and PEN + UNITS + FUEL (handling operations, OPS, and crews are not measured here).
 */
export interface FlightMeasures {
  readonly bookedKg: number;
  readonly loadedKg: number;
  /** Loaded over the limit that covers every position (WLF); NaN when the type has none. */
  readonly weightLoadFactor: number;
  readonly piecesLeft: number;
  readonly kgLeft: number;
  readonly penalty: number;
  readonly ulds: number;
  readonly uldCost: number;
  /** Per leg, cm between the CG and the optimum. */
  readonly cgDeviation: readonly number[];
  readonly fuelCost: number;
  /** Volume of the pieces loaded over the usable volume of the ULDs used. */
  readonly netLoadFactor: number;
  readonly mixedShare: number;
  readonly total: number;
}

/**
 * Measures a load plan (Drawdown's or a reference) against its problem. Weights are the booked
 * pieces' (tare added for ULDs); ULDs not on any position count nothing loaded.
 * @example flightMeasures(problem, plan).total
 */
export function flightMeasures(problem: CargoFlightProblem, plan: UldLoadPlan): FlightMeasures {
  const model = problem.aircraft.loadModel;
  const pieces = new Map(problem.flight.segments.flatMap((s) => s.pieces.map((p) => [p.id, p] as const)));
  const types = new Map(problem.aircraft.uldTypes.map((t) => [t.id, t]));
  const flying = new Set(plan.legs.flatMap((l) => l.positions.map((e) => e.uld)));
  const ulds = plan.ulds.filter((u) => flying.has(u.id));
  const loaded = new Map<string, number>();
  let loadedKg = 0;
  let loadedVolume = 0;
  let mixed = 0;
  for (const u of ulds) {
    let express = false;
    let standard = false;
    for (const e of u.pieces) {
      const p = pieces.get(e.piece);
      if (!p) continue;
      loaded.set(p.id, (loaded.get(p.id) ?? 0) + 1);
      loadedKg += p.weight;
      loadedVolume += p.length * p.width * p.height;
      if (problem.expressCode !== undefined && p.handlingCodes.includes(problem.expressCode)) express = true;
      else standard = true;
    }
    if (express && standard) mixed++;
  }
  let bookedKg = 0;
  let piecesLeft = 0;
  let kgLeft = 0;
  let penalty = 0;
  for (const p of pieces.values()) {
    bookedKg += p.count * p.weight;
    const left = Math.max(0, p.count - (loaded.get(p.id) ?? 0));
    piecesLeft += left;
    kgLeft += left * p.weight;
    penalty += left * p.offloadPenalty;
  }
  const gross = new Map(ulds.map((u) => [u.id, u.pieces.reduce((s, e) => s + (pieces.get(e.piece)?.weight ?? 0), types.get(u.type)?.tare ?? 0)]));
  const stations = new Map(model.positions.map((p) => [p.id, p.station]));
  const optimum = armOfPercentMac(model, model.envelope.optimumPercentMac ?? (model.envelope.forwardPercentMac + model.envelope.aftPercentMac) / 2);
  const cgDeviation: number[] = [];
  let fuelCost = 0;
  for (const leg of problem.flight.legs) {
    const load = plan.legs.find((l) => l.leg === leg.id);
    const base = model.operating.weight + leg.fuelKg;
    let kg = base;
    let moment = base * model.operating.arm;
    for (const e of load?.positions ?? []) {
      const w = gross.get(e.uld) ?? 0;
      kg += w;
      moment += w * (stations.get(e.position) ?? model.operating.arm);
    }
    const dev = Math.abs(moment / kg - optimum);
    cgDeviation.push(dev);
    fuelCost += dev * leg.fuelCostPerCm;
  }
  const uldCost = ulds.reduce((s, u) => s + (types.get(u.type)?.cost ?? 0), 0);
  const room = ulds.reduce((s, u) => s + (types.has(u.type) ? usableVolume(types.get(u.type) as NonNullable<ReturnType<typeof types.get>>) : 0), 0);
  const total = model.weightLimits.find((l) => l.positions.length === 0 && l.handlingCode === undefined);
  return {
    bookedKg,
    loadedKg,
    weightLoadFactor: total ? loadedKg / total.maxWeight : Number.NaN,
    piecesLeft,
    kgLeft,
    penalty,
    ulds: ulds.length,
    uldCost,
    cgDeviation,
    fuelCost,
    netLoadFactor: room > 0 ? loadedVolume / room : 0,
    mixedShare: ulds.length > 0 ? mixed / ulds.length : 0,
    total: penalty + uldCost + fuelCost,
  };
}
