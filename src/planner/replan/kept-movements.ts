import { ownCrewId } from "#domain/crew.ts";
import type { Load, Plan } from "#domain/plan.ts";
import type { ReplanEvents } from "#domain/replan-events.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { formatInstant, instant, parseInstant } from "#domain/time.ts";
import type { ClearanceGate } from "../clearance-gate.ts";
import { Whereabouts } from "./whereabouts.ts";

const at = (iso: string) => parseInstant(iso) ?? Number.NaN;

/** One leg of a movement of the old plan, for the re-plan's bookkeeping. */
export interface MoveLeg {
  readonly from: string;
  readonly to: string;
  readonly dep: number;
  readonly arr: number;
  readonly load: Load | undefined;
  readonly crew: string | undefined;
}

/** A movement of the old plan: a sortie, a convoy or an airline movement. */
export interface Move {
  readonly id: string;
  readonly kind: "sortie" | "convoy" | "commercial";
  readonly tail: string | undefined;
  readonly legs: readonly MoveLeg[];
  /** It took place (departed before `now`, or said executed) and is not cancelled: never changed. */
  readonly history: boolean;
}

export interface KeptMovements {
  readonly moves: readonly Move[];
  /** Future movements kept as planned. */
  readonly kept: ReadonlySet<string>;
  /** Movements taken out, with why. */
  readonly removed: ReadonlyMap<string, string>;
  /** Where everything stands once history and kept movements have taken place. */
  readonly whereabouts: Whereabouts;
}

const noLoad: Load = { pallets: [], items: [], passengers: [] };

/** The old plan's movements in one shape. */
export function movesOf(plan: Plan, events: ReplanEvents): Move[] {
  const executed = new Set(events.events.flatMap((e) => (e.kind === "executed" ? [e.movement] : [])));
  const cancelled = new Set(events.events.flatMap((e) => (e.kind === "cancelled" ? [e.movement] : [])));
  const history = (id: string, dep: number) => !cancelled.has(id) && (executed.has(id) || dep < events.now);
  const moves: Move[] = [];
  for (const s of plan.sorties) {
    const legs = s.legs.map((l) => ({ from: l.from, to: l.to, dep: at(l.departAt), arr: at(l.arriveAt), load: l.load, crew: l.crew ?? ownCrewId(s.aircraft) }));
    moves.push({ id: s.id, kind: "sortie", tail: s.aircraft, legs, history: history(s.id, legs[0]?.dep ?? Number.NaN) });
  }
  for (const c of plan.convoys) {
    const dep = at(c.departAt);
    moves.push({ id: c.id, kind: "convoy", tail: undefined, legs: [{ from: c.from, to: c.to, dep, arr: at(c.arriveAt), load: c.load, crew: undefined }], history: history(c.id, dep) });
  }
  for (const p of plan.commercial) {
    const dep = at(p.departAt);
    // Airline passengers leave the country: "(abroad)" is no site.
    moves.push({ id: p.id, kind: "commercial", tail: undefined, legs: [{ from: p.airport, to: "(abroad)", dep, arr: dep, load: { ...noLoad, passengers: p.passengers }, crew: undefined }], history: history(p.id, dep) });
  }
  return moves;
}

/**
 * Which future movements of the old plan still stand after the events, changing as few as possible:
 * a movement goes when it was cancelled, its aircraft is out of service, a clearance it needs is refused
 * or withheld, its aircraft or crew is no longer where it boards (a movement before it went), what it
 * carries is not there by then, or it carries a closing team whose site still has cargo to re-plan.
 * The checks repeat until nothing more goes. History is kept as it happened.
 */
