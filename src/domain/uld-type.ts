import { z } from "zod";
import { lengthSchema, massSchema, provenanceShape } from "./figure.ts";

/**
 * A unit load device (ULD) type: a pallet or container with its inner size, tare and most gross
 * weight, and its contour. Axes as in the pallet build-up: `length` along the aircraft (x), `width`
 * across it (y), `height` up (z), all from the corner of the usable floor.
 *
 * The contour is what a cuboid does not say: blocks (cuboids inside that must stay empty, such as
 * a rim along the edges) and cuts (a straight line across the cross-section, width × height, along
 * the whole length; the side of the line away from the centre of the cross-section is unusable —
 * the slope of a container's base or the curve of the fuselage over a pallet).
 */

/** A cuboid inside the ULD that must stay empty. */
export const uldBlockSchema = z.strictObject({
  x0: z.number().finite(),
  x1: z.number().finite(),
  y0: z.number().finite(),
  y1: z.number().finite(),
  z0: z.number().finite(),
  z1: z.number().finite(),
});

/** A cut through two points (y, z) of the cross-section. */
export const uldCutSchema = z.strictObject({
  y1: z.number().finite(),
  z1: z.number().finite(),
  y2: z.number().finite(),
  z2: z.number().finite(),
});

export const uldTypeSchema = z
  .strictObject({
    id: z.string().min(1),
    kind: z.enum(["pallet", "container"]),
    length: lengthSchema.describe("Inner length (along the aircraft)."),
    width: lengthSchema.describe("Inner width."),
    height: lengthSchema.describe("Inner height."),
    tare: massSchema.describe("Empty weight, nets and straps included."),
    maxGross: massSchema.describe("Most weight loaded, tare included."),
    blocks: z.array(uldBlockSchema).default([]),
    cuts: z.array(uldCutSchema).default([]),
    buildUpMinutes: z.number().nonnegative().optional().describe("Time one crew takes to build one up."),
    cost: z.number().nonnegative().optional().describe("Cost of using and building one, in the operator's unit."),
    ...provenanceShape,
  })
  .superRefine((t, ctx) => {
    if (t.maxGross <= t.tare) ctx.addIssue({ code: "custom", path: ["maxGross"], message: "the most gross weight must exceed the tare", input: t.maxGross });
    t.blocks.forEach((b, i) => {
      if (b.x1 <= b.x0 || b.y1 <= b.y0 || b.z1 <= b.z0)
        ctx.addIssue({ code: "custom", path: ["blocks", i], message: "a block needs min < max on every axis", input: b });
    });
    t.cuts.forEach((c, i) => {
      if (c.y1 === c.y2 && c.z1 === c.z2) ctx.addIssue({ code: "custom", path: ["cuts", i], message: "a cut needs two distinct points", input: c });
      else if (cutSide(c, t.width / 2, t.height / 2) === 0)
        ctx.addIssue({ code: "custom", path: ["cuts", i], message: "a cut may not run through the centre of the cross-section", input: c });
    });
  });

export type UldType = z.output<typeof uldTypeSchema>;
export type UldCut = z.output<typeof uldCutSchema>;
export type UldBlock = z.output<typeof uldBlockSchema>;

/** Which side of a cut's line a point (y, z) lies on: the sign of the cross product (0 on it). */
export function cutSide(c: UldCut, y: number, z: number): number {
  return (c.y2 - c.y1) * (z - c.z1) - (c.z2 - c.z1) * (y - c.y1);
}

/**
 * Whether a point (y, z) of the cross-section is on the unusable side of a cut (strictly, beyond a
 * tolerance: a box may touch the line).
 * @example beyondCut(t, t.cuts[0], 243, 244) // true for a pallet whose top outer corner is cut off
 */
export function beyondCut(t: UldType, c: UldCut, y: number, z: number, tolerance = 1e-6): boolean {
  const centre = Math.sign(cutSide(c, t.width / 2, t.height / 2));
  const len = Math.hypot(c.y2 - c.y1, c.z2 - c.z1);
  return (cutSide(c, y, z) / len) * centre < -tolerance;
}

/** Area of the cross-section (width × height) left by the cuts: the rectangle clipped by each cut's kept side. */
export function usableSection(t: UldType): number {
  let poly: [number, number][] = [
    [0, 0],
    [t.width, 0],
    [t.width, t.height],
    [0, t.height],
  ];
  for (const c of t.cuts) {
    const keep = (y: number, z: number) => !beyondCut(t, c, y, z, 0);
    const next: [number, number][] = [];
    for (let i = 0; i < poly.length; i++) {
      const a = poly[i] as [number, number];
      const b = poly[(i + 1) % poly.length] as [number, number];
      const ka = keep(a[0], a[1]);
      const kb = keep(b[0], b[1]);
      if (ka) next.push(a);
      if (ka !== kb) {
        const sa = cutSide(c, a[0], a[1]);
        const sb = cutSide(c, b[0], b[1]);
        const f = sa / (sa - sb);
        next.push([a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])]);
      }
    }
    poly = next;
  }
  let area = 0;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i] as [number, number];
    const b = poly[(i + 1) % poly.length] as [number, number];
    area += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(area) / 2;
}

/**
 * Volume a ULD type can hold, cm³: the cross-section the cuts leave times the length, less the
 * blocks (overlaps between blocks or with cuts are not netted out: a few litres at rim corners).
 * @example usableVolume(pmc) // ≈ 18.4 m³ for a 317 × 243 × 244 cm PMC with one cut corner
 */
export function usableVolume(t: UldType): number {
  const blocks = t.blocks.reduce((v, b) => v + (b.x1 - b.x0) * (b.y1 - b.y0) * (b.z1 - b.z0), 0);
  return usableSection(t) * t.length - blocks;
}
