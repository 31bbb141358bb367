import type { ParkingClass } from "#domain/parking-class.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import type { Site } from "#domain/site.ts";
import { PASSENGER_KG } from "#domain/standard-weights.ts";
import { type Instant, instant } from "#domain/time.ts";
import type { ClearanceGate } from "../clearance-gate.ts";
import { serviceDepartures } from "../commercial.ts";
import { type AircraftGroup, aircraftGroups, departuresWithin, loadMinutes, unloadMinutes } from "./aircraft-group.ts";
import { maximiseDense } from "./dense-lp.ts";
import { siteDemands } from "./site-demand.ts";

/** The name of this bound in `plan.bounds` and `summary.bindingBound`. */
export const SITE_CYCLE_BOUND_NAME = "site-cycle";
/** The name of the site-cycle bound with the airfields' parking spots. */
export const PARKING_SPOT_BOUND_NAME = "parking-spot";

/**
 * Host sites joined by a road or by an air leg between them: cargo and people may change site inside a
 * cluster before leaving, so the bound only asks what leaves each cluster.
 */
interface Cluster {
  readonly sites: readonly Site[];
  readonly tonnes: number;
  readonly positions: number;
  readonly people: number;
  /** People whose category some airline service of the cluster takes. */
  readonly eligible: number;
  readonly services: ResolvedScenario["scenario"]["commercial"];
  /** The most one sortie out of the cluster lifts of each kind, over the groups that can serve it. */
  readonly most?: Readonly<Record<Exclude<Kind, "sorties">, number>>;
}

/** One aircraft group's sorties out of one cluster: what each lifts and the aircraft time it surely takes. */
interface Column {
  readonly group: number;
  readonly cluster: number;
  /** Minutes: flight in from abroad, ground before the loaded departure, flight out and ground after it. */
  readonly minutes: number;
  readonly positions: number;
  readonly tonnes: number;
  readonly seats: number;
  /** Seats plus the type's seats per free position times its positions (see the seats-and-positions row). */
  readonly seatsAndPositions: number;
  readonly military: boolean;
  /** Minutes it holds a parking spot before its loaded departure (onload, at least a refuel stop). */
  readonly load: number;
  readonly parkingClass: ParkingClass;
}

/** The parking spots of a class at a cluster's airfields, from the first instant an aircraft can use one. */
interface Spots {
  readonly cluster: number;
  readonly parkingClass: ParkingClass;
  readonly spots: number;
  readonly from: number;
}

interface Model {
  readonly clusters: readonly Cluster[];
  readonly groups: readonly AircraftGroup[];
  readonly columns: readonly Column[];
  /**
   * Per group: the longest flight in and onload (`head`) and the longest flight out and offload (`tail`)
   * of any of its sortie kinds.
   */
  readonly head: readonly number[];
  readonly tail: readonly number[];
  /** Smallest seats per free position of the military types: people + f·positions is what seats must cover. */
  readonly seatsPerFreePosition: number;
  /** Spot limits, by cluster and parking class, where every airfield of the cluster states its spots. */
  readonly spots: readonly Spots[];
}

const PAX_T = PASSENGER_KG / 1000;
const KINDS = ["positions", "tonnesMilitary", "tonnes", "seats", "seatsAndPositions", "sorties"] as const;
type Kind = (typeof KINDS)[number];

/**
 * The site-cycle bound: each sortie out of a site takes aircraft time that no other sortie of the same
 * aircraft can use — the flight in from abroad, the onload (or a refuel stop), the flight out and the
 * offload (or turn) at the destination — so by an instant T every aircraft has only so many minutes to
 * give, and a far site costs more of them than a near one. No plan closes at or before T when no
 * fractional choice of sorties per site and aircraft group lifts every site's cargo (weight and the
 * positions lower bound) and people (less the airline seats of their cluster) within the groups' time.
 *
 * Soundness, per aircraft and availability window: take its loaded departures d₁ < … < dₘ whose legs lie
 * in the window. Between dⱼ₋₁ and dⱼ it flies out, offloads, flies back in and loads, so dⱼ − dⱼ₋₁ is at
 * least the tail (out and offload) of sortie j−1 plus the head (in and onload) of sortie j. Summing,
 * the sorties' times (head + tail each) add up to at most dₘ − d₁ plus one head and one tail, with d₁ no
 * earlier than the window's first possible loaded departure and dₘ no later than T or its last one. The LP (a few hundred columns, solved by `maximiseDense`) only proposes
 * prices: each bound is proved by a price certificate checked here in plain arithmetic, so rounding in
 * the simplex can only weaken it.
 *
 * Returns undefined when it proves nothing after `from` (or the model has nothing to say).
 */
