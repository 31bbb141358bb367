/** Movements: create from the plan, list, get (passengers as the caller may see them), and the transitions. */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { instantSchema } from "#domain/instant-schema.ts";
import { listMovements } from "#store/movements.repository.ts";
import { listPersons } from "#store/persons.repository.ts";
import type { Actor } from "#workflow/actor.ts";
import {
  actualTimeCommandSchema,
  cancelMovementCommandSchema,
  manifestSchema,
  type Movement,
  movementChangesSchema,
} from "#workflow/movement.ts";
import { can, type Action } from "#workflow/policy.ts";
import { markMovementCleared } from "../commands/movement-clearer.ts";
import { createMovementsFromPlan } from "../commands/movement-creator.ts";
import { departMovement } from "../commands/movement-departer.ts";
import { arriveMovement, cancelMovementCommand, recordMovementManifest, scheduleMovement } from "../commands/movement-steps.ts";
import type { ServerDeps } from "../deps.ts";
import { historyOf, loadMovement, movementOfRow, personOfRow } from "../persistence.ts";
import { presentHistory, presentMovement } from "../presenters.ts";
import { type AppEnv, authorizeOn, idParam, jsonAnswer, jsonBody, PROBLEMS, requireActor } from "../request.ts";
import { policy, type RouteTable } from "../route-table.ts";
import { listOf, movementSchema } from "../wire.ts";
import { stepRoute } from "./step-route.ts";

const departSchema = z
  .strictObject({
    at: instantSchema.optional().describe("When it departed (ISO); default now."),
    manifest: manifestSchema.optional().describe("The actual load and passengers, if they differ from the recorded manifest."),
  })
  .openapi("Departure");
const departAnswer = z
  .object({ movement: movementSchema, clearancesUsed: z.number().int(), exits: z.number().int() })
  .openapi("DepartureResult");

/** Registers the movement routes. */
export function registerMovementRoutes(app: OpenAPIHono<AppEnv>, table: RouteTable, deps: ServerDeps): void {
  const loadFor = async (actor: Actor, id: string, action: Action) => {
    const m = await loadMovement(deps.db, id);
    authorizeOn(deps, actor, action, { type: "movement", owner: m.owner });
    return m;
  };

  app.openapi(
    table.add(
      createRoute({
        method: "post",
        path: "/api/movements/from-plan",
        tags: ["movements"],
        summary: "Create the published plan's movements that do not exist yet",
        request: { body: jsonBody(z.strictObject({})) },
        responses: { 201: jsonAnswer(listOf(movementSchema, "MovementList"), "Created"), ...PROBLEMS },
      }),
      policy("movement", "create"),
    ),
    async (c) => {
      const actor = requireActor(c);
      authorizeOn(deps, actor, "create", { type: "movement", owner: deps.parties.departing });
      const created = await createMovementsFromPlan(deps, { actor });
      return c.json({ items: created.map((m) => presentMovement(deps, actor, m)) }, 201);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/movements",
        tags: ["movements"],
        summary: "Movements, filtered by status or kind",
        request: { query: z.object({ status: z.string().max(32).optional(), kind: z.string().max(32).optional() }) },
        responses: { 200: jsonAnswer(listOf(movementSchema, "MovementList"), "Movements"), ...PROBLEMS },
      }),
      policy("movement", "read"),
    ),
    async (c) => {
      const actor = requireActor(c);
      const rows = await listMovements(deps.db, c.req.valid("query"));
      const items = rows
        .map(movementOfRow)
        .filter((m) => can(actor, "read", { type: "movement", owner: m.owner }, deps.settings))
        .map((m) => presentMovement(deps, actor, m));
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/movements/{id}",
        tags: ["movements"],
        summary: "One movement with its passengers (as the caller may see them) and history",
        request: { params: idParam },
        responses: { 200: jsonAnswer(movementSchema, "The movement"), ...PROBLEMS },
      }),
      policy("movement", "read"),
    ),
    async (c) => {
      const actor = requireActor(c);
      const m = await loadFor(actor, c.req.valid("param").id, "read");
      const persons = new Map((await listPersons(deps.db, m.manifest.persons)).map((r) => [r.id, personOfRow(r)]));
      const history = presentHistory(await historyOf(deps.db, "movement", m.id), await deps.ledger.finalSize(deps.db));
      c.header("ETag", `"${m.version}"`);
      return c.json(presentMovement(deps, actor, m, { persons, history }), 200);
    },
  );

  const present = (actor: Actor, m: Movement) => ({ version: m.version, body: presentMovement(deps, actor, m) });
  const load = (id: string) => loadMovement(deps.db, id);
  stepRoute(app, table, deps, {
    method: "put",
    path: "/api/movements/{id}/manifest",
    tag: "movements",
    summary: "Record who (by person id) and what is on board, until departure (If-Match)",
    resource: "movement",
    action: "record_manifest",
    body: manifestSchema,
    answer: movementSchema,
    answerDescription: "Recorded",
    load,
    run: (actor, id, v, manifest) => recordMovementManifest(deps, { actor, id, expectedVersion: v, manifest }),
    present,
  });

  stepRoute(app, table, deps, {
    method: "post",
    path: "/api/movements/{id}/depart",
    tag: "movements",
    summary: "Record the departure with the actual load and passengers; clearances used and exits recorded with it (If-Match)",
    resource: "movement",
    action: "depart",
    body: departSchema,
    answer: departAnswer,
    answerDescription: "Departed",
    load,
    run: (actor, id, v, body) =>
      departMovement(deps, { actor, id, expectedVersion: v, command: body.at === undefined ? {} : { at: body.at }, manifest: body.manifest }),
    present: (actor, r) => ({
      version: r.movement.version,
      body: { movement: presentMovement(deps, actor, r.movement), clearancesUsed: r.clearancesUsed, exits: r.exits },
    }),
  });

  const transition = <S extends z.ZodType>(
    name: string,
    action: Action,
    summary: string,
    schema: S,
    run: (actor: Actor, id: string, expectedVersion: number, body: z.output<S>) => Promise<Movement>,
  ) =>
    stepRoute(app, table, deps, {
      method: "post",
      path: `/api/movements/{id}/${name}`,
      tag: "movements",
      summary: `${summary} (If-Match)`,
      resource: "movement",
      action,
      body: schema,
      answer: movementSchema,
      answerDescription: "The movement after the transition",
      load,
      run,
      present,
    });
  transition("schedule", "schedule", "Commit to the schedule, optionally with new times; cleared at once if its clearances are approved", movementChangesSchema, (actor, id, v, changes) =>
    scheduleMovement(deps, { actor, id, expectedVersion: v, changes }),
  );
  transition("mark-cleared", "mark_cleared", "Mark cleared (the server does it by itself when the last clearance is approved)", z.strictObject({}), (actor, id, v) =>
    markMovementCleared(deps, { actor, id, expectedVersion: v }),
  );
  transition("arrive", "arrive", "Record the arrival", actualTimeCommandSchema, (actor, id, v, command) => arriveMovement(deps, { actor, id, expectedVersion: v, command }));
  transition("cancel", "cancel", "Cancel a movement that has not departed", cancelMovementCommandSchema, (actor, id, v, command) =>
    cancelMovementCommand(deps, { actor, id, expectedVersion: v, command }),
  );
}
