import { WEEKDAYS } from "#domain/instant-schema.ts";
import type { ParkingClass } from "#domain/parking-class.ts";
import { convoyMinutes } from "#domain/road.ts";
import type { EscortWindow } from "#domain/route.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import type { Site } from "#domain/site.ts";
import { PASSENGER_KG } from "#domain/standard-weights.ts";
import { dayOfWeek, instant, MINUTES_PER_DAY, startOfDay } from "#domain/time.ts";
import type { ClearanceGate } from "../clearance-gate.ts";
import { serviceDepartures } from "../commercial.ts";
import { nextOpen } from "../site-clock.ts";
import {
  type AircraftGroup,
  aircraftGroups,
  departuresWithin,
  departureSteps,
  type FlownLeg,
  loadMinutes,
  turnMinutes,
  unloadMinutes,
} from "./aircraft-group.ts";
import { add, LP_INFINITY, LpModel, type LpRow } from "./lp-model.ts";
import { siteDemands } from "./site-demand.ts";
import { bucketLast, bucketOf, bucketStart, bucketsDown, type TimeGrid } from "./time-grid.ts";

/**
 * The time-space network relaxation of the withdrawal, as a linear programme.
 *
 * Aircraft, per group of like aircraft, move on a fine grid of buckets: nodes are (airfield, bucket),
 * arcs are ground time, empty flights, loaded flights out of the host country (onload + block +
 * offload) and loaded hops between host airfields (onload + block). Aircraft enter at their base when
 * their first window opens; flow is conserved.
 *
 * Loads move on a coarser grid of periods (a few buckets each): per host site and period, cargo (tonnes
 * and pallet positions) and people (seats; airline seats for eligible categories) leave on the loaded
 * arcs of that period within their allowable load, positions and seats, on airline flights or by road,
 * once released or delivered there. Letting a load use any departure of its period only loosens the model.
 *
 * The model asks: can everything leave with every loaded departure from the host country at or before T?
 * Each such departure (a loaded arc, a convoy, an airline flight) has an earliest minute it can happen;
 * gate rows hold them by that minute and the solver side sets the right-hand side of rows after T to 0.
 * The objective is the share of the demand left behind: 0 when T is feasible.
 *
 * Valid inequalities keep the rounding honest:
 * - cycles: no aircraft departs loaded out of the country twice within its shortest cycle, in any
 *   window of buckets (the fleet-cycle argument, applied to every window);
 * - spots: at each host airfield and parking class, the onload minutes spent inside any window of
 *   buckets fit in spots × the window's minutes (each loaded departure holds its spot for its onload).
 *
 * Soundness: every rounding goes the relaxation's way (see `time-grid.ts`), and whatever the model does
 * not know (crews, escorts, closing teams, latest departures, convoys per day, landing hours, idle
 * aircraft on the apron, load geometry) is left out, never guessed. So if T is infeasible, no plan
 * closes at or before T.
 */
export interface LpBoundModel {
  readonly model: LpModel;
  readonly grid: TimeGrid;
  /** Buckets per period of the loads. */
  readonly periodBuckets: number;
  /**
   * Gate rows, by the earliest minute their departures can happen, ascending: to ask whether everything
   * can leave by `at`, set the right-hand side of every later row to 0.
   */
  readonly gateRows: readonly { readonly at: number; readonly row: string }[];
  /**
   * The horizons to search, ascending: the gates' minutes and the instants where a group's fleet-cycle
   * count steps up. Horizon j allows the gates at or before `horizons[j]` and stands for every closure
   * in [horizons[j], horizons[j+1]).
   */
  readonly horizons: readonly number[];
  /**
   * Rows whose right-hand side depends on the horizon: when asking about gate j, set each to `rhs(T)`
   * with T the latest closure the horizon stands for — the minute before gate j+1 (the fleet-cycle count
   * and aircraft time of each group up to T, exact to the minute).
   */
  readonly horizonRows: readonly { readonly row: string; readonly rhs: (at: number) => number }[];
  /** Objective (share of demand left) above which a horizon counts as infeasible. */
  readonly tolerance: number;
  /** Tonnes, positions and people the model must move out. */
  readonly demand: { readonly tonnes: number; readonly positions: number; readonly people: number };
  /** Demand left out of the model and why. */
  readonly notes: readonly string[];
  readonly groups: number;
}