export function siteCycleBound(
  rs: ResolvedScenario,
  gate: ClearanceGate,
  from: Instant,
  until: Instant,
  options: { readonly spots?: boolean } = {},
): { at: Instant; detail: string } | undefined {
  const model = buildModel(rs, gate);
  if (!model || model.columns.length === 0) return undefined;
  let t: number = from;
  let proved: number | undefined;
  for (let round = 0; round < 30 && t <= until; round++) {
    const prices = solveAt(rs, model, t, options.spots === true)?.prices;
    if (!prices) break;
    // The last instant these prices still prove infeasible (they do at t, and the test is monotone in T).
    if (!certifies(rs, model, prices, t)) break;
    let lo = t;
    let hi: number = until;
    if (certifies(rs, model, prices, hi)) lo = hi;
    else
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (certifies(rs, model, prices, mid)) lo = mid;
        else hi = mid;
      }
    proved = lo + 1;
    t = lo + 1;
  }
  if (proved === undefined) return undefined;
  if (options.spots)
    return {
      at: instant(proved),
      detail: `the site-cycle argument with each airfield's parking spots: every loaded departure holds a spot of its class for its onload, so the spots of the ${model.spots.length} limited airfield group(s) cannot turn enough sorties before this`,
    };
  return {
    at: instant(proved),
    detail: `every sortie from a site takes its own flight in from abroad, loading, flight out and offload: the aircraft time of the fleet (${model.groups.map((g) => `${g.count} ${g.type.id}`).join(", ")}) cannot lift all cargo and people of the ${model.clusters.length} site group(s) before this`,
  };
}

