import type { Load, Plan } from "#domain/plan.ts";
import type { Scenario } from "#domain/scenario.ts";
import { type Instant, MINUTES_PER_DAY, parseInstant, startOfDay } from "#domain/time.ts";
import type { Movement } from "./movement.ts";

/**
 * The burndown: how many people and how much cargo (kg, withdrawn lines only) each host-country
 * site still holds, as the plan foresees it and as the recorded movements show it.
 *
 * The plan's side comes from its legs, convoys and airline seats: a load leaves its site at the
 * departure and, when it goes to another host-country site (Agadez → Niamey), is added there at
 * the arrival. The actual side takes each departed movement: its recorded manifest when one was
 * recorded (persons, items, pallets), otherwise its planned load, moved to the actual times.
 * Cargo handed over or disposed of in place never moves, so it is not counted.
 */

/** What a site holds: people, and the weight of the cargo still to withdraw. */
export interface Holding {
  readonly personnel: number;
  readonly cargoKg: number;
}

/** One change to what a site holds (negative when a load leaves). */
export interface HoldingChange {
  readonly site: string;
  readonly at: Instant;
  readonly personnel: number;
  readonly cargoKg: number;
  /**
   * Part of a move between two host-country sites: the load is still in the country on the way,
   * so the all-sites total leaves such changes out (they cancel once it has arrived).
   */
  readonly withinCountry?: true;
}

/** A site's holding at one instant. */
export interface BurndownPoint extends Holding {
  readonly at: Instant;
}

/** Plan and actual of one site (or of all host sites together). */
export interface SiteBurndown {
  readonly site: string;
  readonly initial: Holding;
  readonly plan: readonly BurndownPoint[];
  /** Up to `at` only: the future has no actuals. */
  readonly actual: readonly BurndownPoint[];
}

/** Everything the burndown reads. */
export interface BurndownInput {
  readonly scenario: Scenario;
  readonly plan: Plan;
  readonly movements: readonly Movement[];
  readonly at: Instant;
  readonly inHostCountry: (site: string) => boolean;
}

/** The key of the all-sites series. */
export const ALL_SITES = "*";

const at = (iso: string): Instant => {
  const t = parseInstant(iso);
  if (t === undefined) throw new RangeError(`not an ISO instant in the plan: ${iso}`);
  return t;
};

/**
 * What each host-country site holds before the withdrawal: its personnel groups and its cargo to
 * withdraw (quantity × unit weight).
 *
 * @example
 * initialHoldings(scenario, (s) => s === "NIAMEY").get("NIAMEY"); // { personnel: 380, cargoKg: … }
 */
export function initialHoldings(scenario: Scenario, inHostCountry: (site: string) => boolean): Map<string, Holding> {
  const out = new Map<string, Holding>();
  for (const s of scenario.sites) if (inHostCountry(s.id)) out.set(s.id, { personnel: 0, cargoKg: 0 });
  const add = (site: string, h: Holding) => {
    const cur = out.get(site);
    if (cur) out.set(site, { personnel: cur.personnel + h.personnel, cargoKg: cur.cargoKg + h.cargoKg });
  };
  for (const g of scenario.personnel) add(g.site, { personnel: g.count, cargoKg: 0 });
  for (const c of scenario.cargo) if (c.disposition === "withdraw") add(c.site, { personnel: 0, cargoKg: c.quantity * c.unitWeight });
  return out;
}

/** Weighs loads: passengers by count, cargo by the scenario's unit weights (pallets by their pieces). */
export function loadWeigher(scenario: Scenario, plan: Plan): {
  load(load: Load | undefined): Holding;
  pieces(items: readonly { cargo: string; quantity: number }[], pallets: readonly string[]): number;
} {
  const unitKg = new Map(scenario.cargo.map((c) => [c.id as string, c.unitWeight]));
  const pallets = new Map(plan.pallets.map((p) => [p.id, p]));
  const itemsKg = (items: readonly { cargo: string; quantity: number }[]) =>
    items.reduce((n, i) => n + i.quantity * (unitKg.get(i.cargo) ?? 0), 0);
  const pieces = (items: readonly { cargo: string; quantity: number }[], ids: readonly string[]) =>
    itemsKg(items) + ids.reduce((n, id) => n + itemsKg(pallets.get(id)?.items ?? []), 0);
  return {
    pieces,
    load: (load) =>
      load === undefined
        ? { personnel: 0, cargoKg: 0 }
        : { personnel: load.passengers.reduce((n, p) => n + p.count, 0), cargoKg: pieces(load.items, load.pallets) },
  };
}

/**
 * Each planned movement's changes to the host sites, by the plan's movement id (`S…`, `C…`, `P…`).
 *
 * @example
 * plannedChanges(scenario, plan, inHost).get("S0001"); // [{ site: "AGADEZ", personnel: -54, … }]
 */
export function plannedChanges(scenario: Scenario, plan: Plan, inHostCountry: (site: string) => boolean): Map<string, HoldingChange[]> {
  const weigh = loadWeigher(scenario, plan);
  const out = new Map<string, HoldingChange[]>();
  const move = (ref: string, from: string, to: string, departAt: string, arriveAt: string, h: Holding) => {
    if (h.personnel === 0 && h.cargoKg === 0) return;
    const list = out.get(ref) ?? [];
    const within = inHostCountry(from) && inHostCountry(to) ? { withinCountry: true as const } : {};
    if (inHostCountry(from)) list.push({ site: from, at: at(departAt), personnel: -h.personnel, cargoKg: -h.cargoKg, ...within });
    if (inHostCountry(to)) list.push({ site: to, at: at(arriveAt), personnel: h.personnel, cargoKg: h.cargoKg, ...within });
    out.set(ref, list);
  };
  for (const s of plan.sorties) for (const l of s.legs) move(s.id, l.from, l.to, l.departAt, l.arriveAt, weigh.load(l.load));
  for (const c of plan.convoys) move(c.id, c.from, c.to, c.departAt, c.arriveAt, weigh.load(c.load));
  for (const c of plan.commercial)
    move(c.id, c.airport, "", c.departAt, c.departAt, weigh.load({ pallets: [], items: [], passengers: c.passengers }));
  return out;
}

