/** Login, logout and the caller's own account. */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { deleteSession } from "#store/sessions.repository.ts";
import { findUserByUsername } from "#store/users.repository.ts";
import { normaliseUsername } from "../commands/user-steps.ts";
import type { ServerDeps } from "../deps.ts";
import { HttpError } from "../http-error.ts";
import { presentClock, presentUser } from "../presenters.ts";
import { type AppEnv, jsonAnswer, jsonBody, PROBLEMS, requireActor } from "../request.ts";
import { PUBLIC, type RouteTable, SESSION } from "../route-table.ts";
import { actorOf, CSRF_COOKIE, createSession, csrfTokenOf, SESSION_COOKIE, SESSION_LIFETIME_MS } from "../session-service.ts";
import { clockSchema, userSchema } from "../wire.ts";

const loginSchema = z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }).openapi("Login");
const meSchema = z
  .object({
    user: userSchema,
    party: z.object({ code: z.string(), name: z.string(), side: z.string() }),
    csrfToken: z.string().describe(`Send it as the x-csrf-token header on every mutation.`),
    clock: clockSchema,
  })
  .openapi("Me");

/** A password hash to verify against when the user does not exist, so timing does not tell. */
let dummyHash: Promise<string> | undefined;

function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** Registers the auth routes. */
export function registerAuthRoutes(app: OpenAPIHono<AppEnv>, table: RouteTable, deps: ServerDeps): void {
  app.openapi(
    table.add(
      createRoute({
        method: "post",
        path: "/api/auth/login",
        tags: ["auth"],
        summary: "Log in: sets the session cookie (HttpOnly, SameSite=Strict) and the CSRF cookie",
        request: { body: jsonBody(loginSchema) },
        responses: { 200: jsonAnswer(meSchema, "Logged in"), ...PROBLEMS },
      }),
      PUBLIC,
    ),
    async (c) => {
      const { username: raw, password } = c.req.valid("json");
      const username = normaliseUsername(raw);
      const address = clientAddress(c);
      const wait = deps.rateLimiter.retryAfter(username, address);
      if (wait !== undefined) {
        deps.logger.warn("auth.rate_limited", { address });
        throw new HttpError(429, "auth.rate_limited", "Too many attempts", `try again in ${wait} s`, {}, { "Retry-After": String(wait) });
      }
      const user = await findUserByUsername(deps.db, username);
      dummyHash ??= deps.hasher.hash("not a password");
      const ok = await deps.hasher.verify(user?.password_hash ?? (await dummyHash), password);
      const actor = user === undefined ? undefined : actorOf(deps, user);
      if (user === undefined || !ok || user.disabled === 1 || actor === undefined) {
        deps.rateLimiter.fail(username, address);
        deps.logger.warn("auth.login_failed", { address, known: user !== undefined });
        throw new HttpError(401, "auth.invalid_credentials", "Wrong username or password", "wrong username or password, or the account is disabled");
      }
      deps.rateLimiter.succeed(username);
      const session = await createSession(deps, user.id);
      // Max-Age, not Expires: the browser's clock need not agree with the server's (the demo clock).
      const cookie = { path: "/", secure: deps.secureCookies, sameSite: "Strict" as const, maxAge: SESSION_LIFETIME_MS / 1000 };
      setCookie(c, SESSION_COOKIE, session.token, { ...cookie, httpOnly: true });
      setCookie(c, CSRF_COOKIE, session.csrf, { ...cookie, httpOnly: false });
      deps.logger.info("auth.login", { user: user.id, party: user.party });
      return c.json(
        {
          user: presentUser(deps, actor, user),
          party: { code: user.party, name: deps.parties.names[user.party] ?? user.party, side: actor.side },
          csrfToken: session.csrf,
          clock: presentClock(deps),
        },
        200,
      );
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "post",
        path: "/api/auth/logout",
        tags: ["auth"],
        summary: "Log out: deletes the session; its cookie no longer works from the next request",
        responses: { 204: { description: "Logged out" }, ...PROBLEMS },
      }),
      SESSION,
    ),
    async (c) => {
      requireActor(c);
      const session = c.get("session");
      if (session !== undefined) await deleteSession(deps.db, session.sessionId);
      deleteCookie(c, SESSION_COOKIE, { path: "/", secure: deps.secureCookies });
      deleteCookie(c, CSRF_COOKIE, { path: "/", secure: deps.secureCookies });
      return c.body(null, 204);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/auth/me",
        tags: ["auth"],
        summary: "The caller's account, party, roles and CSRF token",
        responses: { 200: jsonAnswer(meSchema, "The caller"), ...PROBLEMS },
      }),
      SESSION,
    ),
    async (c) => {
      const actor = requireActor(c);
      const session = c.get("session");
      if (session === undefined) throw new HttpError(401, "auth.required", "Log in first");
      const token = csrfTokenOf(getCookie(c, SESSION_COOKIE) ?? "");
      return c.json(
        {
          user: presentUser(deps, actor, session.user),
          party: { code: actor.party, name: deps.parties.names[actor.party] ?? actor.party, side: actor.side },
          csrfToken: token,
          clock: presentClock(deps),
        },
        200,
      );
    },
  );
}
