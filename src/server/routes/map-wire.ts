/**
 * The wire format of `GET /api/map`: the scenario's geography and one day's movements. It
 * imports zod only, so the web app can import its types (never its code).
 */
import { z } from "@hono/zod-openapi";

const instant = z.string().describe("ISO 8601 instant, UTC.");

export const mapSiteSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    icao: z.string().optional(),
    kind: z.enum(["base", "airfield", "road_hub", "destination"]),
    country: z.string().describe("ISO 3166-1 alpha-2."),
    inHostCountry: z.boolean(),
    lat: z.number(),
    lon: z.number(),
  })
  .openapi("MapSite");

export const mapMovementSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    status: z.string(),
    from: z.string(),
    to: z.string(),
    departAt: instant.describe("Planned departure (the actual one once departed, in `departedAt`)."),
    arriveAt: instant,
    departedAt: instant.optional(),
    arrivedAt: instant.optional(),
    planRef: z.string().optional(),
  })
  .openapi("MapMovement");

export const mapSchema = z
  .object({
    day: z.string().describe("The UTC day shown, YYYY-MM-DD."),
    hostCountry: z.string(),
    sites: z.array(mapSiteSchema),
    airLegs: z.array(z.object({ from: z.string(), to: z.string(), overflies: z.array(z.string()), distanceKm: z.number().optional() })),
    roadRoutes: z.array(z.object({ id: z.string(), from: z.string(), to: z.string(), distanceKm: z.number() })),
    overflown: z.array(z.string()).describe("Every country an air leg crosses (alpha-2), the host's included."),
    movements: z.array(mapMovementSchema).describe("Movements on the way during the day: departing, arriving or in the air or on the road."),
  })
  .openapi("Map");
