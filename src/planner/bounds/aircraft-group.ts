import { blockMinutes, findAirLeg, legDistance } from "#domain/air-leg.ts";
import type { AircraftType } from "#domain/aircraft-type.ts";
import type { Window } from "#domain/fleet.ts";
import { groundMinutes } from "#domain/ground-time.ts";
import { allowableLoad } from "#domain/payload-range.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import type { Site } from "#domain/site.ts";
import { instant } from "#domain/time.ts";
import type { ClearanceGate } from "../clearance-gate.ts";
import { nextOpen } from "../site-clock.ts";

/** One direction of a scenario air leg as a type flies it. */
export interface FlownLeg {
  readonly from: Site;
  readonly to: Site;
  /** Block minutes. */
  readonly block: number;
  /** Allowable load, kg. */
  readonly payloadKg: number;
  /** Earliest departure the clearance lead times allow (overflights and the landing country). */
  readonly clearAt: number;
  /**
   * From a host airfield: the earliest this group can leave on it loaded (positioning from the base,
   * clearances, hours, onload); undefined if it never can.
   */
  readonly firstLoaded?: number;
}

/**
 * Aircraft the relaxation treats alike: fleet entries of one type, one base and the same
 * availability windows. Each gets its own copy of the time-space network.
 */
export interface AircraftGroup {
  readonly key: string;
  /** Fleet ids, for messages. */
  readonly label: string;
  readonly type: AircraftType;
  readonly count: number;
  readonly base: Site;
  /** Availability windows that end after the start, in time order. */
  readonly windows: readonly Window[];
  /** Airfields the type may use (an ICAO code, the type accepted). */
  readonly airfields: readonly Site[];
  /** Legs both ways between those airfields, within range. */
  readonly legs: readonly FlownLeg[];
  /** Whether the type carries cargo (a passenger charter does not). */
  readonly military: boolean;
  /** Earliest loaded departure out of the host country, minutes (∞ when none is possible). */
  readonly firstOut: number;
  /** Shortest time between two loaded departures out of the host country by one aircraft (∞: no way back). */
  readonly cycle: number;
  /** Shortest leg out of the host country, minutes. */
  readonly outMin: number;
  /** Earliest clearance on any leg out of the host country. */
  readonly clearOutMin: number;
  /** Earliest instant an aircraft can stand at a host airfield (to start loading); undefined: never. */
  readonly firstAtHost: number | undefined;
  /** Quickest flight, minutes, from each airfield back to a host airfield (0 at a host; ∞ if none). */
  readonly backToHost: ReadonlyMap<string, number>;
}

/** Ground minutes before a loaded departure (onload, at least a refuel stop). */
export const loadMinutes = (type: AircraftType, site: Site): number =>
  groundMinutes(type, site, { unloading: false, loading: true });

/** Ground minutes after a loaded arrival before the next departure (offload, at least a refuel stop). */
export const unloadMinutes = (type: AircraftType, site: Site): number =>
  groundMinutes(type, site, { unloading: true, loading: false });

/** Ground minutes between an empty arrival and an empty departure (a refuel stop). */
export const turnMinutes = (type: AircraftType, site: Site): number =>
  groundMinutes(type, site, { unloading: false, loading: false });

/**
 * The fleet as groups of interchangeable aircraft. Entries with no aircraft, an unknown type, no window
 * after the start or a base the type cannot take off from are left out: they can fly nothing.
 */
export function aircraftGroups(rs: ResolvedScenario, gate: ClearanceGate): AircraftGroup[] {
  const byKey = new Map<string, { label: string[]; count: number; type: AircraftType; base: Site; windows: Window[] }>();
  for (const f of rs.scenario.fleet) {
    const type = rs.types.get(f.type);
    const base = rs.sites.get(f.base);
    if (!type || !base || f.count <= 0 || !usable(base, type)) continue;
    const windows = [...f.availability].filter((w) => w.to > rs.start).sort((a, b) => a.from - b.from);
    if (windows.length === 0) continue;
    const key = `${type.id}|${base.id}|${windows.map((w) => `${w.from}-${w.to}`).join(",")}`;
    const g = byKey.get(key);
    if (g) {
      g.label.push(f.id);
      g.count += f.count;
    } else byKey.set(key, { label: [f.id], count: f.count, type, base, windows });
  }
  return [...byKey].map(([key, g]) => completeGroup(rs, gate, key, g.label.join("+"), g.type, g.count, g.base, g.windows));
}

