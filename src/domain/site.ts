import { z } from "zod";
import { durationSchema, provenanceShape, sourcedIntSchema } from "./figure.ts";
import { aircraftTypeIdSchema, countryCodeSchema, siteIdSchema } from "./ids.ts";
import { timeOfDaySchema } from "./instant-schema.ts";
import { parkingClassSchema } from "./parking-class.ts";

export const groundTimeSchema = z.strictObject({
  onload: durationSchema.optional().describe("Time on the ground to load a full aircraft."),
  offload: durationSchema.optional().describe("Time on the ground to unload a full aircraft."),
  refuel: durationSchema.optional().describe("Time to refuel and service at every stop."),
});

export const operatingHoursSchema = z
  .strictObject({
    open: timeOfDaySchema,
    close: timeOfDaySchema.describe("UTC; a close earlier than open means the field is open over midnight."),
  })
  .describe("When the airfield accepts departures and arrivals, UTC. Absent means 24 h.");

export const siteSchema = z
  .strictObject({
    id: siteIdSchema,
    name: z.string().min(1),
    icao: z
      .string()
      .regex(/^[A-Z]{4}$/, "an ICAO code is four capital letters, e.g. DRRN")
      .optional()
      .describe("ICAO code when the site is an airfield; a site without one cannot receive aircraft."),
    location: z.strictObject({
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
      ...provenanceShape,
    }),
    kind: z.enum(["base", "airfield", "road_hub", "destination"]),
    country: countryCodeSchema,
    inHostCountry: z.boolean().describe("True for sites the departing party must leave."),
    parking: z
      .partialRecord(parkingClassSchema, sourcedIntSchema)
      .optional()
      .describe("Maximum aircraft on the ground by parking class. Absent: not limited; a class left out: 0."),
    operatingHours: operatingHoursSchema.optional(),
    groundTimes: z
      .record(aircraftTypeIdSchema, groundTimeSchema)
      .optional()
      .describe("Ground times at this site by aircraft type, overriding the type's defaults."),
    acceptsTypes: z
      .array(aircraftTypeIdSchema)
      .optional()
      .describe("Aircraft types the runway and apron accept. Absent: all."),
    ...provenanceShape,
  })
  .superRefine((s, ctx) => {
    if (s.kind === "destination" && s.inHostCountry) {
      ctx.addIssue({
        code: "custom",
        path: ["inHostCountry"],
        message: "a destination is where forces go, so it cannot be in the host country",
        input: s.inHostCountry,
      });
    }
  });

export type Site = z.output<typeof siteSchema>;
export type GroundTime = z.output<typeof groundTimeSchema>;
