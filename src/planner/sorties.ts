import { blockMinutes, findAirLeg, legDistance } from "#domain/air-leg.ts";
import type { AircraftType } from "#domain/aircraft-type.ts";
import type { CargoItem, Hazard } from "#domain/cargo.ts";
import type { FleetEntry, Window } from "#domain/fleet.ts";
import { groundMinutes } from "#domain/ground-time.ts";
import { compatible } from "#domain/hazard-compatibility.ts";
import type { SiteId } from "#domain/ids.ts";
import { withinHours } from "#domain/operating-hours.ts";
import { allowableLoad, seatsAvailable } from "#domain/payload-range.ts";
import type { Leg, Sortie } from "#domain/plan.ts";
import type { AirLeg } from "#domain/route.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import type { Site } from "#domain/site.ts";
import { PASSENGER_KG } from "#domain/standard-weights.ts";
import { formatInstant, type Instant, instant } from "#domain/time.ts";
import { type Km, km } from "#domain/units.ts";
import type { ClearanceGate } from "./clearance-gate.ts";
import { boardClosingTeam, ClosingTeams, isClosingTeamOf } from "./closing-team.ts";
import type { CrewRoster } from "./crew-duty.ts";
import { closedShare, type DispatchRule } from "./dispatch-rule.ts";
import { mergeItems } from "./convoys.ts";
import { unitFitsType } from "./fits.ts";
import type { LoadOrder } from "./load-order.ts";
import type { AircraftLoad } from "./load/aircraft-load.ts";
import { assessLoad } from "./load/assess.ts";
import { loadPlanRecord } from "./load/load-plan-record.ts";
import { loadUnitOf } from "./load/load-unit.ts";
import { planAircraftLoad } from "./load/plan-aircraft-load.ts";
import { seatsWithin, withFreeSeats } from "./load/seating.ts";
import { settleLoad } from "./load/settle-load.ts";
import type { ParkingLedger } from "./parking-ledger.ts";
import { type Boarded, type CargoPool, type PeoplePool, passengerList, type WaitingPeople, type WaitingUnit } from "./pools.ts";
import { nextOpen } from "./site-clock.ts";
import { tailWindows } from "./tail-windows.ts";

/** One aircraft of the fleet as the scheduler sees it. */
interface Tail {
  readonly id: string;
  readonly fleet: FleetEntry;
  readonly type: AircraftType;
  at: SiteId;
  /** Earliest next departure from `at`. */
  readyAt: Instant;
  /** When it landed at `at` (or its window opened at base), for ground time before loading there. */
  groundSince: Instant;
  lastLegLoaded: boolean;
  done: boolean;
  /** When it may fly: its entry's availability less its out-of-service periods. */
  readonly windows: readonly Window[];
}

interface Slot {
  readonly site: Site;
  readonly dest: Site;
  readonly legIn: AirLeg | undefined;
  readonly legOut: AirLeg;
  readonly d1: Instant | undefined;
  readonly a1: Instant | undefined;
  readonly d2: Instant;
  readonly a2: Instant;
  readonly distOut: Km;
  /** The crew that flies both legs. */
  readonly crew: string;
}

export interface SortieContext {
  readonly rs: ResolvedScenario;
  readonly cargo: CargoPool;
  readonly people: PeoplePool;
  readonly parking: ParkingLedger;
  readonly gate: ClearanceGate;
  readonly crews: CrewRoster;
  readonly nextId: () => string;
  /** How an aircraft picks its next site. */
  readonly rule: DispatchRule;
  /** How an aircraft picks the cargo it takes (default `balanced`). */
  readonly loadOrder?: LoadOrder;
  /** The last departure of cargo from a site already planned (by road, or kept when re-planning): closing teams stay until then. */
  readonly cargoLeftBy?: ReadonlyMap<SiteId, Instant>;
  /** Re-planning: where each aircraft stands after the movements kept, and when it may leave again. */
  readonly resume?: ReadonlyMap<string, TailResume>;
  readonly onProgress?: (done: number) => void;
}

