/** Every person's presence with its version: what the Personnel page needs to record entries, transfers and exits. */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { formatInstant } from "#domain/time.ts";
import { listPersonnelEvents, listPersons } from "#store/persons.repository.ts";
import { presenceOf } from "#workflow/personnel.ts";
import { can } from "#workflow/policy.ts";
import type { ServerDeps } from "../deps.ts";
import { personnelEventOfRow, personOfRow } from "../persistence.ts";
import { type AppEnv, jsonAnswer, PROBLEMS, requireActor } from "../request.ts";
import { type RouteTable, SESSION } from "../route-table.ts";
import { presenceListSchema } from "./presence-wire.ts";

/** Registers `GET /api/personnel/presence`. */
export function registerPresenceRoutes(app: OpenAPIHono<AppEnv>, table: RouteTable, deps: ServerDeps): void {
  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/personnel/presence",
        tags: ["personnel"],
        summary: "Where each person is by the records, with the presence version to base the next record on (persons by id)",
        responses: { 200: jsonAnswer(presenceListSchema, "Presence of each person"), ...PROBLEMS },
      }),
      // Any session: every role may read personnel records; each person is still checked below.
      SESSION,
    ),
    async (c) => {
      const actor = requireActor(c);
      const persons = (await listPersons(deps.db)).map(personOfRow).filter((p) => can(actor, "read", { type: "personnel_event", owner: p.owner }, deps.settings));
      const byPerson = new Map<string, ReturnType<typeof personnelEventOfRow>[]>();
      for (const e of (await listPersonnelEvents(deps.db)).map(personnelEventOfRow)) byPerson.set(e.person, [...(byPerson.get(e.person) ?? []), e]);
      const items = persons.map((p) => {
        const pr = presenceOf(p, byPerson.get(p.id) ?? []);
        return {
          person: pr.person,
          status: pr.status,
          ...(pr.site === undefined ? {} : { site: pr.site }),
          ...(pr.since === undefined ? {} : { since: formatInstant(pr.since) }),
          version: pr.version,
        };
      });
      return c.json({ items }, 200);
    },
  );
}
