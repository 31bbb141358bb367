/**
 * The Commission's HTTP API: one Hono app, routes described with zod (the same schemas
 * validate requests and make the OpenAPI 3.1 document at `/api/openapi.json`), sessions looked
 * up on every request, CSRF checks on every mutation, one central error handler, and a mount
 * point for the web app's built files.
 */
import { existsSync } from "node:fs";
import { OpenAPIHono } from "@hono/zod-openapi";
import { serveStatic } from "@hono/node-server/serve-static";
import { bodyLimit } from "hono/body-limit";
import { getCookie } from "hono/cookie";
import { csrf } from "hono/csrf";
import { secureHeaders } from "hono/secure-headers";
import type { ServerDeps } from "./deps.ts";
import { HttpError } from "./http-error.ts";
import { errorHandler, jsonPath, problemResponse, validationError } from "./problem.ts";
import type { AppEnv } from "./request.ts";
import { RouteTable } from "./route-table.ts";
import { registerAuthRoutes } from "./routes/auth.ts";
import { registerClearanceRoutes } from "./routes/clearances.ts";
import { registerDispositionRoutes } from "./routes/dispositions.ts";
import { registerLedgerRoutes } from "./routes/ledger.ts";
import { registerMovementRoutes } from "./routes/movements.ts";
import { registerPersonnelRoutes } from "./routes/personnel.ts";
import { registerPlanRoutes } from "./routes/plans.ts";
import { registerUserRoutes } from "./routes/users.ts";
import { registerAbilityRoutes } from "./routes/abilities.ts";
import { registerMapRoutes } from "./routes/map.ts";
import { registerOverviewRoutes } from "./routes/overview.ts";
import { registerReportRoutes } from "./routes/report.ts";
import { registerHeadcountSeriesRoutes } from "./routes/headcount-series.ts";
import { registerPresenceRoutes } from "./routes/presence.ts";
import { registerPlanViewRoutes } from "./routes/plan-view.ts";
import { registerPlannerRunRoutes } from "./routes/planner-runs.ts";
import { registerScenarioPageRoutes } from "./routes/scenario-page.ts";
import { registerPersonnelImportRoutes } from "./routes/personnel-import.ts";
import { CSRF_HEADER, csrfTokenOf, SESSION_COOKIE, validateSession } from "./session-service.ts";

/** The app and the table of its routes (for the matrix test and the OpenAPI check). */
export interface DrawdownApp {
  readonly app: OpenAPIHono<AppEnv>;
  readonly routes: RouteTable;
}

const UNSAFE = /^(POST|PUT|PATCH|DELETE)$/;
/** The routes anyone may call (the route table marks them PUBLIC; a test checks they agree). */
export const PUBLIC_PATHS: ReadonlySet<string> = new Set(["/api/auth/login", "/api/health", "/api/ledger/keys", "/api/openapi.json", "/api/calendar.ics"]);

/**
 * Builds the app on its dependencies.
 *
 * @example
 * const { app } = createApp(deps);
 * const res = await app.request("/api/health");
 */
export function createApp(deps: ServerDeps): DrawdownApp {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const where = result.target === "json" ? "body" : result.target === "param" ? "path" : result.target === "query" ? "query" : "header";
        throw validationError(
          where,
          result.error.issues.map((i) => ({ path: jsonPath(i.path as PropertyKey[]), message: i.message })),
        );
      }
      return undefined;
    },
  });
  const routes = new RouteTable();

  app.onError(errorHandler(deps.logger));
  app.notFound((c) =>
    problemResponse(new HttpError(404, "route.not_found", "Not found", `no route ${c.req.method} ${new URL(c.req.url).pathname}`)),
  );
  app.use("*", secureHeaders());
  app.use("/api/*", bodyLimit({ maxSize: 2 * 1024 * 1024, onError: () => { throw new HttpError(413, "request.too_large", "Request too large", "the body is larger than 2 MiB"); } }));

  // CSRF, first layer: a cross-site form post (the only cross-site request a browser sends
  // without asking) must come from the server's own origin or a trusted one.
  app.use(
    "/api/*",
    csrf({
      origin: (origin, c) => origin === new URL(c.req.url).origin || deps.trustedOrigins.includes(origin),
    }),
  );

  // The session, looked up on every request: logout, a disabled account or a role change
  // applies to the very next request.
  app.use("/api/*", async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token === undefined ? undefined : await validateSession(deps, token);
    c.set("session", session);
    c.set("actor", session?.actor);
    // CSRF, second layer: a logged-in mutation must carry the session's CSRF token in a header,
    // which another site can neither read nor set.
    if (token !== undefined && session !== undefined && UNSAFE.test(c.req.method) && c.req.path !== "/api/auth/login") {
      if (c.req.header(CSRF_HEADER) !== csrfTokenOf(token)) {
        deps.logger.warn("csrf.refused", { user: session.actor.id, method: c.req.method });
        throw new HttpError(403, "csrf.token_mismatch", "CSRF token missing or wrong", `send the ${CSRF_HEADER} header from the login answer`);
      }
    }
    // Anonymous callers learn nothing about the API beyond its public routes: 401 before any
    // validation, so a bad body from a stranger is never looked at.
    if (session === undefined && !PUBLIC_PATHS.has(c.req.path))
      throw new HttpError(401, "auth.required", "Log in first", "this route needs a session");
    await next();
  });

  registerAuthRoutes(app, routes, deps);
  registerUserRoutes(app, routes, deps);
  registerPlanRoutes(app, routes, deps);
  registerClearanceRoutes(app, routes, deps);
  registerMovementRoutes(app, routes, deps);
  registerPersonnelRoutes(app, routes, deps);
  registerDispositionRoutes(app, routes, deps);
  registerLedgerRoutes(app, routes, deps);
  // Read models for the web app.
  registerAbilityRoutes(app, routes, deps);
  registerOverviewRoutes(app, routes, deps);
  registerMapRoutes(app, routes, deps);
  registerReportRoutes(app, routes, deps);
  registerHeadcountSeriesRoutes(app, routes, deps);
  registerPresenceRoutes(app, routes, deps);
  registerPlanViewRoutes(app, routes, deps);
  registerPlannerRunRoutes(app, routes, deps);
  registerScenarioPageRoutes(app, routes, deps);
  registerPersonnelImportRoutes(app, routes, deps);

  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Drawdown — Joint Disengagement Commission",
      version: "1.0.0",
      description:
        "Both delegations on one system: clearances, movements, personnel entry and exit, asset disposition, and a tamper-evident ledger both parties cosign. Mutations need the session cookie, the x-csrf-token header and (on existing objects) If-Match.",
    },
  });

  // The web app, once built (`web/dist`), from the same origin; without it `/` answers 404.
  const webRoot = deps.webRoot;
  if (webRoot !== undefined && existsSync(webRoot)) {
    // Vite names assets by content hash: they never change, so browsers may keep them for good.
    app.use("/assets/*", async (c, next) => {
      await next();
      if (c.res.ok) c.header("Cache-Control", "public, max-age=31536000, immutable");
    });
    // The build writes .br and .gz copies beside each asset (web/build/precompress.ts).
    app.use("/*", serveStatic({ root: webRoot, precompressed: true }));
    app.get("/*", serveStatic({ root: webRoot, path: "index.html", precompressed: true }));
  } else {
    app.get("/", () =>
      problemResponse(new HttpError(404, "web.not_built", "The web app is not built", "the API is at /api (see /api/openapi.json)")),
    );
  }
  return { app, routes };
}