export interface LpBoundOptions {
  /** Δ, minutes per bucket. */
  readonly bucketMinutes: number;
  /** Buckets 0 … buckets−1 from the planning start. */
  readonly buckets: number;
  /** Buckets per period of the loads (default 1: loads on the buckets themselves). */
  readonly periodBuckets?: number;
}

/** Share of demand the solver may leave and still call a horizon feasible (numerical noise, not slack). */
export const LP_TOLERANCE = 1e-6;

/** Passenger weight in tonnes, for the allowable-load rows. */
const PAX_T = PASSENGER_KG / 1000;

type Commodity = "t" | "pos" | "pc" | "pm";

/** Columns moving a commodity out of or into a site, by period. */
interface SiteFlows {
  readonly out: Map<Commodity, number[][]>;
  readonly in: Map<Commodity, number[][]>;
}

/** Load variables of one kind of movement in one period, and the capacity rows the arcs fill. */
interface Capacity {
  readonly vars: Record<Commodity, number>;
  readonly kgAll: LpRow;
  /** Cargo on military types only; absent when every type carries cargo (then `kgAll` is stronger). */
  readonly kgMil: LpRow | undefined;
  readonly pos: LpRow;
  readonly seats: LpRow;
  readonly seatsPos: LpRow;
}

/** A loaded departure's hold on a spot: its arc, start bucket and onload minutes. */
interface SpotUse {
  readonly x: number;
  readonly k: number;
  readonly minutes: number;
}

/**
 * Builds the relaxation for the first `buckets` buckets of `bucketMinutes` from the planning start.
 * Pure: the same scenario and options give the same model.
 */