export function keptMovements(rs: ResolvedScenario, plan: Plan, events: ReplanEvents, gate: ClearanceGate, appearAt: ReadonlyMap<string, number>): KeptMovements {
  const moves = movesOf(plan, events);
  const removed = new Map<string, string>();
  const reasons = new Map(events.events.flatMap((e) => (e.kind === "cancelled" ? [[e.movement, e.reason] as const] : [])));
  for (const m of moves) if (reasons.has(m.id)) removed.set(m.id, `cancelled${reasons.get(m.id) ? `: ${reasons.get(m.id)}` : ""}`);
  const future = (m: Move) => !m.history && !removed.has(m.id);

  for (const m of moves) {
    if (!future(m) || m.kind !== "sortie" || !m.tail) continue;
    const outage = outageOf(rs, m.tail, m.legs);
    if (outage) {
      removed.set(m.id, outage);
      continue;
    }
    const first = m.legs[0]?.dep ?? Number.NaN;
    const refused = gate.refusedUntil(
      {
        landings: m.legs.flatMap((l) => {
          const s = rs.sites.get(l.to as never);
          return s ? [{ country: s.country, airfield: s.id }] : [];
        }),
        overflies: m.legs.flatMap((l) => rs.scenario.airLegs.find((a) => (a.from === l.from && a.to === l.to) || (a.from === l.to && a.to === l.from))?.overflies ?? []),
      },
      first,
    );
    if (refused !== undefined) removed.set(m.id, `a clearance it needs is ${Number.isFinite(refused) ? `withheld until ${formatInstant(instant(refused))}` : "refused"}`);
  }

  const siteOf = (id: string) => rs.sites.get(id as never);
  const closingGroups = new Set(rs.scenario.personnel.filter((g) => g.category === "closing_team").map((g) => g.id as string));
  const ownSite = new Map(rs.scenario.personnel.map((g) => [g.id as string, g.site]));
  // What must stay to a site's last cargo (`closing-team.ts`); a site without an entry keeps its whole team.
  const minimum = new Map<string, number>();
  for (const t of rs.scenario.closingTeams) minimum.set(t.site, Math.max(minimum.get(t.site) ?? 0, t.minimum));
  for (let round = 0; round < 50; round++) {
    const before = removed.size;
    chainCheck(rs, moves, removed);
    const wb = simulate(rs, plan, moves, removed, appearAt);
    // A closing team stays until its site's last cargo: where cargo is left to re-plan, so is the team —
    // and where an airfield refused for good will send its cargo by road.
    const receiving = new Set<string>();
    for (const site of rs.scenario.sites) {
      if (!site.inHostCountry || !site.icao || !cargoLeft(rs, wb, site.id)) continue;
      const refused = gate.refusedUntil({ landings: [{ country: site.country, airfield: site.id }], overflies: [] }, events.now);
      if (refused === undefined || Number.isFinite(refused)) continue;
      for (const r of rs.scenario.roadRoutes) if (r.from === site.id || r.to === site.id) receiving.add(r.from === site.id ? r.to : r.from);
    }
    // Only as many such movements go as the team's minimum needs (latest first: those carried the
    // people who stayed to the end); the rest of a team may leave before the last cargo.
    for (const site of rs.scenario.sites) {
      if (!site.inHostCountry || !(cargoLeft(rs, wb, site.id) || receiving.has(site.id))) continue;
      const own = (group: string) => closingGroups.has(group) && ownSite.get(group) === site.id;
      let short = (minimum.get(site.id) ?? Number.POSITIVE_INFINITY) - [...wb.people].reduce((n, [key, stock]) => n + (own(key.split("|")[0] ?? "") && key.endsWith(`|${site.id}`) ? stock.n : 0), 0);
      const carrying = moves
        .filter((m) => future(m) && m.legs.some((l) => l.from === site.id && l.load?.passengers.some((p) => own(p.group))))
        .sort((a, b) => (b.legs[0]?.dep ?? 0) - (a.legs[0]?.dep ?? 0));
      for (const m of carrying) {
        if (short <= 0) break;
        removed.set(m.id, `it carries ${site.id}'s closing team, which stays for the cargo re-planned there`);
        for (const l of m.legs) if (l.from === site.id) for (const p of l.load?.passengers ?? []) if (own(p.group)) short -= p.count;
      }
    }
    if (removed.size === before) {
      const kept = new Set(moves.filter(future).map((m) => m.id));
      return { moves, kept, removed, whereabouts: wb };
    }
  }
  throw new Error("bug: the re-plan's checks did not settle");
}

