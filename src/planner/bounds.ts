import { blockMinutes, findAirLeg, legDistance } from "#domain/air-leg.ts";
import type { AircraftType } from "#domain/aircraft-type.ts";
import { groundMinutes } from "#domain/ground-time.ts";
import type { Bound } from "#domain/plan.ts";
import { allowableLoad } from "#domain/payload-range.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import type { Site } from "#domain/site.ts";
import {
  PALLET_DECK_CM,
  PALLET_MAX_GROSS_KG,
  PALLET_MAX_HEIGHT_CM,
  PALLET_TARE_KG,
  PALLET_USABLE_LENGTH_CM,
  PALLET_USABLE_WIDTH_CM,
  PASSENGER_KG,
  positionEquivalents,
} from "#domain/standard-weights.ts";
import { formatInstant, type Instant, instant } from "#domain/time.ts";
import type { ClearanceGate } from "./clearance-gate.ts";
import { serviceDepartures } from "./commercial.ts";
import { fitsPallet } from "./palletise.ts";
import { nextOpen } from "./site-clock.ts";
import { PARKING_SPOT_BOUND_NAME, SITE_CYCLE_BOUND_NAME, siteCycleBound } from "./bounds/site-cycle.ts";

/** A bound as the planner computes it, before formatting. */
export interface ClosureBound {
  readonly name: string;
  readonly at: Instant;
  readonly detail: string;
}

interface AircraftCycle {
  /** Per availability window: the earliest and latest possible loaded departures from the host country. */
  readonly windows: readonly { readonly first: number; readonly last: number }[];
  readonly cycle: number;
  readonly kg: number;
  readonly positions: number;
  readonly seats: number;
}

/**
 * Lower bounds on the closure (the last departure from the host country), each a relaxation:
 * - first-arrival: no aircraft can lift a site's cargo before clearance lead time, its first window
 *   and a positioning flight plus loading;
 * - fleet-cycle: even with no parking, hours or loading losses, the fleet's sorties by time T
 *   (first departure + k round trips at the shortest cycle) must carry all weight, positions and people;
 * - site-cycle: each site's sorties at their own round trip must fit in the fleet's aircraft time
 *   (`bounds/site-cycle.ts`);
 * - parking-spot: the same, with each loaded departure holding a spot of its airfield for its onload.
 */
export function closureBounds(rs: ResolvedScenario, gate: ClearanceGate): ClosureBound[] {
  const bounds = countingBounds(rs, gate);
  const best = bounds.reduce((t, b) => Math.max(t, b.at), rs.start as number);
  const until = instant(rs.start + 5 * 365 * 1440);
  const site = siteCycleBound(rs, gate, instant(best), until);
  if (site) bounds.push({ name: SITE_CYCLE_BOUND_NAME, ...site });
  // The same with each airfield's parking spots: only listed when the spots make it later.
  const spots = siteCycleBound(rs, gate, instant(Math.max(best, site?.at ?? best)), until, { spots: true });
  if (spots && spots.at > (site?.at ?? best)) bounds.push({ name: PARKING_SPOT_BOUND_NAME, ...spots });
  return bounds;
}

