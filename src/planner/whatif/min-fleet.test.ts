import { describe, expect, it } from "vitest";
import { parseScenarioValue } from "#domain/scenario-file.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { instant } from "#domain/time.ts";
import { generateScenario } from "#generate/generate.ts";
import { loadShipped } from "#test/scenarios.ts";
import { verifyPlan } from "#verify/verify-plan.ts";
import { planWithdrawal } from "../plan-withdrawal.ts";
import { applyVariations } from "./apply-variations.ts";
import { planMeets } from "./compare.ts";
import { strongestBound } from "./deadline-proof.ts";
import { fleetByType, fleetVariations } from "./fleet-counts.ts";
import { type MinFleetResult, minFleet } from "./min-fleet.ts";
import type { Variation } from "./variation.ts";

function vary(rs: ResolvedScenario, vs: Variation[]): ResolvedScenario {
  const r = applyVariations(rs, vs);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** A small generated scenario whose deadline is `days` after the start: tight enough that the fleet matters. */
function generated(days: number, aircraft: number): ResolvedScenario {
  const r = parseScenarioValue(generateScenario({ personnel: 200, items: 1000, sites: 4, seed: 1, aircraft }));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return vary(r.value, [{ kind: "deadline", at: instant(r.value.start + days * 1440) }]);
}

/** What every result must show: a fleet whose plan meets the deadline and verifies, and honest "one fewer" claims. */
function checkResult(rs: ResolvedScenario, r: MinFleetResult): void {
  expect(r.found).toBe(true);
  const v = r.variant;
  if (!v) throw new Error("a found fleet comes with its plan");
  expect(planMeets(v.plan)).toBe(true);
  expect(verifyPlan(v.rs, v.plan).violations).toEqual([]);
  expect(fleetByType(v.rs.scenario)).toEqual(new Map(r.fleet.map((f) => [f.type, f.count])));
  const withCount = r.fleet.filter((f) => f.count > 0).map((f) => f.type);
  expect(r.oneFewer.map((o) => o.type)).toEqual(withCount);
  for (const o of r.oneFewer) {
    const counts = new Map(r.fleet.map((f) => [f.type, f.count])).set(o.type, o.count);
    const fewer = vary(rs, fleetVariations(rs.scenario, counts));
    const bound = strongestBound(fewer);
    if (o.verdict === "proved") {
      expect(o.proof).toBeDefined();
      if (o.proof?.at !== undefined) {
        // Backed by a bound after the deadline.
        expect(o.proof.at).toBeGreaterThan(fewer.deadline);
        expect(bound.at).toBeGreaterThan(fewer.deadline);
      } else expect(["lift", "no-way-out"]).toContain(o.proof?.name);
    } else {
      // Not proved: the bound would allow it; only the planner failed, and says so.
      expect(o.proof).toBeUndefined();
      expect(bound.at).toBeLessThanOrEqual(fewer.deadline);
      expect(o.detail).toMatch(/^not proved/);
    }
    // Either way the planner does not meet the deadline with one fewer.
    expect(planMeets(planWithdrawal(fewer))).toBe(false);
  }
}

describe("minFleet", () => {
  it("on a small generated scenario: a smaller fleet that meets the deadline and verifies, and each one-fewer backed by a bound or marked not proved", () => {
    const rs = generated(10, 10);
    const r = minFleet(rs);
    checkResult(rs, r);
    for (const f of r.fleet) expect(f.count).toBeLessThanOrEqual(f.was);
    expect(r.fleet.reduce((n, f) => n + f.count, 0)).toBeLessThan(r.fleet.reduce((n, f) => n + f.was, 0));
    expect(r.plannerErrors).toEqual([]);
  });

  it("marks a claim the bounds cannot back as not proved rather than claiming it", () => {
    // At 8 days the fleet-cycle bound is close to, but before, the deadline for one fewer of each type.
    const rs = generated(8, 10);
    const r = minFleet(rs);
    checkResult(rs, r);
    expect(r.oneFewer.some((o) => o.verdict === "not-proved")).toBe(true);
  });

  it("grows a fleet that is too small until it meets the deadline, then trims it", () => {
    const rs = generated(10, 2);
    expect(planMeets(planWithdrawal(rs))).toBe(false);
    const r = minFleet(rs);
    checkResult(rs, r);
    expect(r.fleet.reduce((n, f) => n + f.count, 0)).toBeGreaterThan(2);
  });

  it("on Niger: one C-17 and no C-130 suffice; no C-17 at all cannot, since nothing else carries cargo", () => {
    const rs = loadShipped("niger-2024");
    const r = minFleet(rs);
    checkResult(rs, r);
    expect(r.fleet).toEqual([
      { type: "C-17A", count: 1, was: 1 },
      { type: "C-130J-30", count: 0, was: 1 },
    ]);
    expect(r.oneFewer).toEqual([expect.objectContaining({ type: "C-17A", count: 0, verdict: "proved", proof: expect.objectContaining({ name: "lift" }) })]);
  });

  it("says when no fleet can, and why", () => {
    const rs = vary(loadShipped("niger-2024"), [{ kind: "deny", country: "DZ" }]);
    const r = minFleet(rs);
    expect(r.found).toBe(false);
    expect(r.reason).toMatch(/no fleet of these types can: .*cargo at NIAMEY cannot leave/);
    // The proof needs no planning.
    expect(r.plansRun).toBe(0);
  });

  it("is deterministic", () => {
    const rs = generated(10, 10);
    const strip = (r: MinFleetResult) => ({ ...r, variant: r.variant?.plan.summary });
    expect(strip(minFleet(rs))).toEqual(strip(minFleet(rs)));
  });
});


