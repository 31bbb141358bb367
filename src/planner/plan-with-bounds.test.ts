import { describe, expect, it } from "vitest";
import { parseInstant, instant } from "#domain/time.ts";
import { loadShipped } from "#test/scenarios.ts";
import { planWithdrawal } from "./plan-withdrawal.ts";
import { type LpBoundHints, LP_BOUND_NAME, contradictsPlan, lpBoundHints, planWithBounds, withLpBound } from "./plan-with-bounds.ts";

const at = (iso: string) => instant(parseInstant(iso) ?? Number.NaN);

describe("adding the LP bound to a plan", () => {
  // Niger: its plan closes weeks after its best bound, room for a better one in between.
  const rs = loadShipped("niger-2024");
  const plan = planWithdrawal(rs);
  const best = at(plan.summary.lowerBoundAt);
  const closure = at(plan.summary.closureAt);

  it("makes it the binding bound when it is the best, and measures closure / bound against it", () => {
    const lpAt = instant(best + 60);
    const p = withLpBound(rs, plan, { at: lpAt, detail: "test" });
    expect(p.summary.bindingBound).toBe(LP_BOUND_NAME);
    expect(at(p.summary.lowerBoundAt)).toBe(lpAt);
    expect(p.summary.closureRatio).toBeCloseTo((closure - rs.start) / (lpAt - rs.start), 3);
    expect(p.bounds.at(-1)).toEqual({ name: LP_BOUND_NAME, at: p.summary.lowerBoundAt, detail: "test" });
    // Everything else is the plan's own.
    expect({ ...p, summary: plan.summary, bounds: plan.bounds }).toEqual(plan);
    expect({ ...p.summary, lowerBoundAt: "", bindingBound: "", closureRatio: 0 }).toEqual({ ...plan.summary, lowerBoundAt: "", bindingBound: "", closureRatio: 0 });
  });

  it("lists it but keeps the binding bound when it is not better (ties keep the earlier bound)", () => {
    for (const lpAt of [instant(best - 60), best]) {
      const p = withLpBound(rs, plan, { at: lpAt, detail: "test" });
      expect(p.bounds.map((b) => b.name)).toContain(LP_BOUND_NAME);
      expect(p.summary).toEqual(plan.summary);
    }
  });

  it("leaves the plan as it was when unsolved, or when the bound contradicts a complete plan", () => {
    expect(withLpBound(rs, plan, { unsolved: "not solved within 10 s" })).toBe(plan);
    const wrong = { at: instant(closure + 1), detail: "test" };
    expect(contradictsPlan(plan, wrong)).toBe(true);
    expect(withLpBound(rs, plan, wrong)).toBe(plan);
  });

  it("replaces an earlier LP bound rather than listing two", () => {
    const once = withLpBound(rs, plan, { at: instant(best + 60), detail: "first" });
    const twice = withLpBound(rs, once, { at: instant(best + 30), detail: "second" });
    expect(twice.bounds.filter((b) => b.name === LP_BOUND_NAME)).toHaveLength(1);
    expect(twice.bounds.at(-1)?.detail).toBe("second");
  });

  it("planWithBounds asks the injected solver with the plan's hints and adds its answer", async () => {
    let asked: LpBoundHints | undefined;
    const p = await planWithBounds(rs, {
      lpBound: async (_rs, hints) => {
        asked = hints;
        return { at: instant(hints.from + 30), detail: "fake" };
      },
    });
    expect(asked).toEqual(lpBoundHints(rs, plan));
    expect(asked?.upTo).toBe(closure);
    expect(p.summary.bindingBound).toBe(LP_BOUND_NAME);
  });
});
