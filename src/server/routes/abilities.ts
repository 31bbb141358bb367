/** What the caller may do to each kind of object of each party (for actions before any object exists). */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { asPartyCode } from "#workflow/ids.ts";
import { abilities, RESOURCE_TYPES } from "#workflow/policy.ts";
import type { ServerDeps } from "../deps.ts";
import { type AppEnv, jsonAnswer, PROBLEMS, requireActor } from "../request.ts";
import { type RouteTable, SESSION } from "../route-table.ts";
import { abilitiesSchema } from "./abilities-wire.ts";

/** Registers `GET /api/abilities`. */
export function registerAbilityRoutes(app: OpenAPIHono<AppEnv>, table: RouteTable, deps: ServerDeps): void {
  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/abilities",
        tags: ["auth"],
        summary: "What the caller may do to each kind of object of each party, from the policy (objects also carry their own abilities)",
        responses: { 200: jsonAnswer(abilitiesSchema, "The caller's abilities"), ...PROBLEMS },
      }),
      SESSION,
    ),
    async (c) => {
      const actor = requireActor(c);
      const byParty: Record<string, Record<string, string[]>> = {};
      for (const party of [deps.parties.departing, deps.parties.host]) {
        const owner = asPartyCode(party);
        byParty[party] = Object.fromEntries(RESOURCE_TYPES.map((type) => [type, abilities(actor, { type, owner }, deps.settings)]));
      }
      return c.json({ party: actor.party, side: actor.side, roles: [...actor.roles], byParty }, 200);
    },
  );
}
