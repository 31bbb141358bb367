import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { parseReplanEventsText } from "#domain/replan-events.ts";
import type { ScenarioInput } from "#domain/scenario.ts";
import { parseScenarioValue } from "#domain/scenario-file.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { formatInstant, instant, parseInstant } from "#domain/time.ts";
import { loadShipped, scenarioText } from "#test/scenarios.ts";
import { verifyPlan } from "#verify/verify-plan.ts";
import { planWithdrawal } from "../plan-withdrawal.ts";
import { applyEvents } from "./apply-events.ts";
import { replan } from "./replan.ts";

const at = (iso: string) => parseInstant(iso) ?? Number.NaN;
const rs = loadShipped("niger-2024");
const old = planWithdrawal(rs);
const NOW = "2024-06-10T00:00:00Z";

/** Applies the events to Niger and its plan, re-plans, and verifies against the scenario they leave. */
function replanWith(events: unknown[], now = NOW) {
  const parsed = parseReplanEventsText(JSON.stringify({ formatVersion: 1, now, events }));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const applied = applyEvents(JSON.parse(scenarioText("niger-2024")) as ScenarioInput, rs, old, parsed.value, parsed.raw);
  if (!applied.ok) throw new Error(JSON.stringify(applied.issues));
  const after = parseScenarioValue(applied.scenario);
  if (!after.ok) throw new Error(JSON.stringify(after.issues));
  const result = replan(after.value, old, parsed.value);
  return { ...result, after: after.value, report: verifyPlan(after.value, result.plan) };
}

const firstDeparture = (p: Plan, id: string) => at(p.sorties.find((s) => s.id === id)?.legs[0]?.departAt ?? "");
const future = old.sorties.filter((s) => at(s.legs[0]?.departAt ?? "") >= at(NOW));
const sortie = (p: Plan, id: string) => p.sorties.find((s) => s.id === id);

/** Every movement of the re-plan that is new departs at or after `now`; everything kept is as it was. */
function keepsHistoryAndPlansFromNow(result: ReturnType<typeof replanWith>, now = NOW) {
  expect(result.report.violations).toEqual([]);
  expect(result.plan.unplanned).toEqual([]);
  for (const id of [...result.diff.history, ...result.diff.unchanged]) {
    const before = sortie(old, id) ?? old.convoys.find((c) => c.id === id) ?? old.commercial.find((c) => c.id === id);
    const afterwards = sortie(result.plan, id) ?? result.plan.convoys.find((c) => c.id === id) ?? result.plan.commercial.find((c) => c.id === id);
    expect(afterwards).toEqual(before);
  }
  for (const id of result.diff.added) {
    const s = sortie(result.plan, id);
    const dep = s ? at(s.legs[0]?.departAt ?? "") : at(result.plan.convoys.find((c) => c.id === id)?.departAt ?? "");
    expect(dep).toBeGreaterThanOrEqual(at(now));
  }
}

