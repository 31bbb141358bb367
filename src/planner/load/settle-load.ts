import type { AircraftType } from "#domain/aircraft-type.ts";
import type { AircraftLoad } from "./aircraft-load.ts";
import { positionsCovered } from "./floor.ts";
import type { LoadUnit } from "./load-unit.ts";
import { fits, planAircraftLoad } from "./plan-aircraft-load.ts";

export interface SettleRequest<T> {
  readonly type: AircraftType;
  readonly legDistance: number;
  /** The greedy choice, in loading order. */
  readonly chosen: readonly T[];
  /** Other candidates in loading order, to fill what the dropped units leave (read lazily). */
  readonly queue: Iterable<T>;
  readonly unitOf: (t: T, key: string) => LoadUnit;
  /** Passengers to keep seats (and balance) for, given the units aboard (an escort for sensitive cargo). */
  readonly reserveSeats: (units: readonly T[]) => number;
  /** Candidates of the queue to try at most (each try plans a load; a candidate like one that failed is not tried). */
  readonly refillTries?: number;
  /** Candidates of the queue to look at, at most. */
  readonly refillScan?: number;
}

/**
 * Whether every unit that rides on a position could have one of its own (by weight and height),
 * floor pieces aside: a cheap necessary condition checked before planning a load in full.
 */
function ridersMatch(type: AircraftType, units: readonly LoadUnit[]): boolean {
  const positions = type.loadModel?.positions ?? [];
  const riders = units.filter((u) => u.onPosition);
  if (riders.length > positions.length) return false;
  const owner = new Array<number>(positions.length).fill(-1);
  const place = (i: number, seen: boolean[]): boolean => {
    const u = riders[i];
    if (!u) return false;
    for (let q = 0; q < positions.length; q++) {
      const p = positions[q];
      if (!p || seen[q] || !fits(u, p)) continue;
      seen[q] = true;
      const o = owner[q] ?? -1;
      if (o < 0 || place(o, seen)) {
        owner[q] = i;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < riders.length; i++) if (!place(i, new Array<boolean>(positions.length).fill(false))) return false;
  return true;
}

/** What decides whether a unit fits where another did not: two units alike in all of it fare alike. */
function shapeOf(u: LoadUnit): string {
  return [u.kind, u.onPosition, u.weightKg, u.heightCm, u.lengthCm, u.widthCm, u.positionEquivalents, u.sensitive, JSON.stringify(u.hazards)].join("|");
}

/** Positions of a planned load that nothing holds or covers, with the most height and weight any of them takes. */
function freePositionLimits(type: AircraftType, load: AircraftLoad): { height: number; weight: number } {
  const model = type.loadModel;
  if (!model) return { height: 0, weight: 0 };
  const held = new Set(load.positions.map((p) => p.position));
  for (const f of load.floor) for (const id of positionsCovered(model, { from: f.from, to: f.to })) held.add(id);
  let height = 0;
  let weight = 0;
  for (const p of model.positions)
    if (!held.has(p.id)) {
      height = Math.max(height, p.maxHeight);
      weight = Math.max(weight, p.maxWeight);
    }
  return { height, weight };
}

export interface Settled<T> {
  readonly taken: T[];
  readonly load: AircraftLoad;
  readonly unitOf: (t: T) => LoadUnit;
  readonly itemOf: (u: LoadUnit) => T | undefined;
}

/**
 * Turns a greedy choice of units into a load the aircraft can take: plans it, drops the last units
 * until a balanced, segregated load exists, then (when it dropped some) tries the next candidates of
 * the queue in the room left. Always returns a load (of no units if it must).
 */
export function settleLoad<T>(req: SettleRequest<T>): Settled<T> {
  const units = new Map<T, LoadUnit>();
  const back = new Map<LoadUnit, T>();
  const unitOf = (t: T): LoadUnit => {
    let u = units.get(t);
    if (!u) {
      u = req.unitOf(t, `k${units.size}`);
      units.set(t, u);
      back.set(u, t);
    }
    return u;
  };
  const plan = (ts: readonly T[]) =>
    planAircraftLoad({ type: req.type, units: ts.map(unitOf), passengers: req.reserveSeats(ts), legDistance: req.legDistance });
  const taken = [...req.chosen];
  // Riders that cannot all have a position (tall pallets beyond the full-height positions, say):
  // drop the last of them before planning at all, a full plan per drop being the costly part.
  if (req.type.loadModel)
    while (!ridersMatch(req.type, taken.map(unitOf))) {
      const last = taken.map(unitOf).findLastIndex((u) => u.onPosition);
      if (last < 0) break;
      taken.splice(last, 1);
    }
  let load = plan(taken);
  while (!load.ok && taken.length > 0) {
    taken.pop();
    load = plan(taken);
  }
  // Nothing dropped: the greedy choice already looked at the queue with the same weight and count limits.
  let tries = taken.length === req.chosen.length ? 0 : (req.refillTries ?? 12);
  if (tries > 0 && !req.type.loadModel) tries = 0;
  let scan = req.refillScan ?? 600;
  // The plan file also counts positions by floor area (docs/plan-format.md): stay within that too.
  let counted = taken.reduce((n, t) => n + unitOf(t).positionEquivalents, 0);
  const aboard = new Set(taken);
  // Shapes that did not fit the load as it stood; cleared when the load changes.
  let failed = new Set<string>();
  let room = freePositionLimits(req.type, load);
  for (const t of req.queue) {
    if (tries <= 0 || scan-- <= 0 || !load.ok || load.margins.positions === 0) break;
    if (aboard.has(t)) continue;
    const u = unitOf(t);
    if (u.weightKg > load.margins.payloadKg || counted + u.positionEquivalents > req.type.palletPositions) continue;
    // A pallet taller or heavier than every free position takes (the ramp's, say) is not worth a try.
    if (u.onPosition && (u.heightCm > room.height + 0.01 || u.weightKg > room.weight + 1e-6)) continue;
    const shape = shapeOf(u);
    if (failed.has(shape)) continue;
    tries--;
    const next = plan([...taken, t]);
    if (next.ok) {
      taken.push(t);
      aboard.add(t);
      counted += u.positionEquivalents;
      load = next;
      failed = new Set();
      room = freePositionLimits(req.type, load);
    } else failed.add(shape);
  }
  return { taken, load, unitOf, itemOf: (u) => back.get(u) };
}
