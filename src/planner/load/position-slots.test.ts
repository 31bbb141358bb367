import { describe, expect, it } from "vitest";
import { smallFreighterProblem } from "#verify/fixtures/small-freighter.ts";
import { PositionSlots } from "./position-slots.ts";

const model = () => smallFreighterProblem().aircraft.loadModel;
const ids = (ps: readonly { id: string }[]) => ps.map((p) => p.id).sort();

describe("PositionSlots", () => {
  it("offers the positions of a unit type that neither are held nor overlap a held one", () => {
    const s = new PositionSlots(model());
    expect(ids(s.free("P"))).toEqual(["M1", "M2", "M3", "W23"]);
    expect(ids(s.free("C"))).toEqual(["L1", "L2"]);
    s.hold("M2", { type: "P", kg: 500 });
    expect(ids(s.free("P"))).toEqual(["M1", "M3"]);
    s.release("M2");
    s.hold("W23", { type: "P", kg: 500 });
    expect(ids(s.free("P"))).toEqual(["M1"]);
  });

  it("caps a position by what its cumulative limits have left, and a handling code by its own limit", () => {
    const s = new PositionSlots(model());
    const m3 = s.model.positions.find((p) => p.id === "M3");
    const l2 = s.model.positions.find((p) => p.id === "L2");
    if (!m3 || !l2) throw new Error("fixture");
    expect(s.cap(m3)).toBe(3000);
    s.hold("M2", { type: "P", kg: 2600 });
    // M23 allows 5,000 kg over M2, M3 and W23.
    expect(s.cap(m3)).toBe(2400);
    expect(s.fits(m3, { type: "P", kg: 2500 })).toBe(false);
    expect(s.fits(m3, { type: "P", kg: 2400 })).toBe(true);
    s.hold("L1", { type: "C", kg: 100, netByCode: new Map([["ICE", 15]]) });
    expect(s.codeCap(l2, "ICE")).toBe(5);
    expect(s.fits(l2, { type: "C", kg: 100, netByCode: new Map([["ICE", 6]]) })).toBe(false);
    // A container does not go on a pallet position.
    expect(s.fits(m3, { type: "C", kg: 10 })).toBe(false);
  });
});
