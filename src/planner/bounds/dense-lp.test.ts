import { describe, expect, it } from "vitest";
import { maximiseDense } from "./dense-lp.ts";

describe("maximiseDense", () => {
  it("solves a textbook LP and gives its shadow prices", () => {
    // max 3x + 5y, x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18 → x = 2, y = 6, value 36; duals (0, 1.5, 1).
    const r = maximiseDense([3, 5], [[1, 0], [0, 2], [3, 2]], [4, 12, 18]);
    expect(r.status).toBe("optimal");
    expect(r.value).toBeCloseTo(36, 9);
    expect([...r.x]).toEqual([expect.closeTo(2, 9), expect.closeTo(6, 9)]);
    expect([...r.duals]).toEqual([expect.closeTo(0, 9), expect.closeTo(1.5, 9), expect.closeTo(1, 9)]);
  });

  it("satisfies strong duality on random feasible LPs: b·y equals c·x and y prices every column at least its cost", () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let trial = 0; trial < 40; trial++) {
      const m = 2 + Math.floor(rand() * 5);
      const n = 2 + Math.floor(rand() * 5);
      const A = Array.from({ length: m }, () => Array.from({ length: n }, () => Math.round(rand() * 9)));
      const b = Array.from({ length: m }, () => 1 + Math.round(rand() * 20));
      const c = Array.from({ length: n }, () => Math.round(rand() * 9) - 2);
      // Bounded: every column appears in some row with a positive coefficient, or has cost ≤ 0.
      for (let j = 0; j < n; j++) if (A.every((row) => (row[j] ?? 0) === 0)) (A[0] as number[])[j] = 1;
      const r = maximiseDense(c, A, b);
      expect(r.status).toBe("optimal");
      const dual = b.reduce((s, bi, i) => s + bi * (r.duals[i] ?? 0), 0);
      expect(dual).toBeCloseTo(r.value, 6);
      for (let j = 0; j < n; j++) {
        const priced = A.reduce((s, row, i) => s + (row[j] ?? 0) * (r.duals[i] ?? 0), 0);
        expect(priced).toBeGreaterThanOrEqual((c[j] ?? 0) - 1e-7);
      }
      for (let i = 0; i < m; i++) {
        const used = (A[i] ?? []).reduce((s, a, j) => s + a * (r.x[j] ?? 0), 0);
        expect(used).toBeLessThanOrEqual((b[i] ?? 0) + 1e-7);
      }
    }
  });

  it("says unbounded when nothing limits an improving column", () => {
    expect(maximiseDense([1, 1], [[1, -1]], [2]).status).toBe("unbounded");
  });

  it("refuses a negative right-hand side (no first phase)", () => {
    expect(() => maximiseDense([1], [[1]], [-1])).toThrow(/b ≥ 0/);
  });
});
