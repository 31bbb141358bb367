import type { SiteId } from "#domain/ids.ts";
import { type Plan, PLAN_FORMAT_VERSION } from "#domain/plan.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { formatHuman, type Instant, instant, parseInstant } from "#domain/time.ts";
import { closureBounds, formatBound } from "./bounds.ts";
import { ClearanceGate } from "./clearance-gate.ts";
import { CrewRoster } from "./crew-duty.ts";
import { clearanceRequests } from "./clearance-requests.ts";
import { planCommercial } from "./commercial.ts";
import { planConvoys } from "./convoys.ts";
import { DISPATCH_RULES, type DispatchRule } from "./dispatch-rule.ts";
import { unitFitsType } from "./fits.ts";
import { LOAD_ORDERS, type LoadOrder } from "./load-order.ts";
import type { LiftUnit, PalletUnit } from "./lift-unit.ts";
import { palletRecord } from "./pallet-record.ts";
import { buildLiftUnits } from "./palletise.ts";
import { ParkingLedger } from "./parking-ledger.ts";
import { CargoPool, PeoplePool } from "./pools.ts";
import { type RoadMove, roadMoveCandidates } from "./road-move.ts";
import { planSorties } from "./sorties.ts";
import { siteClosures, hostDepartures, summarise } from "./summary.ts";

export const PLANNER_NAME = "drawdown-greedy";
export const PLANNER_VERSION = "0.1.0";

export interface PlanOptions {
  readonly seed?: number;
  /** Called with a phase name and a fraction done, for progress bars. */
  readonly onProgress?: (phase: string, fraction: number, detail?: string) => void;
  /** The dispatch rules to try (default: those of `DISPATCH_RULES` the scenario's size affords). */
  readonly dispatchRules?: readonly DispatchRule[];
  /** The load orders to try, the default first (default: `LOAD_ORDERS`). */
  readonly loadOrders?: readonly LoadOrder[];
}

const counter = (prefix: string, width: number) => {
  let n = 0;
  return () => `${prefix}${String(++n).padStart(width, "0")}`;
};

/**
 * Plans the whole withdrawal: pallets, convoys from road-only sites, commercial seats for early
 * leavers, sorties, clearance requests, closures, bounds and the summary. Pure and deterministic.
 * Tries the plan with and without commercial seats and keeps the better (earliest closure, then fewest sorties).
 */
