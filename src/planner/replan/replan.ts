import type { CargoItem } from "#domain/cargo.ts";
import { groundMinutes } from "#domain/ground-time.ts";
import type { CargoId, SiteId } from "#domain/ids.ts";
import type { Convoy, Pallet, Plan } from "#domain/plan.ts";
import type { ReplanEvents } from "#domain/replan-events.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { positionEquivalents } from "#domain/standard-weights.ts";
import { type Instant, instant } from "#domain/time.ts";
import { closureBounds, formatBound } from "../bounds.ts";
import { ClearanceGate } from "../clearance-gate.ts";
import { ClosingTeams } from "../closing-team.ts";
import { clearanceRequests } from "../clearance-requests.ts";
import { planConvoys } from "../convoys.ts";
import { CrewRoster } from "../crew-duty.ts";
import { DISPATCH_RULES, type DispatchRule } from "../dispatch-rule.ts";
import { unitFitsType } from "../fits.ts";
import type { LiftUnit, PalletUnit } from "../lift-unit.ts";
import { palletRecord } from "../pallet-record.ts";
import { buildLiftUnits } from "../palletise.ts";
import { ParkingLedger } from "../parking-ledger.ts";
import { CargoPool, PeoplePool } from "../pools.ts";
import { planSorties, type TailResume } from "../sorties.ts";
import { hostDepartures, siteClosures, summarise } from "../summary.ts";
import { tailWindows } from "../tail-windows.ts";
import { keptMovements, type Move } from "./kept-movements.ts";

/** What changed between the old plan and the re-plan. */
export interface PlanDiff {
  /** Movements that took place before `now` (or said executed), kept as they were. */
  readonly history: readonly string[];
  /** Future movements kept unchanged. */
  readonly unchanged: readonly string[];
  /** Movements of the old plan taken out, with why. */
  readonly removed: readonly { readonly id: string; readonly reason: string }[];
  /** New movements. */
  readonly added: readonly string[];
}

export interface ReplanResult {
  readonly plan: Plan;
  readonly diff: PlanDiff;
}

/**
 * Re-plans after events (see `apply-events.ts` for the scenario they leave): history stays, future
 * movements stay unless an event or a movement taken out before them stops them (`kept-movements.ts`),
 * and what is left to move — the loads of movements taken out, new cargo — is planned by the greedy
 * scheduler from `now`, each aircraft from where its kept movements leave it, each crew rested or not,
 * the spots and road convoys already taken counted. Pure and deterministic.
 *
 * @example
 * const { plan, diff } = replan(rsAfterEvents, oldPlan, events);
 * diff.removed; // [{ id: "S0012", reason: "C17-1 is out of service from …" }]
 */