function buildModel(rs: ResolvedScenario, gate: ClearanceGate): Model | undefined {
  const s = rs.scenario;
  const groups = aircraftGroups(rs, gate);
  if (groups.length === 0) return undefined;
  const hostSites = s.sites.filter((x) => x.inHostCountry);
  const parent = new Map<string, string>(hostSites.map((x) => [x.id, x.id]));
  const find = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    return r;
  };
  const join = (a: string, b: string) => {
    if (parent.has(a) && parent.has(b)) parent.set(find(a), find(b));
  };
  const inHost = (id: string) => rs.sites.get(id as never)?.inHostCountry === true;
  // Anything that can leave by road straight out of the country makes its cluster's demand unknowable here.
  const roadOut = new Set<string>();
  for (const r of s.roadRoutes) {
    join(r.from, r.to);
    if (inHost(r.from) !== inHost(r.to)) roadOut.add(inHost(r.from) ? r.from : r.to);
  }
  for (const l of s.airLegs) if (inHost(l.from) && inHost(l.to)) join(l.from, l.to);

  const demands = new Map(siteDemands(rs, groups.map((g) => g.type)).sites.map((d) => [d.site.id as string, d]));
  const byRoot = new Map<string, Site[]>();
  for (const x of hostSites) {
    const root = find(x.id);
    byRoot.set(root, [...(byRoot.get(root) ?? []), x]);
  }
  const clusters: Cluster[] = [];
  for (const sites of byRoot.values()) {
    if (sites.some((x) => roadOut.has(x.id))) continue;
    const ids = new Set(sites.map((x) => x.id as string));
    let tonnes = 0;
    let positions = 0;
    for (const x of sites) {
      const d = demands.get(x.id);
      tonnes += d?.tonnes ?? 0;
      positions += d?.positions ?? 0;
    }
    const services = s.commercial.filter((c) => ids.has(c.airport));
    const eligibleCategories = new Set(services.flatMap((c) => c.eligible as string[]));
    const groupsHere = s.personnel.filter((g) => ids.has(g.site) && g.count > 0);
    const people = groupsHere.reduce((n, g) => n + g.count, 0);
    const eligible = groupsHere.filter((g) => eligibleCategories.has(g.category)).reduce((n, g) => n + g.count, 0);
    if (tonnes <= 0 && positions <= 0 && people <= 0) continue;
    clusters.push({ sites, tonnes, positions, people, eligible, services });
  }
  const columns: Column[] = [];
  /** Earliest spot use by cluster and parking class (`cluster|class`). */
  const spotStart = new Map<string, number>();
  const head: number[] = [];
  const tail: number[] = [];
  let seatsPerFreePosition = Number.POSITIVE_INFINITY;
  groups.forEach((g, gi) => {
    const t = g.type;
    let gHead = 0;
    let gTail = 0;
    clusters.forEach((c, ci) => {
      const here = new Set(c.sites.map((x) => x.id as string));
      let inbound = Number.POSITIVE_INFINITY;
      let outbound = Number.POSITIVE_INFINITY;
      let load = Number.POSITIVE_INFINITY;
      let payloadKg = 0;
      let spotFrom = Number.POSITIVE_INFINITY;
      for (const l of g.legs) {
        if (!l.from.inHostCountry && here.has(l.to.id)) inbound = Math.min(inbound, l.block);
        if (here.has(l.from.id) && !l.to.inHostCountry) {
          outbound = Math.min(outbound, l.block + unloadMinutes(t, l.to));
          load = Math.min(load, loadMinutes(t, l.from));
          payloadKg = Math.max(payloadKg, l.payloadKg);
          // A loaded departure holds its spot for the onload before it, no earlier than its first possible departure allows.
          if (l.firstLoaded !== undefined) spotFrom = Math.min(spotFrom, l.firstLoaded - loadMinutes(t, l.from));
        }
      }
      if (Number.isFinite(spotFrom)) {
        const key = `${ci}|${t.parkingClass}`;
        spotStart.set(key, Math.min(spotStart.get(key) ?? Number.POSITIVE_INFINITY, spotFrom));
      }
      // An aircraft based in the cluster needs no flight in for its first sortie; count none for any.
      if (here.has(g.base.id)) inbound = 0;
      if (!Number.isFinite(inbound) || !Number.isFinite(outbound)) return;
      const minutes = inbound + load + outbound;
      gHead = Math.max(gHead, inbound + load);
      gTail = Math.max(gTail, outbound);
      const positions = g.military ? t.palletPositions : 0;
      columns.push({
        group: gi,
        cluster: ci,
        minutes,
        positions,
        tonnes: payloadKg / 1000,
        seats: t.seats.maximum,
        seatsAndPositions: g.military ? t.seats.withFullPositions + t.seats.perFreePosition * positions : t.seats.maximum,
        military: g.military,
        load,
        parkingClass: t.parkingClass,
      });
      if (g.military) seatsPerFreePosition = Math.min(seatsPerFreePosition, t.seats.perFreePosition);
    });
    head.push(gHead);
    tail.push(gTail);
  });
  // A cluster no aircraft can serve is left out: its demand makes the plan incomplete, not later.
  const served = new Set(columns.map((c) => c.cluster));
  const index = new Map<number, number>();
  const kept = clusters.filter((_, ci) => served.has(ci));
  clusters.forEach((_, ci) => {
    if (served.has(ci)) index.set(ci, index.size);
  });
  if (kept.length === 0) return undefined;
  const reindexed = columns.map((c) => ({ ...c, cluster: index.get(c.cluster) ?? 0 }));
  const spots: Spots[] = [];
  for (const [key, from] of spotStart) {
    const [ci = "", cls = ""] = key.split("|");
    const parkingClass = cls as ParkingClass;
    const cluster = index.get(Number(ci));
    const c = clusters[Number(ci)];
    if (cluster === undefined || !c) continue;
    const airfields = c.sites.filter((x) => x.icao);
    // Only where every airfield of the cluster states its spots (an unstated limit is none).
    if (airfields.length === 0 || airfields.some((x) => !x.parking)) continue;
    const count = airfields.reduce((n, x) => n + (x.parking?.[parkingClass] ?? 0), 0);
    spots.push({ cluster, parkingClass, spots: count, from });
  }
  return {
    clusters: kept.map((c, ci) => {
      const mine = reindexed.filter((col) => col.cluster === ci);
      const most = (kind: Exclude<Kind, "sorties">) => Math.max(0, ...mine.map((col) => lift(col, kind)));
      return {
        ...c,
        most: {
          positions: most("positions"),
          tonnesMilitary: most("tonnesMilitary"),
          tonnes: most("tonnes"),
          seats: most("seats"),
          seatsAndPositions: most("seatsAndPositions"),
        },
      };
    }),
    groups,
    columns: reindexed,
    spots,
    head,
    tail,
    seatsPerFreePosition: Number.isFinite(seatsPerFreePosition) ? seatsPerFreePosition : 0,
  };
}

