/** Health, the current scenario, and plan versions: run, publish, list, get, compare with actuals. */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { sql } from "kysely";
import type { Plan } from "#domain/plan.ts";
import { formatInstant, parseInstant } from "#domain/time.ts";
import { listMovements } from "#store/movements.repository.ts";
import { listPersonnelEvents } from "#store/persons.repository.ts";
import { findPlanVersion, listPlanVersions } from "#store/plan-versions.repository.ts";
import type { PlanSummary } from "#domain/plan.ts";
import { compareWithBaseline } from "#workflow/plan-version.ts";
import type { Actor } from "#workflow/actor.ts";
import { instantOf } from "../clock.ts";
import { planForPublication, publishPlanVersion } from "../commands/plan-publisher.ts";
import type { ServerDeps } from "../deps.ts";
import { HttpError, notFound } from "../http-error.ts";
import { movementOfRow, personnelEventOfRow } from "../persistence.ts";
import { inHostCountry, loadBaseline } from "../plan-access.ts";
import { planVersionOfRow } from "../plan-register.ts";
import { type AppEnv, authorizeOn, idParam, jsonAnswer, jsonBody, PROBLEMS, problem, requireActor } from "../request.ts";
import { policy, PUBLIC, type RouteTable, SESSION } from "../route-table.ts";
import { presentClock, presentPlanVersion } from "../presenters.ts";
import { clockSchema, listOf, planVersionSchema } from "../wire.ts";

const json = z.record(z.string(), z.unknown());
const scenarioSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    origin: z.string().describe("The ledger's origin line."),
    agreement: json,
    parties: z.array(z.object({ code: z.string(), name: z.string(), role: z.string(), country: z.string() })),
    sites: z.array(z.object({ id: z.string(), name: z.string(), country: z.string(), inHostCountry: z.boolean() })),
    personnel: z.object({ groups: z.number().int(), people: z.number().int() }),
    cargo: z.object({ lines: z.number().int(), pieces: z.number().int() }),
    fleet: z.array(json),
    start: z.string(),
    deadline: z.string(),
  })
  .openapi("Scenario");
const runSchema = z.strictObject({ seed: z.number().int().min(0).max(2 ** 31 - 1).optional() }).openapi("PlanRun");
const publishSchema = z
  .strictObject({ seed: z.number().int().min(0).max(2 ** 31 - 1).optional(), note: z.string().trim().max(2000).optional() })
  .openapi("PlanPublication");
const comparisonSchema = json.openapi("BaselineComparison");

