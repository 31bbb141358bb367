import type { SiteId } from "#domain/ids.ts";
import type { Convoy } from "#domain/plan.ts";
import { convoyMinutes, inEscortWindow } from "#domain/road.ts";
import type { RoadRoute } from "#domain/route.ts";
import { formatInstant, type Instant, instant, parseInstant, startOfDay } from "#domain/time.ts";
import { type Boarded, type CargoPool, type PeoplePool, passengerList, type WaitingUnit } from "./pools.ts";

const DEFAULT_SEATS_PER_TRUCK = 2;

/** The first minute at or after `t` inside an escort window (searching a fortnight ahead). */
function nextEscortSlot(route: RoadRoute, t: Instant): Instant | undefined {
  for (let m: number = t; m < t + 14 * 1440; m++) {
    if (inEscortWindow(route.escortWindows, instant(m))) return instant(m);
    // Jump to the next whole quarter hour when outside: windows start on round minutes in practice.
    const skip = 15 - (m % 15);
    if (skip > 1) m += skip - 1;
  }
  return undefined;
}

/** How much a convoy run moves (default: everything at the site, people included). */
export interface ConvoyOptions {
  /**
   * Move cargo only, toward a better airfield: pieces from the back of the site's queue (lowest
   * priority first), never sensitive ones (they fly, with their escorts), and no people.
   */
  readonly cargoOnly?: boolean;
  /** With `cargoOnly`: pallet positions to move at most. */
  readonly positions?: number;
  /** Convoys already on the route (re-planning): their trucks and their day's quota are taken. */
  readonly busy?: readonly Convoy[];
  /** Cargo already planned to leave the site until then (re-planning): its closing team waits for it. */
  readonly closingTeamNotBefore?: Instant;
}

export interface ConvoyPlan {
  readonly convoys: Convoy[];
  /** Movements that could not be planned on the route (no escort window, no trucks). */
  readonly stuck: string[];
}

/**
 * Moves everything at a road-only site to the airfield at the other end of its road route:
 * convoys leave inside escort windows, at most `convoysPerDay` a day, with the trucks that are back.
 * Cargo goes by priority; the site's closing team rides with the last cargo or after it.
 */