const usable = (site: Site, type: AircraftType) => !!site.icao && (!site.acceptsTypes || site.acceptsTypes.includes(type.id));

function completeGroup(
  rs: ResolvedScenario,
  gate: ClearanceGate,
  key: string,
  label: string,
  type: AircraftType,
  count: number,
  base: Site,
  windows: readonly Window[],
): AircraftGroup {
  const airfields = rs.scenario.sites.filter((s) => usable(s, type));
  const ids = new Set(airfields.map((s) => s.id as string));
  const legs: FlownLeg[] = [];
  const seen = new Set<string>();
  for (const l of rs.scenario.airLegs) {
    if (l.from === l.to || !ids.has(l.from) || !ids.has(l.to)) continue;
    const pair = [l.from, l.to].sort().join("|");
    if (seen.has(pair)) continue;
    seen.add(pair);
    // The verifier reads the first listed leg of a pair, either way: so does the relaxation.
    const leg = findAirLeg(rs.scenario, l.from, l.to);
    const a = rs.sites.get(l.from);
    const b = rs.sites.get(l.to);
    if (!leg || !a || !b) continue;
    const distance = legDistance(leg, a, b);
    const payload = allowableLoad(type, distance);
    if (payload === undefined) continue;
    const block = blockMinutes(type, distance);
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const)
      legs.push({ from, to, block, payloadKg: payload, clearAt: gate.earliestFor(leg.overflies, to.country) });
  }
  const w0 = windows[0];
  const arrive = w0 ? earliestArrivals(rs, base, w0.from, legs) : new Map<string, number>();
  const flown = legs.map((l) => {
    if (!l.from.inHostCountry || !w0) return l;
    const at = arrive.get(l.from.id);
    if (at === undefined) return l;
    // At the base the aircraft may load from the opening of its window.
    const ready = (l.from.id === base.id ? w0.from : at) + loadMinutes(type, l.from);
    return { ...l, firstLoaded: nextOpen(l.from, instant(Math.max(ready, l.clearAt, rs.start))) as number };
  });
  const out = flown.filter((l) => l.from.inHostCountry && !l.to.inHostCountry);
  return {
    key,
    label,
    type,
    count,
    base,
    windows,
    airfields,
    legs: flown,
    military: type.role !== "passenger_charter" && type.palletPositions > 0,
    firstOut: Math.min(Number.POSITIVE_INFINITY, ...out.map((l) => l.firstLoaded ?? Number.POSITIVE_INFINITY)),
    cycle: shortestCycle(type, airfields, legs, out),
    firstAtHost: firstAtHost(rs, base, windows, legs),
    backToHost: backToHost(airfields, legs),
    outMin: Math.min(Number.POSITIVE_INFINITY, ...out.map((l) => l.block)),
    clearOutMin: Math.min(Number.POSITIVE_INFINITY, ...out.map((l) => l.clearAt)),
  };
}

/**
 * Earliest arrival at each airfield from the base: departures inside hours and after the leg's clearance,
 * landings inside hours (ground stops and windows after the first ignored).
 */
function earliestArrivals(rs: ResolvedScenario, base: Site, opens: number, legs: readonly FlownLeg[]): Map<string, number> {
  const arrive = new Map<string, number>([[base.id, Math.max(rs.start, opens)]]);
  const done = new Set<string>();
  for (;;) {
    let u: string | undefined;
    for (const [id, t] of arrive) if (!done.has(id) && (u === undefined || t < (arrive.get(u) ?? 0))) u = id;
    if (u === undefined) break;
    done.add(u);
    const t = arrive.get(u) ?? 0;
    for (const l of legs) {
      if (l.from.id !== u) continue;
      const a = nextOpen(l.to, instant(nextOpen(l.from, instant(Math.max(t, l.clearAt))) + l.block));
      if (a < (arrive.get(l.to.id) ?? Number.POSITIVE_INFINITY)) arrive.set(l.to.id, a);
    }
  }
  return arrive;
}

