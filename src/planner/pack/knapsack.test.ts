import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maxValueKnapsack } from "./knapsack.ts";

function bruteKnapsack(w: readonly number[], v: readonly number[], d: readonly number[], cap: number): number {
  let best = 0;
  const go = (t: number, room: number, val: number): void => {
    if (t === w.length) {
      best = Math.max(best, val);
      return;
    }
    for (let c = 0; c <= d[t]! && c * w[t]! <= room; c++) go(t + 1, room - c * w[t]!, val + c * v[t]!);
  };
  go(0, cap, 0);
  return best;
}

describe("maxValueKnapsack", () => {
  it("respects counts and capacity", () => {
    const r = maxValueKnapsack([6, 5, 4], [1, 0.8, 0.7], [1, 2, 2], 10, 10_000);
    expect(r.value).toBeCloseTo(1.7); // 6 + 4 beats 5 + 5
    expect(Array.from(r.counts)).toEqual([1, 0, 1]);
  });

  it("matches enumeration on integer weights (dynamic program and branch and bound)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 3 })), {
          maxLength: 6,
        }),
        (cap, types) => {
          const w = types.map((t) => t[0]);
          const v = types.map((t) => t[1]);
          const d = types.map((t) => t[2]);
          const r = maxValueKnapsack(w, v, d, cap, 100_000);
          const want = bruteKnapsack(w, v, d, cap);
          expect(r.value).toBeCloseTo(want, 9);
          expect(r.upper).toBeGreaterThanOrEqual(want - 1e-9);
          let used = 0;
          let val = 0;
          r.counts.forEach((c, t) => {
            expect(c).toBeLessThanOrEqual(d[t]!);
            used += c * w[t]!;
            val += c * v[t]!;
          });
          expect(used).toBeLessThanOrEqual(cap);
          expect(val).toBeCloseTo(r.value, 9);
        },
      ),
    );
  });

  it("gives a valid upper bound when the search is cut and there is no integer DP", () => {
    const w = Array.from({ length: 25 }, (_, i) => 10.5 + i * 0.37);
    const v = w.map((x) => x / 100 + 0.001);
    const d = w.map(() => 2);
    const r = maxValueKnapsack(w, v, d, 100, 3);
    expect(r.upper).toBeGreaterThanOrEqual(r.value);
  });
});
