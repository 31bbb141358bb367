import { z } from "zod";
import { fleetCrewSchema } from "./crew.ts";
import { provenanceShape, sourcedIntSchema } from "./figure.ts";
import { aircraftTypeIdSchema, fleetIdSchema, serviceIdSchema, siteIdSchema } from "./ids.ts";
import { instantSchema, timeOfDaySchema, weekdaySchema } from "./instant-schema.ts";
import { personnelCategorySchema } from "./personnel.ts";

export const windowSchema = z
  .strictObject({ from: instantSchema, to: instantSchema })
  .refine((w) => w.to > w.from, { message: "a window must end after it starts", path: ["to"] });
export type Window = z.output<typeof windowSchema>;

/** Aircraft of one type made available to the withdrawal. */
export const fleetEntrySchema = z.strictObject({
  id: fleetIdSchema,
  type: aircraftTypeIdSchema,
  count: sourcedIntSchema.describe("Aircraft of this type; each gets a tail id `<fleet id>-<n>`."),
  base: siteIdSchema.describe("Home or staging base where each aircraft starts."),
  availability: z
    .array(windowSchema)
    .min(1)
    .describe("When the aircraft may fly for the withdrawal; every leg lies inside one window."),
  crew: fleetCrewSchema.prefault({}).describe("Crew complement and staged crews (default: one basic crew per aircraft)."),
  outOfService: z
    .array(
      z
        .strictObject({
          aircraft: z.number().int().positive().describe("The aircraft's number n in its tail id `<fleet id>-<n>`."),
          from: instantSchema,
          to: instantSchema.optional().describe("Back in service at this instant; absent: for good."),
          reason: z.string().optional(),
          ...provenanceShape,
        })
        .refine((o) => o.to === undefined || o.to > o.from, { message: "back in service before it went out", path: ["to"] }),
    )
    .default([])
    .describe("Periods when one aircraft of the entry may not fly (breakdown, maintenance), e.g. from a re-planning event."),
  ...provenanceShape,
});

/** Seats on scheduled airline flights that some personnel may use. */
export const commercialServiceSchema = z.strictObject({
  id: serviceIdSchema,
  airport: siteIdSchema,
  airline: z.string().min(1).optional(),
  weekdays: z.array(weekdaySchema).min(1).describe("Days with a departure (flights per week = their number)."),
  departureTime: timeOfDaySchema,
  seatsPerFlight: sourcedIntSchema.describe("Seats per flight available to the departing party."),
  eligible: z.array(personnelCategorySchema).min(1).describe("Personnel categories allowed on these seats."),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  ...provenanceShape,
});

export type FleetEntry = z.output<typeof fleetEntrySchema>;
export type CommercialService = z.output<typeof commercialServiceSchema>;
