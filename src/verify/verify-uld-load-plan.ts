import type { CargoFlightProblem } from "#domain/cargo-flight.ts";
import { armOfPercentMac, envelopeAt } from "#domain/load-model.ts";
import type { UldLoadPlan } from "#domain/uld-load-plan.ts";
import { checkBuildUps } from "./uld-build-up.ts";
import { checkLegPositions } from "./uld-positions.ts";
import { SLACK, type UldViolation } from "./uld-violation.ts";

/** The balance the verifier computed for one leg. */
export interface LegBalance {
  readonly leg: string;
  /** Operating weight, fuel and ULDs, kg. */
  readonly grossKg: number;
  readonly cgArm: number;
  readonly forwardArm: number;
  readonly aftArm: number;
  /** Lateral moment of the ULDs (right positive), kg·cm, from the positions that state a lateral arm: the type gives no limit. */
  readonly lateralMoment: number;
}

/** Options of {@link verifyUldLoadPlan}. */
export interface UldVerifyOptions {
  /**
   * Whether the ULD types' blocks must stay empty (default true, as the instances' format says);
   * false checks a plan by the reading of the instances' reference solutions, which fill them.
   */
  readonly blocks?: boolean;
}

export interface UldVerifyReport {
  readonly violations: readonly UldViolation[];
  readonly legs: readonly LegBalance[];
  readonly checked: { readonly ulds: number; readonly legs: number };
}

/**
 * The independent check of a freighter's ULD load plan against the problem it answers: each ULD
 * (type, pieces, weight, handling-code separation, geometry, contour), each leg's positions (type,
 * weight, overlaps, cumulative limits), the centre of gravity on every leg (operating weight and
 * the leg's fuel at the operating arm, each ULD at its position's station), and that a ULD rides
 * every leg of its segment (it may change position at a stop: a handling operation, not a fault).
 * Imports the domain only; shares nothing with the planner.
 * @example verifyUldLoadPlan(problem, plan).violations // [] when the plan keeps every rule
 */
export function verifyUldLoadPlan(problem: CargoFlightProblem, plan: UldLoadPlan, opts: UldVerifyOptions = {}): UldVerifyReport {
  const model = problem.aircraft.loadModel;
  const { violations: built, grossKg } = checkBuildUps(problem, plan, opts.blocks !== false);
  const out: UldViolation[] = [...built];
  const pieces = new Map(problem.flight.segments.flatMap((s) => s.pieces.map((p) => [p.id, p] as const)));
  const netByCode = new Map<string, Map<string, number>>();
  for (const u of plan.ulds) {
    const m = new Map<string, number>();
    for (const p of u.pieces) {
      const piece = pieces.get(p.piece);
      for (const c of piece?.handlingCodes ?? []) m.set(c, (m.get(c) ?? 0) + (piece?.weight ?? 0));
    }
    netByCode.set(u.id, m);
  }
  const stations = new Map(model.positions.map((p) => [p.id, p.station]));
  const lateral = new Map(model.positions.map((p) => [p.id, p.lateralArm ?? 0]));
  const legsById = new Map(plan.legs.map((l) => [l.leg, l]));
  const ulds = new Map(plan.ulds.map((u) => [u.id, u]));
  const balances: LegBalance[] = [];
  for (const leg of problem.flight.legs) {
    const load = legsById.get(leg.id) ?? { leg: leg.id, positions: [] };
    out.push(...checkLegPositions(problem, plan, load, grossKg, netByCode));
    const base = model.operating.weight + leg.fuelKg;
    let kg = base;
    let moment = base * model.operating.arm;
    let lateralMoment = 0;
    for (const e of load.positions) {
      const w = grossKg.get(e.uld) ?? 0;
      kg += w;
      moment += w * (stations.get(e.position) ?? model.operating.arm);
      lateralMoment += w * (lateral.get(e.position) ?? 0);
    }
    const cg = moment / kg;
    const env = envelopeAt(model, kg);
    const forwardArm = armOfPercentMac(model, env.forward);
    const aftArm = armOfPercentMac(model, env.aft);
    balances.push({ leg: leg.id, grossKg: kg, cgArm: cg, forwardArm, aftArm, lateralMoment });
    if (cg < forwardArm - SLACK || cg > aftArm + SLACK)
      out.push({
        code: "leg.balance",
        subject: leg.id,
        message: `${leg.id}: centre of gravity at ${cg.toFixed(1)} cm is ${cg < forwardArm ? "forward" : "aft"} of the limits ${forwardArm.toFixed(1)}–${aftArm.toFixed(1)} cm: move weight ${cg < forwardArm ? "aft" : "forward"}`,
      });
    const aboard = new Set(leg.segments);
    for (const e of load.positions) {
      const uld = ulds.get(e.uld);
      if (!uld) continue;
      if (!aboard.has(uld.segment))
        out.push({ code: "leg.continuity", subject: uld.id, message: `${leg.id}: ${uld.id} of segment ${uld.segment} is aboard, but this leg does not carry that segment` });
    }
  }
  for (const l of plan.legs)
    if (!problem.flight.legs.some((x) => x.id === l.leg)) out.push({ code: "leg.continuity", subject: l.leg, message: `the plan loads leg ${l.leg}, which the flight does not have` });
  // A ULD that flies must fly every leg of its segment.
  for (const uld of plan.ulds) {
    const legs = problem.flight.legs.filter((l) => l.segments.includes(uld.segment));
    const on = legs.filter((l) => legsById.get(l.id)?.positions.some((e) => e.uld === uld.id));
    if (on.length > 0 && on.length < legs.length)
      out.push({ code: "leg.continuity", subject: uld.id, message: `${uld.id} flies ${on.map((l) => l.id).join(", ")} but not ${legs.filter((l) => !on.includes(l)).map((l) => l.id).join(", ")}, though its segment ${uld.segment} does` });
  }
  return { violations: out, legs: balances, checked: { ulds: plan.ulds.length, legs: problem.flight.legs.length } };
}
