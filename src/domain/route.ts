import { z } from "zod";
import { distanceSchema, massSchema, provenanceShape, sourcedIntSchema } from "./figure.ts";
import { countryCodeSchema, routeIdSchema, siteIdSchema } from "./ids.ts";
import { timeOfDaySchema, weekdaySchema } from "./instant-schema.ts";

/** A leg aircraft may fly, either way. The countries overflown are data: they decide the clearances. */
export const airLegSchema = z.strictObject({
  from: siteIdSchema,
  to: siteIdSchema,
  overflies: z
    .array(countryCodeSchema)
    .describe("Every country whose airspace the leg crosses, including those of both ends."),
  distance: distanceSchema.optional().describe("Flown distance; absent: the great circle between the sites."),
  ...provenanceShape,
});

export const escortWindowSchema = z.strictObject({
  weekdays: z.array(weekdaySchema).min(1).optional().describe("Absent: every day."),
  start: timeOfDaySchema,
  end: timeOfDaySchema,
});

/** A road route for convoys, with the host's escort windows. */
export const roadRouteSchema = z.strictObject({
  id: routeIdSchema,
  from: siteIdSchema,
  to: siteIdSchema,
  distance: distanceSchema.describe("Road distance (longer than the great circle)."),
  ratePerDay: distanceSchema.describe("Rate of march: distance a convoy covers per day."),
  trucks: sourcedIntSchema.describe("Trucks available on this route."),
  truckPayload: massSchema,
  truckPallets: sourcedIntSchema.describe("463L pallets (or equivalent) a truck takes."),
  seatsPerTruck: sourcedIntSchema.optional(),
  convoysPerDay: sourcedIntSchema.describe("Convoys per day the host escorts."),
  escortWindows: z.array(escortWindowSchema).min(1).describe("A convoy departs only inside one of these."),
  ...provenanceShape,
});

export type AirLeg = z.output<typeof airLegSchema>;
export type RoadRoute = z.output<typeof roadRouteSchema>;
export type EscortWindow = z.output<typeof escortWindowSchema>;
