import type { CargoFlightProblem } from "#domain/cargo-flight.ts";
import { armOfPercentMac } from "#domain/load-model.ts";
import type { BuiltUld, UldLoadPlan } from "#domain/uld-load-plan.ts";
import { type AssignResult, assignUnits, type AssignUnit } from "../load/assign-units.ts";
import { type BuildOptions, type BuiltUnit, buildUlds } from "./build-ulds.ts";
import { pieceOfBox } from "./uld-boxes.ts";

export interface SolveOptions extends BuildOptions {
  /** Perturbation rounds of the position search (default 30). */
  readonly rounds?: number;
}

/** Drawdown's answer for one flight: the load plan, what stays behind, and how each leg balances. */
export interface FlightSolution {
  readonly plan: UldLoadPlan;
  /** Pieces on no ULD: piece id → how many of its count. */
  readonly leftBehind: ReadonlyMap<string, number>;
  readonly balance: AssignResult;
}

/** Extra fuel (in the flight's cost unit) above which building again without the most forward positions is tried. */
const FUEL_WORTH_A_RETRY = 20;
/** How many of the most forward positions used are left out in each retry. */
const LEAVE_OUT = [2, 4, 6];

/**
 * Plans one freighter flight: {@link solveOnce}, and when the centre of gravity costs much extra
 * fuel (every aft position taken, the rest forward), again without the most forward positions
 * used, so that ULDs go to aft positions of another deck instead; the cheapest plan counts
 * (penalties of pieces left behind, ULD costs, extra fuel).
 * Given only the problem: nothing of a reference solution can reach it.
 * @example solveFlight(problem, { maxIterations: 40 }).plan.ulds.length
 */
export function solveFlight(problem: CargoFlightProblem, opts: SolveOptions = {}): FlightSolution {
  const price = (s: FlightSolution) => {
    const pieces = new Map(problem.flight.segments.flatMap((x) => x.pieces.map((p) => [p.id, p] as const)));
    const types = new Map(problem.aircraft.uldTypes.map((t) => [t.id, t]));
    let c = s.balance.cost;
    for (const [id, n] of s.leftBehind) c += n * (pieces.get(id)?.offloadPenalty ?? 0);
    for (const u of s.plan.ulds) c += types.get(u.type)?.cost ?? 0;
    return c;
  };
  const first = solveOnce(problem, opts);
  if (first.balance.cost <= FUEL_WORTH_A_RETRY) return first;
  const stations = new Map(problem.aircraft.loadModel.positions.map((p) => [p.id, p.station]));
  const used = [...new Set(first.plan.legs.flatMap((l) => l.positions.map((e) => e.position)))].sort(
    (a, b) => (stations.get(a) ?? 0) - (stations.get(b) ?? 0) || a.localeCompare(b),
  );
  let best = { s: first, c: price(first) };
  for (const k of LEAVE_OUT) {
    const s = solveOnce(problem, { ...opts, avoid: new Set([...(opts.avoid ?? []), ...used.slice(0, k)]) });
    const c = price(s);
    if (c < best.c - 1e-9) best = { s, c };
  }
  return best.s;
}

/**
 * Plans one freighter flight: builds the ULDs (`buildUlds`: bookings onto ULDs, each with a
 * position held) and then places them (`assignUnits`: ULDs onto positions, every leg inside the
 * CG limits and as near the least-fuel CG as each leg's cost per cm makes worth). Should no
 * placement balance every leg, the ULD whose removal helps most stays behind, until one does.
 */
export function solveOnce(problem: CargoFlightProblem, opts: SolveOptions = {}): FlightSolution {
  const model = problem.aircraft.loadModel;
  const built = buildUlds(problem, opts);
  const legs = problem.flight.legs.map((l) => {
    const baseKg = model.operating.weight + l.fuelKg;
    return { baseKg, baseMoment: baseKg * model.operating.arm, costPerCm: l.fuelCostPerCm };
  });
  const optimum = model.envelope.optimumPercentMac ?? (model.envelope.forwardPercentMac + model.envelope.aftPercentMac) / 2;
  const targetArm = armOfPercentMac(model, optimum);
  const asUnit = (u: BuiltUnit): AssignUnit => ({
    id: u.id,
    type: u.type.id,
    kg: u.grossKg,
    netByCode: u.netByCode,
    aboard: problem.flight.legs.map((l) => l.segments.includes(u.segment)),
  });
  let units = [...built.units];
  const dropped: BuiltUnit[] = [];
  const place = (us: readonly BuiltUnit[], rounds: number) =>
    assignUnits({ model, units: us.map(asUnit), legs, targetArm, start: new Map(us.map((u) => [u.id, u.heldPosition])), seed: opts.seed ?? 1, rounds });
  let balance = place(units, opts.rounds ?? 30);
  while (!balance.balanced && units.length > 0) {
    // The ULD whose removal leaves the least imbalance (cm outside the limits, summed over legs).
    let best: { i: number; r: AssignResult; outside: number } | undefined;
    units.forEach((_, i) => {
      const r = place(
        units.filter((_, j) => j !== i),
        3,
      );
      const outside = r.legs.reduce((s, b) => s + Math.max(0, b.forwardArm - b.cgArm, b.cgArm - b.aftArm), 0);
      if (!best || outside < best.outside - 1e-9) best = { i, r, outside };
    });
    if (!best) break;
    const { i } = best as { i: number };
    dropped.push(units[i] as BuiltUnit);
    units = units.filter((_, j) => j !== i);
    balance = place(units, opts.rounds ?? 30);
  }

  const ulds: BuiltUld[] = units.map((u) => ({
    id: u.id,
    type: u.type.id,
    segment: u.segment,
    grossKg: u.grossKg,
    pieces: u.placements.map((p) => ({ piece: pieceOfBox(p.boxId), x: p.x, y: p.y, z: p.z, l: p.l, w: p.w, h: p.h, orientation: p.orientation })),
  }));
  const plan: UldLoadPlan = {
    flight: problem.flight.id,
    ulds,
    legs: problem.flight.legs.map((l) => ({
      leg: l.id,
      positions: units.filter((u) => l.segments.includes(u.segment)).map((u) => ({ position: balance.at.get(u.id) ?? u.heldPosition, uld: u.id })),
    })),
  };
  const leftBehind = new Map<string, number>();
  for (const id of [...built.leftBehind, ...dropped.flatMap((u) => u.boxes.map((b) => b.id))]) {
    const piece = pieceOfBox(id);
    leftBehind.set(piece, (leftBehind.get(piece) ?? 0) + 1);
  }
  return { plan, leftBehind, balance };
}