export function planWithdrawal(rs: ResolvedScenario, options: PlanOptions = {}): Plan {
  const seed = options.seed ?? 1;
  const progress = options.onProgress ?? (() => {});
  const gate = new ClearanceGate(rs.scenario, rs.start);
  progress("bounds", 0);
  const bounds = closureBounds(rs, gate);
  progress("bounds", 1);
  // Pallets are built once (in 3-D, the costliest step before the sorties) for both attempts.
  const lift = new Map(rs.scenario.sites.filter((x) => x.inHostCountry).map((x) => [x.id, buildLiftUnits(x.id, rs.scenario.cargo)] as const));
  // Improvement phase: the same greedy under each setup the scenario's size allows (dispatch rules,
  // cargo sent by road to a better airfield); the best plan (deadline, closure, sorties) is kept, and
  // its setup plans the commercial variant too.
  const rules = options.dispatchRules ?? affordableRules(lift);
  const [order = "balanced", ...otherOrders] = options.loadOrders ?? LOAD_ORDERS;
  const first = rules[0] as DispatchRule;
  const cheap = rules.length > 1;
  const setups: Setup[] = [
    // The other load orders with the first rule come first: on a tie the earlier setup is kept.
    ...(cheap ? otherOrders : []).map((loadOrder) => ({ rule: first, loadOrder, roadMoves: [] })),
    ...rules.map((rule) => ({ rule, loadOrder: order, roadMoves: [] })),
    // Cargo by road to a better airfield: the first candidate only where plans are cheap enough for more.
    ...roadMoveCandidates(rs, lift)
      .slice(0, cheap ? 1 : 0)
      .flatMap((move) => [order, ...otherOrders].map((loadOrder) => ({ rule: first, loadOrder, roadMoves: [move] }))),
  ];
  let militaryOnly: Movements | undefined;
  let setup = setups[0] as Setup;
  setups.forEach((candidate, i) => {
    const phase = setups.length > 1 ? `sorties (plan ${i + 1}/${setups.length})` : "sorties";
    const bestSoFar = militaryOnly ? `best closure ${formatHuman(instant(closureOf(rs, militaryOnly)))}` : undefined;
    const m = attempt(rs, gate, lift, candidate, (phaseName, f, detail) => progress(phaseName === "sorties" ? phase : phaseName, f, detail ?? bestSoFar));
    if (!militaryOnly || better(rs, m, militaryOnly)) {
      militaryOnly = m;
      setup = candidate;
    }
  });
  if (!militaryOnly) throw new Error("bug: no setup to plan with");
  const closure = closureOf(rs, militaryOnly);
  // Airline seats go to early leavers up to the military closure; when aircraft alone cannot move
  // everyone, they are open until the deadline.
  const seatsUntil = militaryOnly.unplanned.length > 0 ? rs.deadline : Math.min(closure, rs.deadline);
  const best = `best closure ${formatHuman(instant(closure))}`;
  const withCommercial =
    rs.scenario.commercial.length > 0
      ? attempt(rs, gate, lift, { ...setup, commercialUntil: instant(seatsUntil) }, (phaseName, f, detail) =>
          progress(phaseName === "sorties" ? "sorties (airline seats)" : phaseName, f, detail ?? best),
        )
      : undefined;
  // On a tie the commercial variant wins: early leavers on airline seats cost no sortie (as in Niger, 2024).
  const chosen = withCommercial && !better(rs, militaryOnly, withCommercial) ? withCommercial : militaryOnly;
  const plan: Plan = {
    formatVersion: PLAN_FORMAT_VERSION,
    scenario: rs.scenario.id,
    planner: { name: PLANNER_NAME, version: PLANNER_VERSION, seed },
    summary: summarise(rs, chosen, bounds),
    ...chosen,
    bounds: bounds.map(formatBound),
  };
  progress("done", 1);
  return plan;
}

/**
 * The dispatch rules the improvement phase can afford: all up to twenty thousand lift units, then only
 * the first (each rule is a whole plan; the benchmarks' time limits hold).
 */
function affordableRules(lift: ReadonlyMap<SiteId, readonly LiftUnit[]>): readonly DispatchRule[] {
  let units = 0;
  for (const list of lift.values()) units += list.length;
  return DISPATCH_RULES.slice(0, units <= 20_000 ? DISPATCH_RULES.length : 1);
}

type Movements = Pick<Plan, "pallets" | "sorties" | "convoys" | "commercial" | "clearanceRequests" | "siteClosures" | "unplanned">;

function closureOf(rs: ResolvedScenario, m: Movements): number {
  return hostDepartures(rs, m.sorties, m.convoys, m.commercial).reduce((x, d) => Math.max(x, d.at), rs.start as number);
}

function better(rs: ResolvedScenario, a: Movements, b: Movements): boolean {
  if (a.unplanned.length !== b.unplanned.length) return a.unplanned.length < b.unplanned.length;
  const ca = closureOf(rs, a);
  const cb = closureOf(rs, b);
  const ma = ca <= rs.deadline;
  const mb = cb <= rs.deadline;
  if (ma !== mb) return ma;
  if (ca !== cb) return ca < cb;
  return a.sorties.length < b.sorties.length;
}

/** What one attempt varies: the dispatch rule, the load order, cargo sent by road between airfields, airline seats. */
interface Setup {
  readonly rule: DispatchRule;
  readonly loadOrder: LoadOrder;
  readonly roadMoves: readonly RoadMove[];
  /** Airline seats for early leavers up to this instant (none when undefined). */
  readonly commercialUntil?: Instant;
}

