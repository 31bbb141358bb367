/**
 * The Scenario page's routes: `GET /api/scenario/facts` (every figure with its source or
 * "assumption"), `POST /api/scenario/cargo-import/preview` (a spreadsheet checked row by row,
 * nothing written) and `POST /api/scenario/cargo-import` (the same, written into the scenario and
 * the ledger when every row is valid; If-Match the scenario's version). Importing is the departing
 * party's planners' work, as opening cargo dispositions is.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { findScenario } from "#store/scenarios.repository.ts";
import { prepareCargoImport } from "../cargo-import-preview.ts";
import { importCargo } from "../commands/cargo-importer.ts";
import type { ServerDeps } from "../deps.ts";
import { notFound } from "../http-error.ts";
import { type AppEnv, authorizeOn, ifMatch, ifMatchHeader, jsonAnswer, jsonBody, PROBLEMS, requireActor } from "../request.ts";
import { policy, type RouteTable, SESSION } from "../route-table.ts";
import { scenarioFacts } from "../scenario-facts.ts";
import { cargoImportPreviewSchema, cargoImportRequestSchema, cargoImportResultSchema, scenarioFactsSchema } from "./scenario-page-wire.ts";

/** Registers the Scenario page's routes. */
export function registerScenarioPageRoutes(app: OpenAPIHono<AppEnv>, table: RouteTable, deps: ServerDeps): void {
  const stored = async () => {
    const row = await findScenario(deps.db, deps.scenario.id);
    if (row === undefined) throw notFound("scenario", deps.scenario.id);
    return row;
  };

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/scenario/facts",
        tags: ["scenario"],
        summary: "The scenario's facts: agreement, sites, fleet, personnel, cargo and clearance rules, each figure with its source or marked an assumption",
        responses: { 200: jsonAnswer(scenarioFactsSchema, "The facts (ETag: the scenario's version)"), ...PROBLEMS },
      }),
      SESSION,
    ),
    async (c) => {
      requireActor(c);
      const row = await stored();
      c.header("ETag", `"${row.version}"`);
      return c.json(scenarioFacts(JSON.parse(row.json) as unknown, deps.scenario.resolved, row.version), 200);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "post",
        path: "/api/scenario/cargo-import/preview",
        tags: ["scenario"],
        summary: "Check a cargo spreadsheet (CSV or XLSX) against the scenario: every row's problems with line, column and hint; nothing is written",
        request: { body: jsonBody(cargoImportRequestSchema) },
        responses: { 200: jsonAnswer(cargoImportPreviewSchema, "The preview"), ...PROBLEMS },
      }),
      policy("cargo_disposition", "create"),
    ),
    async (c) => {
      const actor = requireActor(c);
      authorizeOn(deps, actor, "create", { type: "cargo_disposition", owner: deps.parties.departing });
      const row = await stored();
      const { preview } = await prepareCargoImport(c.req.valid("json"), { json: row.json, version: row.version });
      return c.json(preview, 200);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "post",
        path: "/api/scenario/cargo-import",
        tags: ["scenario"],
        summary: "Import a cargo spreadsheet into the scenario: written (and recorded in the ledger) only when every row is valid; If-Match the scenario's version",
        request: { body: jsonBody(cargoImportRequestSchema), headers: ifMatchHeader },
        responses: { 200: jsonAnswer(cargoImportResultSchema, "Imported"), ...PROBLEMS },
      }),
      policy("cargo_disposition", "create"),
    ),
    async (c) => {
      const actor = requireActor(c);
      authorizeOn(deps, actor, "create", { type: "cargo_disposition", owner: deps.parties.departing });
      const expected = ifMatch(c);
      const row = await stored();
      const prepared = await prepareCargoImport(c.req.valid("json"), { json: row.json, version: row.version });
      const result = await importCargo(deps, { actor, prepared, expectedVersion: expected });
      c.header("ETag", `"${result.scenarioVersion}"`);
      return c.json(result, 200);
    },
  );
}