/** An aircraft's state after the movements a re-plan keeps. */
export interface TailResume {
  readonly at: SiteId;
  readonly readyAt: Instant;
  readonly groundSince: Instant;
  readonly lastLegLoaded: boolean;
}

export interface SortieResult {
  readonly sorties: Sortie[];
  /** Departure of the last cargo from each site. */
  readonly lastCargoAt: Map<SiteId, Instant>;
}

const MAX_SLOT_ITERATIONS = 5000;

/**
 * Greedy list scheduling of sorties: each aircraft's best slot (see `dispatch-rule.ts`) at the site
 * where it can load soonest (earliest departure that respects hours, parking, crews, clearance lead
 * times and refusals and its availability); the earliest such departure over all aircraft goes first.
 * It loads by priority, fills seats, and flies to the destination where it can leave again soonest.
 */
export function planSorties(ctx: SortieContext): SortieResult {
  const { rs, cargo, people, parking } = ctx;
  const tails = expandFleet(rs);
  for (const t of tails) {
    const r = ctx.resume?.get(t.id);
    if (!r) continue;
    t.at = r.at;
    t.readyAt = instant(Math.max(t.readyAt, r.readyAt));
    t.groundSince = r.groundSince;
    t.lastLegLoaded = r.lastLegLoaded;
  }
  for (const t of tails) parking.park(site(rs, t.at), t.type.parkingClass, t.id, t.groundSince);
  const sorties: Sortie[] = [];
  const lastCargoAt = new Map<SiteId, Instant>(ctx.cargoLeftBy ?? []);
  const destinations = rs.scenario.sites.filter((s) => !s.inHostCountry && s.icao);
  const closing = new ClosingTeams(rs);
  let idle = 0;
  // Dispatch by the earliest loaded departure over all aircraft, not by the aircraft free soonest:
  // a slow or far aircraft must not take a load that another would lift sooner. Each tail keeps the
  // departure of its best slot when last looked at (`key`); that slot is taken only when no other
  // tail's key is earlier, else the tail waits in line with its new key (lazy re-evaluation).
  const key = new Map<Tail, number>(tails.map((t) => [t, t.readyAt]));
  while (cargo.size > 0 || people.total > 0) {
    let tail: Tail | undefined;
    let next = Number.POSITIVE_INFINITY;
    let readySoonest = Number.POSITIVE_INFINITY;
    for (const t of tails) {
      if (t.done) continue;
      readySoonest = Math.min(readySoonest, t.readyAt);
      const k = key.get(t) ?? t.readyAt;
      const kt = tail ? (key.get(tail) ?? tail.readyAt) : Number.POSITIVE_INFINITY;
      if (!tail || k < kt || (k === kt && t.id.localeCompare(tail.id) < 0)) {
        if (tail) next = Math.min(next, kt);
        tail = t;
      } else next = Math.min(next, k);
    }
    if (!tail) break;
    // Every later query starts at or after the earliest ready tail.
    parking.prune(instant(readySoonest));
    const best = bestSlot(ctx, tail, destinations, lastCargoAt);
    if (!best) {
      tail.done = true;
      continue;
    }
    if (best.d2 > next) {
      key.set(tail, best.d2);
      continue;
    }
    const sortie = fly(ctx, tail, best, lastCargoAt, closing);
    if (!sortie) {
      // Nothing could board at that slot (people not yet free to go): look again later.
      tail.readyAt = instant(best.d2 + 60);
      key.set(tail, tail.readyAt);
      if (++idle > 20_000) tail.done = true;
      continue;
    }
    key.set(tail, tail.readyAt);
    idle = 0;
    sorties.push(sortie);
    ctx.onProgress?.(sorties.length);
  }
  return { sorties, lastCargoAt };
}

function site(rs: ResolvedScenario, id: string): Site {
  const s = rs.sites.get(id as SiteId);
  if (!s) throw new Error(`bug: unknown site ${id} after validation`);
  return s;
}

