import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng } from "./rng.ts";

const sequence = (seed: number, stream = 0, n = 20) => {
  const rng = createRng(seed, stream);
  return Array.from({ length: n }, () => rng.next());
};

describe("createRng", () => {
  it("gives the same sequence for the same seed and stream", () => {
    expect(sequence(42)).toEqual(sequence(42));
    expect(sequence(-7, 3)).toEqual(sequence(-7, 3));
  });

  it("gives different sequences for neighbouring seeds, seeds 2^32 apart and different streams", () => {
    expect(sequence(1)).not.toEqual(sequence(2));
    expect(sequence(1)).not.toEqual(sequence(1 + 2 ** 32));
    expect(sequence(1)).not.toEqual(sequence(-1));
    expect(sequence(1, 0)).not.toEqual(sequence(1, 1));
  });

  it("keeps to its ranges", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (seed, min, span) => {
          const rng = createRng(seed);
          for (let i = 0; i < 50; i++) {
            const x = rng.next();
            const n = rng.int(min, min + span);
            const r = rng.real(min, min + span + 1);
            if (
              !(
                x >= 0 &&
                x < 1 &&
                Number.isInteger(n) &&
                n >= min &&
                n <= min + span &&
                r >= min &&
                r < min + span + 1
              )
            )
              return false;
          }
          return true;
        },
      ),
    );
  });

  it("is roughly uniform: each of 10 buckets gets 10 % ± 1.5 % of 20,000 draws", () => {
    const rng = createRng(2024);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const b = rng.int(0, 9);
      buckets[b] = (buckets[b] ?? 0) + 1;
    }
    for (const n of buckets) expect(Math.abs(n / 20_000 - 0.1)).toBeLessThan(0.015);
  });

  it("picks by weight and never a zero-weight choice", () => {
    const rng = createRng(5);
    const seen = new Map<string, number>();
    for (let i = 0; i < 4000; i++) {
      const v = rng.weighted([
        ["a", 3],
        ["never", 0],
        ["b", 1],
      ] as const);
      seen.set(v, (seen.get(v) ?? 0) + 1);
    }
    expect(seen.has("never")).toBe(false);
    expect((seen.get("a") ?? 0) / 4000).toBeCloseTo(0.75, 1);
  });

  it("refuses a seed that is not a safe integer", () => {
    expect(() => createRng(1.5)).toThrow(RangeError);
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
  });
});
