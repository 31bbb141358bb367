import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { l2Bound } from "./bounds.ts";
import { bruteForceOptimum } from "./brute-force.ts";
import { Budget } from "./budget.ts";
import { lpBound } from "./lp-bound.ts";
import { PatternLp } from "./pattern-lp.ts";

const budget = (): Budget => Budget.start(1000);

describe("lpBound", () => {
  it("solves the LP of a small instance", () => {
    // 3 × 60 and 3 × 40 pair up perfectly: LP = 3.
    const r = lpBound([60, 60, 60, 40, 40, 40], 100, { target: 99, budget: budget() });
    expect(r.bound).toBe(3);
    expect(r.converged).toBe(true);
    expect(r.value).toBeCloseTo(3, 6);
  });

  it("is stronger than L2 when items just over a third of the capacity mix", () => {
    // Seven items of 35: two per bin, so 4 bins. L2 = ⌈245/100⌉ = 3; the LP needs 3.5 bins.
    const v = Array(7).fill(35);
    expect(l2Bound(v, 100)).toBe(3);
    expect(lpBound(v, 100, { target: 99, budget: budget() }).bound).toBe(4);
  });

  it("never exceeds the optimum", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 60 }), fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 10 }), (C, raw) => {
        const w = raw.map((x) => Math.min(x, C));
        const r = lpBound(w, C, { target: 99, budget: budget() });
        expect(r.bound).toBeLessThanOrEqual(bruteForceOptimum(w, C));
        expect(r.bound).toBeGreaterThanOrEqual(w.length > 0 ? 1 : 0);
      }),
      { numRuns: 200 },
    );
  });

  it("stops early once the target is proved, with a bound that is still valid", () => {
    const w = Array(7).fill(35);
    const r = lpBound(w, 100, { target: 3, budget: budget() });
    expect(r.bound).toBeGreaterThanOrEqual(3);
    expect(r.bound).toBeLessThanOrEqual(4);
  });
});

describe("PatternLp", () => {
  it("returns basic patterns that cover the demand", () => {
    const lp = new PatternLp([60, 60, 40, 40, 30], 100);
    const sol = lp.solve(budget());
    expect(sol.converged).toBe(true);
    const cover = new Float64Array(lp.typeWeight.length);
    for (const { column, x } of sol.patterns) {
      let load = 0;
      column.idx.forEach((t, k) => {
        cover[t] = cover[t]! + column.val[k]! * x;
        load += column.val[k]! * lp.typeWeight[t]!;
      });
      expect(load).toBeLessThanOrEqual(100);
    }
    lp.demand.forEach((d, t) => expect(cover[t]).toBeGreaterThanOrEqual(d - 1e-9));
    expect(sol.primal).toBeCloseTo(sol.farley, 6);
  });
});
