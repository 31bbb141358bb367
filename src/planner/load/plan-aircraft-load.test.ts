import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AircraftType } from "#domain/aircraft-type.ts";
import { compatible } from "#domain/hazard-compatibility.ts";
import { allowableLoad } from "#domain/payload-range.ts";
import { PASSENGER_KG } from "#domain/standard-weights.ts";
import { km, toCm, toKg } from "#domain/units.ts";
import type { AircraftLoad } from "./aircraft-load.ts";
import { assessLoad } from "./assess.ts";
import { buildPallet, buildPiece, libraryType, noseHeavyType } from "./fixtures.ts";
import type { LoadUnit } from "./load-unit.ts";
import { planAircraftLoad } from "./plan-aircraft-load.ts";

const c17 = libraryType("C-17A");
const c130 = libraryType("C-130J-30");
const LEG_KM = 4000;

const plan = (type: AircraftType, units: LoadUnit[], passengers = 0, legDistance = LEG_KM) => planAircraftLoad({ type, units, passengers, legDistance });

describe("centre of balance, checked by hand", () => {
  it("C-130J-30 with one 4,000 kg pallet on position 4 and nobody aboard: 23.04 %MAC", () => {
    const pallet = buildPallet(4000);
    const load = assessLoad({ type: c130, placement: { positions: [{ position: "4", unit: pallet }], floor: [], seatSequence: [] }, passengers: 0, legDistance: 1000 });
    // Operating 110,000 lb (49,895.16 kg) at FS 582.5 in; the pallet at FS 561 in.
    // (49,895.16 × 582.5 + 4,000 × 561) / 53,895.16 = 580.904 in; (580.904 − 543) / 164.5 = 23.042 %MAC.
    expect(load.ok).toBe(true);
    expect(load.cgPercentMac).toBeCloseTo(23.042, 2);
    expect(load.margins.cgLow).toBeCloseTo(23.042 - 15, 2);
    expect(load.margins.cgHigh).toBeCloseTo(30 - 23.042, 2);
  });

  it("C-17A with a pallet forward, a vehicle on the floor and 60 passengers (54 sidewall, 6 in CL4)", () => {
    const pallet = buildPallet(4000);
    const truck = buildPiece(10_000, { length: 600, width: 250, height: 250 });
    const load = assessLoad({
      type: c17,
      placement: {
        positions: [{ position: "1L", unit: pallet }],
        floor: [{ unit: truck, fromCm: toCm(900, "in"), toCm: toCm(900, "in") + 600 }],
        seatSequence: ["sidewall", "CL4"],
      },
      passengers: 60,
      legDistance: LEG_KM,
    });
    // Moments in kg·in: operating 402,500 lb = 182,570.93 kg × 956.4; pallet 4,000 × 476;
    // truck 10,000 × (900 + 600 cm / 2.54 / 2 = 1018.11); 54 × 136.08 kg × 829; 6 × 136.08 kg × 806.
    // Sum 193,445,665 over 204,735.59 kg = 944.856 in; (944.856 − 869.7) / 309.5 = 24.283 %MAC.
    const kgIn =
      toKg(402_500, "lb") * 956.4 + 4000 * 476 + 10_000 * (900 + 600 / 2.54 / 2) + 54 * PASSENGER_KG * 829 + 6 * PASSENGER_KG * 806;
    const kgTotal = toKg(402_500, "lb") + 4000 + 10_000 + 60 * PASSENGER_KG;
    expect(((kgIn / kgTotal - 869.7) / 309.5) * 100).toBeCloseTo(load.cgPercentMac, 6);
    expect(load.cgPercentMac).toBeCloseTo(24.283, 3);
    expect(load.ok).toBe(true);
    expect(load.seats.zones).toEqual([
      { zone: "sidewall", count: 54 },
      { zone: "CL4", count: 6 },
    ]);
  });
});