function expandFleet(rs: ResolvedScenario): Tail[] {
  return rs.scenario.fleet.flatMap((fleet) => {
    const type = rs.types.get(fleet.type);
    if (!type) return [];
    return Array.from({ length: fleet.count }, (_, i) => {
      const windows = tailWindows(fleet, i + 1);
      const window = windows[0];
      if (!window) return [];
      return [
        {
          id: `${fleet.id}-${i + 1}`,
          fleet,
          type,
          at: fleet.base,
          readyAt: instant(Math.max(window.from, rs.start)),
          groundSince: window.from,
          lastLegLoaded: false,
          done: false,
          windows,
        },
      ];
    }).flat();
  });
}

/** Sites with something this tail could lift, if the type may land there. */
function candidateSites(ctx: SortieContext, tail: Tail): Site[] {
  const out: Site[] = [];
  const sites = new Set<SiteId>([...ctx.cargo.sites(), ...ctx.people.sites()]);
  for (const id of sites) {
    const s = site(ctx.rs, id);
    if (!s.inHostCountry || !s.icao) continue;
    if (s.acceptsTypes && !s.acceptsTypes.includes(tail.type.id)) continue;
    const hasCargo = ctx.cargo.at(id).some((w) => unitFitsType(w.unit, tail.type));
    if (!hasCargo && ctx.people.count(id) === 0) continue;
    out.push(s);
  }
  return out;
}

/** The tail's slot, by the dispatch rule (see `dispatch-rule.ts`). */
function bestSlot(ctx: SortieContext, tail: Tail, destinations: readonly Site[], lastCargoAt: Map<SiteId, Instant>): Slot | undefined {
  const perSite: { slot: Slot; work: number; capacityHours: number }[] = [];
  for (const s of candidateSites(ctx, tail)) {
    const notBefore = readyToLoad(ctx, tail, s, lastCargoAt);
    if (notBefore === undefined) continue;
    // Per site, the destination of the earliest loaded departure; among equals, the one where the
    // aircraft can leave again soonest (a crew staged there, or the own crew's rest).
    let best: Slot | undefined;
    let bestAgain = Number.POSITIVE_INFINITY;
    for (const d of destinations) {
      const slot = findSlot(ctx, tail, s, d, notBefore);
      if (!slot) continue;
      const again = Math.max(slot.a2 + groundMinutes(tail.type, d, { unloading: true, loading: false }), ctx.crews.readyAgainAt(tail.fleet, d.id, slot.a2));
      if (!best || slot.d2 < best.d2 || (slot.d2 === best.d2 && (again < bestAgain || (again === bestAgain && slot.a2 < best.a2)))) {
        best = slot;
        bestAgain = again;
      }
    }
    if (!best) continue;
    const length = best.a2 - (best.d1 ?? best.d2);
    const left = ctx.cargo.positionsAt(s.id) + ctx.people.count(s.id) / PEOPLE_PER_POSITION;
    const work = left * length * (1 + ctx.rule.hoursWeight * closedShare(s.operatingHours));
    const rate = siteRate(ctx, s);
    perSite.push({ slot: best, work, capacityHours: rate === Number.POSITIVE_INFINITY || rate === 0 ? 0 : left / rate / 60 });
  }
  let earliest = Number.POSITIVE_INFINITY;
  for (const p of perSite) earliest = Math.min(earliest, p.slot.d2);
  const criticalPatience = ctx.rule.criticalPatienceMinutes ?? 0;
  if (criticalPatience > 0) {
    // The site with the most hours of work left at its own capacity, less the hours this aircraft
    // would wait for it: sites with few spots for their cargo are served all along.
    const score = (p: { slot: Slot; capacityHours: number }) => p.capacityHours - (p.slot.d2 - earliest) / 60;
    let pick: { slot: Slot; capacityHours: number } | undefined;
    for (const p of perSite) {
      if (p.capacityHours === 0 || p.slot.d2 > earliest + criticalPatience) continue;
      if (!pick || score(p) > score(pick)) pick = p;
    }
    if (pick) return pick.slot;
  }
  let chosen: { slot: Slot; work: number } | undefined;
  for (const p of perSite) {
    if (p.slot.d2 > earliest + ctx.rule.patienceMinutes) continue;
    if (!chosen || p.work > chosen.work || (p.work === chosen.work && (p.slot.d2 < chosen.slot.d2 || (p.slot.d2 === chosen.slot.d2 && p.slot.a2 < chosen.slot.a2)))) chosen = p;
  }
  return chosen?.slot;
}

