import { describe, expect, it } from "vitest";
import { limitPositions, loadModelSchema, overlapsOf, PALLET_463L_UNIT, unitTypesOf } from "./load-model.ts";

/** A load model with what freighters state: ULD types per position, a lower deck, overlaps, limits; no seats, no floor. */
const input = {
  datum: "the nose",
  positionLength: 317,
  positions: [
    { id: "CL", station: 1488, maxWeight: 4109, maxHeight: 244, unitTypes: ["PMC"], lateralArm: -132 },
    { id: "CDR", station: 1652, maxWeight: 7822, maxHeight: 238, unitTypes: ["PGE"], lateralArm: { value: 52, unit: "in" } },
    { id: "DR", station: 1816, maxWeight: 4109, maxHeight: 244, unitTypes: ["PMC"] },
    { id: "21P", station: 1803, maxWeight: 5148, maxHeight: 153, unitTypes: ["PMC-LD"], deck: "lower" },
  ],
  mac: { lemac: 3037, length: 263 },
  envelope: { forwardPercentMac: 0, aftPercentMac: 100, optimumPercentMac: 100 },
  operating: { weight: 121000, arm: 3300 },
  overlaps: [["CDR", "DR"]],
  weightLimits: [
    { id: "total", maxWeight: 93000 },
    { id: "CD", maxWeight: 13580, positions: ["CL", "CDR", "DR"] },
    { id: "ICE", maxWeight: 50, positions: ["21P"], handlingCode: "ICE" },
  ],
};

describe("a freighter's load model", () => {
  it("parses with no seats and no floor, lateral arms either side, and lists what each position takes", () => {
    const m = loadModelSchema.parse(input);
    expect(m.seatZones).toEqual([]);
    expect(m.floorZones).toEqual([]);
    expect(m.positions.map((p) => p.lateralArm)).toEqual([-132, 132.08, undefined, undefined]);
    expect(unitTypesOf(m.positions[0] as (typeof m.positions)[number])).toEqual(["PMC"]);
    expect(overlapsOf(m).get("DR")).toEqual(new Set(["CDR"]));
    expect(limitPositions(m, m.weightLimits[0] as (typeof m.weightLimits)[number])).toEqual(["CL", "CDR", "DR", "21P"]);
  });

  it("takes a 463L pallet where a position names no unit types (the military types)", () => {
    const m = loadModelSchema.parse({ ...input, positions: [{ id: "1", station: 100, maxWeight: 4536, maxHeight: 244 }], overlaps: [], weightLimits: [] });
    expect(unitTypesOf(m.positions[0] as (typeof m.positions)[number])).toEqual([PALLET_463L_UNIT]);
  });

  it("refuses overlaps and limits that name unknown positions, and a position overlapping itself", () => {
    const r = loadModelSchema.safeParse({ ...input, overlaps: [["CDR", "ER"], ["DR", "DR"]], weightLimits: [{ id: "X", maxWeight: 1, positions: ["Q"] }] });
    expect(r.success).toBe(false);
    if (!r.success)
      expect(r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
        "overlaps.0.1: unknown position ER",
        "overlaps.1: position DR cannot overlap itself",
        "weightLimits.0.positions.0: unknown position Q",
      ]);
  });
});
