import { describe, expect, it } from "vitest";
import { type AircraftType, aircraftTypeSchema } from "#domain/aircraft-type.ts";
import type { LoadModel } from "#domain/load-model.ts";
import { buildPallet } from "./fixtures.ts";
import { planAircraftLoad } from "./plan-aircraft-load.ts";
import { limitExcess, positionConfiguration } from "./position-rules.ts";

/** Four 463L positions and a wide one over 2 and 3; a wide envelope (1,400–1,800 cm). */
function freighterLike(change: (m: Record<string, unknown>) => void = () => {}): AircraftType {
  const loadModel: Record<string, unknown> = {
    datum: "test frame, cm",
    positionLength: 100,
    positions: [
      { id: "1", station: 1400, maxWeight: 4000, maxHeight: 244 },
      { id: "2", station: 1500, maxWeight: 4000, maxHeight: 244 },
      { id: "W", station: 1550, maxWeight: 8000, maxHeight: 244 },
      { id: "3", station: 1600, maxWeight: 4000, maxHeight: 244 },
      { id: "4", station: 1700, maxWeight: 4000, maxHeight: 244 },
    ],
    mac: { lemac: 1400, length: 400 },
    envelope: { forwardPercentMac: 0, aftPercentMac: 100 },
    operating: { weight: 30000, arm: 1600 },
    overlaps: [
      ["2", "W"],
      ["3", "W"],
    ],
  };
  change(loadModel);
  return aircraftTypeSchema.parse({
    id: "TEST-FREIGHTER",
    name: "Test freighter",
    role: "military_airlift",
    parkingClass: "medium",
    maxPayload: 30000,
    payloadRange: [
      { range: 0, payload: 30000 },
      { range: 5000, payload: 30000 },
    ],
    palletPositions: 5,
    seats: { withFullPositions: 0, perFreePosition: 0, maximum: 0 },
    blockSpeed: 500,
    groundTime: { onload: 60, offload: 60, refuel: 60 },
    loadModel,
  });
}

const model = (t: AircraftType): LoadModel => {
  if (!t.loadModel) throw new Error("no load model");
  return t.loadModel;
};

describe("position rules in the military load planner", () => {
  it("plans on one configuration: the two narrow positions rather than the wide one over them", () => {
    expect([...positionConfiguration(model(freighterLike()))].sort()).toEqual(["1", "2", "3", "4"]);
    const load = planAircraftLoad({ type: freighterLike(), units: [1, 2, 3, 4].map(() => buildPallet(2000)), passengers: 0, legDistance: 1000 });
    expect(load.ok).toBe(true);
    expect(load.positions.map((p) => p.position).sort()).toEqual(["1", "2", "3", "4"]);
  });

  it("keeps a cumulative limit, and fails plainly when no assignment can", () => {
    const limited = freighterLike((m) => {
      m.weightLimits = [{ id: "AFT", maxWeight: 5000, positions: ["3", "4"] }];
    });
    expect(limitExcess(model(limited), new Map([["3", 3000], ["4", 3000], ["1", 9000]]))).toBe(1000);
    const ok = planAircraftLoad({ type: limited, units: [3000, 3000, 1000, 1000].map((kg) => buildPallet(kg)), passengers: 0, legDistance: 1000 });
    expect(ok.ok).toBe(true);
    const aft = ok.positions.filter((p) => p.position === "3" || p.position === "4").reduce((n, p) => n + p.unit.weightKg, 0);
    expect(aft).toBeLessThanOrEqual(5000);
    const heavy = planAircraftLoad({ type: limited, units: [3000, 3000, 3000, 3000].map((kg) => buildPallet(kg)), passengers: 0, legDistance: 1000 });
    expect(heavy.ok).toBe(false);
    expect(heavy.reason).toMatch(/pallets on AFT weigh 6,000 kg; its limit is 5,000 kg/);
  });

  it("puts no 463L pallet on a position that takes other unit types", () => {
    const t = freighterLike((m) => {
      const positions = m.positions as { id: string; unitTypes?: string[] }[];
      const p4 = positions.find((p) => p.id === "4");
      if (p4) p4.unitTypes = ["AKE"];
    });
    const load = planAircraftLoad({ type: t, units: [1, 2, 3].map(() => buildPallet(1000)), passengers: 0, legDistance: 1000 });
    expect(load.ok).toBe(true);
    expect(load.positions.map((p) => p.position)).not.toContain("4");
    const four = planAircraftLoad({ type: t, units: [1, 2, 3, 4].map(() => buildPallet(1000)), passengers: 0, legDistance: 1000 });
    expect(four.ok).toBe(false);
  });
});
