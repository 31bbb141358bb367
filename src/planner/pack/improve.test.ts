import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { l2Bound } from "./bounds.ts";
import { Budget } from "./budget.ts";
import { firstFitDecreasing } from "./heuristics.ts";
import { improvePacking } from "./improve.ts";
import { createRng } from "./prng.ts";
import { validatePacking } from "./validate-packing.ts";

describe("improvePacking", () => {
  it("repairs a one-item-per-bin packing down to the optimum", () => {
    // 50+30+20, 45+35+20, 40+35+25: three bins.
    const w = [50, 45, 40, 35, 35, 30, 25, 20, 20];
    const start = w.map((_, i) => [i]);
    const bins = improvePacking(w, 100, start, { lowerBound: 3, budget: Budget.start(200), rng: createRng(1) });
    expect(bins.length).toBe(3);
    expect(validatePacking(bins, w, 100)).toEqual([]);
  });

  it("keeps packings valid and never makes them worse", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 150 }).chain((C) => fc.tuple(fc.constant(C), fc.array(fc.integer({ min: 1, max: C }), { minLength: 1, maxLength: 40 }))),
        fc.integer(),
        ([C, w], seed) => {
          const start = firstFitDecreasing(w, C);
          const bins = improvePacking(w, C, start, { lowerBound: l2Bound(w, C), budget: Budget.start(5), rng: createRng(seed) });
          expect(validatePacking(bins, w, C)).toEqual([]);
          expect(bins.length).toBeLessThanOrEqual(start.length);
        },
      ),
      { numRuns: 100 },
    );
  });
});