/** What must leave the cluster by air, by kind, when the closure is T (airline seats by T taken off). */
function demandOf(rs: ResolvedScenario, c: Cluster, f: number, T: number): Record<Kind, number> {
  let seats = 0;
  for (const svc of c.services) seats += serviceDepartures(svc, rs.start, instant(Math.max(rs.start, T))).length * svc.seatsPerFlight;
  const people = c.people - Math.min(c.eligible, seats);
  const d = {
    positions: c.positions,
    tonnesMilitary: c.tonnes,
    tonnes: c.tonnes + people * PAX_T,
    seats: people,
    seatsAndPositions: people + f * c.positions,
  };
  // Whole sorties: each kind needs at least its demand over the most one sortie lifts, rounded up.
  let sorties = 0;
  for (const kind of ["positions", "tonnesMilitary", "tonnes", "seats", "seatsAndPositions"] as const) {
    const most = c.most?.[kind] ?? 0;
    if (d[kind] > 1e-9 && most > 0) sorties = Math.max(sorties, Math.ceil(d[kind] / most - 1e-9));
  }
  return { ...d, sorties };
}

/** What one sortie of a column gives toward a kind. */
function lift(col: Column, kind: Kind): number {
  switch (kind) {
    case "positions":
      return col.positions;
    case "tonnesMilitary":
      return col.military ? col.tonnes : 0;
    case "tonnes":
      return col.tonnes;
    case "seats":
      return col.seats;
    case "seatsAndPositions":
      return col.seatsAndPositions;
    case "sorties":
      return 1;
  }
}

/**
 * Aircraft minutes a group can give to sorties whose loaded departure is at or before T: per aircraft
 * and window, from the window's first possible loaded departure to the later of T and its last one,
 * plus the longest head and tail of a sortie (see `siteCycleBound`).
 */
function minutesBy(model: Model, gi: number, start: number, T: number): number {
  const g = model.groups[gi];
  if (!g) return 0;
  let per = 0;
  g.windows.forEach((w, i) => {
    const first = i === 0 ? g.firstOut : Math.max(w.from, start, g.clearOutMin);
    const last = Math.min(T, w.to - g.outMin);
    if (!Number.isFinite(first) || last < first) return;
    per += last - first + (model.head[gi] ?? 0) + (model.tail[gi] ?? 0);
  });
  return per * g.count;
}

/**
 * Prices the LP at T proposes: per unit of demand (by cluster and kind), and per loaded departure of each
 * group (its fleet-cycle count, whole sorties per aircraft); undefined when T is feasible.
 */
interface Prices {
  readonly demand: ReadonlyMap<string, number>;
  readonly departure: readonly number[];
  /** Per spot-minute, by index in `model.spots` (empty without spot rows). */
  readonly spot: readonly number[];
}