export function buildLpBoundModel(rs: ResolvedScenario, gate: ClearanceGate, opts: LpBoundOptions): LpBoundModel {
  const grid: TimeGrid = { t0: rs.start, step: opts.bucketMinutes, n: opts.buckets };
  const n = grid.n;
  const q = Math.max(1, Math.floor(opts.periodBuckets ?? 1));
  const periods = Math.ceil(n / q);
  const periodOf = (k: number) => Math.floor(k / q);
  const m = new LpModel();
  const groups = aircraftGroups(rs, gate);
  const { sites: demands, notes } = siteDemands(
    rs,
    groups.map((g) => g.type),
  );
  const s = rs.scenario;
  const isHost = (site: Site) => site.inHostCountry;

  // Airline departures per host airport: seats and first departure, per period.
  const airline = new Map<string, { seats: number; first: number }[]>();
  for (const svc of s.commercial) {
    const airport = rs.sites.get(svc.airport);
    if (!airport?.inHostCountry) continue;
    const list = airline.get(airport.id) ?? [];
    for (const t of serviceDepartures(svc, rs.start, instant(bucketLast(grid, n - 1)))) {
      const k = bucketOf(grid, t);
      if (k < 0 || k >= n) continue;
      const p = periodOf(k);
      const cur = list[p];
      list[p] = { seats: (cur?.seats ?? 0) + svc.seatsPerFlight, first: Math.min(cur?.first ?? t, t) };
    }
    airline.set(airport.id, list);
  }
  const splitPeople = [...airline.values()].some((v) => v.some((x) => (x?.seats ?? 0) > 0));
  const people: Commodity[] = splitPeople ? ["pc", "pm"] : ["pm"];
  const commodities: Commodity[] = ["t", "pos", ...people];

  const total = { tonnes: 0, positions: 0, people: 0 };
  for (const d of demands) {
    total.tonnes += d.tonnes;
    total.positions += d.positions;
    total.people += d.people.reduce((x, p) => x + p.count, 0);
  }
  const weight: Record<Commodity, number> = {
    t: total.tonnes > 0 ? 1 / total.tonnes : 0,
    pos: total.positions > 0 ? 1 / total.positions : 0,
    pc: total.people > 0 ? 1 / total.people : 0,
    pm: total.people > 0 ? 1 / total.people : 0,
  };

  // Gates: every loaded departure from the host country, by the earliest minute it can happen.
  const gated = new Map<number, number[]>();
  const gateAt = (x: number, at: number) => (gated.get(at) ?? gated.set(at, []).get(at))?.push(x);

  const flows = new Map<string, SiteFlows>();
  const flowsOf = (site: Site) => {
    let f = flows.get(site.id);
    if (!f) {
      f = { out: new Map(), in: new Map() };
      flows.set(site.id, f);
    }
    return f;
  };
  const put = (map: Map<Commodity, number[][]>, c: Commodity, p: number, col: number) => {
    const list = map.get(c) ?? map.set(c, []).get(c) ?? [];
    (list[p] ??= []).push(col);
  };
  const outflow = (site: Site, c: Commodity, p: number, col: number) => put(flowsOf(site).out, c, p, col);
  const inflow = (site: Site, c: Commodity, p: number, col: number) => {
    if (p < periods && site.inHostCountry) put(flowsOf(site).in, c, p, col);
  };

  // Load variables and their capacity rows.
  const anyCharter = groups.some((g) => !g.military);
  const minPerFree = Math.min(
    Number.POSITIVE_INFINITY,
    ...groups.filter((g) => g.military).map((g) => g.type.seats.perFreePosition),
  );
  const seatPosCoef = Number.isFinite(minPerFree) ? minPerFree : 0;
  const newCapacity = (label: string, site: Site, p: number): Capacity => {
    const vars = {} as Record<Commodity, number>;
    for (const c of commodities) {
      vars[c] = m.col(`${label} ${c} ${site.id} period ${p}`);
      outflow(site, c, p, vars[c]);
    }
    const kgAll = m.row("<=", 0);
    const kgMil = anyCharter ? m.row("<=", 0) : undefined;
    const pos = m.row("<=", 0);
    const seats = m.row("<=", 0);
    const seatsPos = m.row("<=", 0);
    add(kgAll, vars.t, 1);
    if (kgMil) add(kgMil, vars.t, 1);
    add(pos, vars.pos, 1);
    add(seatsPos, vars.pos, seatPosCoef);
    for (const c of people) {
      add(kgAll, vars[c], PAX_T);
      add(seats, vars[c], 1);
      add(seatsPos, vars[c], 1);
    }
    return { vars, kgAll, kgMil, pos, seats, seatsPos };
  };
  /**
   * An aircraft arc's share of a capacity: allowable load, positions, seats, and seats as positions
   * free them (people + f·positions ≤ withFull + perFree·positions per aircraft, f the smallest perFree).
   */
  const lift = (cap: Capacity, g: AircraftGroup, leg: FlownLeg, x: number) => {
    const t = g.type;
    const tonnes = leg.payloadKg / 1000;
    add(cap.kgAll, x, -tonnes);
    if (g.military) {
      if (cap.kgMil) add(cap.kgMil, x, -tonnes);
      add(cap.pos, x, -t.palletPositions);
    }
    add(cap.seats, x, -t.seats.maximum);
    add(cap.seatsPos, x, -(t.seats.withFullPositions + t.seats.perFreePosition * (g.military ? t.palletPositions : 0)));
  };
  const outCaps = new Map<string, Capacity>();
  const hops = new Map<string, { cap: Capacity; to: Site; head: number }>();

  /** The first departure instant in [lo, hi] on this leg that respects clearance, hours at origin and a window. */
  const earliestDeparture = (g: AircraftGroup, leg: FlownLeg, lo: number, hi: number): number | undefined => {
    const from = Math.max(lo, leg.clearAt, rs.start);
    let best: number | undefined;
    for (const w of g.windows) {
      const a = Math.max(from, w.from);
      const b = Math.min(hi, w.to - leg.block);
      if (a > b) continue;
      const d = nextOpen(leg.from, instant(a));
      if (d <= b && (best === undefined || d < best)) best = d;
    }
    return best;
  };

  // Spot use by (host airfield, parking class), where the aircraft that could stand there outnumber the spots.
  const spotUse = new Map<string, SpotUse[]>();
  const aircraftOfClass = (site: Site, cls: ParkingClass) =>
    groups.filter((g) => g.type.parkingClass === cls && g.airfields.some((a) => a.id === site.id)).reduce((x, g) => x + g.count, 0);
  const horizonRows: { row: string; rhs: (at: number) => number }[] = [];
  /** Instants where a group's count of possible loaded departures steps up. */
  const steps = new Set<number>();
  const gridEnd = bucketLast(grid, n - 1);
  const spotsLimited = (site: Site, cls: ParkingClass) => !!site.parking && aircraftOfClass(site, cls) > (site.parking[cls] ?? 0);

  for (const g of groups) {
    const t = g.type;
    const w0 = g.windows[0];
    if (!w0) continue;
    const ground = new Map<string, LpRow[]>();
    for (const a of g.airfields) {
      const rows: LpRow[] = [];
      for (let k = 0; k < n; k++) rows.push(m.row("=", 0));
      ground.set(a.id, rows);
    }
    /** An arc: +1 in its tail's row, −1 in its head's (none past the grid: the aircraft leaves the model). */
    const arc = (label: string, tail: LpRow, head: LpRow | undefined) => {
      const x = m.col(label);
      add(tail, x, 1);
      if (head) add(head, x, -1);
      return x;
    };
    const node = (site: Site, k: number) => (k < n ? ground.get(site.id)?.[k] : undefined);

    // Supply: the group's aircraft stand at the base from the opening of their first window.
    const baseRow = node(g.base, Math.max(0, bucketOf(grid, w0.from)));
    if (baseRow) baseRow.rhs += g.count;

    for (const a of g.airfields)
      for (let k = 0; k < n; k++) {
        const tail = node(a, k);
        if (tail) arc(`ground ${g.label} ${a.id} @${k}`, tail, node(a, k + 1));
      }

    const outByBucket: (readonly [number, number])[][] = [];
    /** Loaded arcs by start bucket with the aircraft time each surely takes, in buckets. */
    const timeByBucket: (readonly [number, number])[][] = [];
    let longestBusy = 0;
    const Lmax = Math.max(0, ...g.airfields.filter(isHost).map((h) => loadMinutes(t, h)));
    for (const leg of g.legs) {
      const fromHost = isHost(leg.from);
      const toHost = isHost(leg.to);
      const L = loadMinutes(t, leg.from);
      const spots = fromHost && spotsLimited(leg.from, t.parkingClass) ? `${leg.from.id}|${t.parkingClass}` : undefined;
      for (let k = 0; k < n; k++) {
        const tail = node(leg.from, k);
        if (!tail) continue;
        // Empty flight: the head is where the aircraft is next ready (after a refuel stop abroad).
        const d = earliestDeparture(g, leg, bucketStart(grid, k), bucketLast(grid, k));
        if (d !== undefined) {
          const after = toHost ? 0 : turnMinutes(t, leg.to);
          arc(`fly ${g.label} ${leg.from.id}→${leg.to.id} @${k}`, tail, node(leg.to, bucketOf(grid, d + leg.block + after)));
        }
        if (!fromHost) continue;
        // Loaded departure: onload from some minute s of bucket k, then the leg.
        // The first loading at the base may have started when the window opened, before the grid.
        const early = k === 0 && leg.from.id === g.base.id && w0.from < rs.start;
        const sMin = early ? w0.from : bucketStart(grid, k);
        const dLo = Math.max(rs.start, sMin + L);
        const dHi = bucketLast(grid, k) + L;
        const dep = earliestDeparture(g, leg, Math.max(dLo, leg.firstLoaded ?? Number.POSITIVE_INFINITY), dHi);
        if (dep === undefined || bucketOf(grid, dep) >= n) continue;
        const after = toHost ? 0 : unloadMinutes(t, leg.to);
        const head = Math.max(k, bucketOf(grid, dep + leg.block + after));
        const x = arc(`load ${g.label} ${leg.from.id}→${leg.to.id} @${k}`, tail, node(leg.to, head));
        gateAt(x, dep);
        if (spots && !early) {
          const list = spotUse.get(spots) ?? spotUse.set(spots, []).get(spots) ?? [];
          list.push({ x, k, minutes: L });
        }
        // Busy from the onload's start until the aircraft can start loading again: back at a host airfield.
        const back = toHost ? 0 : (g.backToHost.get(leg.to.id) ?? Number.POSITIVE_INFINITY);
        const busy = L + leg.block + (toHost ? 0 : after + (Number.isFinite(back) ? back : 0));
        longestBusy = Math.max(longestBusy, busy);
        (timeByBucket[k] ??= []).push([x, busy / grid.step]);
        const p = periodOf(k);
        if (!toHost) {
          const key = `${leg.from.id}@${p}`;
          const cap = outCaps.get(key) ?? outCaps.set(key, newCapacity("out", leg.from, p)).get(key);
          if (cap) lift(cap, g, leg, x);
          (outByBucket[k] ??= []).push([x, 1]);
        } else {
          // A hop between host airfields: delivered to the other site no earlier than the quickest lands.
          const key = `${leg.from.id}→${leg.to.id}@${p}`;
          let hop = hops.get(key);
          if (!hop) {
            hop = { cap: newCapacity("hop", leg.from, p), to: leg.to, head };
            hops.set(key, hop);
          }
          hop.head = Math.min(hop.head, head);
          lift(hop.cap, g, leg, x);
        }
      }
    }

    // Cycles: loaded departures out of the country starting in buckets k1…k2 happen in [start of k1,
    // last minute of k2 + longest onload]; one aircraft makes at most `departuresWithin` of them there.
    // Aircraft time: one aircraft's loaded departures, each busy from its onload until it can load again,
    // follow one another; those starting in k1…k2 and in one availability window fit in the window's part
    // of k1…k2 (from its opening less an onload) plus one last busy time.
    const cumulative = runningSum(m, n, outByBucket, `cycle ${g.label}`);
    const busyTime = runningSum(m, n, timeByBucket, `busy ${g.label}`);
    /** Aircraft minutes available to loaded departures starting their onload in [lo, hi], one aircraft. */
    const available = (lo: number, hi: number) => {
      let minutes = 0;
      g.windows.forEach((w, i) => {
        const a = Math.max(lo, w.from - Lmax, i === 0 ? (g.firstAtHost ?? Number.POSITIVE_INFINITY) : Number.NEGATIVE_INFINITY);
        const b = Math.min(hi, w.to);
        if (a <= b) minutes += b - a + longestBusy;
      });
      return minutes;
    };
    const windowRows = (k1: number, k2: number) => {
      const r = m.row("<=", g.count * departuresWithin(g, rs.start, bucketStart(grid, k1), bucketLast(grid, k2) + Lmax));
      add(r, cumulative[k2] as number, 1);
      if (k1 > 0) add(r, cumulative[k1 - 1] as number, -1);
      const b = m.row("<=", (g.count * available(k1 === 0 ? Number.NEGATIVE_INFINITY : bucketStart(grid, k1), bucketLast(grid, k2))) / grid.step);
      add(b, busyTime[k2] as number, 1);
      if (k1 > 0) add(b, busyTime[k1 - 1] as number, -1);
    };
    // Up to the horizon T itself, every loaded departure happens by T (and its onload starts by T).
    const last = n - 1;
    const countRow = m.row("<=", LP_INFINITY, `horizon_count_${horizonRows.length}`);
    add(countRow, cumulative[last] as number, 1);
    horizonRows.push({ row: countRow.name, rhs: (T) => g.count * departuresWithin(g, rs.start, Number.NEGATIVE_INFINITY, T) });
    for (const t of departureSteps(g, rs.start, gridEnd)) steps.add(t);
    const busyRow = m.row("<=", LP_INFINITY, `horizon_busy_${horizonRows.length}`);
    add(busyRow, busyTime[last] as number, 1);
    horizonRows.push({ row: busyRow.name, rhs: (T) => (g.count * available(Number.NEGATIVE_INFINITY, T)) / grid.step });
    for (let k = 0; k < n; k++) windowRows(0, k);
    if (Number.isFinite(g.cycle))
      for (let len = Math.max(1, Math.ceil(g.cycle / grid.step)); len < n; len *= 2) {
        const stride = Math.max(1, Math.floor(len / 2));
        for (let k1 = stride; k1 + len - 1 < n; k1 += stride) windowRows(k1, k1 + len - 1);
      }
  }
  for (const hop of hops.values()) for (const c of commodities) inflow(hop.to, c, periodOf(hop.head), hop.cap.vars[c]);

  // Spots: in buckets k1…k2 a spot gives (k2−k1+1)·Δ minutes; each loaded departure uses at least the
  // part of its onload that surely falls inside (its start is somewhere in its bucket). Departures
  // starting well inside count whole, through a running sum; those near either edge count in part.
  for (const [key, uses] of spotUse) {
    const [siteId, cls] = key.split("|") as [string, ParkingClass];
    const spots = rs.sites.get(siteId as never)?.parking?.[cls] ?? 0;
    const longest = Math.max(...uses.map((u) => u.minutes));
    const byBucket: SpotUse[][] = [];
    for (const u of uses) (byBucket[u.k] ??= []).push(u);
    const whole = runningSum(
      m,
      n,
      byBucket.map((list) => (list ?? []).map((u) => [u.x, u.minutes / grid.step] as const)),
      `spot ${key}`,
    );
    const tailLen = Math.ceil(longest / grid.step);
    const reach = bucketsDown(grid, longest) + 1;
    for (let len = Math.max(1, tailLen); len <= n; len *= 2)
      for (const offset of len > 1 ? [0, Math.floor(len / 2)] : [0])
        for (let k1 = offset; k1 < n; k1 += len) {
          const k2 = Math.min(n - 1, k1 + len - 1);
          const row = m.row("<=", spots * (k2 - k1 + 1));
          // Whole: starts in k1 … k2−tailLen, whose onload ends inside.
          const wholeTo = k2 - tailLen;
          if (wholeTo >= k1) {
            add(row, whole[wholeTo] as number, 1);
            if (k1 > 0) add(row, whole[k1 - 1] as number, -1);
          }
          for (let k = Math.max(0, k1 - reach); k <= k2; k++) {
            if (k >= k1 && k <= wholeTo) continue;
            for (const u of byBucket[k] ?? []) add(row, u.x, surelyInside(grid, u.k, u.minutes, k1, k2) / grid.step);
          }
        }
  }

  // Road: convoys between host sites (a delay) or out of the country (delivered), per period.
  for (const r of s.roadRoutes) {
    const [a, b] = [rs.sites.get(r.from), rs.sites.get(r.to)];
    if (!a || !b) continue;
    const road = convoyMinutes(r);
    const busy = 2 * road;
    // Seats per truck when the route does not say (docs/plan-format.md).
    const seatsPerTruck = r.seatsPerTruck ?? 2;
    const byKind = new Map<string, (readonly [number, number])[][]>();
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      if (!from.inHostCountry) continue;
      for (let p = 0; p < periods; p++) {
        const leave = firstEscort(r.escortWindows, bucketStart(grid, p * q), bucketLast(grid, Math.min(n, (p + 1) * q) - 1));
        if (leave === undefined) continue;
        const head = periodOf(bucketOf(grid, leave + road));
        for (const c of commodities) {
          const x = m.col(`road ${r.id} ${from.id}→${to.id} ${c} period ${p}`);
          outflow(from, c, p, x);
          inflow(to, c, head, x);
          gateAt(x, leave);
          const kind = c === "pc" || c === "pm" ? "seats" : c;
          const list = byKind.get(kind) ?? byKind.set(kind, []).get(kind) ?? [];
          (list[p] ??= []).push([x, 1]);
        }
      }
    }
    // Trucks: convoys leaving less than twice the road time apart are all out at once, so together they
    // carry at most the route's trucks' worth. Shorter round trips let a truck leave several times a period.
    const periodMinutes = q * grid.step;
    const span = Math.max(1, Math.floor(busy / periodMinutes));
    const reuse = busy >= periodMinutes ? 1 : Math.ceil(periodMinutes / Math.max(1, busy));
    const limit: Record<string, number> = {
      t: (r.trucks * r.truckPayload) / 1000,
      pos: r.trucks * r.truckPallets,
      seats: r.trucks * seatsPerTruck,
    };
    for (const [kind, list] of byKind) {
      const sum = runningSum(m, periods, list, `trucks ${r.id} ${kind}`);
      for (let p1 = 0; p1 < periods; p1++) {
        const p2 = Math.min(periods - 1, p1 + span - 1);
        const row = m.row("<=", (limit[kind] ?? 0) * reuse);
        add(row, sum[p2] as number, 1);
        if (p1 > 0) add(row, sum[p1 - 1] as number, -1);
        if (p2 === periods - 1) break;
      }
    }
  }

  // Airline seats: eligible people only, at scheduled departures.
  if (splitPeople)
    for (const [id, list] of airline) {
      const site = rs.sites.get(id as never);
      if (!site) continue;
      list.forEach((v, p) => {
        if (!v || v.seats <= 0) return;
        const x = m.col(`airline ${id} period ${p}`, v.seats);
        outflow(site, "pc", p, x);
        gateAt(x, v.first);
      });
    }

  // What each site must send, by commodity and period of release; then each site's inventory.
  const release = new Map<string, Map<Commodity, number[]>>();
  for (const d of demands) {
    const r = new Map<Commodity, number[]>();
    const at = (c: Commodity, p: number, v: number) => {
      const list = r.get(c) ?? r.set(c, []).get(c) ?? [];
      list[p] = (list[p] ?? 0) + v;
    };
    if (d.tonnes > 0) at("t", 0, d.tonnes);
    if (d.positions > 0) at("pos", 0, d.positions);
    for (const p of d.people) at(splitPeople && p.commercial ? "pc" : "pm", periodOf(Math.max(0, bucketOf(grid, p.release))), p.count);
    release.set(d.site.id, r);
  }
  for (const id of new Set([...release.keys(), ...flows.keys()])) {
    const f = flows.get(id);
    for (const c of commodities) {
      const released = release.get(id)?.get(c) ?? [];
      // Released only after the grid: never leaves within it.
      const after = released.reduce((x, v, p) => (p >= periods ? x + (v ?? 0) : x), 0);
      if (after > 0) add(m.row("=", after), m.col(`unreleased ${c} ${id}`, Number.POSITIVE_INFINITY, weight[c]), 1);
      siteInventory(m, periods, f?.out.get(c) ?? [], f?.in.get(c) ?? [], released, weight[c], `${c} ${id}`);
    }
  }

  return {
    model: m,
    grid,
    periodBuckets: q,
    gateRows: [...gated.keys()]
      .sort((a, b) => a - b)
      .map((at, i) => {
        const row = m.row("<=", LP_INFINITY, `gate_${i}`);
        for (const x of gated.get(at) ?? []) add(row, x, 1);
        return { at, row: row.name };
      }),
    horizons: [...new Set([...gated.keys(), ...steps])].sort((a, b) => a - b),
    horizonRows,
    tolerance: LP_TOLERANCE,
    demand: total,
    notes,
    groups: groups.length,
  };
}

