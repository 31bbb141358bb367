import { describe, expect, it } from "vitest";
import { beyondCut, uldTypeSchema, usableSection, usableVolume } from "./uld-type.ts";

/** A main-deck pallet as in the ACLPP master data: 317 × 243 × 244 cm, its top outer corner cut. */
const pmc = uldTypeSchema.parse({ id: "pmc", kind: "pallet", length: 317, width: 243, height: 244, tare: 130, maxGross: 6803, cuts: [{ y1: 175, z1: 244, y2: 238, z2: 164 }] });
/** A container whose base slopes up on one side: the bottom outer corner cut. */
const ake = uldTypeSchema.parse({ id: "ake", kind: "container", length: 144, width: 195, height: 153, tare: 70, maxGross: 1588, cuts: [{ y1: 150, z1: 0, y2: 195, z2: 50 }] });

describe("ULD contour", () => {
  it("takes away the side of a cut away from the centre of the cross-section", () => {
    const cut = pmc.cuts[0];
    if (!cut) throw new Error("no cut");
    expect(beyondCut(pmc, cut, 243, 244)).toBe(true);
    expect(beyondCut(pmc, cut, 0, 244)).toBe(false);
    expect(beyondCut(pmc, cut, 243, 0)).toBe(false);
    // On the line is inside: a piece may touch the contour.
    expect(beyondCut(pmc, cut, 175, 244)).toBe(false);
    const base = ake.cuts[0];
    if (!base) throw new Error("no cut");
    expect(beyondCut(ake, base, 195, 0)).toBe(true);
    expect(beyondCut(ake, base, 195, 60)).toBe(false);
  });

  it("measures the cross-section and volume a contour leaves", () => {
    // The line runs on past (238, 164) to the side wall at z = 244 − 68 × 80 / 63: the corner lost
    // is the triangle (175, 244), (243, 244), (243, 157.65).
    expect(243 * 244 - usableSection(pmc)).toBeCloseTo((68 * ((68 * 80) / 63)) / 2, 6);
    expect(usableVolume(ake)).toBeCloseTo((195 * 153 - (45 * 50) / 2) * 144, 6);
  });

  it("refuses a type heavier empty than full, or a cut through the centre", () => {
    expect(uldTypeSchema.safeParse({ ...pmc, maxGross: 100 }).success).toBe(false);
    const r = uldTypeSchema.safeParse({ ...pmc, cuts: [{ y1: 0, z1: 0, y2: 243, z2: 244 }] });
    expect(r.success).toBe(false);
  });
});