describe("re-planning Niger after events", () => {
  it("changes nothing when nothing happened", () => {
    const r = replanWith([]);
    keepsHistoryAndPlansFromNow(r);
    expect(r.diff.removed).toEqual([]);
    expect(r.diff.added).toEqual([]);
    expect(r.plan.sorties).toEqual(old.sorties);
    expect(r.plan.summary.closureAt).toBe(old.summary.closureAt);
  });

  it("executed: a movement said executed stays as history even when `now` is before the rest", () => {
    const first = old.sorties[0];
    if (!first) throw new Error("no sortie");
    const r = replanWith([{ kind: "executed", movement: first.id }], first.legs.at(-1)?.arriveAt ?? NOW);
    keepsHistoryAndPlansFromNow(r, first.legs.at(-1)?.arriveAt ?? NOW);
    expect(r.diff.history).toContain(first.id);
    expect(r.diff.removed).toEqual([]);
  });

  it("cancelled: the sortie goes, its load flies on new sorties, and few others change", () => {
    const victim = future[2];
    if (!victim) throw new Error("no future sortie");
    const r = replanWith([{ kind: "cancelled", movement: victim.id, reason: "weather" }]);
    keepsHistoryAndPlansFromNow(r);
    expect(r.diff.removed[0]).toEqual({ id: victim.id, reason: "cancelled: weather" });
    expect(sortie(r.plan, victim.id)).toBeUndefined();
    const carried = victim.legs.flatMap((l) => l.load?.pallets ?? []);
    const added = r.plan.sorties.filter((s) => r.diff.added.includes(s.id)).flatMap((s) => s.legs.flatMap((l) => l.load?.pallets ?? []));
    for (const p of carried) expect(added).toContain(p);
    // Only the sortie and those carrying the closing teams that must now wait for its load.
    expect(r.diff.removed.length).toBeLessThanOrEqual(4);
    expect(r.diff.unchanged.length).toBeGreaterThanOrEqual(future.length - 4);
  });

  it("aircraft_out: nothing of that aircraft flies while it is out of service", () => {
    const from = "2024-06-14T00:00:00Z";
    const to = "2024-06-17T00:00:00Z";
    const r = replanWith([{ kind: "aircraft_out", aircraft: "C17-1", from, to, reason: "hydraulic leak" }]);
    keepsHistoryAndPlansFromNow(r);
    expect(r.diff.removed.some((x) => x.reason.includes("C17-1 is out of service"))).toBe(true);
    for (const s of r.plan.sorties.filter((x) => x.aircraft === "C17-1"))
      for (const l of s.legs) expect(at(l.arriveAt) <= at(from) || at(l.departAt) >= at(to)).toBe(true);
  });

  it("clearance_delayed: no sortie crossing Algeria starts while its overflight clearance is withheld", () => {
    const from = "2024-06-20T00:00:00Z";
    const until = "2024-06-22T00:00:00Z";
    const r = replanWith([{ kind: "clearance_delayed", country: "DZ", clearance: "overflight", from, until }]);
    keepsHistoryAndPlansFromNow(r);
    expect(r.diff.removed.length).toBeGreaterThan(0);
    for (const s of r.plan.sorties) {
      const t = at(s.legs[0]?.departAt ?? "");
      if (s.legs.some((l) => l.overflies.includes("DZ"))) expect(t < at(from) || t >= at(until)).toBe(true);
    }
  });

  it("clearance_denied: with landings at Agadez refused for good, what is left there goes by road to Niamey", () => {
    const now = "2024-06-28T00:00:00Z";
    // Niamey is still open then (its closing team leaves with its last cargo), and Agadez has cargo left.
    expect(at(old.siteClosures.find((c) => c.site === "NIAMEY")?.closedAt ?? "")).toBeGreaterThan(at(now));
    expect(at(old.siteClosures.find((c) => c.site === "AGADEZ")?.lastCargoAt ?? "")).toBeGreaterThan(at(now));
    const r = replanWith([{ kind: "clearance_denied", country: "NE", clearance: "landing", airfield: "AGADEZ" }], now);
    keepsHistoryAndPlansFromNow(r, now);
    const afterNow = r.plan.sorties.filter((s) => at(s.legs[0]?.departAt ?? "") >= at(now));
    for (const s of afterNow) for (const l of s.legs) expect(l.to).not.toBe("AGADEZ");
    expect(r.plan.convoys.some((c) => c.from === "AGADEZ" && r.diff.added.includes(c.id))).toBe(true);
  });

  it("clearance_denied: once Niamey has closed, Agadez's cargo cannot go there by road, and the re-plan says so", () => {
    const closed = old.siteClosures.find((c) => c.site === "NIAMEY")?.closedAt ?? "";
    const now = formatInstant(instant(at(closed) + 1440));
    expect(at(old.siteClosures.find((c) => c.site === "AGADEZ")?.lastCargoAt ?? "")).toBeGreaterThan(at(now));
    const r = replanWith([{ kind: "clearance_denied", country: "NE", clearance: "landing", airfield: "AGADEZ" }], now);
    expect(r.plan.unplanned).toContainEqual({ what: "site", id: "AGADEZ", reason: expect.stringMatching(/reaches by road has closed/) });
    expect(r.plan.convoys.filter((c) => r.diff.added.includes(c.id))).toEqual([]);
    // Incomplete (what stays at Agadez breaks the rules on leaving), but no cargo leaves Niamey after its closing team.
    expect(r.report.violations.some((v) => v.code === "plan.incomplete")).toBe(true);
    expect(r.report.violations.filter((v) => v.subject === "NIAMEY")).toEqual([]);
  });

  it("new_cargo: found generators leave too, on new pallets or loose, after `now`", () => {
    const r = replanWith([
      {
        kind: "new_cargo",
        cargo: [{ id: "niamey-found-gensets", description: "Generators found in a warehouse", site: "NIAMEY", quantity: 4, unitWeight: 1800, dimensions: { length: 300, width: 150, height: 180 }, kind: "rolling_stock", assumption: true, rationale: "test" }],
      },
    ]);
    keepsHistoryAndPlansFromNow(r);
    const moved = r.plan.sorties.flatMap((s) => s.legs.flatMap((l) => l.load?.items ?? [])).filter((i) => i.cargo === "niamey-found-gensets");
    expect(moved.reduce((n, i) => n + i.quantity, 0)).toBe(4);
    expect(r.plan.summary.cargoPieces).toBe(old.summary.cargoPieces + 4);
  });

  it("keeps the old plan's movements in order and numbers new ones after them", () => {
    const victim = future[0];
    if (!victim) throw new Error("no future sortie");
    const r = replanWith([{ kind: "cancelled", movement: victim.id }]);
    const last = Math.max(...old.sorties.map((s) => Number(s.id.slice(1))));
    for (const id of r.diff.added.filter((x) => x.startsWith("S"))) expect(Number(id.slice(1))).toBeGreaterThan(last);
    expect(firstDeparture(r.plan, r.diff.added[0] ?? "")).toBeGreaterThanOrEqual(at(NOW));
  });
});

describe("events that do not fit the plan", () => {
  const issues = (events: unknown[], now = NOW) => {
    const parsed = parseReplanEventsText(JSON.stringify({ formatVersion: 1, now, events }));
    if (!parsed.ok) return parsed.issues.map((i) => `${i.path} ${i.message}`);
    const applied = applyEvents(JSON.parse(scenarioText("niger-2024")) as ScenarioInput, rs as ResolvedScenario, old, parsed.value, parsed.raw);
    return applied.ok ? [] : applied.issues.map((i) => `${i.path.join(".")} ${i.message}`);
  };

  it("names each problem by its place in the events file", () => {
    expect(issues([{ kind: "cancelled", movement: "S9999" }])).toEqual(['events.0.movement no movement "S9999" in the plan']);
    expect(issues([{ kind: "aircraft_out", aircraft: "C17-7" }])).toEqual(['events.0.aircraft no aircraft "C17-7" in the fleet']);
    expect(issues([{ kind: "clearance_denied", country: "FR", clearance: "landing" }])[0]).toMatch(/FR requires no landing clearance/);
    expect(issues([{ kind: "executed", movement: future[5]?.id }])[0]).toMatch(/departs after `now`/);
    expect(issues([{ kind: "teleported" }])[0]).toMatch(/^\$\.events\[0\]\.kind/);
  });
});