describe("planAircraftLoad", () => {
  it("places a full C-17 load of pallets inside the envelope, heavy ones near the centre", () => {
    const units = Array.from({ length: 16 }, (_, i) => buildPallet(1000 + 200 * i));
    const load = plan(c17, units);
    expect(load.ok, load.reason).toBe(true);
    expect(load.positions).toHaveLength(16);
    expect(new Set(load.positions.map((p) => p.position)).size).toBe(16);
    // 96-in pallets cannot stand on the aft ramp pair (76 in).
    expect(load.positions.map((p) => p.position)).not.toContain("9L");
    expect(load.cgPercentMac).toBeGreaterThan(16);
    expect(load.cgPercentMac).toBeLessThan(37);
  });

  it("rejects an unbalanceable load with the reason, and balances a light one", () => {
    const nose = noseHeavyType();
    const heavy = plan(nose, [buildPallet(4000)], 0, 1000);
    expect(heavy.ok).toBe(false);
    expect(heavy.code).toBe("balance");
    expect(heavy.reason).toMatch(/centre of balance .* %MAC/);
    expect(heavy.cgPercentMac).toBeLessThan(20);
    // The best it found: the pallet as far aft as it goes.
    expect(heavy.positions[0]?.position).toBe("4");
    const light = plan(nose, [buildPallet(200)], 0, 1000);
    expect(light.ok, light.reason).toBe(true);
  });

  it("keeps incompatible hazard classes off one aircraft and off one pallet", () => {
    const missiles = buildPallet(2000, { ref: "MISSILES", hazards: [{ class: 1, division: "1.1E", unNumber: "UN0181" }] });
    const fuel = buildPallet(2000, { ref: "FUEL", hazards: [{ class: 3, unNumber: "UN1863" }] });
    const ammo = buildPallet(2000, { ref: "AMMO", hazards: [{ class: 1, division: "1.4S", unNumber: "UN0012" }] });
    const oxidiser = buildPallet(2000, { ref: "OX", hazards: [{ class: 5, division: "5.1" }] });
    const mixed = buildPallet(2000, { ref: "MIXED", hazards: [{ class: 3 }, { class: 5, division: "5.1" }] });
    const clash = plan(c17, [missiles, fuel]);
    expect(clash.ok).toBe(false);
    expect(clash.code).toBe("hazard");
    expect(clash.reason).toMatch(/MISSILES .*FUEL .*may not travel on one aircraft/);
    expect(plan(c17, [ammo, fuel]).ok).toBe(true);
    expect(plan(c17, [fuel, oxidiser]).ok).toBe(true);
    const onePallet = plan(c17, [mixed]);
    expect(onePallet.code).toBe("hazard");
    expect(onePallet.reason).toMatch(/MIXED .*may not share a pallet/);
  });

  it("trades positions for seats: centreline seats cost the positions they stand on", () => {
    const pallets = (n: number) => Array.from({ length: n }, () => buildPallet(2000));
    expect(plan(c17, pallets(16), 54).ok).toBe(true);
    const tooMany = plan(c17, pallets(16), 55);
    expect(tooMany.ok).toBe(false);
    expect(tooMany.code).toBe("seats");
    const traded = plan(c17, pallets(14), 66);
    expect(traded.ok, traded.reason).toBe(true);
    const zone = traded.seats.zones.find((z) => z.zone !== "sidewall");
    expect(zone?.count).toBe(12);
    const freed = c17.loadModel?.seatZones.find((z) => z.id === zone?.zone)?.positions ?? [];
    expect(freed).toHaveLength(2);
    for (const p of freed) expect(traded.positions.map((x) => x.position)).not.toContain(p);
    // A C-130J-30 seats 8 with every position loaded, 15 more per position left empty.
    expect(plan(c130, pallets(3), 8, 1000).ok).toBe(true);
    const c130Seats = plan(c130, pallets(3), 8 + 15 * 4, 1000);
    expect(c130Seats.ok, c130Seats.reason).toBe(true);
    expect(plan(c130, pallets(4), 8 + 15 * 4 + 1, 1000).code).toBe("seats");
  });

  it("fits outsize pieces only where they fit: a helicopter on a C-17, not on a C-130J-30", () => {
    const helicopter = buildPiece(5500, { length: 1300, width: 290, height: 360 }, { ref: "HELO" });
    const onC17 = plan(c17, [helicopter]);
    expect(onC17.ok, onC17.reason).toBe(true);
    expect(onC17.floor[0]?.item).toBe("HELO");
    const onC130 = plan(c130, [helicopter], 0, 1000);
    expect(onC130.code).toBe("fit");
    expect(onC130.reason).toMatch(/HELO .*fits no floor of a C-130J-30/);
    // An MQ-9 container fits both; a heavy short piece overloads the C-130's floor but not the C-17's.
    const mq9 = buildPiece(4500, { length: 1200, width: 230, height: 240 });
    expect(plan(c130, [mq9], 0, 1000).ok).toBe(true);
    const dense = buildPiece(16_000, { length: 280, width: 200, height: 150 });
    expect(plan(c130, [dense], 0, 1000).code).toBe("fit");
    expect(plan(c17, [dense]).ok).toBe(true);
  });

  it("puts vehicles side by side on the wide C-17 floor but never over a loaded position", () => {
    const trucks = Array.from({ length: 4 }, (_, i) => buildPiece(7000, { length: 680, width: 240, height: 250 }, { ref: `TRUCK-${i}` }));
    const pallets = Array.from({ length: 6 }, () => buildPallet(3000));
    const load = plan(c17, [...trucks, ...pallets]);
    expect(load.ok, load.reason).toBe(true);
    const m = c17.loadModel;
    if (!m) throw new Error("no model");
    for (const f of load.floor)
      for (const p of load.positions) {
        const st = m.positions.find((x) => x.id === p.position)?.station ?? 0;
        expect(st + m.positionLength / 2 <= f.from + 0.01 || st - m.positionLength / 2 >= f.to - 0.01).toBe(true);
      }
  });

  it("fails on payload and range before trying to place anything", () => {
    expect(plan(c130, Array.from({ length: 5 }, () => buildPallet(4500)), 0, 1000).code).toBe("payload");
    expect(plan(c130, [buildPallet(100)], 0, 99_999).code).toBe("range");
  });
});

