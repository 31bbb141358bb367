/** The in-country headcount by site over time, from the personnel records: the Personnel page's chart. */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { formatInstant, parseInstant } from "#domain/time.ts";
import { listPersonnelEvents } from "#store/persons.repository.ts";
import { headcountSeries } from "#workflow/headcount-series.ts";
import { instantOf } from "../clock.ts";
import type { ServerDeps } from "../deps.ts";
import { HttpError } from "../http-error.ts";
import { personnelEventOfRow } from "../persistence.ts";
import { type AppEnv, authorizeOn, jsonAnswer, PROBLEMS, requireActor } from "../request.ts";
import { type RouteTable, SESSION } from "../route-table.ts";
import { headcountSeriesSchema } from "./headcount-series-wire.ts";

const toQuery = z.object({ to: z.string().optional().openapi({ description: "ISO instant of the last point; default now" }) });

/** Registers `GET /api/personnel/headcount/series`. */
export function registerHeadcountSeriesRoutes(app: OpenAPIHono<AppEnv>, table: RouteTable, deps: ServerDeps): void {
  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/personnel/headcount/series",
        tags: ["personnel"],
        summary: "In-country headcount by site at each day's start from the scenario's start, and now (counts only, no persons)",
        request: { query: toQuery },
        responses: { 200: jsonAnswer(headcountSeriesSchema, "The series"), ...PROBLEMS },
      }),
      // Every role of both parties may read personnel records (the policy's personnel_event read),
      // so the route is open to any session; the handler still asks the policy.
      SESSION,
    ),
    async (c) => {
      const actor = requireActor(c);
      authorizeOn(deps, actor, "read", { type: "personnel_event", owner: deps.parties.departing });
      const q = c.req.valid("query").to;
      const to = q === undefined ? instantOf(deps.clock.now()) : parseInstant(q);
      if (to === undefined)
        throw new HttpError(422, "request.invalid", "The request is not valid", "1 problem in the query", { errors: [{ path: "$.to", message: "not an ISO 8601 instant" }] });
      const from = deps.scenario.resolved.start;
      const s = headcountSeries((await listPersonnelEvents(deps.db)).map(personnelEventOfRow), from, to);
      return c.json(
        { from: formatInstant(from), at: formatInstant(to), points: s.points.map(formatInstant), sites: s.sites.map((x) => ({ site: x.site, counts: [...x.counts] })), total: [...s.total] },
        200,
      );
    },
  );
}
