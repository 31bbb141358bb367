/** The map: sites, air legs, road routes, countries overflown, and one day's movements. */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { greatCircleKm } from "#domain/geo.ts";
import { formatDay, formatInstant, type Instant, MINUTES_PER_DAY, startOfDay } from "#domain/time.ts";
import { listMovements } from "#store/movements.repository.ts";
import { can } from "#workflow/policy.ts";
import { instantOf } from "../clock.ts";
import type { ServerDeps } from "../deps.ts";
import { HttpError } from "../http-error.ts";
import { movementOfRow } from "../persistence.ts";
import { hostCountry } from "../plan-access.ts";
import { type AppEnv, jsonAnswer, PROBLEMS, requireActor } from "../request.ts";
import { type RouteTable, SESSION } from "../route-table.ts";
import { mapSchema } from "./map-wire.ts";

const dayQuery = z.object({
  day: z
    .string()
    .optional()
    .openapi({ description: "The UTC day, YYYY-MM-DD (default: the server's today)." }),
});

/** Registers `GET /api/map`. */
export function registerMapRoutes(app: OpenAPIHono<AppEnv>, table: RouteTable, deps: ServerDeps): void {
  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/map",
        tags: ["progress"],
        summary: "The map: sites with their positions, air legs and the countries they cross, road routes, and the movements of one day",
        request: { query: dayQuery },
        responses: { 200: jsonAnswer(mapSchema, "The map"), ...PROBLEMS },
      }),
      SESSION,
    ),
    async (c) => {
      const actor = requireActor(c);
      const q = c.req.valid("query").day;
      const dayStart = q === undefined ? startOfDay(instantOf(deps.clock.now())) : parseDay(q);
      const dayEnd = (dayStart + MINUTES_PER_DAY) as Instant;
      const s = deps.scenario.resolved.scenario;
      const sites = new Map(s.sites.map((x) => [x.id as string, x]));

      const movements = (await listMovements(deps.db))
        .map(movementOfRow)
        .filter((m) => can(actor, "read", { type: "movement", owner: m.owner }, deps.settings))
        .filter((m) => {
          // On the way during the day: from its (actual or planned) departure to its arrival.
          const from = "departedAt" in m ? m.departedAt : m.details.departAt;
          const to = "arrivedAt" in m ? m.arrivedAt : Math.max(m.details.arriveAt, from + (m.details.arriveAt - m.details.departAt));
          return m.status !== "cancelled" && from < dayEnd && to >= dayStart;
        })
        .map((m) => ({
          id: m.id,
          kind: m.details.kind,
          status: m.status,
          from: m.details.from,
          to: m.details.to,
          departAt: formatInstant(m.details.departAt),
          arriveAt: formatInstant(m.details.arriveAt),
          ...("departedAt" in m ? { departedAt: formatInstant(m.departedAt) } : {}),
          ...("arrivedAt" in m ? { arrivedAt: formatInstant(m.arrivedAt) } : {}),
          ...(m.details.planRef === undefined ? {} : { planRef: m.details.planRef }),
        }));

      const legKm = (from: string, to: string) => {
        const a = sites.get(from);
        const b = sites.get(to);
        return a && b ? Math.round(greatCircleKm(a.location, b.location)) : undefined;
      };
      const airLegs = s.airLegs.map((l) => {
        const km = l.distance ?? legKm(l.from, l.to);
        return { from: l.from, to: l.to, overflies: [...l.overflies], ...(km === undefined ? {} : { distanceKm: Math.round(km) }) };
      });
      return c.json(
        {
          day: formatDay(dayStart),
          hostCountry: hostCountry(deps),
          sites: s.sites.map((x) => ({
            id: x.id,
            name: x.name,
            ...(x.icao === undefined ? {} : { icao: x.icao }),
            kind: x.kind,
            country: x.country,
            inHostCountry: x.inHostCountry,
            lat: x.location.lat,
            lon: x.location.lon,
          })),
          airLegs,
          roadRoutes: s.roadRoutes.map((r) => ({ id: r.id, from: r.from, to: r.to, distanceKm: Math.round(r.distance) })),
          overflown: [...new Set(s.airLegs.flatMap((l) => l.overflies))].sort(),
          movements,
        },
        200,
      );
    },
  );
}

/** 00:00 UTC of a YYYY-MM-DD day, or 422 naming the parameter. */
function parseDay(day: string): Instant {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
  if (!Number.isFinite(ms))
    throw new HttpError(422, "request.invalid", "The request is not valid", "day is not a date", {
      errors: [{ path: "$.day", message: "a UTC day as YYYY-MM-DD, e.g. 2024-06-03" }],
    });
  return Math.floor(ms / 60_000) as Instant;
}