/**
 * A site's inventory per period, inv_p = inv_{p−1} + released_p + in_p − out_p; whatever is left at the
 * end costs its weight.
 */
function siteInventory(
  m: LpModel,
  periods: number,
  outs: readonly (number[] | undefined)[],
  ins: readonly (number[] | undefined)[],
  released: readonly (number | undefined)[],
  weight: number,
  label: string,
): void {
  let prev: number | undefined;
  for (let p = 0; p < periods; p++) {
    const r = m.row("=", released[p] ?? 0);
    const inv = m.col(`inv ${label} period ${p}`, Number.POSITIVE_INFINITY, p === periods - 1 ? weight : 0);
    add(r, inv, 1);
    if (prev !== undefined) add(r, prev, -1);
    for (const x of outs[p] ?? []) add(r, x, 1);
    for (const x of ins[p] ?? []) add(r, x, -1);
    prev = inv;
  }
}

/**
 * Running sums: column k equals the weighted sum of the given columns of steps 0…k. A window then reads
 * as two entries (sum_k2 − sum_k1−1), which keeps rows short for the solver.
 */
function runningSum(m: LpModel, steps: number, byStep: readonly (readonly (readonly [number, number])[] | undefined)[], label: string): number[] {
  const sums: number[] = [];
  for (let k = 0; k < steps; k++) {
    const r = m.row("=", 0);
    const c = m.col(`${label} Σ${k}`);
    add(r, c, 1);
    const prev = sums[k - 1];
    if (prev !== undefined) add(r, prev, -1);
    for (const [x, coef] of byStep[k] ?? []) add(r, x, -coef);
    sums.push(c);
  }
  return sums;
}

