/**
 * The web app's API client against the real server app (Hono's `app.request`, no socket), with a
 * cookie jar standing in for the browser's: login, CSRF, If-Match and ETag versions, problems.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, TEST_PASSWORD, testServer } from "#server/testing/harness.ts";
import { sqliteTestEngine } from "#store/testing/engines.ts";
import { ApiClient, versionOfEtag } from "./client.ts";
import type { ListOf, Me, Movement } from "./contract.ts";
import { ApiError } from "./problem.ts";

const engine = sqliteTestEngine();
let s: TestServer;

beforeAll(async () => {
  const { handle } = await engine.fresh({ migrate: false });
  s = await testServer(handle.db);
});
afterAll(() => engine.cleanup());

/** A client whose requests go to the app, keeping cookies as a browser on the same origin would. */
function browserClient(): ApiClient {
  const jar = new Map<string, string>();
  return new ApiClient({
    baseUrl: "http://drawdown.test",
    fetch: async (req) => {
      const headers = new Headers(req.headers);
      headers.set("origin", "http://drawdown.test");
      if (jar.size > 0) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
      const res = await s.app.request(new Request(req, { headers }));
      for (const c of res.headers.getSetCookie()) {
        const [pair = ""] = c.split(";");
        const [name = "", value = ""] = pair.split("=");
        if (value === "") jar.delete(name);
        else jar.set(name, value);
      }
      return res;
    },
  });
}

const rejection = async (p: Promise<unknown>): Promise<ApiError> => {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(e)}`);
  return e;
};

describe("ApiClient", () => {
  it("reads an ETag's version", () => {
    expect(versionOfEtag('"12"')).toBe(12);
    expect(versionOfEtag('W/"3"')).toBe(3);
    expect(versionOfEtag(null)).toBeUndefined();
    expect(versionOfEtag("*")).toBeUndefined();
  });

  it("turns a refusal into an ApiError with the server's problem", async () => {
    const api = browserClient();
    const e = await rejection(api.get("/api/auth/me"));
    expect(e.status).toBe(401);
    expect(e.code).toBe("auth.required");
    const bad = await rejection(api.send("POST", "/api/auth/login", { body: { username: "", password: "x" } }));
    expect(bad.status).toBe(422);
    expect(bad.problem.errors?.map((x) => x.path)).toEqual(["$.username"]);
  });

  it("logs in, then sends the CSRF token with each mutation; without it the server refuses", async () => {
    const api = browserClient();
    const me = await api.send<Me>("POST", "/api/auth/login", { body: { username: "dp-planner", password: TEST_PASSWORD } });
    expect(me.user.username).toBe("dp-planner");
    expect((await api.get<Me>("/api/auth/me")).party.code).toBe("DP");
    const refused = await rejection(api.send("POST", "/api/plans", { body: {} }));
    expect([refused.status, refused.code]).toEqual([403, "csrf.token_mismatch"]);
    api.csrfToken = me.csrfToken;
    await expect(api.send("POST", "/api/plans", { body: {} })).resolves.toMatchObject({ number: 1, status: "baseline" });
  });

  it("sends If-Match, reads the ETag, and reports a stale version as a 409 conflict with the current one", async () => {
    const api = browserClient();
    api.csrfToken = (await api.send<Me>("POST", "/api/auth/login", { body: { username: "dp-planner", password: TEST_PASSWORD } })).csrfToken;
    const created = await api.send<ListOf<Movement>>("POST", "/api/movements/from-plan", { body: {} });
    const first = created.items[0];
    if (first === undefined) throw new Error("the plan has movements");
    const read = await api.read<Movement>(`/api/movements/${first.id}`);
    expect(read.version).toBe(read.data.version);
    const scheduled = await api.send<Movement>("POST", `/api/movements/${first.id}/schedule`, { body: {}, ifMatch: read.data.version });
    expect(scheduled.version).toBeGreaterThan(read.data.version);
    const stale = await rejection(api.send("POST", `/api/movements/${first.id}/cancel`, { body: { reason: "test" }, ifMatch: read.data.version }));
    expect(stale.isConflict).toBe(true);
    expect(stale.code).toBe("conflict.version");
    expect(stale.problem.currentVersion).toBe(scheduled.version);
  });

  it("reports a server it cannot reach as status 0", async () => {
    const api = new ApiClient({ baseUrl: "http://drawdown.test", fetch: () => Promise.reject(new TypeError("fetch failed")) });
    const e = await rejection(api.get("/api/health"));
    expect([e.status, e.code]).toEqual([0, "network.unreachable"]);
  });
});