/**
 * Pallet positions per minute a site can turn at most: per parking class, its spots times the
 * positions of the largest type of that class over its onload time, and the share of the day it is
 * open. `Infinity` where parking is not limited.
 */
const rates = new WeakMap<object, Map<SiteId, number>>();
function siteRate(ctx: SortieContext, s: Site): number {
  let bySite = rates.get(ctx.rs);
  if (!bySite) {
    bySite = new Map();
    rates.set(ctx.rs, bySite);
  }
  const known = bySite.get(s.id);
  if (known !== undefined) return known;
  const perClass = new Map<string, number>();
  for (const f of ctx.rs.scenario.fleet) {
    const type = ctx.rs.types.get(f.type);
    if (!type || f.count === 0 || (s.acceptsTypes && !s.acceptsTypes.includes(type.id))) continue;
    const spots = ctx.parking.spots(s, type.parkingClass);
    const r = (spots * type.palletPositions) / Math.max(1, groundMinutes(type, s, { unloading: false, loading: true }));
    perClass.set(type.parkingClass, Math.max(perClass.get(type.parkingClass) ?? 0, r));
  }
  let rate = 0;
  for (const r of perClass.values()) rate += r;
  rate *= 1 - closedShare(s.operatingHours);
  bySite.set(s.id, rate);
  return rate;
}

/** Seats that weigh as one pallet position in a site's work left (a C-17 trades about 5 seats a position). */
const PEOPLE_PER_POSITION = 5;

/** The earliest time anything at the site may leave on this tail; `undefined` if nothing ever can. */
function readyToLoad(ctx: SortieContext, tail: Tail, s: Site, lastCargoAt: Map<SiteId, Instant>): Instant | undefined {
  let t: number = ctx.cargo.earliestFor(s.id, tail.type.id, (u) => unitFitsType(u, tail.type)) ?? Number.POSITIVE_INFINITY;
  const noCargo = ctx.cargo.at(s.id).length === 0;
  for (const w of ctx.people.at(s.id)) {
    if (w.group.category === "closing_team" && w.group.site === s.id && !noCargo) continue;
    let ready = Math.max(w.availableAt, w.group.earliestDeparture ?? 0);
    if (w.group.category === "closing_team" && w.group.site === s.id) ready = Math.max(ready, lastCargoAt.get(s.id) ?? 0);
    t = Math.min(t, ready);
  }
  return t === Number.POSITIVE_INFINITY ? undefined : instant(t);
}

function windowAt(windows: readonly Window[], t: number): Window | undefined {
  return [...windows].sort((a, b) => a.from - b.from).find((w) => w.to > t);
}