/** Earliest instant an aircraft of the group stands at a host airfield (its base's window opening, if a host). */
function firstAtHost(rs: ResolvedScenario, base: Site, windows: readonly Window[], legs: readonly FlownLeg[]): number | undefined {
  const w0 = windows[0];
  if (!w0) return undefined;
  if (base.inHostCountry) return w0.from;
  let best: number | undefined;
  for (const [id, t] of earliestArrivals(rs, base, w0.from, legs))
    if (rs.sites.get(id as never)?.inHostCountry && (best === undefined || t < best)) best = t;
  return best;
}

/** Quickest flight from each airfield to any host airfield (Dijkstra on block times, stops free). */
function backToHost(airfields: readonly Site[], legs: readonly FlownLeg[]): Map<string, number> {
  const dist = new Map<string, number>();
  for (const a of airfields) if (a.inHostCountry) dist.set(a.id, 0);
  const done = new Set<string>();
  for (;;) {
    let u: string | undefined;
    for (const [id, t] of dist) if (!done.has(id) && (u === undefined || t < (dist.get(u) ?? 0))) u = id;
    if (u === undefined) break;
    done.add(u);
    const t = dist.get(u) ?? 0;
    // Backwards: a leg into u gives its origin a way home.
    for (const l of legs)
      if (l.to.id === u && t + l.block < (dist.get(l.from.id) ?? Number.POSITIVE_INFINITY)) dist.set(l.from.id, t + l.block);
  }
  return dist;
}

/**
 * Shortest time between two loaded departures out of the host country by one aircraft: out, offload,
 * the quickest way back to any host airfield (stops cost nothing), load.
 */
function shortestCycle(type: AircraftType, airfields: readonly Site[], legs: readonly FlownLeg[], out: readonly FlownLeg[]): number {
  const back = new Map<string, number>();
  const hosts = airfields.filter((s) => s.inHostCountry);
  for (const d of new Set(out.map((l) => l.to))) {
    const dist = new Map<string, number>([[d.id, 0]]);
    const done = new Set<string>();
    for (;;) {
      let u: string | undefined;
      for (const [id, t] of dist) if (!done.has(id) && (u === undefined || t < (dist.get(u) ?? 0))) u = id;
      if (u === undefined) break;
      done.add(u);
      const t = dist.get(u) ?? 0;
      for (const l of legs)
        if (l.from.id === u && t + l.block < (dist.get(l.to.id) ?? Number.POSITIVE_INFINITY)) dist.set(l.to.id, t + l.block);
    }
    let best = Number.POSITIVE_INFINITY;
    for (const h of hosts) {
      const t = dist.get(h.id);
      if (t !== undefined && t > 0) best = Math.min(best, t + loadMinutes(type, h));
    }
    back.set(d.id, best);
  }
  let cycle = Number.POSITIVE_INFINITY;
  for (const l of out) cycle = Math.min(cycle, l.block + unloadMinutes(type, l.to) + (back.get(l.to.id) ?? Number.POSITIVE_INFINITY));
  return cycle;
}

/**
 * Most loaded departures out of the host country one aircraft of the group can make at instants in
 * [lo, hi]: per availability window, one at the first possible instant and one per cycle after it
 * (the leg out must land inside the window).
 */
export function departuresWithin(g: AircraftGroup, start: number, lo: number, hi: number): number {
  let n = 0;
  g.windows.forEach((w, i) => {
    const first = i === 0 ? g.firstOut : Math.max(w.from, start, g.clearOutMin);
    const a = Math.max(lo, first);
    const b = Math.min(hi, w.to - g.outMin);
    if (b >= a) n += Number.isFinite(g.cycle) ? Math.floor((b - a) / g.cycle) + 1 : 1;
  });
  return n;
}

/** Instants up to `until` where `departuresWithin(g, start, −∞, t)` steps up (at most 10 000). */
export function departureSteps(g: AircraftGroup, start: number, until: number): number[] {
  const out: number[] = [];
  g.windows.forEach((w, i) => {
    const first = i === 0 ? g.firstOut : Math.max(w.from, start, g.clearOutMin);
    const last = Math.min(until, w.to - g.outMin);
    for (let t = first; t <= last && out.length < 10_000; t += Number.isFinite(g.cycle) ? g.cycle : Number.POSITIVE_INFINITY) out.push(t);
  });
  return out;
}
