import type { AircraftType } from "#domain/aircraft-type.ts";
import type { CodedMessage } from "#domain/coded-message.ts";
import type { ClearanceKind, ClearanceKindRule, ClearanceRule } from "#domain/clearance-rule.ts";
import type { FleetEntry, Window } from "#domain/fleet.ts";
import type { AircraftTypeId, FleetId } from "#domain/ids.ts";
import type { Scenario } from "#domain/scenario.ts";
import { type ResolvedScenario, resolveScenario } from "#domain/scenario-model.ts";
import { formatHuman, type Instant } from "#domain/time.ts";
import { type Minutes, minutes } from "#domain/units.ts";
import type { Variation } from "./variation.ts";
import { fleetLabel, outageSpan, sayWhatIf } from "./whatif-notes.ts";

/** Why a variation cannot be applied: where (`["variations", i, field]`), what, and how to fix it. */
export interface VariationIssue {
  readonly path: (string | number)[];
  readonly message: string;
  readonly hint: string;
}

export type VariedScenario =
  | { readonly ok: true; readonly value: ResolvedScenario; readonly notes: readonly CodedMessage[] }
  | { readonly ok: false; readonly issues: readonly VariationIssue[] };

type Step = { ok: true; scenario: Scenario; notes: CodedMessage[] } | { ok: false; issue: VariationIssue };

interface Context {
  readonly rs: ResolvedScenario;
  readonly path: (string | number)[];
}

/**
 * Applies the variations in order to a copy of the scenario (the input is never mutated; what is
 * unchanged is shared) and resolves the result. Every variation that cannot apply is reported, with
 * its index; notes say what each did where that is not obvious (legs removed, windows stretched),
 * each coded and starting with the variation's label (`whatif-notes.ts`).
 * See `Variation` for the meaning of each kind.
 *
 * @example
 * const r = applyVariations(rs, [{ kind: "fleet", type: "C-17A", delta: 2 }, { kind: "deny", country: "DZ" }]);
 * if (r.ok) planWithdrawal(r.value);
 */
export function applyVariations(rs: ResolvedScenario, variations: readonly Variation[]): VariedScenario {
  let scenario = rs.scenario;
  const notes: CodedMessage[] = [];
  const issues: VariationIssue[] = [];
  variations.forEach((v, i) => {
    const ctx: Context = { rs: { ...rs, scenario, deadline: scenario.agreement.deadline }, path: ["variations", i] };
    const step = applyOne(ctx, v);
    if (!step.ok) {
      issues.push(step.issue);
      return;
    }
    scenario = step.scenario;
    notes.push(...step.notes);
  });
  if (issues.length > 0) return { ok: false, issues };
  if (scenario === rs.scenario) return { ok: true, value: rs, notes };
  const resolved = resolveScenario(scenario, [...rs.types.values()]);
  if (!resolved.ok)
    return { ok: false, issues: resolved.issues.map((i) => ({ path: ["scenario", ...i.path], message: i.message, hint: i.hint })) };
  return { ok: true, value: resolved.value, notes };
}

function applyOne(ctx: Context, v: Variation): Step {
  switch (v.kind) {
    case "fleet":
      return changeFleet(ctx, v.type, v.delta);
    case "clearance-delay":
      return delayClearances(ctx, v.target, v.hours);
    case "deny":
      return deny(ctx, v.country);
    case "deadline":
      return moveDeadline(ctx, v.at);
    case "aircraft-out":
      return aircraftOut(ctx, v.fleetId, v.count, v.from, v.to);
    case "lead-time":
      return setLeadTime(ctx, v.country, { value: v.value, unit: v.unit }, v.clearance);
  }
}

const fail = (ctx: Context, field: string, message: string, hint: string): Step => ({
  ok: false,
  issue: { path: [...ctx.path, field], message, hint },
});

const done = (scenario: Scenario, ...notes: CodedMessage[]): Step => ({ ok: true, scenario, notes });

const list = (xs: readonly string[], max = 12) => `${xs.slice(0, max).join(", ")}${xs.length > max ? ", …" : ""}`;

function uniqueFleetId(fleet: readonly FleetEntry[], wanted: string): FleetId {
  const base = wanted.replace(/[^A-Za-z0-9._:-]/g, "-").replace(/^[^A-Za-z0-9]+/, "") || "fleet";
  const taken = new Set(fleet.map((f) => f.id as string));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id as FleetId;
}

function typeHint(types: ReadonlyMap<AircraftTypeId, AircraftType>, fleet: readonly FleetEntry[], wanted: string): string {
  const close = [...types.keys()].find((t) => t.toLowerCase() === wanted.toLowerCase());
  const inFleet = [...new Set(fleet.map((f) => f.type as string))];
  return `${close ? `did you mean ${close}? ` : ""}the fleet flies ${list(inFleet)}; the library and scenario also know ${list([...types.keys()].filter((t) => !inFleet.includes(t)))}`;
}

