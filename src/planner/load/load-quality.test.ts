import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { planSchema } from "#domain/plan.ts";
import { planWithdrawal } from "#planner/plan-withdrawal.ts";
import { loadShipped, ROOT } from "#test/scenarios.ts";
import { loadQuality } from "./load-quality.ts";

describe("loadQuality", () => {
  it("counts the hand-built synthetic plan's two C-17 loads against bounds of two", () => {
    const rs = loadShipped("synthetic-small");
    const plan = planSchema.parse(JSON.parse(readFileSync(`${ROOT}src/verify/fixtures/synthetic-small.plan.json`, "utf8")));
    const q = loadQuality(rs, plan);
    expect(q.loads).toBe(2);
    expect(q.loadsByType).toEqual({ "C-17A": 2 });
    // 5 + 7 pallets, 3 trucks of 3 positions and 4 generators of 1: 25 positions, two loads of 18.
    expect(q.anyTypes.terms.positions).toBe(2);
    // 131 passengers: the C-130J-30 seats 128, so two loads whatever the type.
    expect(q.anyTypes.terms.seats).toBe(2);
    expect(q.givenTypes.groups).toEqual([expect.objectContaining({ type: "C-17A", origin: "MAIN", loads: 2 })]);
    expect(q.givenTypes.bound).toBe(2);
  });

  it("on Niger: both bounds are below the loads, and the bound given the types is the stronger", () => {
    const rs = loadShipped("niger-2024");
    const plan = planWithdrawal(rs);
    const q = loadQuality(rs, plan);
    const loaded = plan.sorties.flatMap((s) => s.legs).filter((l) => l.load !== undefined);
    expect(q.loads).toBe(loaded.length);
    expect(Object.values(q.loadsByType).reduce((a, b) => a + b, 0)).toBe(q.loads);
    expect(q.anyTypes.bound).toBeGreaterThan(0);
    expect(q.anyTypes.bound).toBeLessThanOrEqual(q.loads);
    expect(q.givenTypes.bound).toBeLessThanOrEqual(q.loads);
    expect(q.givenTypes.bound).toBeGreaterThanOrEqual(q.anyTypes.bound);
    for (const g of q.givenTypes.groups) expect(g.bound.bound).toBeLessThanOrEqual(g.loads);
    expect(q.givenTypes.groups.reduce((s, g) => s + g.loads, 0)).toBe(q.loads);
  });
});