export function replan(rs: ResolvedScenario, old: Plan, events: ReplanEvents): ReplanResult {
  const now = instant(Math.max(events.now, rs.start));
  const s = rs.scenario;
  const newLines = events.events.flatMap((e) => (e.kind === "new_cargo" ? e.cargo.map((c) => c.id as string) : []));
  const appearAt = new Map(newLines.map((id) => [id, now as number] as const));
  const filingFromNow = new ClearanceGate(s, now);
  const { moves, kept, removed, whereabouts } = keptMovements(rs, old, events, filingFromNow, appearAt);
  const staying = moves.filter((m) => m.history || kept.has(m.id));

  // What is left to move: pallets and loose pieces still at host sites, new cargo, people.
  const cargo = new CargoPool();
  const people = new PeoplePool([], now);
  const unplanned: Plan["unplanned"] = [];
  const types = [...new Set(s.fleet.filter((f) => f.count > 0).map((f) => f.type))].flatMap((t) => rs.types.get(t) ?? []);
  const lines = new Map(s.cargo.map((c) => [c.id as string, c]));
  const wait = (site: string, unit: LiftUnit, since: number) => {
    if (!types.some((t) => unitFitsType(unit, t))) {
      unplanned.push({ what: unit.kind === "pallet" ? "pallet" : "cargo", id: unit.kind === "pallet" ? unit.id : unit.cargo.id, reason: "fits no aircraft type of the fleet" });
      return;
    }
    cargo.add(site as SiteId, { unit, availableAt: instant(Math.max(now, since)) });
  };
  const oldPallets = new Map(old.pallets.map((p) => [p.id, p]));
  for (const [id, where] of whereabouts.pallets) {
    const p = oldPallets.get(id);
    if (p && rs.sites.get(where.site as SiteId)?.inHostCountry) wait(where.site, palletUnit(p, lines), where.since);
  }
  const fresh = new Set(newLines);
  for (const [key, stock] of whereabouts.loose) {
    const [id = "", site = ""] = key.split("|");
    const line = lines.get(id);
    if (!line || fresh.has(id) || line.disposition !== "withdraw" || stock.n <= 0 || !rs.sites.get(site as SiteId)?.inHostCountry) continue;
    for (let i = 0; i < stock.n; i++) wait(site, loosePiece(line, site), stock.since);
  }
  const newPallets: PalletUnit[] = [];
  const taken = new Set(old.pallets.map((p) => p.id));
  for (const site of new Set(s.cargo.filter((c) => fresh.has(c.id)).map((c) => c.site as string))) {
    const units = buildLiftUnits(site as SiteId, s.cargo.filter((c) => fresh.has(c.id) && c.site === site));
    for (const u of units) {
      const unit = u.kind === "pallet" ? { ...u, id: freshId(u.id, taken) } : u;
      if (unit.kind === "pallet") {
        taken.add(unit.id);
        newPallets.push(unit);
      }
      wait(site, unit, now);
    }
  }
  cargo.order();
  const groups = new Map(s.personnel.map((g) => [g.id as string, g]));
  for (const [key, stock] of whereabouts.people) {
    const [id = "", site = ""] = key.split("|");
    const group = groups.get(id);
    if (group && stock.n > 0 && rs.sites.get(site as SiteId)?.inHostCountry) people.add(site as SiteId, { group, count: stock.n, availableAt: instant(Math.max(now, stock.since)) });
  }

  // Road-only sites with something left: convoys again, on trucks the kept convoys leave free.
  const convoyId = counterAfter("C", 3, old.convoys.map((c) => c.id));
  const keptConvoys = old.convoys.filter((c) => staying.some((m) => m.id === c.id));
  const newConvoys: Convoy[] = [];
  for (const site of s.sites) {
    if (!site.inHostCountry || site.icao) continue;
    if (cargo.at(site.id).length === 0 && people.count(site.id) === 0) continue;
    const route = s.roadRoutes.find((r) => (r.from === site.id || r.to === site.id) && rs.sites.get((r.from === site.id ? r.to : r.from) as SiteId)?.icao);
    if (!route) continue;
    const airfield = (route.from === site.id ? route.to : route.from) as SiteId;
    const result = planConvoys(route, site.id, airfield, cargo, people, now, convoyId, { busy: keptConvoys.filter((c) => c.route === route.id) });
    newConvoys.push(...result.convoys);
    for (const reason of result.stuck) unplanned.push({ what: "site", id: site.id, reason });
  }

  // An airfield whose landings are refused for good sends what it still holds by road, if it can.
  const closing = new ClosingTeams(rs);
  for (const site of s.sites) {
    if (!site.inHostCountry || !site.icao) continue;
    if (cargo.at(site.id).length === 0 && people.count(site.id) === 0) continue;
    const refused = filingFromNow.refusedUntil({ landings: [{ country: site.country, airfield: site.id }], overflies: [] }, now);
    if (refused === undefined || Number.isFinite(refused)) continue;
    const toAirfield = s.roadRoutes.filter((r) => {
      const other = rs.sites.get((r.from === site.id ? r.to : r.from) as SiteId);
      return (r.from === site.id || r.to === site.id) && !!other?.icao && other.inHostCountry;
    });
    // Not to an airfield whose closing team has already gone below its minimum: cargo leaving it
    // later would break `closing_team.stays`.
    const route = toAirfield.find((r) => closing.stillHolds((r.from === site.id ? r.to : r.from) as SiteId, people));
    if (!route) {
      if (toAirfield.length > 0) unplanned.push({ what: "site", id: site.id, reason: `its landings are refused for good and every airfield it reaches by road has closed (its closing team has left)` });
      continue;
    }
    const other = (route.from === site.id ? route.to : route.from) as SiteId;
    const lastCargo = staying.flatMap((m) => m.legs.filter((l) => l.from === site.id && !!l.load && (l.load.pallets.length > 0 || l.load.items.length > 0)).map((l) => l.dep));
    const result = planConvoys(route, site.id, other, cargo, people, now, convoyId, {
      busy: [...keptConvoys, ...newConvoys].filter((c) => c.route === route.id),
      closingTeamNotBefore: instant(Math.max(now, ...lastCargo)),
    });
    newConvoys.push(...result.convoys);
    for (const reason of result.stuck) unplanned.push({ what: "site", id: site.id, reason });
  }

  // Aircraft, crews, spots and closing teams as the kept movements leave them.
  const sortieMoves = staying.filter((m) => m.kind === "sortie").sort((a, b) => (a.legs[0]?.dep ?? 0) - (b.legs[0]?.dep ?? 0));
  const parking = new ParkingLedger();
  const crews = new CrewRoster(s.crewDuty, s.fleet);
  const resume = new Map<string, TailResume>();
  for (const f of s.fleet) {
    const type = rs.types.get(f.type);
    if (!type) continue;
    for (let n = 1; n <= f.count; n++) {
      const tail = `${f.id}-${n}`;
      const mine = sortieMoves.filter((m) => m.tail === tail);
      const legs = mine.flatMap((m) => m.legs);
      const opens = tailWindows(f, n)[0]?.from ?? rs.start;
      let prevArr = opens as number;
      let prevSite = f.base as string;
      for (const l of legs) {
        const here = rs.sites.get(prevSite as SiteId);
        if (here) parking.park(here, type.parkingClass, tail, instant(prevArr), instant(l.dep));
        prevArr = l.arr;
        prevSite = l.to;
      }
      for (const m of mine) {
        const first = m.legs[0];
        const last = m.legs.at(-1);
        if (first && last) crews.replay(tail, f, first.crew ?? `${tail}:crew`, first.from, first.dep, last.arr, last.to);
      }
      const last = legs.at(-1);
      if (!last) continue;
      const site = rs.sites.get(last.to as SiteId);
      const loaded = !!last.load && (last.load.pallets.length > 0 || last.load.items.length > 0 || last.load.passengers.length > 0);
      const ready = site ? last.arr + groundMinutes(type, site, { unloading: loaded, loading: false }) : last.arr;
      resume.set(tail, { at: last.to as SiteId, readyAt: instant(Math.max(now, ready)), groundSince: instant(last.arr), lastLegLoaded: loaded });
    }
  }
  for (const f of s.fleet)
    for (let n = 1; n <= f.count; n++) {
      const tail = `${f.id}-${n}`;
      if (!resume.has(tail)) resume.set(tail, { at: f.base, readyAt: now, groundSince: instant(tailWindows(f, n)[0]?.from ?? rs.start), lastLegLoaded: false });
    }
  const cargoLeftBy = new Map<SiteId, Instant>();
  for (const m of staying)
    for (const l of m.legs) {
      const carries = !!l.load && (l.load.pallets.length > 0 || l.load.items.length > 0);
      if (carries && rs.sites.get(l.from as SiteId)?.inHostCountry) cargoLeftBy.set(l.from as SiteId, instant(Math.max(cargoLeftBy.get(l.from as SiteId) ?? 0, l.dep)));
    }

  const { sorties: added } = planSorties({
    rs,
    cargo,
    people,
    parking,
    gate: filingFromNow,
    crews,
    nextId: counterAfter("S", 4, old.sorties.map((x) => x.id)),
    rule: DISPATCH_RULES[0] as DispatchRule,
    cargoLeftBy,
    resume,
  });
  for (const site of cargo.sites())
    for (const w of cargo.at(site))
      unplanned.push({ what: w.unit.kind === "pallet" ? "pallet" : "cargo", id: w.unit.kind === "pallet" ? w.unit.id : w.unit.cargo.id, reason: `no aircraft could lift it from ${site} after the events` });
  for (const site of people.sites())
    for (const w of people.at(site)) unplanned.push({ what: "personnel", id: w.group.id, reason: `${w.count} people left at ${site}: no seat after the events` });

  const stayingIds = new Set(staying.map((m) => m.id));
  const sorties = [...old.sorties.filter((x) => stayingIds.has(x.id)), ...added];
  const convoys = [...keptConvoys, ...newConvoys];
  const commercial = old.commercial.filter((p) => stayingIds.has(p.id));
  const pallets: Pallet[] = [...old.pallets, ...newPallets.map(palletRecord)];
  const gate = new ClearanceGate(s, rs.start);
  const parts = { pallets, sorties, convoys, commercial, clearanceRequests: clearanceRequests(rs, gate, sorties) };
  const bounds = closureBounds(rs, gate);
  const plan: Plan = {
    formatVersion: old.formatVersion,
    scenario: s.id,
    planner: old.planner,
    summary: summarise(rs, parts, bounds),
    ...parts,
    siteClosures: siteClosures(hostDepartures(rs, sorties, convoys, commercial)),
    bounds: bounds.map(formatBound),
    unplanned,
  };
  const history = moves.filter((m) => m.history).map((m) => m.id);
  const unchanged = moves.filter((m) => !m.history && kept.has(m.id)).map((m) => m.id);
  return {
    plan,
    diff: {
      history,
      unchanged,
      removed: [...removed].map(([id, reason]) => ({ id, reason })),
      added: [...added.map((x) => x.id), ...newConvoys.map((c) => c.id)],
    },
  };
}