export function planConvoys(
  route: RoadRoute,
  site: SiteId,
  airfield: SiteId,
  cargo: CargoPool,
  people: PeoplePool,
  start: Instant,
  nextId: () => string,
  options: ConvoyOptions = {},
): ConvoyPlan {
  const convoys: Convoy[] = [];
  const cargoOnly = options.cargoOnly === true;
  let budget = cargoOnly ? (options.positions ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
  // The units a convoy may take, in the order it takes them.
  const movable = () => (cargoOnly ? [...cargo.at(site)].reverse().filter((w) => !w.unit.sensitive && w.unit.positions <= budget) : cargo.at(site));
  const more = () => (cargoOnly ? budget > 0 && movable().length > 0 : cargo.at(site).length > 0 || people.count(site) > 0);
  const travel = convoyMinutes(route);
  const seatsPerTruck = route.seatsPerTruck ?? DEFAULT_SEATS_PER_TRUCK;
  const trucksBack: Instant[] = Array.from({ length: route.trucks }, () => start);
  const perDay = new Map<number, number>();
  for (const c of options.busy ?? []) {
    const dep = parseInstant(c.departAt);
    if (dep === undefined) continue;
    const day = startOfDay(instant(dep));
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    // Its trucks are out until twice the road time after it left: take those that would come back soonest.
    const back = instant(dep + 2 * travel);
    for (let k = 0; k < c.trucks; k++) {
      let i = 0;
      for (let j = 1; j < trucksBack.length; j++) if ((trucksBack[j] ?? 0) < (trucksBack[i] ?? 0)) i = j;
      if ((trucksBack[i] ?? 0) < back) trucksBack[i] = back;
    }
  }
  let t = start;
  let guard = 0;
  while (more() && guard++ < 100_000) {
    const slot = nextEscortSlot(route, t);
    if (slot === undefined || route.trucks === 0 || route.convoysPerDay === 0)
      return { convoys, stuck: [`no escort window or trucks on road route ${route.id}`] };
    const day = startOfDay(slot);
    if ((perDay.get(day) ?? 0) >= route.convoysPerDay) {
      t = instant(day + 1440);
      continue;
    }
    const free = trucksBack.filter((b) => b <= slot).length;
    if (free === 0) {
      t = instant(Math.min(...trucksBack));
      continue;
    }
    // Load by priority up to what the free trucks take.
    const maxKg = free * route.truckPayload;
    const maxSlots = free * route.truckPallets;
    let kg = 0;
    let slots = 0;
    const taken = new Set<WaitingUnit>();
    for (const w of movable()) {
      if (w.availableAt > slot) continue;
      if (kg + w.unit.weightKg > maxKg || slots + w.unit.positions > maxSlots || slots + w.unit.positions > budget) continue;
      taken.add(w);
      kg += w.unit.weightKg;
      slots += w.unit.positions;
    }
    const lastCargo = taken.size === cargo.at(site).length;
    const teamMayGo = slot >= (options.closingTeamNotBefore ?? Number.NEGATIVE_INFINITY);
    const escortNeeded = [...taken].some((w) => w.unit.sensitive);
    let seats = free * seatsPerTruck;
    const passengers: Boarded[] = [];
    if (escortNeeded) {
      const escort = people.board(site, slot, 1, (w) => w.group.category === "sensitive_duty" || (lastCargo && teamMayGo && w.group.category === "closing_team"));
      if (escort.length === 0) {
        // No escort can ride yet: leave the sensitive pieces for a later convoy.
        for (const w of [...taken]) if (w.unit.sensitive) taken.delete(w);
      } else {
        passengers.push(...escort);
        seats -= 1;
      }
    }
    const noCargoLeft = taken.size === cargo.at(site).length;
    if (!cargoOnly) passengers.push(...people.board(site, slot, seats, (w) => w.group.category !== "closing_team" || (noCargoLeft && teamMayGo)));
    const kgFinal = [...taken].reduce((n, w) => n + w.unit.weightKg, 0);
    const slotsFinal = [...taken].reduce((n, w) => n + w.unit.positions, 0);
    const persons = passengers.reduce((n, p) => n + p.count, 0);
    if (taken.size === 0 && persons === 0) {
      // Nothing can leave now (people not yet allowed to go): try the next window.
      t = instant(slot + 60);
      continue;
    }
    const trucks = Math.max(
      1,
      Math.ceil(kgFinal / route.truckPayload - 1e-9),
      Math.ceil(slotsFinal / Math.max(1, route.truckPallets) - 1e-9),
      Math.ceil(persons / seatsPerTruck - 1e-9),
    );
    const arrive = instant(slot + travel);
    let assigned = 0;
    for (let i = 0; i < trucksBack.length && assigned < trucks; i++) {
      if ((trucksBack[i] ?? Infinity) <= slot) {
        trucksBack[i] = instant(slot + 2 * travel);
        assigned++;
      }
    }
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    budget -= slotsFinal;
    cargo.remove(site, taken);
    for (const w of taken) cargo.add(airfield, { unit: w.unit, availableAt: arrive });
    for (const p of passengers) people.add(airfield, { group: p.group, count: p.count, availableAt: arrive });
    const pallets = [...taken].flatMap((w) => (w.unit.kind === "pallet" ? [w.unit.id] : []));
    const items = mergeItems([...taken].flatMap((w) => (w.unit.kind === "loose" ? [w.unit.cargo.id as string] : [])));
    convoys.push({
      id: nextId(),
      route: route.id,
      from: site,
      to: airfield,
      departAt: formatInstant(slot),
      arriveAt: formatInstant(arrive),
      trucks,
      load: { pallets, items, passengers: passengerList(passengers) },
    });
    t = slot;
  }
  cargo.order();
  return { convoys, stuck: [] };
}

/** Counts loose pieces by cargo line. */
export function mergeItems(cargoIds: readonly string[]): { cargo: string; quantity: number }[] {
  const m = new Map<string, number>();
  for (const id of cargoIds) m.set(id, (m.get(id) ?? 0) + 1);
  return [...m].map(([cargo, quantity]) => ({ cargo, quantity }));
}
