import { lowerBound2 } from "bin-packer";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ceilBins, dffBound, l1Bound, l2Bound } from "./bounds.ts";
import { bruteForceOptimum } from "./brute-force.ts";

describe("l1Bound", () => {
  it("is the rounded-up total over the capacity", () => {
    expect(l1Bound([6, 6, 6], 10)).toBe(2);
    expect(l1Bound([5, 5], 10)).toBe(1);
    expect(l1Bound([], 10)).toBe(0);
    expect(l1Bound([10, 10, 1], 10)).toBe(3);
    expect(l1Bound([1e-300], 1)).toBe(1);
  });

  it("forgives floating-point noise instead of claiming an extra bin", () => {
    // 0.1 + 0.2 + 0.7 sums to 1.0000000000000002 in binary floating point.
    expect(l1Bound([0.1, 0.2, 0.7], 1)).toBe(1);
    expect(ceilBins(2.0000000000001)).toBe(2);
    expect(ceilBins(2.001)).toBe(3);
  });
});

describe("l2Bound", () => {
  it("counts items that cannot share a bin (L2 > L1)", () => {
    // Three items over half the capacity: L1 = 2, but no two fit together.
    expect(l1Bound([6, 6, 6], 10)).toBe(2);
    expect(l2Bound([6, 6, 6], 10)).toBe(3);
  });

  it("adds the small items that do not fit the large items' spare room", () => {
    // Large 7, 7 leave 3 + 3 spare; small 4, 4, 4 (K = 4) cannot use it: 2 + ⌈12/10⌉ = 4.
    // L1 is ⌈26/10⌉ = 3.
    expect(l1Bound([7, 7, 4, 4, 4], 10)).toBe(3);
    expect(l2Bound([7, 7, 4, 4, 4], 10)).toBe(4);
    expect(bruteForceOptimum([7, 7, 4, 4, 4], 10)).toBe(4);
  });

  it("uses a threshold K that moves large items into J1", () => {
    // C = 100. K = 30: J1 = {80} (> 70), J2 = {60, 55}, J3 = {40, 30, 30}:
    // 1 + 2 + ⌈(100 − (200 − 115)) / 100⌉ = 4. With K = 0 the 80 sits in J2 and its spare
    // room of 20 absorbs J3: only 3.
    const w = [80, 60, 55, 40, 30, 30];
    expect(l1Bound(w, 100)).toBe(3);
    expect(l2Bound(w, 100)).toBe(4);
    expect(bruteForceOptimum(w, 100)).toBe(4);
  });

  it("equals the number of large items when there are no small ones", () => {
    expect(l2Bound([51, 52, 99, 100], 100)).toBe(4);
  });

  it("is the full bound, not the weaker sweep bin-packer 1.7.0 ships", () => {
    // K = 3: J1 = {19, 19}, J2 = {13} (8 spare), J3 = {7, 3}: 2 + 1 + ⌈(10 − 8)/21⌉ = 4.
    const w = [3, 13, 7, 19, 19, 2];
    expect(l2Bound(w, 21)).toBe(4);
    expect(bruteForceOptimum(w, 21)).toBe(4);
    expect(lowerBound2(w.slice(), (x: number) => x, 21).bound).toBe(3);
  });

  it("never exceeds the optimum and never falls below L1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 60 }), fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 10 }), (C, raw) => {
        const w = raw.map((x) => Math.min(x, C));
        const opt = bruteForceOptimum(w, C);
        const l2 = l2Bound(w, C);
        expect(l2).toBeLessThanOrEqual(opt);
        expect(l2).toBeGreaterThanOrEqual(l1Bound(w, C));
      }),
      { numRuns: 300 },
    );
  });
});

describe("dffBound", () => {
  it("beats L2 when every item is just over a third of the capacity", () => {
    // Seven items of 34: L1 = L2 = 3, but only two fit per bin, so 4 bins; u_2 maps 34 → 50.
    expect(l2Bound(Array(7).fill(34), 100)).toBe(3);
    expect(dffBound(Array(7).fill(34), 100)).toBe(4);
  });

  it("never exceeds the optimum", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 60 }), fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 10 }), (C, raw) => {
        const w = raw.map((x) => Math.min(x, C));
        expect(dffBound(w, C)).toBeLessThanOrEqual(bruteForceOptimum(w, C));
      }),
      { numRuns: 300 },
    );
  });
});
