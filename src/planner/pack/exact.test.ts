import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bruteForceOptimum } from "./brute-force.ts";
import { Budget } from "./budget.ts";
import { binCompletion } from "./exact.ts";
import { createRng } from "./prng.ts";
import { validatePacking } from "./validate-packing.ts";

describe("binCompletion", () => {
  it("finds a packing into the target", () => {
    const r = binCompletion([50, 50, 40, 30, 30], 100, { target: 2, budget: Budget.start(1000) });
    expect(r.status).toBe("found");
  });

  it("proves a target infeasible", () => {
    expect(binCompletion([6, 6, 6], 10, { target: 2, budget: Budget.start(1000) }).status).toBe("infeasible");
  });

  it("agrees with brute force: found at the optimum, infeasible below it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 50 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 10 }),
        fc.integer(),
        (C, raw, seed) => {
          const w = raw.map((x) => Math.min(x, C));
          const opt = bruteForceOptimum(w, C);
          const rng = createRng(seed);
          const at = binCompletion(w, C, { target: opt, budget: Budget.start(1000), rng });
          expect(at.status).toBe("found");
          if (at.status === "found") {
            expect(at.bins.length).toBeLessThanOrEqual(opt);
            expect(validatePacking(at.bins, w, C)).toEqual([]);
          }
          if (opt > 1) {
            expect(binCompletion(w, C, { target: opt - 1, budget: Budget.start(1000) }).status).toBe("infeasible");
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