/** Registers health, scenario and plan routes. */
export function registerPlanRoutes(app: OpenAPIHono<AppEnv>, table: RouteTable, deps: ServerDeps): void {
  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/health",
        tags: ["server"],
        summary: "Liveness: answers when the server and its database answer; says which clock it runs on",
        responses: {
          200: jsonAnswer(z.object({ ok: z.boolean(), scenario: z.string(), clock: clockSchema }).openapi("Health"), "Up"),
          ...PROBLEMS,
          503: problem("The database does not answer"),
        },
      }),
      PUBLIC,
    ),
    async (c) => {
      try {
        await sql`select 1`.execute(deps.db);
      } catch (error) {
        deps.logger.error("health.database_down", { message: error instanceof Error ? error.message.slice(0, 300) : String(error) });
        throw new HttpError(503, "server.database_unavailable", "Database unavailable", "the server is up but its database does not answer");
      }
      return c.json({ ok: true, scenario: deps.scenario.id, clock: presentClock(deps) }, 200);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/scenario",
        tags: ["scenario"],
        summary: "The current scenario, summarised",
        responses: { 200: jsonAnswer(scenarioSchema, "The scenario"), ...PROBLEMS },
      }),
      SESSION,
    ),
    async (c) => {
      requireActor(c);
      const rs = deps.scenario.resolved;
      const s = rs.scenario;
      const count = (v: unknown) => (typeof v === "number" ? v : typeof v === "object" && v !== null && "value" in v ? Number((v as { value: unknown }).value) : 0);
      return c.json(
        {
          id: s.id,
          name: s.name,
          origin: deps.ledger.keys.origin,
          agreement: { title: s.agreement.title, signedOn: s.agreement.signedOn, signedAt: s.agreement.signedAt, terms: s.agreement.terms },
          parties: s.agreement.parties.map((p) => ({ code: p.code, name: p.name, role: p.role, country: p.country })),
          sites: s.sites.map((x) => ({ id: x.id, name: x.name, country: x.country, inHostCountry: x.inHostCountry })),
          personnel: { groups: s.personnel.length, people: s.personnel.reduce((n, g) => n + count(g.count), 0) },
          cargo: { lines: s.cargo.length, pieces: s.cargo.reduce((n, x) => n + x.quantity, 0) },
          fleet: s.fleet.map((f) => ({ ...(f as unknown as Record<string, unknown>) })),
          start: formatInstant(rs.start),
          deadline: formatInstant(rs.deadline),
        },
        200,
      );
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "post",
        path: "/api/plans/run",
        tags: ["plans"],
        summary: "Run the planner on the current scenario (off the request thread in production; nothing is stored)",
        request: { body: jsonBody(runSchema) },
        responses: {
          200: jsonAnswer(z.object({ summary: json, plan: json }), "The plan"),
          ...PROBLEMS,
          409: problem("Conflict: the scenario changed while the planner ran"),
          429: problem("The planner is busy: try again later (Retry-After)"),
        },
      }),
      policy("plan_version", "publish"),
    ),
    async (c) => {
      const actor = requireActor(c);
      authorizeOn(deps, actor, "publish", { type: "plan_version", owner: deps.parties.departing });
      const plan = await planForPublication(deps, c.req.valid("json").seed ?? 1, "run");
      return c.json({ summary: plan.summary as unknown as Record<string, unknown>, plan: plan as unknown as Record<string, unknown> }, 200);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "post",
        path: "/api/plans",
        tags: ["plans"],
        summary: "Plan the current scenario (off the request thread in production) and publish the result as the new baseline",
        request: { body: jsonBody(publishSchema) },
        responses: {
          201: jsonAnswer(planVersionSchema, "Published"),
          ...PROBLEMS,
          409: problem("Conflict: the scenario changed while the planner ran, or the plan is the baseline's"),
          429: problem("The planner is busy: try again later (Retry-After)"),
        },
      }),
      policy("plan_version", "publish"),
    ),
    async (c) => {
      const actor = requireActor(c);
      authorizeOn(deps, actor, "publish", { type: "plan_version", owner: deps.parties.departing });
      const body = c.req.valid("json");
      const seed = body.seed ?? 1;
      const plan = await planForPublication(deps, seed);
      const { version } = await publishPlanVersion(deps, { actor, seed, note: body.note, plan });
      const summary = version.summary as unknown as Record<string, unknown>;
      return c.json(presentPlanVersion(deps, actor, version, { publishedAt: formatInstant(version.publishedAt), version: 1, summary }), 201);
    },
  );

  const present = (actor: Actor, row: Awaited<ReturnType<typeof listPlanVersions>>[number], summary?: PlanSummary, plan?: Plan) =>
    presentPlanVersion(deps, actor, planVersionOfRow(row, deps.parties.departing, summary), {
      publishedAt: row.published_at,
      version: row.version,
      summary: (summary ?? {}) as unknown as Record<string, unknown>,
      plan,
    });

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/plans",
        tags: ["plans"],
        summary: "Published plan versions",
        responses: { 200: jsonAnswer(listOf(planVersionSchema, "PlanVersionList"), "Versions"), ...PROBLEMS },
      }),
      policy("plan_version", "read"),
    ),
    async (c) => {
      const actor = requireActor(c);
      authorizeOn(deps, actor, "read", { type: "plan_version", owner: deps.parties.departing });
      const rows = await listPlanVersions(deps.db, deps.scenario.id);
      return c.json({ items: rows.map((r) => present(actor, r)) }, 200);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/plans/comparison",
        tags: ["plans"],
        summary: "Actuals compared with the baseline at an instant (default: now)",
        request: { query: z.object({ at: z.string().optional().openapi({ description: "ISO instant" }) }) },
        responses: { 200: jsonAnswer(comparisonSchema, "Comparison"), ...PROBLEMS },
      }),
      policy("plan_version", "read"),
    ),
    async (c) => {
      const actor = requireActor(c);
      authorizeOn(deps, actor, "read", { type: "plan_version", owner: deps.parties.departing });
      const q = c.req.valid("query").at;
      const at = q === undefined ? instantOf(deps.clock.now()) : parseInstant(q);
      if (at === undefined) throw new HttpError(422, "request.invalid", "The request is not valid", "at is not an ISO instant", { errors: [{ path: "$.at", message: "not an ISO 8601 instant" }] });
      const { plan } = await loadBaseline(deps, deps.db);
      const movements = (await listMovements(deps.db)).map(movementOfRow);
      const events = (await listPersonnelEvents(deps.db)).map(personnelEventOfRow);
      const r = compareWithBaseline(plan, movements, events, at, (site) => inHostCountry(deps, site));
      const iso = formatInstant;
      return c.json(
        {
          at: iso(r.at),
          movements: { ...r.movements, late: r.movements.late.map((l) => ({ ...l, plannedAt: iso(l.plannedAt), departedAt: iso(l.departedAt) })) },
          people: r.people,
        },
        200,
      );
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/plans/{id}",
        tags: ["plans"],
        summary: "One plan version with its plan",
        request: { params: idParam },
        responses: { 200: jsonAnswer(planVersionSchema, "The version"), ...PROBLEMS },
      }),
      policy("plan_version", "read"),
    ),
    async (c) => {
      const actor = requireActor(c);
      authorizeOn(deps, actor, "read", { type: "plan_version", owner: deps.parties.departing });
      const { id } = c.req.valid("param");
      const row = await findPlanVersion(deps.db, id);
      if (row === undefined || row.scenario_id !== deps.scenario.id) throw notFound("plan_version", id);
      const plan = JSON.parse(row.plan_json) as Plan;
      return c.json(present(actor, row, plan.summary, plan), 200);
    },
  );
}