function changeFleet(ctx: Context, type: string, delta: number): Step {
  const s = ctx.rs.scenario;
  if (!Number.isSafeInteger(delta)) return fail(ctx, "delta", `the change in aircraft must be a whole number, got ${delta}`, "e.g. +2 or -1");
  if (!ctx.rs.types.has(type as AircraftTypeId)) return fail(ctx, "type", `unknown aircraft type "${type}"`, typeHint(ctx.rs.types, s.fleet, type));
  const entries = s.fleet.filter((f) => f.type === type);
  if (delta === 0) return done(s);
  if (delta > 0) {
    const first = entries[0];
    if (first) return done({ ...s, fleet: s.fleet.map((f) => (f === first ? { ...f, count: f.count + delta } : f)) });
    const template = s.fleet[0];
    if (!template) return fail(ctx, "type", `the scenario has no fleet entry to take a base and availability from`, "add a fleet entry to the scenario first");
    const entry: FleetEntry = {
      id: uniqueFleetId(s.fleet, type),
      type: type as AircraftTypeId,
      count: delta,
      base: template.base,
      availability: template.availability,
      crew: template.crew,
      outOfService: [],
      assumption: true,
      rationale: `what-if: ${delta} ${type} added at ${template.base} with the availability and crews of fleet ${template.id}`,
    };
    return done(
      { ...s, fleet: [...s.fleet, entry] },
      sayWhatIf("whatif.note.fleet.new_entry", { ...fleetLabel(type, delta), entry: entry.id, base: template.base, template: template.id }),
    );
  }
  const total = entries.reduce((n, f) => n + f.count, 0);
  let remove = Math.min(-delta, total);
  const counts = new Map<FleetEntry, number>();
  for (const f of [...entries].reverse()) {
    const take = Math.min(remove, f.count);
    counts.set(f, f.count - take);
    remove -= take;
  }
  const fleet = s.fleet.map((f) => (counts.has(f) ? { ...f, count: counts.get(f) ?? f.count } : f));
  return done({ ...s, fleet }, ...(-delta > total ? [sayWhatIf("whatif.note.fleet.none_left", { ...fleetLabel(type, delta), total })] : []));
}

function resolveAirfield(ctx: Context, target: string) {
  const s = ctx.rs.scenario;
  return (
    s.sites.find((x) => x.id === target) ??
    s.sites.find((x) => x.icao !== undefined && x.icao === target.toUpperCase()) ??
    s.sites.find((x) => x.id.toLowerCase() === target.toLowerCase())
  );
}

function withRule(s: Scenario, rule: ClearanceRule, next: ClearanceRule): Scenario {
  return { ...s, clearanceRules: s.clearanceRules.map((r) => (r === rule ? next : r)) };
}

function delayClearances(ctx: Context, target: string, hours: number): Step {
  const s = ctx.rs.scenario;
  if (!Number.isFinite(hours) || hours <= 0)
    return fail(ctx, "hours", `a clearance delay must be a positive number of hours, got ${hours}`, "e.g. 72; to shorten a lead time use a lead-time variation");
  const plus = (k: ClearanceKindRule): ClearanceKindRule => ({
    ...k,
    leadTime: { ...k.leadTime, plus: minutes((k.leadTime.plus ?? 0) + Math.round(hours * 60)) as Minutes },
  });
  if (/^[A-Z]{2}$/.test(target)) {
    const rule = s.clearanceRules.find((r) => r.country === target);
    if (!rule || (!rule.landing && !rule.overflight))
      return fail(
        ctx,
        "target",
        `${target} has no clearance rule: its flights need no clearance, so none can be delayed`,
        `countries with a rule: ${list(s.clearanceRules.map((r) => r.country))}; to require one, add it to the scenario`,
      );
    const next: ClearanceRule = {
      ...rule,
      ...(rule.landing ? { landing: plus(rule.landing) } : {}),
      ...(rule.overflight ? { overflight: plus(rule.overflight) } : {}),
    };
    const code = rule.landing && rule.overflight ? "country_both" : rule.landing ? "country_landing" : "country_overflight";
    return done(withRule(s, rule, next), sayWhatIf(`whatif.note.clearance_delay.${code}`, { target, hours }));
  }
  const site = resolveAirfield(ctx, target);
  if (!site || !site.icao)
    return fail(
      ctx,
      "target",
      `"${target}" is neither a country code nor an airfield of the scenario`,
      `use a two-letter country code or one of ${list(s.sites.filter((x) => x.icao).map((x) => `${x.id} (${x.icao})`))}`,
    );
  const rule = s.clearanceRules.find((r) => r.country === site.country);
  if (!rule?.landing)
    return fail(
      ctx,
      "target",
      `landings at ${site.id} (${site.country}) need no clearance in this scenario, so none can be delayed`,
      `airfields whose landings need a clearance: ${list(s.sites.filter((x) => x.icao && s.clearanceRules.some((r) => r.country === x.country && r.landing)).map((x) => x.id))}`,
    );
  const others = s.sites.filter((x) => x.icao && x.country === site.country && x.id !== site.id).map((x) => x.id);
  return done(
    withRule(s, rule, { ...rule, landing: plus(rule.landing) }),
    others.length > 0
      ? sayWhatIf("whatif.note.clearance_delay.airfield_shared", { target, hours, country: site.country, others: list(others) })
      : sayWhatIf("whatif.note.clearance_delay.airfield", { target, hours, country: site.country }),
  );
}

