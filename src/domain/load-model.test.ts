import { describe, expect, it } from "vitest";
import { AIRCRAFT_LIBRARY } from "./aircraft-library.ts";
import { aircraftTypeSchema } from "./aircraft-type.ts";
import { armOfPercentMac, balanceOf, envelopeAt, loadModelSchema, percentMac } from "./load-model.ts";
import { toCm, toKg } from "./units.ts";

const c17 = AIRCRAFT_LIBRARY.find((t) => t.id === "C-17A");
const c130 = AIRCRAFT_LIBRARY.find((t) => t.id === "C-130J-30");

describe("the load models of the library", () => {
  it("give the C-17A 18 positions in nine pairs and the C-130J-30 eight, forward to aft", () => {
    for (const [t, n] of [
      [c17, 18],
      [c130, 8],
    ] as const) {
      const m = t?.loadModel;
      expect(m?.positions).toHaveLength(n);
      const stations = m?.positions.map((p) => p.station) ?? [];
      expect(stations).toEqual([...stations].sort((a, b) => a - b));
    }
  });

  it("make the ramp positions lighter and lower", () => {
    const m = c130?.loadModel;
    const ramp = m?.positions[7];
    expect(ramp?.maxWeight).toBeCloseTo(toKg(4664, "lb"));
    expect(ramp?.maxHeight).toBeCloseTo(toCm(76, "in"));
    const c17Ramp = c17?.loadModel?.positions.find((p) => p.id === "9L");
    expect(c17Ramp?.maxHeight).toBeCloseTo(toCm(76, "in"));
  });

  it("agree with the types' seat figures: sidewall seats with full positions, the rest in zones on positions", () => {
    for (const t of [c17, c130]) {
      const m = t?.loadModel;
      const sidewall = m?.seatZones.filter((z) => z.positions.length === 0).reduce((n, z) => n + z.seats, 0);
      expect(sidewall).toBe(t?.seats.withFullPositions);
      expect(m?.seatZones.reduce((n, z) => n + z.seats, 0)).toBe(t?.seats.maximum);
    }
  });

  it("balance an evenly loaded aircraft inside the envelope, and the empty one too", () => {
    for (const t of [c17, c130]) {
      const m = t?.loadModel;
      if (!t || !m) throw new Error("no load model");
      const empty = balanceOf(m, []);
      const even = balanceOf(m, m.positions.map((p) => ({ kg: t.maxPayload / m.positions.length, armCm: p.station })));
      for (const b of [empty, even]) {
        expect(b.percentMac).toBeGreaterThan(m.envelope.forwardPercentMac);
        expect(b.percentMac).toBeLessThan(m.envelope.aftPercentMac);
      }
    }
  });
});

describe("balance arithmetic", () => {
  it("computes %MAC by hand: C-17A operating weight alone sits at 28 %MAC", () => {
    const m = c17?.loadModel;
    if (!m) throw new Error("no C-17 model");
    // (956.4 in − 869.7 in) / 309.5 in = 86.7 / 309.5 = 28.013 %
    expect(percentMac(m, toCm(956.4, "in"))).toBeCloseTo(28.013, 3);
    expect(armOfPercentMac(m, 28.013)).toBeCloseTo(toCm(956.4, "in"), 1);
  });

  it("computes a loaded centre of balance by hand (C-130J-30, one 4,000 kg pallet at FS 561)", () => {
    const m = c130?.loadModel;
    if (!m) throw new Error("no C-130 model");
    // Operating 110,000 lb = 49,895.16 kg at FS 582.5; pallet 4,000 kg at FS 561.
    // Arm = (49,895.16 × 582.5 + 4,000 × 561) / 53,895.16 = 580.904 in; (580.904 − 543) / 164.5 = 23.042 %MAC.
    const b = balanceOf(m, [{ kg: 4000, armCm: toCm(561, "in") }]);
    expect(b.grossKg).toBeCloseTo(53_895.16, 1);
    expect(b.armCm / 2.54).toBeCloseTo(580.904, 2);
    expect(b.percentMac).toBeCloseTo(23.042, 2);
  });

  it("interpolates limits by gross weight and holds the end points beyond them", () => {
    const m = loadModelSchema.parse({
      ...baseModel(),
      envelope: {
        forwardPercentMac: 10,
        aftPercentMac: 30,
        byGrossWeight: [
          { grossWeight: 1000, forwardPercentMac: 10, aftPercentMac: 30 },
          { grossWeight: 3000, forwardPercentMac: 20, aftPercentMac: 30 },
        ],
      },
    });
    expect(envelopeAt(m, 500)).toEqual({ forward: 10, aft: 30 });
    expect(envelopeAt(m, 2000)).toEqual({ forward: 15, aft: 30 });
    expect(envelopeAt(m, 9000)).toEqual({ forward: 20, aft: 30 });
  });
});

describe("loadModelSchema and the type's checks", () => {
  it("rejects duplicate positions, unknown seat positions, backwards zones and limits", () => {
    const bad = loadModelSchema.safeParse({
      ...baseModel(),
      positions: [
        { id: "1", station: 100, maxWeight: 4000, maxHeight: 240 },
        { id: "1", station: 200, maxWeight: 4000, maxHeight: 240 },
      ],
      seatZones: [{ id: "s", seats: 5, arm: 100, positions: ["9"] }],
      floorZones: [{ id: "f", from: 300, to: 100, width: 300, height: 250, maxLinearLoad: 50 }],
      envelope: { forwardPercentMac: 30, aftPercentMac: 20 },
    });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((i) => i.message).join("\n") ?? "";
    expect(messages).toMatch(/listed twice/);
    expect(messages).toMatch(/unknown position 9/);
    expect(messages).toMatch(/end after it starts/);
    expect(messages).toMatch(/forward limit/);
  });

  it("converts a linear load limit from lb/in to kg/cm", () => {
    const m = loadModelSchema.parse({ ...baseModel(), floorZones: [{ id: "f", from: 0, to: 500, width: 300, height: 250, maxLinearLoad: { value: 100, unit: "lb/in" } }] });
    expect(m.floorZones[0]?.maxLinearLoad).toBeCloseTo((100 * 0.45359237) / 2.54, 6);
  });

  it("makes a type's load model agree with its position count and sidewall seats", () => {
    const raw = JSON.parse(JSON.stringify(rawLibraryC130()));
    raw.loadModel.positions.pop();
    raw.loadModel.seatZones[0].seats = 9;
    const r = aircraftTypeSchema.safeParse(raw);
    expect(r.success).toBe(false);
    const messages = r.error?.issues.map((i) => i.message).join("\n") ?? "";
    expect(messages).toMatch(/7 positions listed, but palletPositions is 8/);
    expect(messages).toMatch(/sidewall zones seat 9/);
  });
});

function baseModel() {
  return {
    datum: "test",
    positionLength: 100,
    positions: [{ id: "1", station: 100, maxWeight: 4000, maxHeight: 240 }],
    mac: { lemac: 0, length: 100 },
    envelope: { forwardPercentMac: 10, aftPercentMac: 30 },
    operating: { weight: 1000, arm: 20 },
    seatZones: [{ id: "side", seats: 4, arm: 20 }],
    floorZones: [{ id: "f", from: 0, to: 500, width: 300, height: 250, maxLinearLoad: 50 }],
  };
}

import library from "../../data/aircraft-types.json" with { type: "json" };
function rawLibraryC130(): unknown {
  return library.aircraftTypes.find((t) => t.id === "C-130J-30");
}
