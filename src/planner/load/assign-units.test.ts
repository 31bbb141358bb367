import { describe, expect, it } from "vitest";
import { armOfPercentMac } from "#domain/load-model.ts";
import { smallFreighterProblem } from "#verify/fixtures/small-freighter.ts";
import { type AssignUnit, assignUnits } from "./assign-units.ts";

const model = smallFreighterProblem().aircraft.loadModel;
/** Operating weight and fuel at 1,500 cm; the first leg's cm off costs 1, the second's 0.5. */
const legs = [
  { baseKg: 25000, baseMoment: 25000 * 1500, costPerCm: 1 },
  { baseKg: 22000, baseMoment: 22000 * 1500, costPerCm: 0.5 },
];
const target = armOfPercentMac(model, 80);

describe("assignUnits", () => {
  it("finds the cheapest valid assignment of a small load (checked against every one)", () => {
    const units: AssignUnit[] = [
      { id: "heavy", type: "P", kg: 2500, aboard: [true, true] },
      { id: "light", type: "P", kg: 300, aboard: [true, false] },
      { id: "box", type: "C", kg: 200, aboard: [true, true] },
    ];
    const start = new Map([
      ["heavy", "M1"],
      ["light", "M2"],
      ["box", "L1"],
    ]);
    const r = assignUnits({ model, units, legs, targetArm: target, start, seed: 3 });
    expect(r.balanced).toBe(true);
    // Every assignment by brute force: pallets on M1, M2, M3, W23 (W23 never with M2 or M3), the box on
    // L1 or L2. The best one ignoring the envelope (W23, M1, L2) puts leg B-C at 1,511.7 cm, aft of it.
    const station: Record<string, number> = { M1: 1000, M2: 1400, W23: 1600, M3: 1800, L1: 1200, L2: 1700 };
    let best = Number.POSITIVE_INFINITY;
    for (const h of ["M1", "M2", "M3", "W23"])
      for (const l of ["M1", "M2", "M3", "W23"])
        for (const b of ["L1", "L2"]) {
          if (h === l) continue;
          const on = new Set([h, l]);
          if (on.has("W23") && (on.has("M2") || on.has("M3"))) continue;
          const a = (37_500_000 + 2500 * (station[h] ?? 0) + 300 * (station[l] ?? 0) + 200 * (station[b] ?? 0)) / 28000;
          const c = (33_000_000 + 2500 * (station[h] ?? 0) + 200 * (station[b] ?? 0)) / 24700;
          // Inside the envelope (1,490–1,510 cm) on both legs only.
          if (a < 1490 || a > 1510 || c < 1490 || c > 1510) continue;
          best = Math.min(best, Math.abs(a - target) + 0.5 * Math.abs(c - target));
        }
    expect(r.cost).toBeCloseTo(best, 9);
    const used = new Set(r.at.values());
    expect(used.has("W23") && (used.has("M2") || used.has("M3"))).toBe(false);
  });

  it("never breaks a cumulative limit to gain balance", () => {
    const units: AssignUnit[] = [
      { id: "a", type: "P", kg: 2600, aboard: [true, true] },
      { id: "b", type: "P", kg: 2600, aboard: [true, true] },
    ];
    // Both aft would be best for fuel, but M2, M3 and W23 together take 5,000 kg.
    const r = assignUnits({ model, units, legs, targetArm: 1600, start: new Map([["a", "M1"], ["b", "M3"]]), seed: 1 });
    const onM23 = [...r.at.values()].filter((p) => ["M2", "M3", "W23"].includes(p)).length;
    expect(onM23).toBe(1);
    expect(r.at.get("a") === "M1" || r.at.get("b") === "M1").toBe(true);
  });

  it("says so when no assignment balances a leg", () => {
    const units: AssignUnit[] = [{ id: "lead", type: "P", kg: 2500, aboard: [true, true] }];
    const far = [{ baseKg: 1000, baseMoment: 1000 * 1000, costPerCm: 1 }];
    const r = assignUnits({ model, units: units.map((u) => ({ ...u, aboard: [true] })), legs: far, targetArm: target, start: new Map([["lead", "M1"]]) });
    expect(r.balanced).toBe(false);
    expect(r.at.get("lead")).toBe("M3");
  });
});