function attempt(
  rs: ResolvedScenario,
  gate: ClearanceGate,
  lift: ReadonlyMap<SiteId, readonly LiftUnit[]>,
  setup: Setup,
  progress: (phase: string, fraction: number, detail?: string) => void,
): Movements {
  const { rule, commercialUntil } = setup;
  const s = rs.scenario;
  const cargo = new CargoPool();
  const people = new PeoplePool(s.personnel, rs.start);
  const unplanned: Plan["unplanned"] = [];
  const pallets: PalletUnit[] = [];
  const types = [...new Set(s.fleet.filter((f) => f.count > 0).map((f) => f.type))].flatMap((t) => rs.types.get(t) ?? []);
  for (const site of s.sites) {
    if (!site.inHostCountry) continue;
    for (const unit of lift.get(site.id) ?? []) {
      if (unit.kind === "pallet") pallets.push(unit);
      if (!types.some((t) => unitFitsType(unit, t))) {
        const id = unit.kind === "pallet" ? unit.id : unit.cargo.id;
        unplanned.push({ what: unit.kind === "pallet" ? "pallet" : "cargo", id, reason: "fits no aircraft type of the fleet (size, weight or a charter-only fleet)" });
        continue;
      }
      cargo.add(site.id, { unit, availableAt: rs.start });
    }
  }
  cargo.order();

  progress("convoys", 0);
  const convoyId = counter("C", 3);
  const convoys = [];
  for (const site of s.sites) {
    if (!site.inHostCountry || site.icao) continue;
    if (cargo.at(site.id).length === 0 && people.count(site.id) === 0) continue;
    const route = s.roadRoutes.find((r) => (r.from === site.id || r.to === site.id) && rs.sites.get((r.from === site.id ? r.to : r.from) as SiteId)?.icao);
    if (!route) {
      unplanned.push({ what: "site", id: site.id, reason: "no airfield and no road route to one" });
      continue;
    }
    const airfield = (route.from === site.id ? route.to : route.from) as SiteId;
    const result = planConvoys(route, site.id, airfield, cargo, people, rs.start, convoyId);
    convoys.push(...result.convoys);
    for (const reason of result.stuck) unplanned.push({ what: "site", id: site.id, reason });
  }
  // Cargo sent by road to a better airfield; the closing team stays until the last of it has left.
  const cargoLeftBy = new Map<SiteId, Instant>();
  for (const move of setup.roadMoves) {
    const result = planConvoys(move.route, move.from, move.to, cargo, people, rs.start, convoyId, { cargoOnly: true, positions: move.positions });
    convoys.push(...result.convoys);
    for (const c of result.convoys) cargoLeftBy.set(move.from, instant(Math.max(cargoLeftBy.get(move.from) ?? 0, parseInstant(c.departAt) ?? 0)));
  }
  progress("convoys", 1);

  const commercial = commercialUntil === undefined ? [] : planCommercial(s.commercial, people, rs.start, commercialUntil, counter("P", 3));

  const total = cargo.size + people.total;
  const { sorties } = planSorties({
    rs,
    cargo,
    people,
    parking: new ParkingLedger(),
    gate,
    crews: new CrewRoster(rs.scenario.crewDuty, rs.scenario.fleet),
    nextId: counter("S", 4),
    rule,
    loadOrder: setup.loadOrder,
    cargoLeftBy,
    onProgress: () => progress("sorties", total === 0 ? 1 : 1 - (cargo.size + people.total) / total),
  });
  for (const site of cargo.sites())
    for (const w of cargo.at(site))
      unplanned.push({ what: w.unit.kind === "pallet" ? "pallet" : "cargo", id: w.unit.kind === "pallet" ? w.unit.id : w.unit.cargo.id, reason: `no aircraft could lift it from ${site} within its availability` });
  for (const site of people.sites())
    for (const w of people.at(site))
      unplanned.push({ what: "personnel", id: w.group.id, reason: `${w.count} people left at ${site}: no seat within the aircraft availability or their departure window` });

  const requests = clearanceRequests(rs, gate, sorties);
  return {
    pallets: pallets.map(palletRecord),
    sorties,
    convoys,
    commercial,
    clearanceRequests: requests,
    siteClosures: siteClosures(hostDepartures(rs, sorties, convoys, commercial)),
    unplanned,
  };
}