describe("every load returned is inside the envelope and the limits (property)", () => {
  const hazards = [undefined, { class: 3 }, { class: 1, division: "1.4S" }, { class: 1, division: "1.1E" }, { class: 5, division: "5.1" }, { class: 9 }] as const;
  const unitArb = fc.oneof(
    fc.record({
      kind: fc.constant("pallet" as const),
      kg: fc.integer({ min: 200, max: 4536 }),
      heightIn: fc.integer({ min: 40, max: 96 }),
      hazard: fc.integer({ min: 0, max: hazards.length - 1 }),
    }),
    fc.record({
      kind: fc.constant("piece" as const),
      kg: fc.integer({ min: 500, max: 14_000 }),
      length: fc.integer({ min: 150, max: 1400 }),
      width: fc.integer({ min: 100, max: 300 }),
      height: fc.integer({ min: 80, max: 380 }),
      hazard: fc.integer({ min: 0, max: hazards.length - 1 }),
    }),
  );
  type Spec = typeof unitArb extends fc.Arbitrary<infer T> ? T : never;
  const build = (spec: Spec): LoadUnit => {
    const h = hazards[spec.hazard];
    const opts = h ? { hazards: [{ ...h }] } : {};
    return spec.kind === "pallet" ? buildPallet(spec.kg, { ...opts, heightCm: toCm(spec.heightIn, "in") }) : buildPiece(spec.kg, { length: spec.length, width: spec.width, height: spec.height }, opts);
  };

  it("holds for random loads on both types", () => {
    let oks = 0;
    fc.assert(
      fc.property(
        fc.constantFrom("C-17A", "C-130J-30"),
        fc.array(unitArb, { maxLength: 14 }),
        fc.integer({ min: 0, max: 110 }),
        fc.integer({ min: 500, max: 6000 }),
        (typeId, specs, passengers, distance) => {
          const type = typeId === "C-17A" ? c17 : c130;
          const units = specs.map(build);
          const load = plan(type, units, passengers, distance);
          if (!load.ok) return;
          oks++;
          checkIndependently(type, units, passengers, distance, load);
        },
      ),
      { numRuns: 300, seed: 20_240_707 },
    );
    expect(oks).toBeGreaterThan(30);
  });
});

