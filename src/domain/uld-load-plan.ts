import { z } from "zod";
import { PIECE_ORIENTATIONS } from "./cargo-flight.ts";

/**
 * A freighter's load plan: the ULDs built (type, segment, every piece with where it lies) and, for
 * each leg, which ULD stands on which position. What a freighter load planner produces and the
 * verifier checks; pieces booked but on no ULD are left behind.
 */

/** One piece on a ULD: its lowest corner and extents in the ULD's axes, and how it lies. */
export const uldPiecePlacementSchema = z.strictObject({
  piece: z.string().min(1).describe("The booked piece's id (one entry per unit of its count)."),
  x: z.number().finite(),
  y: z.number().finite(),
  z: z.number().finite(),
  l: z.number().finite(),
  w: z.number().finite(),
  h: z.number().finite(),
  orientation: z.enum(PIECE_ORIENTATIONS),
});

export const builtUldSchema = z.strictObject({
  id: z.string().min(1),
  type: z.string().min(1),
  segment: z.string().min(1),
  grossKg: z.number().nonnegative().describe("Stated weight, tare included."),
  pieces: z.array(uldPiecePlacementSchema),
});

export const legLoadSchema = z.strictObject({
  leg: z.string().min(1),
  positions: z.array(z.strictObject({ position: z.string().min(1), uld: z.string().min(1) })),
});

export const uldLoadPlanSchema = z.strictObject({
  flight: z.string().min(1),
  ulds: z.array(builtUldSchema),
  legs: z.array(legLoadSchema),
});

export type UldPiecePlacement = z.output<typeof uldPiecePlacementSchema>;
export type BuiltUld = z.output<typeof builtUldSchema>;
export type LegLoad = z.output<typeof legLoadSchema>;
export type UldLoadPlan = z.output<typeof uldLoadPlanSchema>;
