import { describe, expect, it } from "vitest";
import { createRng } from "./prng.ts";

describe("createRng", () => {
  it("repeats for the same seed and differs between seeds", () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it("draws integers in range", () => {
    const r = createRng(1);
    for (let i = 0; i < 1000; i++) {
      const k = r.int(6);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThan(6);
    }
  });
});