/** The earliest feasible sortie of this tail: position to `s` (if elsewhere), load, fly to `d`. */
function findSlot(ctx: SortieContext, tail: Tail, s: Site, d: Site, notBefore: Instant): Slot | undefined {
  const { rs, parking, gate } = ctx;
  const type = tail.type;
  const here = site(rs, tail.at);
  const positioning = tail.at !== s.id;
  const legIn = positioning ? findAirLeg(rs.scenario, tail.at, s.id) : undefined;
  const legOut = findAirLeg(rs.scenario, s.id, d.id);
  if ((positioning && !legIn) || !legOut) return undefined;
  const distOut = legDistance(legOut, s, d);
  const distIn = legIn ? legDistance(legIn, here, s) : km(0);
  if (allowableLoad(type, distOut) === undefined || (legIn && allowableLoad(type, distIn) === undefined)) return undefined;
  const blockIn = legIn ? blockMinutes(type, distIn) : 0;
  const blockOut = blockMinutes(type, distOut);
  const ground = groundMinutes(type, s, { unloading: false, loading: true });
  const cls = type.parkingClass;
  const clearIn = legIn ? gate.earliestFor(legIn.overflies, s.country) : rs.start;
  const clearOut = gate.earliestFor(legOut.overflies, d.country);
  let window = windowAt(tail.windows, tail.readyAt);
  if (!window) return undefined;
  let d1 = Math.max(tail.readyAt, clearIn, window.from, rs.start);
  for (let i = 0; i < MAX_SLOT_ITERATIONS; i++) {
    let a1: number | undefined;
    let d2: number;
    if (legIn) {
      const open = nextOpen(here, instant(d1));
      if (open !== d1) {
        d1 = open;
        continue;
      }
      a1 = d1 + blockIn;
      const land = nextOpen(s, instant(a1));
      if (land !== a1) {
        d1 += land - a1;
        continue;
      }
      d2 = a1 + ground;
    } else {
      d2 = Math.max(d1, tail.groundSince + groundMinutes(type, s, { unloading: tail.lastLegLoaded, loading: true }));
    }
    const need = Math.max(notBefore, clearOut);
    if (d2 < need) {
      d1 += need - d2;
      continue;
    }
    // Wait on the ground for the field to open rather than arriving later.
    d2 = nextOpen(s, instant(d2));
    const a2 = d2 + blockOut;
    const arrive = nextOpen(d, instant(a2));
    if (arrive !== a2) {
      d1 += arrive - a2;
      continue;
    }
    if (a2 > window.to || (legIn ? d1 : d2) < window.from) {
      const next = windowAt(tail.windows, window.to);
      if (!next || next === window) return undefined;
      window = next;
      d1 = Math.max(d1, next.from);
      continue;
    }
    if (a1 !== undefined) {
      const wait = parking.delayFor(s, cls, instant(a1), d2);
      if (wait === Number.POSITIVE_INFINITY) return undefined;
      if (wait > 0) {
        d1 += wait;
        continue;
      }
    }
    const waitD = parking.delayFor(d, cls, instant(a2), Number.POSITIVE_INFINITY);
    if (waitD === Number.POSITIVE_INFINITY) return undefined;
    if (waitD > 0) {
      d1 += waitD;
      continue;
    }
    if (!withinHours(s.operatingHours, instant(d2))) return undefined;
    // No flight while a clearance it needs is refused or delayed.
    const refused = gate.refusedUntil(
      {
        landings: [...(legIn ? [{ country: s.country, airfield: s.id }] : []), { country: d.country, airfield: d.id }],
        overflies: [...(legIn?.overflies ?? []), ...legOut.overflies],
      },
      legIn ? d1 : d2,
    );
    if (refused !== undefined) {
      if (!Number.isFinite(refused)) return undefined;
      d1 = Math.max(d1 + 1, refused);
      continue;
    }
    // A crew within its duty period for both legs, else wait until one has rested.
    const crew = ctx.crews.choose(tail.id, tail.fleet, type.id, tail.at, legIn ? d1 : d2, a2);
    if ("never" in crew) {
      // Too long a duty: when it is the wait on the ground for the site to open, leave later instead.
      const wait = a1 !== undefined ? d2 - (a1 + ground) : 0;
      if (wait <= 0) return undefined;
      d1 += wait;
      continue;
    }
    if ("retryAt" in crew) {
      d1 = Math.max(d1 + 1, crew.retryAt);
      continue;
    }
    return {
      crew: crew.crew,
      site: s,
      dest: d,
      legIn,
      legOut,
      d1: legIn ? instant(d1) : undefined,
      a1: a1 === undefined ? undefined : instant(a1),
      d2: instant(d2),
      a2: instant(a2),
      distOut,
    };
  }
  return undefined;
}

/** Cargo lines by id, per scenario (pallets name the lines they were built from). */
const cargoIndex = new WeakMap<object, Map<string, CargoItem>>();
function cargoById(rs: ResolvedScenario): (id: string) => CargoItem | undefined {
  let index = cargoIndex.get(rs.scenario);
  if (!index) {
    index = new Map(rs.scenario.cargo.map((c) => [c.id as string, c]));
    cargoIndex.set(rs.scenario, index);
  }
  const found = index;
  return (id) => found.get(id);
}