function outageOf(rs: ResolvedScenario, tail: string, legs: readonly MoveLeg[]): string | undefined {
  for (const f of rs.scenario.fleet) {
    if (!tail.startsWith(`${f.id}-`)) continue;
    const n = Number(tail.slice(f.id.length + 1));
    for (const o of f.outOfService) {
      if (o.aircraft !== n) continue;
      if (legs.some((l) => l.dep < (o.to ?? Number.POSITIVE_INFINITY) && l.arr > o.from))
        return `${tail} is out of service from ${formatInstant(o.from)}${o.to !== undefined ? ` to ${formatInstant(o.to)}` : ""}${o.reason ? ` (${o.reason})` : ""}`;
    }
  }
  return undefined;
}

/** Drops future sorties whose aircraft or crew would not be where they board, once others went. */
function chainCheck(rs: ResolvedScenario, moves: readonly Move[], removed: Map<string, string>): void {
  const sorties = moves.filter((m) => m.kind === "sortie" && !removed.has(m.id)).sort((a, b) => (a.legs[0]?.dep ?? 0) - (b.legs[0]?.dep ?? 0));
  const tailAt = new Map<string, string>();
  const crewAt = new Map<string, string>();
  const startOf = (crew: string): string | undefined => {
    if (crew.endsWith(":crew")) {
      const tail = crew.slice(0, -":crew".length);
      return rs.scenario.fleet.find((f) => tail.startsWith(`${f.id}-`))?.base;
    }
    return /@(.+):\d+$/.exec(crew)?.[1];
  };
  for (const m of sorties) {
    const tail = m.tail ?? "";
    const base = rs.scenario.fleet.find((f) => tail.startsWith(`${f.id}-`))?.base;
    const here = tailAt.get(tail) ?? base;
    const first = m.legs[0];
    if (!m.history && first && here !== undefined && first.from !== here) {
      removed.set(m.id, `${tail} is at ${here}, not ${first.from}, once the sorties before it changed`);
      continue;
    }
    // Its crews, leg by leg (a crew flying both legs is where the first one landed).
    const moved = new Map<string, string>();
    const wrong = m.history ? undefined : m.legs.find((l) => {
      const where = l.crew === undefined ? undefined : (moved.get(l.crew) ?? crewAt.get(l.crew) ?? startOf(l.crew));
      if (l.crew !== undefined) moved.set(l.crew, l.to);
      return where !== undefined && where !== l.from;
    });
    if (wrong?.crew) {
      removed.set(m.id, `crew ${wrong.crew} is no longer at ${wrong.from} when it boards`);
      continue;
    }
    for (const l of m.legs) if (l.crew) crewAt.set(l.crew, l.to);
    const last = m.legs.at(-1);
    if (last) tailAt.set(tail, last.to);
  }
}

/** Plays history and the future movements still kept in time order; drops those whose load is not there. */
function simulate(rs: ResolvedScenario, plan: Plan, moves: readonly Move[], removed: Map<string, string>, appearAt: ReadonlyMap<string, number>): Whereabouts {
  const wb = new Whereabouts(rs, plan.pallets, appearAt);
  const events: { t: number; phase: number; m: Move; leg: MoveLeg }[] = [];
  for (const m of moves) {
    if (removed.has(m.id)) continue;
    for (const leg of m.legs) {
      events.push({ t: leg.dep, phase: 1, m, leg });
      events.push({ t: Math.max(leg.arr, leg.dep), phase: leg.arr > leg.dep ? 0 : 2, m, leg });
    }
  }
  events.sort((a, b) => a.t - b.t || a.phase - b.phase);
  const dropped = new Set<string>();
  for (const e of events) {
    if (dropped.has(e.m.id)) continue;
    const load = e.leg.load ?? noLoad;
    if (e.phase === 1) {
      if (!e.m.history && !wb.has(e.leg.from, e.t, load)) {
        dropped.add(e.m.id);
        removed.set(e.m.id, `what it carries is not at ${e.leg.from} by ${formatInstant(instant(e.t))} any more`);
        continue;
      }
      wb.take(e.leg.from, load);
    } else wb.deliver(e.leg.to, e.leg.arr, load);
  }
  return wb;
}

/** Whether cargo to withdraw is left at a site. */
function cargoLeft(rs: ResolvedScenario, wb: Whereabouts, site: string): boolean {
  for (const p of wb.pallets.values()) if (p.site === site) return true;
  for (const c of rs.scenario.cargo) if (c.disposition === "withdraw" && (wb.loose.get(`${c.id}|${site}`)?.n ?? 0) > 0) return true;
  return false;
}
