import { describe, expect, it } from "vitest";
import type { ScenarioInput } from "#domain/scenario.ts";
import { parseScenarioValue } from "#domain/scenario-file.ts";
import { parseInstant } from "#domain/time.ts";
import { verifyPlan } from "#verify/verify-plan.ts";
import { tinyAirlift } from "./bounds/fixtures/tiny-airlift.ts";
import { DISPATCH_RULES, type DispatchRule } from "./dispatch-rule.ts";
import { planWithdrawal } from "./plan-withdrawal.ts";

/** Minutes since the fixture's start (instants count minutes). */
const minutesFromStart = (iso: string) => (parseInstant(iso) ?? Number.NaN) - (parseInstant("2025-01-06T00:00:00Z") ?? 0);

/**
 * Two host airfields, six aircraft carrying one container per sortie, twelve containers at each: NEAR
 * (60 min from home, onload 60 min, spots not limited) and FAR (90 min from home, onload 120 min, one
 * spot). From home, FAR's loaded departure is 90 min later than NEAR's: beyond the by-work rule's
 * 60 min of patience, so by work FAR waits until NEAR is empty, then turns its twelve loads through
 * its one spot while the other aircraft stand idle. FAR alone needs 12 × 120 min of its spot.
 */
function nearAndFar(): ScenarioInput {
  const base = tinyAirlift({ aircraft: 6, pieces: 12, block: 60, onload: 60, offload: 30 });
  const near = base.sites.find((s) => s.id === "MAIN");
  if (!near) throw new Error("tinyAirlift has no MAIN");
  return {
    ...base,
    sites: [
      { ...near, id: "NEAR", name: "Near airfield", icao: "XHNE" },
      { ...near, id: "FAR", name: "Far airfield", icao: "XHFA", location: { lat: 0, lon: 1 }, parking: { medium: 1 }, groundTimes: { T1: { onload: 120, offload: 30, refuel: 0 } } },
      ...base.sites.filter((s) => s.id === "HOME"),
    ],
    cargo: base.cargo.flatMap((c) => [
      { ...c, id: "near-box", site: "NEAR" },
      { ...c, id: "far-box", site: "FAR" },
    ]),
    // Crews staged at home: the aircraft, not crew rest, set the pace.
    fleet: base.fleet.map((f) => ({ ...f, crew: { complement: "augmented", staged: [{ site: "HOME", count: { value: 30, assumption: true, rationale: "test" } }] } })),
    airLegs: [
      { from: "NEAR", to: "HOME", overflies: ["XH", "XD"], distance: 100 },
      { from: "FAR", to: "HOME", overflies: ["XH", "XD"], distance: 150 },
    ],
  };
}

const byWork = DISPATCH_RULES.find((r) => r.criticalPatienceMinutes === undefined) as DispatchRule;
const byCapacity = DISPATCH_RULES.find((r) => (r.criticalPatienceMinutes ?? 0) > 0) as DispatchRule;

function plan(rules?: readonly DispatchRule[]) {
  const parsed = parseScenarioValue(nearAndFar());
  if (!parsed.ok) throw new Error(`fixture does not validate: ${JSON.stringify(parsed.issues.slice(0, 2))}`);
  const p = planWithdrawal(parsed.value, rules ? { dispatchRules: rules } : {});
  expect(p.unplanned).toEqual([]);
  expect(verifyPlan(parsed.value, p).violations).toEqual([]);
  const farDepartures = p.sorties.flatMap((s) => s.legs.filter((l) => l.from === "FAR" && l.load).map((l) => minutesFromStart(l.departAt)));
  return { plan: p, firstFar: Math.min(...farDepartures), closure: minutesFromStart(p.summary.closureAt) };
}

describe("dispatch rules", () => {
  it("by work, the one-spot airfield waits until the other is empty", () => {
    const { firstFar } = plan([byWork]);
    // Twelve NEAR loads on six aircraft: two rounds of 210 min before any aircraft tries FAR.
    expect(firstFar).toBeGreaterThanOrEqual(2 * 210);
  });

  it("by capacity, the one-spot airfield is served from the first sortie and the withdrawal closes earlier", () => {
    const work = plan([byWork]);
    const capacity = plan([byCapacity]);
    // The first aircraft positions to FAR (90 min), loads (120 min) and leaves at 210 min.
    expect(capacity.firstFar).toBe(210);
    // FAR's spot alone: its last load leaves no earlier than 210 + 11 × 120 = 1530 min; by capacity
    // stays within one onload of that, by work loses the two rounds spent at NEAR.
    expect(capacity.closure).toBeLessThanOrEqual(1530 + 120);
    expect(work.closure).toBeGreaterThan(capacity.closure + 120);
  });

  it("the planner keeps the best of the rules it tries", () => {
    const all = plan();
    expect(all.closure).toBeLessThanOrEqual(Math.min(plan([byWork]).closure, plan([byCapacity]).closure));
  });
});