/**
 * Minutes of an activity of `minutes` starting somewhere in bucket k that surely fall in buckets k1…k2:
 * the overlap is concave in the start, so its least value is at one end of the bucket.
 */
export function surelyInside(grid: TimeGrid, k: number, minutes: number, k1: number, k2: number): number {
  const from = k1 * grid.step;
  const to = (k2 + 1) * grid.step;
  const overlap = (s: number) => Math.max(0, Math.min(s + minutes, to) - Math.max(s, from));
  return Math.min(overlap(k * grid.step), overlap((k + 1) * grid.step - 1));
}

/** The first minute of [lo, hi] a convoy may leave at (inside an escort window of an allowed day), if any. */
export function firstEscort(windows: readonly EscortWindow[], lo: number, hi: number): number | undefined {
  let best: number | undefined;
  for (let day = startOfDay(instant(lo)); day <= hi; day = instant(day + MINUTES_PER_DAY)) {
    const weekday = WEEKDAYS[dayOfWeek(day)];
    for (const w of windows) {
      if (w.weekdays && (weekday === undefined || !w.weekdays.includes(weekday))) continue;
      const a = Math.max(lo, day + w.start);
      if (a <= Math.min(hi, day + w.end) && (best === undefined || a < best)) best = a;
    }
    if (best !== undefined) return best;
  }
  return best;
}
