/**
 * The wire format of `GET /api/personnel/headcount/series`: the in-country headcount by site over
 * time, by the entry, transfer and exit records. It imports zod only, so the web app can import
 * its types (never its code).
 */
import { z } from "@hono/zod-openapi";

const instant = z.string().describe("ISO 8601 instant, UTC.");

export const headcountSeriesSchema = z
  .object({
    from: instant.describe("The scenario's start: the series begins at the first 00:00 UTC from there."),
    at: instant.describe("The last point: the server's now, or the `to` asked for."),
    points: z.array(instant).describe("Each day's 00:00 UTC, then `at`."),
    sites: z.array(z.object({ site: z.string(), counts: z.array(z.number().int()).describe("People at the site at each point.") })),
    total: z.array(z.number().int()).describe("People in the country at each point."),
  })
  .openapi("HeadcountSeries");
