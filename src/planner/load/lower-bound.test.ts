import { describe, expect, it } from "vitest";
import { allowableLoad } from "#domain/payload-range.ts";
import { PASSENGER_KG } from "#domain/standard-weights.ts";
import { km } from "#domain/units.ts";
import { buildPallet, buildPiece, libraryType } from "./fixtures.ts";
import { loadsLowerBound } from "./lower-bound.ts";

const c17 = libraryType("C-17A");
const c130 = libraryType("C-130J-30");

describe("loadsLowerBound", () => {
  it("is zero for nothing to move", () => {
    expect(loadsLowerBound([], [c17]).bound).toBe(0);
  });

  it("counts weight over the largest allowable load", () => {
    const allow = allowableLoad(c17, km(4000)) ?? 0;
    const units = Array.from({ length: 40 }, () => buildPallet(4000));
    const b = loadsLowerBound(units, [c17, c130], { legDistance: 4000 });
    expect(b.terms.weight).toBe(Math.ceil((40 * 4000) / allow));
    expect(b.terms.positions).toBe(Math.ceil(40 / 18));
    expect(b.bound).toBe(Math.max(b.terms.weight, b.terms.positions));
  });

  it("counts positions over the most positions of a type, and seats over the most seats", () => {
    const b = loadsLowerBound(
      Array.from({ length: 37 }, () => buildPallet(500)),
      [c17, c130],
      { passengers: 250 },
    );
    expect(b.terms.positions).toBe(3);
    // The C-130J-30 seats 128, the C-17A 102: ⌈250 / 128⌉.
    expect(b.terms.seats).toBe(2);
    expect(b.terms.weight).toBe(Math.ceil((37 * 500 + 250 * PASSENGER_KG) / c17.maxPayload));
  });

  it("counts pairwise incompatible hazards: each needs its own aircraft", () => {
    const units = [
      buildPallet(500, { hazards: [{ class: 1, division: "1.1E" }] }),
      buildPallet(500, { hazards: [{ class: 3 }] }),
      buildPallet(500, { hazards: [{ class: 2, division: "2.3" }] }),
      buildPallet(500, { hazards: [{ class: 1, division: "1.4S" }] }),
      buildPallet(500, { hazards: [{ class: 9 }] }),
    ];
    expect(loadsLowerBound(units, [c17]).terms.incompatibilities).toBe(3);
  });

  it("bounds units that fit only one type on that type: helicopters only on a C-17", () => {
    const helicopters = Array.from({ length: 6 }, () => buildPiece(5500, { length: 1300, width: 290, height: 360 }));
    const b = loadsLowerBound(helicopters, [c17, c130], { legDistance: 4000 });
    // Each covers 7 positions by floor area (377,000 cm² over 61,316): 42 positions, 3 C-17 loads.
    expect(b.terms.onlyOneType).toBe(3);
    expect(b.bound).toBe(3);
    // A piece that only the C-130J-30 takes (its fit) would add its own loads: the sum over types.
    const onlyC130 = loadsLowerBound(helicopters, [c130]);
    expect(onlyC130.unplaceable).toHaveLength(6);
  });

  it("sets aside what no type can carry", () => {
    const hangar = buildPiece(25_000, { length: 4300, width: 4300, height: 1500 }, { ref: "HANGAR" });
    const b = loadsLowerBound([hangar, buildPallet(1000)], [c17]);
    expect(b.unplaceable).toEqual(["HANGAR"]);
    expect(b.bound).toBe(1);
  });
});
