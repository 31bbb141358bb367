import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smallestFeasibleHorizon } from "./horizon-search.ts";

describe("the horizon search", () => {
  it("finds the smallest feasible horizon from any start, asking only horizons in range (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.nat(), fc.nat(), (n, f, s) => {
        const threshold = f % (n + 1); // n: nothing feasible
        const asked: number[] = [];
        const k = smallestFeasibleHorizon(
          (k) => {
            asked.push(k);
            return k >= threshold ? { feasible: true, unmet: 0 } : { feasible: false, unmet: (threshold - k) / (threshold + 1) };
          },
          { n, start: s % n },
        );
        expect(k).toBe(threshold);
        for (const a of asked) expect(a >= 0 && a < n).toBe(true);
        expect(new Set(asked).size).toBe(asked.length);
      }),
    );
  });

  it("steps up by the unmet share: a linear shortfall is found in few asks", () => {
    let asks = 0;
    const k = smallestFeasibleHorizon(
      (k) => {
        asks++;
        return k >= 700 ? { feasible: true, unmet: 0 } : { feasible: false, unmet: (700 - k) / 700 };
      },
      { n: 1000, start: 600 },
    );
    expect(k).toBe(700);
    expect(asks).toBeLessThanOrEqual(4);
  });

  it("tells every answer", () => {
    const seen: number[] = [];
    smallestFeasibleHorizon((k) => ({ feasible: k >= 3, unmet: k >= 3 ? 0 : 0.5 }), { n: 10, start: 5, onAnswer: (k) => seen.push(k) });
    expect(seen[0]).toBe(5);
    expect(seen.length).toBeGreaterThan(1);
  });
});
