import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maxSubsetSum } from "./subset-sum.ts";

/** Best subset sum ≤ cap by enumeration. */
function bruteMax(w: readonly number[], cap: number): number {
  let best = 0;
  for (let mask = 0; mask < 1 << w.length; mask++) {
    let s = 0;
    for (let i = 0; i < w.length; i++) if (mask & (1 << i)) s += w[i]!;
    if (s <= cap) best = Math.max(best, s);
  }
  return best;
}

describe("maxSubsetSum", () => {
  it("finds the fullest subset", () => {
    const r = maxSubsetSum([0, 1, 2], [5, 4, 3], 7, 7, 1000);
    expect(r.sum).toBe(7);
    expect(r.picked.sort()).toEqual([1, 2]);
    expect(r.complete).toBe(true);
  });

  it("stops at the goal", () => {
    const r = maxSubsetSum([0, 1, 2], [5, 4, 3], 9, 5, 1000);
    expect(r.sum).toBeGreaterThanOrEqual(5);
  });

  it("matches enumeration, and its picks add up", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 12 }), fc.integer({ min: 0, max: 150 }), (raw, cap) => {
        const w = raw.slice().sort((a, b) => b - a);
        const ids = w.map((_, i) => i);
        const r = maxSubsetSum(ids, w, cap, cap, 1_000_000);
        expect(r.sum).toBe(bruteMax(w, cap));
        expect(r.picked.reduce((s, i) => s + w[i]!, 0)).toBe(r.sum);
        expect(new Set(r.picked).size).toBe(r.picked.length);
      }),
    );
  });

  it("reports an incomplete search when the node limit bites", () => {
    const w = Array.from({ length: 30 }, (_, i) => 1000 - i * 7);
    const r = maxSubsetSum(w.map((_, i) => i), w, 10_001, 10_001, 5);
    expect(r.complete).toBe(false);
    expect(r.sum).toBeLessThanOrEqual(10_001);
  });
});
