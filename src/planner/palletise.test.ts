import { describe, expect, it } from "vitest";
import { type CargoItem, cargoItemSchema } from "#domain/cargo.ts";
import { compatible } from "#domain/hazard-compatibility.ts";
import type { SiteId } from "#domain/ids.ts";
import { PALLET_DECK_CM, PALLET_MAX_GROSS_KG, PALLET_TARE_KG } from "#domain/standard-weights.ts";
import { loadShipped } from "#test/scenarios.ts";
import { validatePalletGeometry } from "#verify/pallet-geometry.ts";
import type { PalletUnit } from "./lift-unit.ts";
import { buildLiftUnits, fitsPallet, hazardProfile } from "./palletise.ts";
import { PALLET_463L } from "./pallet/build-463l.ts";

// The verifier's geometry check is imported to judge the planner's output (the verifier never imports the planner).

const MAIN = "MAIN" as SiteId;

const line = (id: string, more: Record<string, unknown> = {}): CargoItem =>
  cargoItemSchema.parse({
    id,
    description: id,
    site: "MAIN",
    quantity: 10,
    unitWeight: 100,
    dimensions: { length: 100, width: 80, height: 60 },
    kind: "box",
    ...more,
  });

const pallets = (units: ReturnType<typeof buildLiftUnits>): PalletUnit[] => units.filter((u): u is PalletUnit => u.kind === "pallet");

/** Checks a pallet's recorded build-up against its cargo lines with the independent validator. */
function expectValidBuildUp(p: PalletUnit, cargo: ReadonlyMap<string, CargoItem>): void {
  const b = p.buildUp;
  if (!b) throw new Error(`${p.id} has no build-up`);
  const n = new Map<string, number>();
  const boxes = b.pieces.map((piece) => {
    const c = cargo.get(piece.cargo);
    if (!c) throw new Error(`unknown ${piece.cargo}`);
    const k = (n.get(c.id) ?? 0) + 1;
    n.set(c.id, k);
    return { id: `${c.id}#${k}`, length: c.dimensions.length, width: c.dimensions.width, height: c.dimensions.height, weight: c.unitWeight, orientations: ["lwh", "wlh"], stackable: c.stackable };
  });
  const placements = b.pieces.map((piece, i) => ({ ...piece, boxId: boxes[i]?.id ?? "" }));
  expect(validatePalletGeometry(boxes, placements, PALLET_463L, { tolerance: 0.02 })).toEqual([]);
  // The items it lists are the pieces it places.
  expect(Object.fromEntries(n)).toEqual(Object.fromEntries(p.items.map((i) => [i.cargo, i.quantity])));
  const top = Math.max(...b.pieces.map((x) => x.z + x.h));
  expect(p.heightCm).toBeCloseTo(top + PALLET_DECK_CM, 6);
  const cargoKg = b.pieces.reduce((s, x) => s + (cargo.get(x.cargo)?.unitWeight ?? 0), 0);
  expect(p.weightKg).toBeCloseTo(cargoKg + PALLET_TARE_KG, 6);
  expect(p.weightKg).toBeLessThanOrEqual(PALLET_MAX_GROSS_KG + 1e-9);
}

describe("fitsPallet", () => {
  it("takes upright boxes within 104 × 84 in, 93.75 in high, 9,645 lb", () => {
    expect(fitsPallet(line("a"))).toBe(true);
    // 250 cm long fits 264 cm either way round only along the length.
    expect(fitsPallet(line("long", { dimensions: { length: 80, width: 250, height: 60 } }))).toBe(true);
    expect(fitsPallet(line("too-long", { dimensions: { length: 270, width: 80, height: 60 } }))).toBe(false);
    // Tall: it may not be laid on its side.
    expect(fitsPallet(line("tall", { dimensions: { length: 100, width: 80, height: 240 } }))).toBe(false);
    expect(fitsPallet(line("heavy", { unitWeight: 4400 }))).toBe(false);
    expect(fitsPallet(line("truck", { kind: "rolling_stock" }))).toBe(false);
  });
});