function deny(ctx: Context, country: string): Step {
  const s = ctx.rs.scenario;
  if (!/^[A-Z]{2}$/.test(country)) return fail(ctx, "country", `"${country}" is not a country code`, "use the ISO 3166-1 alpha-2 code in capitals, e.g. DZ");
  const countryOf = (id: string) => ctx.rs.sites.get(id as never)?.country;
  const crosses = (l: Scenario["airLegs"][number]) => l.overflies.includes(country as never) || countryOf(l.from) === country || countryOf(l.to) === country;
  const removed = s.airLegs.filter(crosses);
  if (removed.length === 0) return done(s, sayWhatIf("whatif.note.deny.nothing", { country }));
  const bases = s.fleet.filter((f) => f.count > 0 && countryOf(f.base) === country).map((f) => f.id);
  return done(
    { ...s, airLegs: s.airLegs.filter((l) => !crosses(l)) },
    sayWhatIf("whatif.note.deny.legs_removed", { country, removed: removed.length, legs: s.airLegs.length, which: list(removed.map((l) => `${l.from}–${l.to}`), 6) }),
    ...(bases.length > 0 ? [sayWhatIf("whatif.note.deny.fleet_grounded", { country, fleets: list(bases) })] : []),
  );
}

function moveDeadline(ctx: Context, at: Instant): Step {
  const s = ctx.rs.scenario;
  const start = Math.max(ctx.rs.start, s.agreement.withdrawalStart);
  if (!Number.isSafeInteger(at)) return fail(ctx, "at", "the deadline must be an instant", "e.g. 2024-09-30T23:59Z");
  if (at <= start) return fail(ctx, "at", `the deadline ${formatHuman(at)} is not after the start ${formatHuman(start as Instant)}`, "choose a later deadline");
  const old = s.agreement.deadline;
  if (at === old) return done(s);
  const stretched: string[] = [];
  const fleet = s.fleet.map((f) => {
    if (at < old || !f.availability.some((w) => w.to >= old && w.to < at)) return f;
    stretched.push(f.id);
    return { ...f, availability: f.availability.map((w) => (w.to >= old && w.to < at ? { ...w, to: at } : w)) };
  });
  let groups = 0;
  const personnel = s.personnel.map((g) => {
    if (at < old || g.latestDeparture === undefined || g.latestDeparture < old || g.latestDeparture >= at) return g;
    groups++;
    return { ...g, latestDeparture: at };
  });
  const label = { at: formatHuman(at) };
  // Numbers to a tenth, as numbers, so a page writes them its own way (2,5 in French).
  const tenth = (x: number) => Math.round(x * 10) / 10;
  const shift = Math.abs(at - old);
  const later = at > old;
  return done(
    { ...s, agreement: { ...s.agreement, deadline: at }, fleet, personnel },
    shift / 60 >= 48
      ? sayWhatIf(later ? "whatif.note.deadline.days_later" : "whatif.note.deadline.days_earlier", { ...label, days: tenth(shift / 1440) })
      : sayWhatIf(later ? "whatif.note.deadline.hours_later" : "whatif.note.deadline.hours_earlier", { ...label, hours: tenth(shift / 60) }),
    ...(stretched.length > 0 ? [sayWhatIf("whatif.note.deadline.availability_stretched", { ...label, fleets: list(stretched) })] : []),
    ...(groups === 1 ? [sayWhatIf("whatif.note.deadline.personnel_one", label)] : []),
    ...(groups > 1 ? [sayWhatIf("whatif.note.deadline.personnel_many", { ...label, groups })] : []),
  );
}