/** The LP at T: its prices when T is infeasible (λ < 1). */
function solveAt(rs: ResolvedScenario, model: Model, T: number, withSpots: boolean): { readonly prices?: Prices } | undefined {
  const rows: { key: string; demand: number; kind: Kind; cluster: number }[] = [];
  model.clusters.forEach((c, ci) => {
    const d = demandOf(rs, c, model.seatsPerFreePosition, T);
    for (const kind of KINDS) if (d[kind] > 1e-9) rows.push({ key: `${ci}|${kind}`, demand: d[kind], kind, cluster: ci });
  });
  if (rows.length === 0) return undefined;
  const minutes = model.groups.map((_, gi) => minutesBy(model, gi, rs.start, T));
  const cols = model.columns.filter((c) => (minutes[c.group] ?? 0) > 0);
  // Columns x (sorties per group and cluster), then λ; maximise λ.
  const n = cols.length + 1;
  const A: number[][] = [];
  const b: number[] = [];
  for (const r of rows) {
    const row = new Array<number>(n).fill(0);
    cols.forEach((c, j) => {
      if (c.cluster === r.cluster) row[j] = -lift(c, r.kind) / r.demand;
    });
    row[n - 1] = 1;
    A.push(row);
    b.push(0);
  }
  const countRow = new Map<number, number>();
  model.groups.forEach((g, gi) => {
    const avail = minutes[gi] ?? 0;
    if (avail <= 0) return;
    const row = new Array<number>(n).fill(0);
    cols.forEach((c, j) => {
      if (c.group === gi) row[j] = c.minutes / avail;
    });
    A.push(row);
    b.push(1);
    // Whole sorties: each aircraft makes at most the fleet-cycle count of loaded departures.
    const count = g.count * departuresWithin(g, rs.start, Number.NEGATIVE_INFINITY, T);
    if (count <= 0) return;
    const c = new Array<number>(n).fill(0);
    cols.forEach((col, j) => {
      if (col.group === gi) c[j] = 1 / count;
    });
    countRow.set(gi, A.length);
    A.push(c);
    b.push(1);
  });
  // Spots: the onload minutes of a cluster's loaded departures of a parking class fit in its spots' time.
  const spotRows: { row: number; scale: number }[] = [];
  if (withSpots)
    for (const sp of model.spots) {
      const time = sp.spots * Math.max(0, T - sp.from);
      const scale = time > 0 ? time : 1;
      const row = new Array<number>(n).fill(0);
      cols.forEach((c, j) => {
        if (c.cluster === sp.cluster && c.parkingClass === sp.parkingClass) row[j] = c.load / scale;
      });
      spotRows.push({ row: A.length, scale });
      A.push(row);
      b.push(time > 0 ? 1 : 0);
    }
  const cap = new Array<number>(n).fill(0);
  cap[n - 1] = 1;
  A.push(cap);
  b.push(2);
  const objective = new Array<number>(n).fill(0);
  objective[n - 1] = 1;
  const lp = maximiseDense(objective, A, b);
  if (lp.status !== "optimal") return undefined;
  if (lp.value >= 1 - 1e-9) return {};
  const demand = new Map<string, number>();
  rows.forEach((r, i) => {
    const y = lp.duals[i] ?? 0;
    if (y > 0) demand.set(r.key, y / r.demand);
  });
  const departure = model.groups.map((g, gi) => {
    const row = countRow.get(gi);
    const count = g.count * departuresWithin(g, rs.start, Number.NEGATIVE_INFINITY, T);
    return row === undefined || count <= 0 ? 0 : (lp.duals[row] ?? 0) / count;
  });
  const spot = spotRows.map((r) => (lp.duals[r.row] ?? 0) / r.scale);
  return { prices: { demand, departure, spot } };
}

/**
 * Whether the prices prove that nothing closes at or before T: the demand they value is worth more than
 * the most any group's minutes can earn, at the best value per minute of any of its sortie kinds.
 */
function certifies(rs: ResolvedScenario, model: Model, prices: Prices, T: number): boolean {
  let needed = 0;
  model.clusters.forEach((c, ci) => {
    const d = demandOf(rs, c, model.seatsPerFreePosition, T);
    for (const kind of KINDS) needed += (prices.demand.get(`${ci}|${kind}`) ?? 0) * Math.max(0, d[kind]);
  });
  // A group earns at most its departures times their price, the spots' time times its price, plus its
  // minutes times the best value per minute of a sortie net of those prices (Farkas: for every x ≥ 0
  // within all the limits, the value it lifts is at most what is earned).
  let earned = 0;
  const spotPrice = new Map<string, number>();
  model.spots.forEach((sp, i) => {
    const v = prices.spot[i] ?? 0;
    if (v <= 0) return;
    spotPrice.set(`${sp.cluster}|${sp.parkingClass}`, v);
    earned += v * sp.spots * Math.max(0, T - sp.from);
  });
  model.groups.forEach((g, gi) => {
    const u = prices.departure[gi] ?? 0;
    let perMinute = 0;
    for (const col of model.columns) {
      if (col.group !== gi) continue;
      let value = 0;
      for (const kind of KINDS) value += (prices.demand.get(`${col.cluster}|${kind}`) ?? 0) * lift(col, kind);
      value -= (spotPrice.get(`${col.cluster}|${col.parkingClass}`) ?? 0) * col.load;
      perMinute = Math.max(perMinute, (value - u) / col.minutes);
    }
    earned += perMinute * minutesBy(model, gi, rs.start, T) + u * g.count * departuresWithin(g, rs.start, Number.NEGATIVE_INFINITY, T);
  });
  return needed > earned * (1 + 1e-9) + 1e-12;
}
