/**
 * The personnel import's routes: `POST /api/personnel/import/preview` (a unit's roster checked row
 * by row, nothing written) and `POST /api/personnel/import` (the same, and when every row is valid
 * its persons registered and their entries recorded, in one transaction with their ledger leaves).
 * Registering persons is the departing party's planners' work; the host never gets these answers,
 * which hold document numbers.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { importPersonnel, importTime } from "../commands/personnel-importer.ts";
import type { ServerDeps } from "../deps.ts";
import { preparePersonnelImport } from "../personnel-import-preview.ts";
import { type AppEnv, authorizeOn, jsonAnswer, jsonBody, PROBLEMS, requireActor } from "../request.ts";
import { policy, type RouteTable } from "../route-table.ts";
import type { Actor } from "#workflow/actor.ts";
import { personnelImportPreviewSchema, personnelImportRequestSchema, personnelImportResultSchema } from "./scenario-page-wire.ts";

/** Registers the personnel import's routes. */
export function registerPersonnelImportRoutes(app: OpenAPIHono<AppEnv>, table: RouteTable, deps: ServerDeps): void {
  const mayImport = (actor: Actor) => {
    authorizeOn(deps, actor, "create", { type: "person", owner: deps.parties.departing });
    authorizeOn(deps, actor, "record_entry", { type: "personnel_event", owner: deps.parties.departing });
  };

  app.openapi(
    table.add(
      createRoute({
        method: "post",
        path: "/api/personnel/import/preview",
        tags: ["personnel"],
        summary: "Check a unit's roster (CSV or XLSX) against the scenario and the person register: every row's problems with line, column and hint; nothing is written",
        request: { body: jsonBody(personnelImportRequestSchema) },
        responses: { 200: jsonAnswer(personnelImportPreviewSchema, "The preview"), ...PROBLEMS },
      }),
      policy("person", "create"),
    ),
    async (c) => {
      const actor = requireActor(c);
      mayImport(actor);
      const at = { db: deps.db, scenario: deps.scenario.resolved, owner: deps.parties.departing, now: importTime(deps) };
      const { preview } = await preparePersonnelImport(c.req.valid("json"), at);
      return c.json(preview, 200);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "post",
        path: "/api/personnel/import",
        tags: ["personnel"],
        summary:
          "Register a unit's roster: every person, and an entry at the row's site; written (with ledger leaves holding ids only) only when every row is valid",
        request: { body: jsonBody(personnelImportRequestSchema) },
        responses: { 201: jsonAnswer(personnelImportResultSchema, "Registered"), ...PROBLEMS },
      }),
      policy("person", "create"),
    ),
    async (c) => {
      const actor = requireActor(c);
      mayImport(actor);
      return c.json(await importPersonnel(deps, { actor, request: c.req.valid("json") }), 201);
    },
  );
}
