import { describe, expect, it } from "vitest";
import type { SortieLoad } from "../../api/contract.ts";
import { buildUpViews, cargoColours, floorLayout, macScaleDomain, palletSides, placeAcross, PALLET_LONG_CM, PALLET_SHORT_CM } from "./load-geometry.ts";

type Model = NonNullable<SortieLoad["model"]>;
type LegPlan = NonNullable<SortieLoad["legs"][number]["plan"]>;

// The C-17A's model as the library gives it (cm): two rows of nine positions, 110 in each.
const model: Model = {
  positionLengthCm: 279.4,
  positions: [1209, 1488].flatMap((stationCm, i) => [`${i + 1}L`, `${i + 1}R`].map((id) => ({ id, stationCm, maxWeightKg: 4535.9, maxHeightCm: 243.84 }))),
  lemacCm: 2209.04,
  macCm: 786.13,
  envelope: { forwardPercentMac: 16, aftPercentMac: 37 },
  operating: { weightKg: 182570.9, armCm: 2429.26 },
  seatZones: [{ id: "sidewall", seats: 54, armCm: 2105.66, positions: [] }],
  floorZones: [{ id: "main", fromCm: 1066.8, toCm: 3144.52, widthCm: 548.64, heightCm: 375.92, maxLinearLoadKgPerCm: 142.9 }],
  assumptions: ["mac"],
};

const plan = (floor: LegPlan["floor"]): LegPlan => ({
  positions: [{ position: "1L", pallet: "PAL-1", item: null, weightKg: 1361, heightCm: 185.7 }],
  floor,
  seats: [],
  cgPercentMac: 29.68,
  cgStationCm: 2442.4,
  totalKg: 36071.3,
  grossKg: 218642.2,
  forwardLimitPercentMac: 16,
  aftLimitPercentMac: 37,
  forwardMarginPercentMac: 13.68,
  aftMarginPercentMac: 7.32,
});

describe("palletSides", () => {
  it("lays the pallet's long side along a long position and its short side along a short one", () => {
    expect(palletSides(279.4)).toEqual({ along: PALLET_LONG_CM, across: PALLET_SHORT_CM });
    expect(palletSides(228.6)).toEqual({ along: PALLET_SHORT_CM, across: PALLET_LONG_CM });
  });
});

describe("floorLayout", () => {
  const layout = floorLayout(model, plan([]), 548.64);

  it("spans the positions and the floor zones, across the floor's width", () => {
    expect(layout.fromCm).toBeCloseTo(1066.8, 5);
    expect(layout.toCm).toBeCloseTo(3144.52, 5);
    expect(layout.widthCm).toBe(548.64);
  });

  it("puts two positions of one station side by side, the right one up (nose to the left), each centred in its half", () => {
    const one = layout.positions.filter((p) => p.x0 < 1300);
    expect(one.map((p) => p.id)).toEqual(["1R", "1L"]);
    const [r, l] = one;
    expect(r?.y0).toBeCloseTo(548.64 / 4 - PALLET_SHORT_CM / 2, 5);
    expect(l?.y0).toBeCloseTo((3 * 548.64) / 4 - PALLET_SHORT_CM / 2, 5);
    expect((r?.x1 ?? 0) - (r?.x0 ?? 0)).toBeCloseTo(PALLET_LONG_CM, 5);
  });

  it("says what each position holds on this leg", () => {
    expect(layout.positions.find((p) => p.id === "1L")?.pallet).toBe("PAL-1");
    expect(layout.positions.find((p) => p.id === "2R")?.pallet).toBeNull();
  });
});

describe("placeAcross", () => {
  it("puts pieces whose spans overlap side by side, centred as a group", () => {
    const pieces = placeAcross(
      [
        { item: "mq9", fromCm: 1900, toCm: 3100, widthCm: 200, heightCm: 150, weightKg: 2000 },
        { item: "mq9", fromCm: 1900, toCm: 3100, widthCm: 200, heightCm: 150, weightKg: 2000 },
        { item: "gcs", fromCm: 3100, toCm: 3700, widthCm: 250, heightCm: 250, weightKg: 3000 },
      ],
      548.64,
    );
    const [a, b, c] = pieces;
    expect([a?.y0, a?.y1, b?.y0, b?.y1].map((v) => Math.round((v ?? 0) * 100) / 100)).toEqual([74.32, 274.32, 274.32, 474.32]);
    // The next piece starts where they end: a group of its own, centred.
    expect(c?.y0).toBeCloseTo((548.64 - 250) / 2, 5);
    expect(pieces.some((p) => p.overflow)).toBe(false);
  });

  it("marks a piece that cannot fit beside the others", () => {
    const pieces = placeAcross(
      [
        { item: "a", fromCm: 0, toCm: 100, widthCm: 400, heightCm: 1, weightKg: 1 },
        { item: "b", fromCm: 0, toCm: 100, widthCm: 400, heightCm: 1, weightKg: 1 },
      ],
      548.64,
    );
    expect(pieces.map((p) => p.overflow)).toEqual([false, true]);
  });
});

describe("macScaleDomain", () => {
  it("holds both limits and the centre of balance, with room either side", () => {
    expect(macScaleDomain(plan([]))).toEqual([11, 42]);
    const [lo, hi] = macScaleDomain({ forwardLimitPercentMac: 16, aftLimitPercentMac: 37, cgPercentMac: 45 });
    expect(lo).toBeLessThan(16);
    expect(hi).toBeGreaterThan(45);
  });
});

describe("buildUpViews", () => {
  const pieces = [
    { cargo: "a", x: 0, y: 0, z: 90, l: 120, w: 80, h: 90, orientation: "lwh" },
    { cargo: "b", x: 0, y: 80, z: 0, l: 120, w: 80, h: 90, orientation: "lwh" },
    { cargo: "c", x: 0, y: 0, z: 0, l: 120, w: 80, h: 90, orientation: "lwh" },
  ];
  const views = buildUpViews(pieces);

  it("draws the top view lowest first, so the pieces on top cover those under them", () => {
    expect(views.top.map((v) => v.cargo)).toEqual(["b", "c", "a"]);
    expect(views.top[2]).toMatchObject({ a0: 0, a1: 120, b0: 0, b1: 80 });
  });

  it("draws the side view far side first, with heights from the deck", () => {
    expect(views.side.map((v) => v.cargo)).toEqual(["b", "a", "c"]);
    expect(views.side.find((v) => v.cargo === "a")).toMatchObject({ b0: 90, b1: 180 });
    expect(views.heightCm).toBe(180);
  });
});

describe("cargoColours", () => {
  it("gives each line a colour, cycling through the palette", () => {
    const colours = cargoColours(Array.from({ length: 10 }, (_, i) => `c${i}`));
    expect(colours.get("c0")).toBe(colours.get("c8"));
    expect(colours.get("c0")).not.toBe(colours.get("c1"));
  });
});
