import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apportion } from "./apportion.ts";

describe("apportion", () => {
  it("splits exactly, in proportion to within one unit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc
          .array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 30 })
          .filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = apportion(total, weights);
          const sum = weights.reduce((n, w) => n + w, 0);
          expect(parts.reduce((n, p) => n + p, 0)).toBe(total);
          parts.forEach((p, i) => {
            expect(Number.isInteger(p) && p >= 0).toBe(true);
            expect(Math.abs(p - (total * (weights[i] ?? 0)) / sum)).toBeLessThan(1 + 1e-9);
            if (weights[i] === 0) expect(p).toBe(0);
          });
        },
      ),
    );
  });

  it("gives remainders to the earliest of equal weights", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(0, [0, 0])).toEqual([0, 0]);
  });

  it("refuses to split something over nothing", () => {
    expect(() => apportion(3, [0, 0])).toThrow(RangeError);
    expect(() => apportion(-1, [1])).toThrow(RangeError);
  });
});