/** Whether a movement has left (and so counts in the actuals). */
export const hasDeparted = (m: Movement): m is Movement & { status: "departed" | "arrived"; departedAt: Instant } =>
  m.status === "departed" || m.status === "arrived";

/**
 * The changes the departed movements made: the manifest when one was recorded, else the planned
 * load of the movement's plan reference, shifted to the actual departure (and arrival).
 */
export function actualChanges(input: BurndownInput, planned: ReadonlyMap<string, readonly HoldingChange[]>): HoldingChange[] {
  const weigh = loadWeigher(input.scenario, input.plan);
  const out: HoldingChange[] = [];
  for (const m of input.movements) {
    if (!hasDeparted(m) || m.departedAt > input.at) continue;
    const d = m.details;
    const arrivedAt = m.status === "arrived" ? m.arrivedAt : ((m.departedAt + (d.arriveAt - d.departAt)) as Instant);
    const recorded = m.manifest.persons.length > 0 || m.manifest.items.length > 0 || m.manifest.pallets.length > 0;
    if (recorded) {
      const h = { personnel: m.manifest.persons.length, cargoKg: weigh.pieces(m.manifest.items, m.manifest.pallets) };
      const within = input.inHostCountry(d.from) && input.inHostCountry(d.to) ? { withinCountry: true as const } : {};
      if (input.inHostCountry(d.from)) out.push({ site: d.from, at: m.departedAt, personnel: -h.personnel, cargoKg: -h.cargoKg, ...within });
      if (input.inHostCountry(d.to) && arrivedAt <= input.at) out.push({ site: d.to, at: arrivedAt, ...h, ...within });
      continue;
    }
    const plan = d.planRef === undefined ? undefined : planned.get(d.planRef);
    if (plan === undefined) continue; // an unplanned movement with no manifest: nothing known moved
    const shift = m.departedAt - d.departAt;
    for (const c of plan) {
      // The recorded arrival for the movement's own arrival; the plan shifted by the delay otherwise.
      const when = m.status === "arrived" && c.at === d.arriveAt && c.personnel + c.cargoKg > 0 ? m.arrivedAt : ((c.at + shift) as Instant);
      if (when <= input.at) out.push({ ...c, at: when });
    }
  }
  return out;
}

/** Midnight UTC of every day from `from`'s day to `to`'s day, both included. */
export function daysBetween(from: Instant, to: Instant): Instant[] {
  const out: Instant[] = [];
  for (let d = startOfDay(from); d <= to; d = (d + MINUTES_PER_DAY) as Instant) out.push(d);
  return out;
}

/** A holding sampled at each instant of `times` (changes at an instant count at it). */
export function sample(initial: Holding, changes: readonly HoldingChange[], times: readonly Instant[]): BurndownPoint[] {
  const sorted = [...changes].sort((a, b) => a.at - b.at);
  let i = 0;
  let personnel = initial.personnel;
  let cargoKg = initial.cargoKg;
  return times.map((t) => {
    for (; i < sorted.length && (sorted[i]?.at ?? Infinity) <= t; i++) {
      personnel += sorted[i]?.personnel ?? 0;
      cargoKg += sorted[i]?.cargoKg ?? 0;
    }
    // Rounding: people are whole; kilograms to the gram, so a site that is empty shows 0.
    return { at: t, personnel: Math.round(personnel), cargoKg: Math.max(0, Math.round(cargoKg * 1000) / 1000) };
  });
}

/**
 * The burndown of every host site and of all of them together, sampled each day at 00:00 UTC from
 * the start to the later of the deadline, the plan's closure and `at` (one more day after it), the
 * actual ending with a point at `at`.
 *
 * @example
 * const series = burndown({ scenario, plan, movements, at: now, inHostCountry }, start, deadline);
 */
export function burndown(input: BurndownInput, start: Instant, deadline: Instant): SiteBurndown[] {
  const initial = initialHoldings(input.scenario, input.inHostCountry);
  const planned = plannedChanges(input.scenario, input.plan, input.inHostCountry);
  const plannedAll = [...planned.values()].flat();
  const actualAll = actualChanges(input, planned);
  const closure = at(input.plan.summary.closureAt);
  const end = Math.max(deadline, closure, input.at) + MINUTES_PER_DAY;
  const days = daysBetween(start, end as Instant);
  const pastDays = days.filter((d) => d < input.at);
  const series = (site: string, init: Holding, bySite: (c: HoldingChange) => boolean): SiteBurndown => ({
    site,
    initial: init,
    plan: sample(init, plannedAll.filter(bySite), days),
    actual: input.at < start ? [] : sample(init, actualAll.filter(bySite), [...pastDays, input.at]),
  });
  const total = [...initial.values()].reduce((a, h) => ({ personnel: a.personnel + h.personnel, cargoKg: a.cargoKg + h.cargoKg }), {
    personnel: 0,
    cargoKg: 0,
  });
  return [
    series(ALL_SITES, total, (c) => c.withinCountry !== true),
    ...[...initial].map(([site, h]) => series(site, h, (c) => c.site === site)),
  ];
}
