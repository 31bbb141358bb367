import { describe, expect, it } from "vitest";
import { buildPallet, buildPiece, libraryType } from "./fixtures.ts";
import { seatsWithin, withFreeSeats } from "./seating.ts";

const c17 = libraryType("C-17A");
const c130 = libraryType("C-130J-30");

describe("seating", () => {
  it("caps the seats by the positions left free: 54 sidewall on a C-17, 12 more per free pair", () => {
    expect(seatsWithin(c17, 0)).toBe(54);
    expect(seatsWithin(c17, 1)).toBe(54);
    expect(seatsWithin(c17, 2)).toBe(66);
    expect(seatsWithin(c17, 18)).toBe(102);
    expect(seatsWithin(c130, 3)).toBe(8 + 45);
  });

  it("offers the centreline zones a placement leaves free, after the sidewall", () => {
    const placement = {
      positions: [{ position: "1L", unit: buildPallet(1000) }],
      floor: [{ unit: buildPiece(5000, { length: 500, width: 220, height: 200 }), fromCm: 1370, toCm: 1870 }],
      seatSequence: [],
    };
    // 1L holds a pallet (CL1 is out); the piece covers pairs 2 and 3 (CL2, CL3 out); CL4 is free.
    expect(withFreeSeats(c17, placement).seatSequence).toEqual(["sidewall", "CL4"]);
  });
});
