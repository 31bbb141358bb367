import type { AircraftType } from "#domain/aircraft-type.ts";
import type { AircraftLoad } from "./aircraft-load.ts";
import type { LoadUnit } from "./load-unit.ts";
import { planAircraftLoad } from "./plan-aircraft-load.ts";

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
  /** Candidates of the queue to try at most (each try plans a load). */
  readonly refillTries?: number;
  /** Candidates of the queue to look at, at most. */
  readonly refillScan?: number;
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
  let load = plan(taken);
  while (!load.ok && taken.length > 0) {
    taken.pop();
    load = plan(taken);
  }
  // Nothing dropped: the greedy choice already looked at the queue with the same weight and count limits.
  let tries = taken.length === req.chosen.length ? 0 : (req.refillTries ?? 12);
  let scan = req.refillScan ?? 120;
  // The plan file also counts positions by floor area (docs/plan-format.md): stay within that too.
  let counted = taken.reduce((n, t) => n + unitOf(t).positionEquivalents, 0);
  const aboard = new Set(taken);
  for (const t of req.queue) {
    if (tries <= 0 || scan-- <= 0 || !load.ok || load.margins.positions === 0) break;
    if (aboard.has(t)) continue;
    const u = unitOf(t);
    if (u.weightKg > load.margins.payloadKg || counted + u.positionEquivalents > req.type.palletPositions) continue;
    tries--;
    const next = plan([...taken, t]);
    if (next.ok) {
      taken.push(t);
      aboard.add(t);
      counted += u.positionEquivalents;
      load = next;
    }
  }
  return { taken, load, unitOf, itemOf: (u) => back.get(u) };
}