function countingBounds(rs: ResolvedScenario, gate: ClearanceGate): ClosureBound[] {
  const s = rs.scenario;
  const hostAirfields = s.sites.filter((x) => x.inHostCountry && x.icao);
  const destinations = s.sites.filter((x) => !x.inHostCountry && x.icao);
  const withdraw = s.cargo.filter((c) => c.disposition === "withdraw");
  const bounds: ClosureBound[] = [{ name: "start", at: rs.start, detail: "planning start" }];

  // First arrival: for each site holding cargo, the earliest loaded departure over all aircraft.
  const cargoSites = new Set(withdraw.filter((c) => c.quantity > 0).map((c) => c.site as string));
  const cycles: AircraftCycle[] = [];
  let firstArrival: { at: number; site: string } | undefined;
  const earliestBySite = new Map<string, number>();
  for (const fleet of s.fleet) {
    const type = rs.types.get(fleet.type);
    const sorted = [...fleet.availability].sort((a, b) => a.from - b.from);
    const window = sorted[0];
    const base = rs.sites.get(fleet.base);
    if (!type || !window || !base || fleet.count === 0) continue;
    let first = Number.POSITIVE_INFINITY;
    for (const site of hostAirfields) {
      const t = earliestLoadedDeparture(rs, gate, type, base, site, Math.max(window.from, rs.start), window.from);
      if (t === undefined) continue;
      first = Math.min(first, t);
      earliestBySite.set(site.id, Math.min(earliestBySite.get(site.id) ?? Number.POSITIVE_INFINITY, t));
    }
    const cycle = shortestCycle(rs, type, hostAirfields, destinations);
    const out = shortestOut(rs, type, hostAirfields, destinations);
    if (first === Number.POSITIVE_INFINITY || cycle === undefined || out === undefined) continue;
    // Loaded departures happen inside availability windows: the leg out must land before the window closes.
    // After the first window the aircraft may already stand in the host country, so only the window's opening counts.
    const windows = sorted
      .map((w, i) => ({ first: i === 0 ? first : Math.max(w.from, rs.start, gate.earliestFor([], undefined)), last: w.to - out }))
      .filter((w) => w.last >= w.first);
    const kg = Math.max(0, ...hostAirfields.flatMap((h) => destinations.map((d) => legKg(rs, type, h, d))));
    for (let i = 0; i < fleet.count; i++)
      cycles.push({ windows, cycle, kg: type.role === "passenger_charter" ? 0 : kg, positions: type.role === "passenger_charter" ? 0 : type.palletPositions, seats: type.seats.maximum });
  }
  for (const id of cargoSites) {
    const t = earliestBySite.get(id);
    if (t !== undefined && (!firstArrival || t > firstArrival.at)) firstArrival = { at: t, site: id };
  }
  if (firstArrival)
    bounds.push({
      name: "first-arrival",
      at: instant(firstArrival.at),
      detail: `the first aircraft can leave ${firstArrival.site} loaded no earlier than this (clearance lead time, positioning flight, loading)`,
    });

  // Demand that only military aircraft can carry.
  const kgDemand = withdraw.reduce((n, c) => n + c.quantity * c.unitWeight, 0);
  const positionsDemand = positionsLowerBound(withdraw);
  const peopleDemand = s.personnel.reduce((n, g) => n + g.count, 0);
  const commercialSeatsBy = (t: number) =>
    s.commercial.reduce((n, svc) => n + serviceDepartures(svc, rs.start, instant(t)).length * svc.seatsPerFlight, 0);
  const sortiesBy = (t: number, c: AircraftCycle) =>
    c.windows.reduce((n, w) => (t < w.first ? n : n + Math.floor((Math.min(t, w.last) - w.first) / c.cycle) + 1), 0);
  const capacityBy = (t: number) => {
    let kg = 0;
    let positions = 0;
    let seats = commercialSeatsBy(t);
    for (const c of cycles) {
      const n = sortiesBy(t, c);
      kg += n * c.kg;
      positions += n * c.positions;
      seats += n * c.seats;
    }
    return { kg, positions, seats };
  };
  if (cycles.length > 0) {
    const enough = (t: number) => {
      const cap = capacityBy(t);
      return cap.kg + 1e-6 >= kgDemand + 0 && cap.positions >= positionsDemand && cap.seats >= peopleDemand;
    };
    // Binary search over minutes: capacity only grows with time.
    let lo = rs.start as number;
    let hi = rs.start + 5 * 365 * 1440;
    if (enough(hi)) {
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (enough(mid)) hi = mid;
        else lo = mid + 1;
      }
      bounds.push({
        name: "fleet-cycle",
        at: instant(lo),
        detail: `${Math.round(kgDemand / 1000)} t, ≥ ${positionsDemand} positions and ${peopleDemand} people need the whole fleet cycling at its fastest round trip until then`,
      });
    }
  }
  return bounds;
}


