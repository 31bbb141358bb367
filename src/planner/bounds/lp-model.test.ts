import { describe, expect, it } from "vitest";
import { add, LP_INFINITY, LpModel, toLpText } from "./lp-model.ts";

describe("LP text", () => {
  it("writes objective, rows, bounds and infinite right-hand sides in CPLEX LP format", () => {
    const m = new LpModel();
    const x = m.col("x", Number.POSITIVE_INFINITY, 2);
    const y = m.col("y", 5);
    const r = m.row("<=", 4);
    add(r, x, 1);
    add(r, y, -1.5);
    add(r, x, 1); // repeated columns add up
    const g = m.row("<=", LP_INFINITY, "gate_0");
    add(g, y, 1);
    m.row("=", 0); // empty and harmless: left out
    expect(toLpText(m)).toBe(
      ["Minimize", " obj: + 2 x0", "Subject To", " r0: + 2 x0 - 1.5 x1 <= 4", " gate_0: + 1 x1 <= 1e30", "Bounds", " x1 <= 5", "End", ""].join("\n"),
    );
  });

  it("keeps an empty row that cannot hold, so the model stays infeasible", () => {
    const m = new LpModel();
    m.col("x", Number.POSITIVE_INFINITY, 1);
    m.row(">=", 3);
    expect(toLpText(m)).toContain(" r0: 0 x0 >= 3");
  });

  it("refuses a non-finite coefficient", () => {
    const m = new LpModel();
    const x = m.col("x");
    add(m.row("<=", 1), x, Number.NaN);
    expect(() => toLpText(m)).toThrow(/non-finite/);
  });
});
