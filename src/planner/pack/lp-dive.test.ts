import { describe, expect, it } from "vitest";
import { Budget } from "./budget.ts";
import { LpDiver } from "./lp-dive.ts";
import { PatternLp } from "./pattern-lp.ts";
import { createRng } from "./prng.ts";
import { validatePacking } from "./validate-packing.ts";

describe("LpDiver", () => {
  it("reaches the optimum of a tight instance and returns a valid packing", () => {
    // Ten bins filled exactly by pairs and triples (the LP is integral here).
    const w: number[] = [];
    for (let i = 0; i < 5; i++) w.push(61 + i, 39 - i, 50 + i, 27 - i, 23);
    const diver = new LpDiver(w, 100, new PatternLp(w, 100), createRng(1));
    const bins = diver.run(10, Budget.start(500));
    expect(bins).not.toBeNull();
    expect(bins?.length).toBe(10);
    expect(validatePacking(bins ?? [], w, 100)).toEqual([]);
  });

  it("stops at once when the root LP rules the target out, and reports the bound", () => {
    const w = Array(7).fill(35);
    const diver = new LpDiver(w, 100, new PatternLp(w, 100), createRng(1));
    const bins = diver.run(3, Budget.start(500));
    expect(bins?.length).toBe(4);
    expect(diver.lowerBound).toBe(4);
  });

  it("leaves the shared LP at full demand", () => {
    const w = [60, 60, 40, 40, 30, 30, 30];
    const lp = new PatternLp(w, 100);
    const before = lp.demand.slice();
    new LpDiver(w, 100, lp, createRng(2)).run(3, Budget.start(200));
    expect(lp.demand).toEqual(before);
  });
});