describe("buildLiftUnits: pallets built in three dimensions", () => {
  it("places every box once on valid build-ups, and leaves the rest loose", () => {
    const cargo = [
      line("spares", { quantity: 40, unitWeight: 250, dimensions: { length: 120, width: 100, height: 100 } }),
      line("rations", { quantity: 30, unitWeight: 20, dimensions: { length: 60, width: 40, height: 30 } }),
      line("tall", { quantity: 2, dimensions: { length: 100, width: 80, height: 240 } }),
      line("truck", { quantity: 1, kind: "rolling_stock", unitWeight: 5000, dimensions: { length: 500, width: 220, height: 200 } }),
      line("gone", { quantity: 5, disposition: "handover" }),
    ];
    const byId = new Map(cargo.map((c) => [c.id as string, c]));
    const units = buildLiftUnits(MAIN, cargo);
    const built = pallets(units);
    for (const p of built) expectValidBuildUp(p, byId);
    const onPallets = new Map<string, number>();
    for (const p of built) for (const i of p.items) onPallets.set(i.cargo, (onPallets.get(i.cargo) ?? 0) + i.quantity);
    expect(Object.fromEntries(onPallets)).toEqual({ spares: 40, rations: 30 });
    expect(units.filter((u) => u.kind === "loose").map((u) => (u.kind === "loose" ? u.cargo.id : ""))).toEqual(["tall", "tall", "truck"]);
    // 120 × 100 × 100 cm spares: 2 × 2 × 2 to a pallet by geometry (8 × 250 kg is well under the weight limit).
    expect(built.filter((p) => p.items.some((i) => i.cargo === "spares")).length).toBeGreaterThanOrEqual(5);
  });

  it("keeps priorities, escorted cargo and hazard profiles on separate pallets", () => {
    const cargo = [
      line("p1", { priority: 1 }),
      line("p3", { priority: 3 }),
      line("comsec", { sensitive: true }),
      line("propane", { hazard: { class: 2, division: "2.1" } }),
      line("chlorine", { hazard: { class: 2, division: "2.3" } }),
      line("lithium", { hazard: { class: 9 } }),
    ];
    const built = pallets(buildLiftUnits(MAIN, cargo));
    const lines = built.map((p) => p.items.map((i): string => i.cargo).sort());
    // Class 9 is not segregated: it may share a pallet with unhazardous boxes of its priority.
    for (const l of lines) {
      const key = l.map((id) => (id === "lithium" ? "p3" : id));
      expect(new Set(key).size, l.join(",")).toBe(1);
    }
    expect(lines.some((l) => l.includes("lithium") && l.includes("p3"))).toBe(true);
    // Class 2 is one class but 2.1 and 2.3 may not even share an aircraft.
    expect(compatible({ class: 2, division: "2.1" }, { class: 2, division: "2.3" })).toBe(false);
    expect(hazardProfile({ class: 2, division: "2.1" })).not.toBe(hazardProfile({ class: 2, division: "2.3" }));
    expect(hazardProfile({ class: 9 })).toBe(hazardProfile(undefined));
    for (const p of built) expect(p.sensitive).toBe(p.items.some((i) => i.cargo === "comsec"));
  });

  it("stacks heavy cargo low and within 10,000 lb, reporting the real height", () => {
    const cargo = [
      line("ingots", { quantity: 12, unitWeight: 700, dimensions: { length: 100, width: 80, height: 40 } }),
      line("foam", { quantity: 12, unitWeight: 10, dimensions: { length: 100, width: 80, height: 40 } }),
    ];
    const byId = new Map(cargo.map((c) => [c.id as string, c]));
    const built = pallets(buildLiftUnits(MAIN, cargo));
    for (const p of built) expectValidBuildUp(p, byId);
    // 12 × 700 kg = 8,400 kg: the ingots need two pallets by weight (4,375 kg of cargo each).
    expect(built.length).toBeGreaterThanOrEqual(2);
    for (const p of built) {
      const z = (id: string) => (p.buildUp?.pieces ?? []).filter((x) => x.cargo === id).map((x) => x.z);
      const ingots = z("ingots");
      const foam = z("foam");
      if (ingots.length > 0 && foam.length > 0) expect(Math.max(...ingots)).toBeLessThanOrEqual(Math.min(...foam));
      expect(p.heightCm).toBeLessThan(PALLET_463L.height + PALLET_DECK_CM);
    }
  });

  it("builds every Niger pallet as a valid build-up with hazard segregation kept", () => {
    const rs = loadShipped("niger-2024");
    const cargo = new Map(rs.scenario.cargo.map((c) => [c.id as string, c]));
    let n = 0;
    for (const site of rs.scenario.sites) {
      if (!site.inHostCountry) continue;
      for (const p of pallets(buildLiftUnits(site.id, rs.scenario.cargo))) {
        expectValidBuildUp(p, cargo);
        const hazards = p.items.flatMap((i) => cargo.get(i.cargo)?.hazard ?? []);
        for (const a of hazards) for (const b of hazards) expect(compatible(a, b, "pallet")).toBe(true);
        n++;
      }
    }
    expect(n).toBeGreaterThan(100);
  });
});
