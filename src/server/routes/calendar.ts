/**
 * The movements' calendar feed. `POST /api/calendar/link` gives the caller a secret link of
 * their own (a new one replaces the old); `GET /api/calendar.ics?token=…` is what a calendar
 * client subscribes to: no session, the token instead, and the movements the token's user may
 * read, as that user would see them now (a disabled account's link answers 401).
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listMovements } from "#store/movements.repository.ts";
import { findUserById } from "#store/users.repository.ts";
import { can } from "#workflow/policy.ts";
import type { ServerDeps } from "../deps.ts";
import { HttpError } from "../http-error.ts";
import { movementOfRow } from "../persistence.ts";
import { type AppEnv, jsonAnswer, PROBLEMS, requireActor } from "../request.ts";
import { PUBLIC, type RouteTable, SESSION } from "../route-table.ts";
import { actorOf } from "../session-service.ts";
import { movementCalendar } from "./calendar-feed.ts";
import { feedTokenUser, newFeedToken } from "./calendar-token.ts";

/** Where calendar clients subscribe. */
export const CALENDAR_PATH = "/api/calendar.ics";

const linkSchema = z
  .object({
    path: z.string().describe("The feed's path with the caller's token; prefix it with the server's address."),
    createdAt: z.string(),
  })
  .openapi("CalendarLink");

const unauthorised = () => new HttpError(401, "calendar.bad_token", "This calendar link does not work", "the link was replaced or its account disabled: make a new link on the Report page");

/** Registers the calendar's routes. */
export function registerCalendarRoutes(app: OpenAPIHono<AppEnv>, table: RouteTable, deps: ServerDeps): void {
  app.openapi(
    table.add(
      createRoute({
        method: "post",
        path: "/api/calendar/link",
        tags: ["progress"],
        summary: "A new secret link to the movements' calendar feed for the caller; the previous link stops working",
        responses: { 200: jsonAnswer(linkSchema, "The link"), ...PROBLEMS },
      }),
      SESSION,
    ),
    async (c) => {
      const actor = requireActor(c);
      const now = deps.clock.now();
      const token = await newFeedToken(deps.db, actor.id, now);
      deps.logger.info("calendar.link_made", { user: actor.id });
      return c.json({ path: `${CALENDAR_PATH}?token=${token}`, createdAt: now.toISOString() }, 200);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: CALENDAR_PATH,
        tags: ["progress"],
        summary: "The movements as an iCalendar feed, for calendar clients: authorised by the token of `POST /api/calendar/link`, not a session",
        request: {
          query: z.object({
            token: z.string().max(400).openapi({ description: "The caller's secret feed token." }),
            lang: z.enum(["en", "fr"]).optional().openapi({ description: "The language of the events' words (default en)." }),
          }),
        },
        responses: {
          200: { description: "The feed (RFC 5545)", content: { "text/calendar": { schema: z.string() } } },
          ...PROBLEMS,
        },
      }),
      PUBLIC,
    ),
    async (c) => {
      const q = c.req.valid("query");
      const userId = await feedTokenUser(deps.db, q.token);
      const user = userId === undefined ? undefined : await findUserById(deps.db, userId);
      const actor = user === undefined || user.disabled === 1 ? undefined : actorOf(deps, user);
      if (actor === undefined) throw unauthorised();
      const movements = (await listMovements(deps.db)).map(movementOfRow).filter((m) => can(actor, "read", { type: "movement", owner: m.owner }, deps.settings));
      const s = deps.scenario.resolved.scenario;
      const text = movementCalendar(movements, {
        origin: deps.ledger.keys.origin,
        scenarioName: s.name,
        siteNames: new Map(s.sites.map((x) => [x.id as string, x.name])),
        lang: q.lang ?? "en",
      });
      return c.body(text, 200, {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": `inline; filename="drawdown-movements-${deps.scenario.id}.ics"`,
        "cache-control": "private, max-age=300",
      });
    },
  );
}