/** The limits of a returned load, recomputed here without the planner's helpers. */
function checkIndependently(type: AircraftType, units: readonly LoadUnit[], passengers: number, distance: number, load: AircraftLoad): void {
  const m = type.loadModel;
  if (!m) throw new Error("no model");
  const placed = [...load.positions.map((p) => p.unit), ...load.floor.map((f) => f.unit)];
  expect(placed.map((u) => u.key).sort()).toEqual(units.map((u) => u.key).sort());
  const used = new Set<string>();
  let kg = 0;
  let moment = m.operating.weight * m.operating.arm;
  for (const p of load.positions) {
    const pos = m.positions.find((x) => x.id === p.position);
    expect(pos).toBeDefined();
    expect(used.has(p.position)).toBe(false);
    used.add(p.position);
    expect(p.unit.weightKg).toBeLessThanOrEqual((pos?.maxWeight ?? 0) + 1e-6);
    expect(p.unit.heightCm).toBeLessThanOrEqual((pos?.maxHeight ?? 0) + 0.01);
    kg += p.unit.weightKg;
    moment += p.unit.weightKg * (pos?.station ?? 0);
  }
  for (const f of load.floor) {
    const along = f.to - f.from;
    const across = Math.abs(along - f.unit.lengthCm) < 1 ? f.unit.widthCm : f.unit.lengthCm;
    expect(Math.abs(along - f.unit.lengthCm) < 1 || Math.abs(along - f.unit.widthCm) < 1).toBe(true);
    const zones = m.floorZones.filter((z) => z.from < f.to - 0.01 && f.from < z.to - 0.01);
    expect(Math.min(...zones.map((z) => z.from))).toBeLessThanOrEqual(f.from + 0.01);
    expect(Math.max(...zones.map((z) => z.to))).toBeGreaterThanOrEqual(f.to - 0.01);
    for (const z of zones) {
      expect(f.unit.heightCm).toBeLessThanOrEqual(z.height + 0.01);
      expect(across).toBeLessThanOrEqual(z.width + 0.01);
      expect(f.unit.weightKg / along).toBeLessThanOrEqual(z.maxLinearLoad + 1e-9);
    }
    for (const p of m.positions)
      if (p.station + m.positionLength / 2 > f.from + 0.01 && p.station - m.positionLength / 2 < f.to - 0.01) expect(used.has(p.id)).toBe(false);
    kg += f.unit.weightKg;
    moment += f.unit.weightKg * ((f.from + f.to) / 2);
  }
  for (let i = 0; i < units.length; i++)
    for (let j = i + 1; j < units.length; j++)
      for (const a of units[i]?.hazards ?? []) for (const b of units[j]?.hazards ?? []) expect(compatible(a, b)).toBe(true);
  let seated = 0;
  for (const z of load.seats.zones) {
    const zone = m.seatZones.find((x) => x.id === z.zone);
    expect(z.count).toBeLessThanOrEqual(zone?.seats ?? 0);
    for (const p of zone?.positions ?? []) expect(used.has(p)).toBe(false);
    seated += z.count;
    moment += z.count * PASSENGER_KG * (zone?.arm ?? 0);
  }
  expect(seated).toBe(passengers);
  kg += passengers * PASSENGER_KG;
  expect(kg - m.operating.weight * 0).toBeLessThanOrEqual((allowableLoad(type, km(distance)) ?? 0) + 1e-6);
  const cg = ((moment / (m.operating.weight + kg) - m.mac.lemac) / m.mac.length) * 100;
  expect(cg).toBeCloseTo(load.cgPercentMac, 6);
  expect(cg).toBeGreaterThanOrEqual(m.envelope.forwardPercentMac - 1e-9);
  expect(cg).toBeLessThanOrEqual(m.envelope.aftPercentMac + 1e-9);
}
