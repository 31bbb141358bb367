import { z } from "zod";
import { distanceSchema, lengthSchema, massSchema, provenanceShape, sourcedIntSchema, speedSchema } from "./figure.ts";
import { aircraftTypeIdSchema } from "./ids.ts";
import { parkingClassSchema } from "./parking-class.ts";
import { groundTimeSchema } from "./site.ts";
import { durationSchema } from "./figure.ts";
import { loadModelSchema } from "./load-model.ts";

/** One point of the payload–range curve: at this leg distance the aircraft can lift at most this payload. */
export const payloadRangePointSchema = z.strictObject({
  range: distanceSchema,
  payload: massSchema,
  ...provenanceShape,
});

export const aircraftTypeSchema = z
  .strictObject({
    id: aircraftTypeIdSchema,
    name: z.string().min(1),
    role: z
      .enum(["military_airlift", "passenger_charter"])
      .describe("A passenger charter carries people and baggage only, no military cargo."),
    parkingClass: parkingClassSchema,
    maxPayload: massSchema,
    payloadRange: z
      .array(payloadRangePointSchema)
      .min(1)
      .describe("Allowable load by leg distance, ascending; linear between points, no flight beyond the last."),
    palletPositions: sourcedIntSchema.describe("463L pallet positions."),
    positionMaxWeight: massSchema.optional().describe("Heaviest pallet a position takes; 463L default 10,000 lb."),
    positionMaxHeight: lengthSchema.optional().describe("Tallest pallet a position takes (96 in on most)."),
    cargoFloor: z
      .strictObject({ length: lengthSchema, width: lengthSchema, height: lengthSchema, ...provenanceShape })
      .optional()
      .describe("Usable cargo compartment for rolling stock and outsize cargo."),
    seats: z.strictObject({
      withFullPositions: sourcedIntSchema.describe("Seats usable with every pallet position loaded (sidewall)."),
      perFreePosition: sourcedIntSchema.describe("Extra seats (centreline) for each pallet position left empty."),
      maximum: sourcedIntSchema.describe("Most passengers the type carries."),
    }),
    blockSpeed: speedSchema.describe("Average speed from brakes off to brakes on, for block times."),
    taxiAllowance: durationSchema.optional().describe("Minutes added to every leg for taxi, climb and descent."),
    groundTime: groundTimeSchema.describe("Default ground times; a site may override them."),
    loadModel: loadModelSchema
      .optional()
      .describe("Positions with stations, MAC, balance envelope, operating weight, seat and floor zones: for balanced loads."),
    ...provenanceShape,
  })
  .superRefine((t, ctx) => {
    for (let i = 1; i < t.payloadRange.length; i++) {
      const prev = t.payloadRange[i - 1];
      const cur = t.payloadRange[i];
      if (prev && cur && cur.range <= prev.range) {
        ctx.addIssue({
          code: "custom",
          path: ["payloadRange", i, "range"],
          message: "payload–range points must be in ascending range",
          input: cur.range,
        });
      }
    }
    if (t.seats.withFullPositions > t.seats.maximum) {
      ctx.addIssue({
        code: "custom",
        path: ["seats", "withFullPositions"],
        message: "seats with full positions cannot exceed the maximum",
        input: t.seats.withFullPositions,
      });
    }
    if (t.loadModel) checkLoadModel(t, t.loadModel, ctx);
  });

/** The load model must agree with the type's own counts: positions, sidewall seats, seats per free position. */
function checkLoadModel(
  t: { palletPositions: number; seats: { withFullPositions: number; perFreePosition: number; maximum: number } },
  m: z.output<typeof loadModelSchema>,
  ctx: z.RefinementCtx,
): void {
  const issue = (path: (string | number)[], message: string, input: unknown) =>
    ctx.addIssue({ code: "custom", path: ["loadModel", ...path], message, input });
  if (m.positions.length !== t.palletPositions)
    issue(["positions"], `${m.positions.length} positions listed, but palletPositions is ${t.palletPositions}`, m.positions.length);
  const sidewall = m.seatZones.filter((z) => z.positions.length === 0).reduce((n, z) => n + z.seats, 0);
  if (sidewall !== t.seats.withFullPositions)
    issue(["seatZones"], `sidewall zones seat ${sidewall}, but seats.withFullPositions is ${t.seats.withFullPositions}`, sidewall);
  const total = m.seatZones.reduce((n, z) => n + z.seats, 0);
  if (total > t.seats.maximum) issue(["seatZones"], `seat zones seat ${total}, above seats.maximum ${t.seats.maximum}`, total);
  m.seatZones.forEach((z, i) => {
    if (z.positions.length > 0 && z.seats > z.positions.length * t.seats.perFreePosition)
      issue(["seatZones", i, "seats"], `${z.seats} seats on ${z.positions.length} positions exceed seats.perFreePosition (${t.seats.perFreePosition}) each`, z.seats);
  });
}

export type AircraftType = z.output<typeof aircraftTypeSchema>;
