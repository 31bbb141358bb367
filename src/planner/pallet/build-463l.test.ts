import { type CargoItem, cargoItemSchema } from "#domain/cargo.ts";
import { PALLET_DECK_CM, PALLET_MAX_GROSS_KG, PALLET_TARE_KG } from "#domain/standard-weights.ts";
import { toCm, toKg } from "#domain/units.ts";
import { validatePalletGeometry } from "#verify/pallet-geometry.ts";
import { describe, expect, it } from "vitest";
import type { PalletBox } from "./box.ts";
import { build463L, PALLET_463L, piecesFromCargo } from "./build-463l.ts";

const inch = (n: number) => toCm(n, "in");
const lb = (n: number) => toKg(n, "lb");

describe("build463L", () => {
  it("the usable box is 104 × 84 × (96 − 2.25) in and 10,000 − 355 lb", () => {
    expect(PALLET_463L.length).toBeCloseTo(inch(104), 9);
    expect(PALLET_463L.width).toBeCloseTo(inch(84), 9);
    expect(PALLET_463L.height).toBeCloseTo(inch(93.75), 9);
    expect(PALLET_463L.maxPayload).toBeCloseTo(lb(9645), 6);
  });

  it("splits heavy cargo over pallets by weight, each pallet valid and within 10,000 lb gross", () => {
    // 30 crates of 700 lb: 13 fit the 9,645 lb payload, so three pallets.
    const pieces: PalletBox[] = Array.from({ length: 30 }, (_, i) => ({
      id: `crate-${i}`,
      length: inch(40),
      width: inch(30),
      height: inch(24),
      weight: lb(700),
    }));
    const { pallets, unplaceable } = build463L(pieces, { maxIterations: 20 });
    expect(unplaceable).toEqual([]);
    expect(pallets).toHaveLength(3);
    expect(pallets.reduce((n, p) => n + p.placements.length, 0)).toBe(30);
    for (const p of pallets) {
      expect(validatePalletGeometry(pieces, p.placements, PALLET_463L)).toEqual([]);
      expect(p.grossKg).toBeLessThanOrEqual(PALLET_MAX_GROSS_KG + 1e-9);
      expect(p.grossKg - p.cargoKg).toBeCloseTo(PALLET_TARE_KG, 9);
      expect(p.heightCm).toBeGreaterThan(PALLET_DECK_CM);
    }
  });

  it("reports pieces that fit no pallet and honours a lower contour", () => {
    const pieces: PalletBox[] = [
      { id: "long", length: inch(120), width: inch(20), height: inch(20), weight: 50, orientations: ["lwh", "wlh"] },
      { id: "tall", length: inch(20), width: inch(20), height: inch(70), weight: 50, orientations: ["lwh", "wlh"] },
      { id: "ok", length: inch(20), width: inch(20), height: inch(20), weight: 50 },
    ];
    const full = build463L(pieces, { maxIterations: 10 });
    expect(full.unplaceable).toEqual(["long"]);
    const low = build463L(pieces, { maxIterations: 10, usableHeightCm: inch(60) });
    expect([...low.unplaceable].sort()).toEqual(["long", "tall"]);
    expect(low.pallets[0]?.heightCm).toBeLessThanOrEqual(inch(60) + PALLET_DECK_CM + 1e-9);
  });

  it("turns cargo lines into upright pieces, one per unit, boxes only", () => {
    const line = (id: string, kind: CargoItem["kind"], quantity: number): CargoItem =>
      cargoItemSchema.parse({
        id,
        description: id,
        site: "MAIN",
        quantity,
        unitWeight: 100,
        dimensions: { length: 100, width: 80, height: 60 },
        kind,
        stackable: false,
      });
    const pieces = piecesFromCargo([line("RATIONS", "box", 3), line("TRUCK", "rolling_stock", 1)]);
    expect(pieces.map((p) => p.id)).toEqual(["RATIONS#1", "RATIONS#2", "RATIONS#3"]);
    expect(pieces[0]).toMatchObject({ orientations: ["lwh", "wlh"], stackable: false, weight: 100 });
    const { pallets } = build463L(pieces, { maxIterations: 10 });
    expect(pallets).toHaveLength(1);
    // Not stackable: all three on the deck.
    for (const p of pallets[0]?.placements ?? []) expect(p.z).toBe(0);
  });
});