/** Pallet positions no loading can do with less: loose pieces' own positions plus pallets needed by weight and volume. */
export function positionsLowerBound(cargo: readonly { quantity: number; unitWeight: number; kind: string; dimensions: { length: number; width: number; height: number } }[]): number {
  let loose = 0;
  let boxKg = 0;
  let boxVolume = 0;
  for (const c of cargo) {
    if (fitsPallet(c as never)) {
      boxKg += c.quantity * c.unitWeight;
      boxVolume += c.quantity * c.dimensions.length * c.dimensions.width * c.dimensions.height;
    } else loose += c.quantity * positionEquivalents(c.dimensions);
  }
  const palletVolume = PALLET_USABLE_LENGTH_CM * PALLET_USABLE_WIDTH_CM * (PALLET_MAX_HEIGHT_CM - PALLET_DECK_CM);
  const byWeight = Math.ceil(boxKg / (PALLET_MAX_GROSS_KG - PALLET_TARE_KG) - 1e-9);
  const byVolume = Math.ceil(boxVolume / palletVolume - 1e-9);
  return loose + Math.max(byWeight, byVolume);
}

function legKg(rs: ResolvedScenario, type: AircraftType, a: Site, b: Site): number {
  const leg = findAirLeg(rs.scenario, a.id, b.id);
  if (!leg) return 0;
  return allowableLoad(type, legDistance(leg, a, b)) ?? 0;
}

function earliestLoadedDeparture(
  rs: ResolvedScenario,
  gate: ClearanceGate,
  type: AircraftType,
  base: Site,
  site: Site,
  ready: number,
  windowFrom: number,
): number | undefined {
  if (site.acceptsTypes && !site.acceptsTypes.includes(type.id)) return undefined;
  // Each step waits for opening hours: any real plan departs and lands no earlier than these.
  const loading = groundMinutes(type, site, { unloading: false, loading: true });
  if (base.id === site.id) return nextOpen(site, instant(Math.max(ready, windowFrom + loading)));
  const leg = findAirLeg(rs.scenario, base.id, site.id);
  if (!leg) return undefined;
  const d1 = nextOpen(base, instant(Math.max(ready, gate.earliestFor(leg.overflies, site.country))));
  const a1 = nextOpen(site, instant(d1 + blockMinutes(type, legDistance(leg, base, site))));
  return nextOpen(site, instant(a1 + loading));
}

/** Shortest loaded leg from the host country to a destination, minutes. */
function shortestOut(rs: ResolvedScenario, type: AircraftType, hosts: readonly Site[], dests: readonly Site[]): number | undefined {
  let best: number | undefined;
  for (const h of hosts)
    for (const d of dests) {
      const leg = findAirLeg(rs.scenario, h.id, d.id);
      if (!leg) continue;
      const t = blockMinutes(type, legDistance(leg, h, d));
      if (best === undefined || t < best) best = t;
    }
  return best;
}

/** Shortest time between two loaded departures of one aircraft: out, unload, back, load. */
function shortestCycle(rs: ResolvedScenario, type: AircraftType, hosts: readonly Site[], dests: readonly Site[]): number | undefined {
  let best: number | undefined;
  for (const h of hosts) {
    if (h.acceptsTypes && !h.acceptsTypes.includes(type.id)) continue;
    for (const d of dests) {
      const out = findAirLeg(rs.scenario, h.id, d.id);
      if (!out) continue;
      const tOut = blockMinutes(type, legDistance(out, h, d));
      const atDest = groundMinutes(type, d, { unloading: true, loading: false });
      for (const h2 of hosts) {
        if (h2.acceptsTypes && !h2.acceptsTypes.includes(type.id)) continue;
        const back = findAirLeg(rs.scenario, d.id, h2.id);
        if (!back) continue;
        const c = tOut + atDest + blockMinutes(type, legDistance(back, d, h2)) + groundMinutes(type, h2, { unloading: false, loading: true });
        if (best === undefined || c < best) best = c;
      }
    }
  }
  return best;
}

export const formatBound = (b: ClosureBound): Bound => ({ name: b.name, at: formatInstant(b.at), detail: b.detail });
export { PASSENGER_KG };
