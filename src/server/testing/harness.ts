/**
 * A server for tests, driven without a socket (`app.request`, as Hono's own tests do): a fresh
 * database of either engine, a fixed clock, sequential ids, cheap argon2 parameters (the only
 * difference from production), in-memory ledger keys, a memory logger, and one demo account
 * per role and party, all with the same password.
 */
import type { Kysely } from "kysely";
import { readFileSync } from "node:fs";
import type { DB } from "#store/schema.ts";
import { scenarioPath } from "#test/scenarios.ts";
import { createApp, type DrawdownApp } from "../app.ts";
import { prepareServer } from "../bootstrap.ts";
import { fixedClock } from "../clock.ts";
import type { ServerDeps } from "../deps.ts";
import { sequentialIds } from "../ids.ts";
import { generateLedgerKeys } from "../ledger-keys.ts";
import { memoryLogger } from "../logger.ts";
import { argon2Hasher, TEST_ARGON2 } from "../password-hasher.ts";

/** Every demo account's password in tests. */
export const TEST_PASSWORD = "correct horse battery staple";

/** A logged-in test client's credentials. */
export interface TestSession {
  readonly username: string;
  readonly cookie: string;
  readonly csrf: string;
}

/** An answer, with the body parsed when it is JSON. */
export interface TestResponse {
  readonly status: number;
  // biome-ignore lint: test answers are read loosely
  readonly body: any;
  readonly headers: Headers;
}

/** Options of a request. */
export interface RequestOptions {
  readonly body?: unknown;
  /** The If-Match version. */
  readonly ifMatch?: number;
  readonly headers?: Record<string, string>;
  /** Leave out the CSRF header (to test the check). */
  readonly noCsrf?: boolean;
}

/** A server under test. */
export interface TestServer extends DrawdownApp {
  readonly deps: ServerDeps;
  readonly clock: ReturnType<typeof fixedClock>;
  readonly logger: ReturnType<typeof memoryLogger>;
  login(username: string, password?: string): Promise<TestSession>;
  request(session: TestSession | undefined, method: string, path: string, options?: RequestOptions): Promise<TestResponse>;
}

/**
 * Builds a test server on a migrated or empty database.
 *
 * @example
 * const server = await testServer(handle.db, { scenario: "synthetic-small", now: "2025-03-01T08:00:00Z" });
 * const planner = await server.login("dp-planner");
 */
export async function testServer(
  db: Kysely<DB>,
  options: { scenario?: string; now?: string; autoCosign?: boolean; webRoot?: string } = {},
): Promise<TestServer> {
  const clock = fixedClock(options.now ?? "2025-03-01T08:00:00.000Z");
  const logger = memoryLogger();
  const { deps } = await prepareServer({
    db,
    scenarioText: () => readFileSync(scenarioPath(options.scenario ?? "synthetic-small"), "utf8"),
    clock,
    ids: sequentialIds(),
    hasher: argon2Hasher(TEST_ARGON2),
    logger,
    keys: (origin, parties) => generateLedgerKeys(origin, parties),
    demoPassword: TEST_PASSWORD,
    autoCosign: options.autoCosign ?? false,
    webRoot: options.webRoot,
  });
  const { app, routes } = createApp(deps);

  const request = async (session: TestSession | undefined, method: string, path: string, o: RequestOptions = {}): Promise<TestResponse> => {
    // As a browser would: every request of the web app carries its origin.
    const headers: Record<string, string> = { origin: "http://drawdown.test", ...o.headers };
    if (session !== undefined) {
      headers.cookie = session.cookie;
      if (o.noCsrf !== true) headers["x-csrf-token"] = session.csrf;
    }
    if (o.ifMatch !== undefined) headers["if-match"] = `"${o.ifMatch}"`;
    let body: string | undefined;
    if (o.body !== undefined) {
      body = typeof o.body === "string" ? o.body : JSON.stringify(o.body);
      headers["content-type"] ??= "application/json";
    }
    const res = await app.request(`http://drawdown.test${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text === "" ? undefined : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };

  const login = async (username: string, password = TEST_PASSWORD): Promise<TestSession> => {
    const res = await app.request("http://drawdown.test/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`);
    const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0] ?? "");
    const body = (await res.json()) as { csrfToken: string };
    return { username, cookie: cookies.join("; "), csrf: body.csrfToken };
  };

  return { app, routes, deps, clock, logger, login, request };
}
