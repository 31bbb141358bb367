/**
 * The Plan page's reads: `GET /api/plans/{id}/gantt` (a published version's sorties by aircraft,
 * convoys and airline seats, with their status on the server) and
 * `GET /api/plans/{id}/sorties/{sortie}/load` (one sortie's load plan with the type's load model).
 * Anyone who may read plan versions may read these; they carry no personal data (groups only).
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Plan } from "#domain/plan.ts";
import { listClearanceRequests } from "#store/clearance-requests.repository.ts";
import { listMovements } from "#store/movements.repository.ts";
import { findPlanVersion } from "#store/plan-versions.repository.ts";
import type { PlanVersion as PlanVersionRow } from "#store/schema.ts";
import type { ServerDeps } from "../deps.ts";
import { notFound } from "../http-error.ts";
import { planGantt } from "../plan-gantt.ts";
import { type AppEnv, authorizeOn, idParam, jsonAnswer, PROBLEMS, requireActor } from "../request.ts";
import { policy, type RouteTable } from "../route-table.ts";
import { sortieLoad } from "../sortie-load.ts";
import { planGanttSchema, sortieLoadSchema } from "./plan-view-wire.ts";

/** Parsed plans kept (a large plan is megabytes of JSON; the page reads one version at a time). */
const CACHED_PLANS = 2;

/** Registers the Plan page's read routes. */
export function registerPlanViewRoutes(app: OpenAPIHono<AppEnv>, table: RouteTable, deps: ServerDeps): void {
  const cache = new Map<string, Plan>();
  const planOf = (row: PlanVersionRow): Plan => {
    let plan = cache.get(row.id);
    if (plan === undefined) {
      plan = JSON.parse(row.plan_json) as Plan;
      cache.set(row.id, plan);
      for (const key of cache.keys()) if (cache.size > CACHED_PLANS) cache.delete(key);
    }
    return plan;
  };
  const versionRow = async (id: string): Promise<PlanVersionRow> => {
    const row = await findPlanVersion(deps.db, id);
    if (row === undefined || row.scenario_id !== deps.scenario.id) throw notFound("plan_version", id);
    return row;
  };

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/plans/{id}/gantt",
        tags: ["plans"],
        summary: "A plan version as a Gantt: sorties by aircraft, convoys, airline seats, with their clearance and movement status",
        request: { params: idParam },
        responses: { 200: jsonAnswer(planGanttSchema, "The Gantt"), ...PROBLEMS },
      }),
      policy("plan_version", "read"),
    ),
    async (c) => {
      const actor = requireActor(c);
      authorizeOn(deps, actor, "read", { type: "plan_version", owner: deps.parties.departing });
      const row = await versionRow(c.req.valid("param").id);
      const plan = planOf(row);
      const clearances = (await listClearanceRequests(deps.db)).filter((r) => r.plan_version_id === row.id);
      const movements = await listMovements(deps.db);
      return c.json(
        planGantt({
          plan,
          scenario: deps.scenario.resolved.scenario,
          version: { id: row.id, number: row.version_number, publishedAt: row.published_at, baseline: row.is_baseline === 1 },
          clearances,
          movements,
        }),
        200,
      );
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/plans/{id}/sorties/{sortie}/load",
        tags: ["plans"],
        summary: "One sortie's load plan: the type's load model, each loaded leg's positions, floor and seats, balance and margins, pallets with their build-up",
        request: { params: idParam.extend({ sortie: z.string().min(1).max(64).openapi({ param: { name: "sortie", in: "path" } }) }) },
        responses: { 200: jsonAnswer(sortieLoadSchema, "The load plan"), ...PROBLEMS },
      }),
      policy("plan_version", "read"),
    ),
    async (c) => {
      const actor = requireActor(c);
      authorizeOn(deps, actor, "read", { type: "plan_version", owner: deps.parties.departing });
      const { id, sortie } = c.req.valid("param");
      const row = await versionRow(id);
      const load = sortieLoad(planOf(row), sortie, deps.scenario.resolved, { id: row.id, number: row.version_number });
      if (load === undefined) throw notFound("sortie", sortie);
      return c.json(load, 200);
    },
  );
}