/** A pallet of the old plan as the scheduler's lift unit. */
function palletUnit(p: Pallet, lines: ReadonlyMap<string, CargoItem>): PalletUnit {
  const of = p.items.flatMap((i) => lines.get(i.cargo) ?? []);
  return {
    kind: "pallet",
    id: p.id,
    site: p.site as SiteId,
    items: p.items.map((i) => ({ cargo: i.cargo as CargoId, quantity: i.quantity })),
    weightKg: p.grossWeightKg,
    heightCm: p.heightCm,
    positions: 1,
    priority: Math.min(9, ...of.map((c) => c.priority)),
    sensitive: of.some((c) => c.sensitive),
    ...("buildUp" in p && p.buildUp ? { buildUp: p.buildUp } : {}),
  };
}

function loosePiece(c: CargoItem, site: string): LiftUnit {
  return { kind: "loose", cargo: c, site: site as SiteId, weightKg: c.unitWeight, positions: positionEquivalents(c.dimensions), priority: c.priority, sensitive: c.sensitive };
}

/** A pallet id not yet taken: `<id>-r<k>`. */
function freshId(id: string, taken: ReadonlySet<string>): string {
  for (let k = 1; ; k++) if (!taken.has(`${id}-r${k}`)) return `${id}-r${k}`;
}

/** Ids after the highest of a plan's: S0075, S0076, … */
function counterAfter(prefix: string, width: number, ids: readonly string[]): () => string {
  let n = Math.max(0, ...ids.map((id) => Number(id.slice(prefix.length))).filter((x) => Number.isInteger(x)));
  return () => `${prefix}${String(++n).padStart(width, "0")}`;
}

export type { Move };
