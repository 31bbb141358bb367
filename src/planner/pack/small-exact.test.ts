import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bruteForceOptimum } from "./brute-force.ts";
import { packInto } from "./small-exact.ts";
import { validatePacking } from "./validate-packing.ts";

describe("packInto", () => {
  it("splits items into the given number of bins", () => {
    const w = [6, 5, 4, 5];
    const bins = packInto([0, 1, 2, 3], w, 2, 10, 1000);
    expect(bins).not.toBeNull();
    expect(validatePacking(bins ?? [], w, 10)).toEqual([]);
  });

  it("agrees with the brute-force optimum", () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 40 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 9 }), (C, raw) => {
        const w = raw.map((x) => Math.min(x, C));
        const opt = bruteForceOptimum(w, C);
        const ids = w.map((_, i) => i);
        expect(packInto(ids, w, opt - 1, C, 1_000_000)).toBeNull();
        const bins = packInto(ids, w, opt, C, 1_000_000);
        expect(bins).not.toBeNull();
        expect(validatePacking(bins ?? [], w, C)).toEqual([]);
      }),
    );
  });
});
