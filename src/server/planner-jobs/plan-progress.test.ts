import { describe, expect, it } from "vitest";
import { phaseShare, RisingShare } from "./plan-progress.ts";

describe("phaseShare", () => {
  it("gives each phase its slice, in the planner's order", () => {
    const order = [
      phaseShare("bounds", 0),
      phaseShare("bounds", 1),
      phaseShare("convoys", 1),
      phaseShare("sorties (plan 1/2)", 0.5),
      phaseShare("sorties (plan 2/2)", 0),
      phaseShare("sorties (plan 2/2)", 1),
      phaseShare("sorties (airline seats)", 0.5),
      phaseShare("done", 1),
    ];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(order[0]).toBe(0);
    expect(order.at(-1)).toBe(1);
  });

  it("keeps a fraction outside 0–1 inside its slice", () => {
    expect(phaseShare("sorties", 2)).toBeCloseTo(0.7, 10);
    expect(phaseShare("convoys", -1)).toBeCloseTo(0.05, 10);
  });
});

describe("RisingShare", () => {
  it("never goes back when a later try starts again", () => {
    const r = new RisingShare();
    expect([0.2, 0.5, 0.3, 0.6, 2].map((s) => r.next(s))).toEqual([0.2, 0.5, 0.5, 0.6, 1]);
  });
});