/** The windows with `[from, to)` cut out. */
function cut(windows: readonly Window[], from: number, to: number): Window[] {
  return windows.flatMap((w) => {
    if (w.to <= from || w.from >= to) return [w];
    const out: Window[] = [];
    if (w.from < from) out.push({ from: w.from, to: from as Instant });
    if (w.to > to) out.push({ from: to as Instant, to: w.to });
    return out;
  });
}

function aircraftOut(ctx: Context, fleetId: string, count: number, from: Instant | undefined, to: Instant | undefined): Step {
  const s = ctx.rs.scenario;
  const entry = s.fleet.find((f) => f.id === fleetId);
  if (!entry) {
    const ofType = s.fleet.filter((f) => f.type === fleetId).map((f) => f.id);
    return fail(
      ctx,
      "fleetId",
      `unknown fleet entry "${fleetId}"`,
      ofType.length > 0 ? `${fleetId} is an aircraft type; its fleet entries: ${list(ofType)}` : `fleet entries: ${list(s.fleet.map((f) => `${f.id} (${f.type})`))}`,
    );
  }
  if (!Number.isSafeInteger(count) || count < 1) return fail(ctx, "count", `the aircraft out of service must be a whole number ≥ 1, got ${count}`, "e.g. 1");
  if (count > entry.count) return fail(ctx, "count", `fleet ${entry.id} has ${entry.count} aircraft, not ${count}`, `at most ${entry.count}`);
  if (from !== undefined && to !== undefined && to <= from) return fail(ctx, "to", "the end of the outage is not after its start", "give the start first, then the end");
  const lo = from ?? Number.NEGATIVE_INFINITY;
  const hi = to ?? Number.POSITIVE_INFINITY;
  const left = cut(entry.availability, lo, hi);
  const reduced = { ...entry, count: entry.count - count };
  const unchanged = left.length === entry.availability.length && left.every((w, i) => w === entry.availability[i]);
  // The label names the span only when the outage has one, as `describeVariation` does.
  const label = { count, fleet: entry.id };
  const span = from === undefined && to === undefined ? undefined : { ...label, ...outageSpan(from, to) };
  if (unchanged)
    return done(s, span ? sayWhatIf("whatif.note.aircraft_out.missed_span", span) : sayWhatIf("whatif.note.aircraft_out.missed", label));
  if (left.length === 0)
    return done(
      { ...s, fleet: s.fleet.map((f) => (f === entry ? reduced : f)) },
      span ? sayWhatIf("whatif.note.aircraft_out.all_span", span) : sayWhatIf("whatif.note.aircraft_out.all", label),
    );
  // The whole entry out for a while: its aircraft keep their tail ids, with the outage cut from their availability.
  if (count === entry.count) return done({ ...s, fleet: s.fleet.map((f) => (f === entry ? { ...entry, availability: left } : f)) });
  const out: FleetEntry = {
    ...entry,
    id: uniqueFleetId(s.fleet, `${entry.id}-out`),
    count,
    availability: left,
    assumption: true,
    rationale: `what-if: ${count} of ${entry.id} out of service for part of the withdrawal`,
  };
  const fleet = s.fleet.flatMap((f) => (f === entry ? [reduced, out] : [f]));
  return done(
    { ...s, fleet },
    span ? sayWhatIf("whatif.note.aircraft_out.split_span", { ...span, entry: out.id }) : sayWhatIf("whatif.note.aircraft_out.split", { ...label, entry: out.id }),
  );
}

function setLeadTime(ctx: Context, country: string, lead: { value: number; unit: "working_days" | "hours" | "days" }, kind: ClearanceKind | undefined): Step {
  const s = ctx.rs.scenario;
  const rule = s.clearanceRules.find((r) => r.country === country);
  const kinds = (["landing", "overflight"] as const).filter((k) => rule?.[k] && (kind === undefined || kind === k));
  if (!rule || kinds.length === 0)
    return fail(
      ctx,
      "country",
      `${country} has no ${kind ?? "clearance"} rule whose lead time could change`,
      `countries with a rule: ${list(s.clearanceRules.map((r) => `${r.country} (${[r.landing ? "landing" : "", r.overflight ? "overflight" : ""].filter(Boolean).join(", ")})`))}`,
    );
  if (!Number.isFinite(lead.value) || lead.value < 0) return fail(ctx, "value", `a lead time must be ≥ 0, got ${lead.value}`, "e.g. 2 working days or 48 hours");
  const next: ClearanceRule = { ...rule };
  for (const k of kinds) {
    const old = rule[k];
    if (old) next[k] = { ...old, leadTime: { ...lead, assumption: true, rationale: `what-if: lead time set to ${lead.value} ${lead.unit}` } };
  }
  return done(withRule(s, rule, next));
}
