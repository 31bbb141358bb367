import { z } from "zod";
import { handlingCodeSchema, handlingSeparationSchema } from "./handling-separation.ts";
import { loadModelSchema } from "./load-model.ts";
import { uldTypeSchema } from "./uld-type.ts";

/**
 * A freighter flight to load: its legs in order (fuel aboard and the transport segments aboard
 * each), and each segment's booking list — pieces with size, weight, the ways they may lie, how
 * much weight their top bears, special handling codes, and the penalty for leaving one behind.
 * Every segment is loaded at the first departure and unloaded where it ends, so a ULD of a segment
 * rides every leg that carries it. This is what a load planner may use: no solution travels in it.
 * Lengths in cm, weights in kg, times in seconds (Unix), as in the freighter's own data.
 */

/**
 * How a piece may lie: which of its own dimensions (length, width, height) runs along the ULD's x
 * (length), y (width) and z (up). `lwh` as booked, `wlh` turned about the vertical; the others tip it.
 */
export const PIECE_ORIENTATIONS = ["lwh", "wlh", "lhw", "hlw", "whl", "hwl"] as const;
export type PieceOrientation = (typeof PIECE_ORIENTATIONS)[number];

const bearingSchema = z
  .strictObject({
    length: z.number().nonnegative().optional(),
    width: z.number().nonnegative().optional(),
    height: z.number().nonnegative().optional(),
  })
  .describe("Weight its top may bear, kg per cm² of top, when this dimension stands vertical (0: nothing on top; absent: not stated).");

export const bookedPieceSchema = z.strictObject({
  id: z.string().min(1),
  shipment: z.string().min(1),
  count: z.number().int().positive().describe("Identical pieces."),
  length: z.number().positive(),
  width: z.number().positive(),
  height: z.number().positive(),
  weight: z.number().nonnegative().describe("Of one piece, kg."),
  orientations: z.array(z.enum(PIECE_ORIENTATIONS)).min(1),
  bearing: bearingSchema,
  handlingCodes: z.array(handlingCodeSchema).default([]),
  availableAt: z.number().int().describe("When it is ready for build-up (Unix seconds)."),
  offloadPenalty: z.number().nonnegative().describe("Cost of leaving one piece behind."),
});

export const flightSegmentSchema = z.strictObject({
  id: z.string().min(1),
  departure: z.number().int().describe("Every ULD of the segment is built by then (Unix seconds)."),
  pieces: z.array(bookedPieceSchema),
});

export const flightLegSchema = z.strictObject({
  id: z.string().min(1),
  sequence: z.number().int().positive(),
  fuelKg: z.number().nonnegative().describe("Fuel aboard, at the operating weight's arm (simplified)."),
  fuelCostPerCm: z.number().nonnegative().describe("Extra fuel cost per cm of centre of gravity away from the optimum."),
  segments: z.array(z.string().min(1)).min(1).describe("Segments aboard on this leg."),
});

export const cargoFlightSchema = z
  .strictObject({
    id: z.string().min(1),
    aircraftType: z.string().min(1),
    departure: z.number().int(),
    legs: z.array(flightLegSchema).min(1).describe("In flight order."),
    segments: z.array(flightSegmentSchema).min(1),
  })
  .superRefine((f, ctx) => {
    const segs = new Set<string>();
    f.segments.forEach((s, i) => {
      if (segs.has(s.id)) ctx.addIssue({ code: "custom", path: ["segments", i, "id"], message: `segment ${s.id} listed twice`, input: s.id });
      segs.add(s.id);
    });
    const pieces = new Set<string>();
    f.segments.forEach((s, i) =>
      s.pieces.forEach((p, j) => {
        if (pieces.has(p.id)) ctx.addIssue({ code: "custom", path: ["segments", i, "pieces", j, "id"], message: `piece ${p.id} booked twice`, input: p.id });
        pieces.add(p.id);
      }),
    );
    f.legs.forEach((l, i) => {
      const prev = f.legs[i - 1];
      if (prev && l.sequence <= prev.sequence)
        ctx.addIssue({ code: "custom", path: ["legs", i, "sequence"], message: "legs must be in flight order", input: l.sequence });
      l.segments.forEach((s, j) => {
        if (!segs.has(s)) ctx.addIssue({ code: "custom", path: ["legs", i, "segments", j], message: `unknown segment ${s}`, input: s });
      });
    });
  });

/** The aircraft as a freighter load planner sees it: positions and limits, and the ULD types it takes. */
export const freighterSchema = z
  .strictObject({
    id: z.string().min(1),
    name: z.string().min(1),
    loadModel: loadModelSchema,
    uldTypes: z.array(uldTypeSchema).min(1),
  })
  .superRefine((a, ctx) => {
    const known = new Set(a.uldTypes.map((t) => t.id));
    a.loadModel.positions.forEach((p, i) =>
      (p.unitTypes ?? []).forEach((t, j) => {
        if (!known.has(t))
          ctx.addIssue({ code: "custom", path: ["loadModel", "positions", i, "unitTypes", j], message: `position ${p.id} names ULD type ${t}, which is not defined`, input: t });
      }),
    );
  });

/** Everything a freighter load planner is given for one flight. */
export const cargoFlightProblemSchema = z.strictObject({
  flight: cargoFlightSchema,
  aircraft: freighterSchema,
  separation: handlingSeparationSchema,
  expressCode: handlingCodeSchema.optional().describe("Code of express cargo, kept off ULDs of standard cargo where it can be."),
});

export type BookedPiece = z.output<typeof bookedPieceSchema>;
export type FlightSegment = z.output<typeof flightSegmentSchema>;
export type FlightLeg = z.output<typeof flightLegSchema>;
export type CargoFlight = z.output<typeof cargoFlightSchema>;
export type Freighter = z.output<typeof freighterSchema>;
export type CargoFlightProblem = z.output<typeof cargoFlightProblemSchema>;
