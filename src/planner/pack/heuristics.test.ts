import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bestFitDecreasing, firstFitDecreasing, minimumBinSlack, sortDecreasing } from "./heuristics.ts";
import { validatePacking } from "./validate-packing.ts";

const instance = fc
  .integer({ min: 1, max: 200 })
  .chain((C) => fc.tuple(fc.constant(C), fc.array(fc.integer({ min: 1, max: C }), { maxLength: 60 })));

describe("sortDecreasing", () => {
  it("orders indices by falling weight, ties by index", () => {
    expect(sortDecreasing([3, 7, 3, 9])).toEqual([3, 1, 0, 2]);
  });
});

describe("firstFitDecreasing", () => {
  it("puts each item into the first bin with room", () => {
    expect(firstFitDecreasing([5, 7, 3, 5], 10)).toEqual([[1, 2], [0, 3]]);
  });

  it("is a valid packing", () => {
    fc.assert(
      fc.property(instance, ([C, w]) => {
        expect(validatePacking(firstFitDecreasing(w, C), w, C)).toEqual([]);
      }),
    );
  });
});

describe("bestFitDecreasing", () => {
  it("puts each item into the fullest bin it fits", () => {
    // 6 goes with 4 (tightest fit), not into the first bin holding 5.
    expect(bestFitDecreasing([5, 6, 4, 3], 10)).toEqual([[1, 2], [0, 3]]);
  });

  it("is a valid packing", () => {
    fc.assert(
      fc.property(instance, ([C, w]) => {
        expect(validatePacking(bestFitDecreasing(w, C), w, C)).toEqual([]);
      }),
    );
  });
});

describe("minimumBinSlack", () => {
  it("fills bins exactly where first fit cannot (a triplet instance)", () => {
    // Optimum: 50+30+20, 45+35+20, 40+35+25 — FFD needs four bins.
    const w = [50, 45, 40, 35, 35, 30, 25, 20, 20];
    expect(firstFitDecreasing(w, 100).length).toBe(4);
    expect(minimumBinSlack(w, 100).length).toBe(3);
  });

  it("is a valid packing", () => {
    fc.assert(
      fc.property(instance, ([C, w]) => {
        expect(validatePacking(minimumBinSlack(w, C), w, C)).toEqual([]);
      }),
    );
  });
});