/** Hazards of a waiting unit (a pallet's from the lines it was built of), cached. */
const hazardCache = new WeakMap<WaitingUnit, readonly Hazard[]>();
function hazardsOf(w: WaitingUnit, rs: ResolvedScenario): readonly Hazard[] {
  let h = hazardCache.get(w);
  if (!h) {
    h = loadUnitOf(w.unit, cargoById(rs), "h").hazards;
    hazardCache.set(w, h);
  }
  return h;
}

/**
 * Loads the slot's aircraft and records the sortie; `undefined` when nothing may board. Units are
 * chosen greedily by priority, weight and positions; for a type with a load model the load
 * planner then places them (dropping the last units until a balanced, segregated load exists and
 * trying others in the room left), keeps the seats it can balance, and the leg records the load plan.
 */
function fly(ctx: SortieContext, tail: Tail, slot: Slot, lastCargoAt: Map<SiteId, Instant>, closing: ClosingTeams): Sortie | undefined {
  const { cargo, people, parking, rs } = ctx;
  const type = tail.type;
  const s = slot.site;
  const allowable = allowableLoad(type, slot.distOut) ?? 0;
  const free = (w: WaitingPeople) => w.availableAt <= slot.d2 && (w.group.earliestDeparture ?? 0) <= slot.d2;
  // Closing-team people beyond what must stay to the last cargo may leave now, and escort too.
  const earlyLeavers = closing.mayLeaveEarly(s.id, people, cargo);
  const escortsWaiting = people
    .at(s.id)
    .some((w) => free(w) && (w.group.category === "sensitive_duty" || (earlyLeavers > 0 && isClosingTeamOf(s.id, w))));
  const taken = new Set<WaitingUnit>();
  let kg = 0;
  let positions = 0;
  const waiting = cargo.at(s.id);
  const hazards = (w: WaitingUnit) => hazardsOf(w, rs);
  // Hazard classes that may not share an aircraft never board together (any type).
  const segregated = (w: WaitingUnit) => {
    const mine = hazards(w);
    if (mine.length === 0) return true;
    for (const t of taken) for (const g of hazards(t)) for (const h of mine) if (!compatible(h, g)) return false;
    return true;
  };
  // When this aircraft could take all the cargo left but not also seat the people still here, it
  // holds back the last piece in loading order: that piece then leaves with them on the next load,
  // which they need anyway, and no load flies for them alone.
  const need = Math.min(people.count(s.id), type.seats.maximum);
  const clearable = cargo.positionsAt(s.id) <= type.palletPositions && cargo.kgAt(s.id) <= allowable;
  const short = clearable && (cargo.kgAt(s.id) + need * PASSENGER_KG > allowable || seatsAvailable(type, cargo.positionsAt(s.id)) < need);
  const heldBack = short && waiting.length > 1 ? waiting[waiting.length - 1] : undefined;
  const eligible = (w: WaitingUnit, allowSensitive: boolean) =>
    w !== heldBack &&
    !taken.has(w) && w.availableAt <= slot.d2 && unitFitsType(w.unit, type) && (allowSensitive || !w.unit.sensitive);
  // Balanced loads (see `load-order.ts`), but not a site's last few: those keep queue order.
  const balanced = (ctx.loadOrder ?? "balanced") === "balanced" && cargo.positionsAt(s.id) > 2 * type.palletPositions;
  const light = balanced ? cargo.lightFirst(s.id) : [];
  const typeDensity = allowable / type.palletPositions;
  const weightBound = typeDensity * cargo.positionsAt(s.id) < cargo.kgAt(s.id);
  const take = (allowSensitive: boolean) => {
    let misses = 0;
    // Both lists hold the same units; each is scanned once, skipping what the other has passed.
    const passed = new Set<WaitingUnit>();
    let i = 0;
    let j = 0;
    for (;;) {
      // A full aircraft, or a long run of pieces that no longer fit: stop scanning the queue.
      if (positions >= type.palletPositions || misses > 400) break;
      while (i < waiting.length && passed.has(waiting[i] as WaitingUnit)) i++;
      while (j < light.length && passed.has(light[j] as WaitingUnit)) j++;
      const dense = positions > 0 ? kg > typeDensity * positions : weightBound;
      const w = j < light.length && dense ? light[j++] : waiting[i++];
      if (!w) break;
      passed.add(w);
      if (!eligible(w, allowSensitive) || !segregated(w)) continue;
      const reserve = w.unit.sensitive || [...taken].some((t) => t.unit.sensitive) ? PASSENGER_KG : 0;
      if (kg + w.unit.weightKg + reserve > allowable || positions + w.unit.positions > type.palletPositions) {
        misses++;
        continue;
      }
      misses = 0;
      taken.add(w);
      kg += w.unit.weightKg;
      positions += w.unit.positions;
    }
  };
  const replace = (units: readonly WaitingUnit[]) => {
    taken.clear();
    for (const w of units) taken.add(w);
    kg = units.reduce((n, w) => n + w.unit.weightKg, 0);
    positions = units.reduce((n, w) => n + w.unit.positions, 0);
  };
  take(escortsWaiting);
  const allTaken = () => waiting.every((w) => taken.has(w));
  let mayTakeSensitive = escortsWaiting;
  if (!escortsWaiting && waiting.some((w) => w.unit.sensitive && !taken.has(w))) {
    // Only the closing team can escort: take sensitive pieces only if this clears the site.
    const before = [...taken];
    take(true);
    if (allTaken()) mayTakeSensitive = true;
    else replace(before);
  }

  // Balanced, segregated placement for types with a load model.
  const model = type.loadModel;
  const unitOf = (w: WaitingUnit, key: string) => loadUnitOf(w.unit, cargoById(rs), key);
  const settle = (allowSensitive: boolean) => {
    const chosen = [...taken].filter((w) => allowSensitive || !w.unit.sensitive);
    taken.clear();
    const settled = settleLoad({
      type,
      legDistance: slot.distOut,
      chosen,
      queue: (function* () {
        const picked = new Set(chosen);
        for (const w of waiting) if (!picked.has(w) && eligible(w, allowSensitive)) yield w;
      })(),
      unitOf,
      reserveSeats: (units) => (units.some((w) => w.unit.sensitive) ? 1 : 0),
    });
    replace(settled.taken);
    return settled;
  };
  let settled = model ? settle(mayTakeSensitive) : undefined;
  if (settled && !escortsWaiting && [...taken].some((w) => w.unit.sensitive) && !allTaken()) settled = settle(false);

  const sensitiveOnBoard = [...taken].some((w) => w.unit.sensitive);
  const lastCargoFromSite = allTaken() && (lastCargoAt.get(s.id) ?? 0) <= slot.d2;
  const mayCloseOut = (w: { group: { category: string; site: string } }) =>
    w.group.category !== "closing_team" || w.group.site !== s.id || (lastCargoFromSite && (taken.size > 0 || waiting.length === 0));
  let seats = Math.min(seatsAvailable(type, positions), Math.floor((allowable - kg) / PASSENGER_KG));
  let seatPlan: AircraftLoad | undefined;
  if (settled) {
    // The most seats, up to what the type's figures allow, with which the load still balances.
    const units = [...taken].map((w) => settled.unitOf(w));
    // The settled placement with the seats it leaves free, else a new plan for that many passengers.
    const planFor = (n: number) => {
      const kept = assessLoad({ type, placement: withFreeSeats(type, settled.load.placement), passengers: n, legDistance: slot.distOut });
      return kept.ok ? kept : planAircraftLoad({ type, units, passengers: n, legDistance: slot.distOut });
    };
    const least = sensitiveOnBoard ? 1 : 0;
    seats = Math.min(seats, seatsWithin(type, settled.load.margins.positions));
    seatPlan = seats >= least ? planFor(seats) : undefined;
    if (!seatPlan?.ok) {
      seatPlan = settled.load.ok ? settled.load : undefined;
      let found = seatPlan ? least : 0;
      let lo = least + 1;
      let hi = seats - 1;
      while (lo <= hi) {
        const mid = Math.floor((lo + hi) / 2);
        const p = planFor(mid);
        if (p.ok) {
          seatPlan = p;
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      seats = found;
    }
  }
  const passengers: Boarded[] = [];
  const closesOut = lastCargoFromSite && (taken.size > 0 || waiting.length === 0);
  let mayLeave = closesOut ? 0 : earlyLeavers;
  if (sensitiveOnBoard) {
    let escort = people.board(s.id, slot.d2, 1, (w) => w.group.category === "sensitive_duty" || (w.group.category === "closing_team" && mayCloseOut(w)));
    if (escort.length === 0 && mayLeave > 0) {
      escort = boardClosingTeam(people, s.id, slot.d2, 1, mayLeave);
      mayLeave -= escort.length;
    }
    // No escort may board yet (the closing team waits for a later cargo departure): decline this
    // slot; nothing has been taken from the pools, and the aircraft looks again later.
    if (escort.length === 0) return undefined;
    passengers.push(...escort);
    seats -= 1;
  }
  if (seats > 0) {
    const boarded = people.board(s.id, slot.d2, seats, mayCloseOut);
    passengers.push(...boarded);
    // Seats this load has anyway go to the part of the closing team that need not wait for the last cargo.
    const left = seats - boarded.reduce((n, p) => n + p.count, 0);
    // Never alone: a load for them only would be a load more.
    if (left > 0 && mayLeave > 0 && (taken.size > 0 || passengers.length > 0)) passengers.push(...boardClosingTeam(people, s.id, slot.d2, left, mayLeave));
  }
  if (taken.size === 0 && passengers.length === 0) return undefined;
  cargo.remove(s.id, taken);
  if (taken.size > 0) lastCargoAt.set(s.id, instant(Math.max(lastCargoAt.get(s.id) ?? 0, slot.d2)));

  const pax = passengers.reduce((n, p) => n + p.count, 0);
  let loadPlan: Leg["loadPlan"];
  if (model && seatPlan) {
    const final = assessLoad({ type, placement: seatPlan.placement, passengers: pax, legDistance: slot.distOut });
    if (!final.ok) throw new Error(`bug: ${type.id} load from ${s.id} no longer fits with ${pax} passengers: ${final.reason ?? ""}`);
    loadPlan = loadPlanRecord(final);
  }
  const legs: Leg[] = [];
  const here = site(rs, tail.at);
  if (slot.legIn && slot.d1 !== undefined && slot.a1 !== undefined) {
    legs.push({
      from: tail.at,
      to: s.id,
      departAt: formatInstant(slot.d1),
      arriveAt: formatInstant(slot.a1),
      overflies: [...slot.legIn.overflies],
      positionsUsed: 0,
      payloadKg: 0,
      crew: slot.crew,
    });
    parking.depart(here, type.parkingClass, tail.id, slot.d1);
    parking.park(s, type.parkingClass, tail.id, slot.a1, slot.d2);
  } else {
    parking.depart(here, type.parkingClass, tail.id, slot.d2);
  }
  legs.push({
    from: s.id,
    to: slot.dest.id,
    departAt: formatInstant(slot.d2),
    arriveAt: formatInstant(slot.a2),
    overflies: [...slot.legOut.overflies],
    load: {
      pallets: [...taken].flatMap((w) => (w.unit.kind === "pallet" ? [w.unit.id] : [])),
      items: mergeItems([...taken].flatMap((w) => (w.unit.kind === "loose" ? [w.unit.cargo.id as string] : []))),
      passengers: passengerList(passengers),
    },
    positionsUsed: positions,
    payloadKg: Math.round((kg + pax * PASSENGER_KG) * 1000) / 1000,
    ...(loadPlan ? { loadPlan } : {}),
    crew: slot.crew,
  });
  ctx.crews.fly(tail.id, tail.fleet, slot.crew, tail.at, slot.d1 ?? slot.d2, slot.a2, slot.dest.id);
  parking.park(slot.dest, type.parkingClass, tail.id, slot.a2);
  tail.at = slot.dest.id;
  tail.groundSince = slot.a2;
  tail.lastLegLoaded = true;
  tail.readyAt = instant(slot.a2 + groundMinutes(type, slot.dest, { unloading: true, loading: false }));
  return { id: ctx.nextId(), aircraft: tail.id, type: type.id, legs };
}
