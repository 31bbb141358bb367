/**
 * The API's edges, socket-free: the OpenAPI document lists every route; bad input names each
 * bad field; sessions, CSRF, rate limiting, logout and role changes; denials logged without
 * personal data; no stack trace, SQL or path in any answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteTestEngine } from "#store/testing/engines.ts";
import { approval, submittedRequests } from "./testing/fixtures.ts";
import { type TestServer, testServer } from "./testing/harness.ts";

const engine = sqliteTestEngine();
let s: TestServer;
afterAll(() => engine.cleanup());
beforeAll(async () => {
  const { handle } = await engine.fresh({ migrate: false });
  s = await testServer(handle.db);
});

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and lists every route of the router, and only those", async () => {
    const doc = (await s.request(undefined, "GET", "/api/openapi.json")).body;
    expect(doc.openapi).toBe("3.1.0");
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)),
    );
    const routed = new Set(
      s.app.routes
        .filter((r) => r.path.startsWith("/api/") && r.method !== "ALL" && r.path !== "/api/openapi.json")
        .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z]+)/g, "{$1}")}`),
    );
    expect([...routed].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !routed.has(r))).toEqual([]);
    expect(new Set(s.routes.entries.map((e) => `${e.method} ${e.path}`))).toEqual(routed);
    expect(routed.size).toBeGreaterThan(50);
  });
});

describe("bad input", () => {
  it("answers 422 naming each bad field by its JSON path, and 400 for malformed JSON", async () => {
    const planner = await s.login("dp-planner");
    const person = await s.request(planner, "POST", "/api/persons", {
      body: { personal: { name: "", nationality: "usa", documentNumber: "X1" }, extra: true },
    });
    expect(person.status).toBe(422);
    expect(person.headers.get("content-type")).toMatch(/application\/problem\+json/);
    const paths = (person.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["$.personal.name", "$.personal.nationality", "$.personal.unit"]));
    expect(person.body.errors.some((e: { message: string }) => /extra/.test(e.message))).toBe(true);

    const malformed = await s.request(planner, "POST", "/api/persons", { body: "{not json" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe("request.malformed");

    const query = await s.request(planner, "GET", "/api/ledger/leaves?from=-1");
    expect(query.status).toBe(422);
    expect(query.body.errors[0].path).toBe("$.from");

    for (const r of [person, malformed, query]) {
      const text = JSON.stringify(r.body);
      expect(text).not.toMatch(/\.ts:\d+|\/work\/|node_modules|select |insert into|SQLITE/i);
    }
  });

  it("answers unknown objects with 404 and unknown routes with a problem", async () => {
    const planner = await s.login("dp-planner");
    expect((await s.request(planner, "GET", "/api/clearances/CR-nope")).status).toBe(404);
    const none = await s.request(planner, "GET", "/api/nothing-here");
    expect(none.status).toBe(404);
    expect(none.body.code).toBe("route.not_found");
    const web = await s.request(undefined, "GET", "/");
    expect(web.status).toBe(404);
    expect(web.body.code).toBe("web.not_built");
  });
});

describe("sessions and CSRF", () => {
  it("refuses without a session (401), without the CSRF header (403) and a cross-site form (403)", async () => {
    expect((await s.request(undefined, "GET", "/api/clearances")).status).toBe(401);
    const planner = await s.login("dp-planner");
    const login = await s.app.request("http://drawdown.test/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "dp-planner", password: "correct horse battery staple" }),
    });
    const cookies = login.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith("drawdown_session="))).toMatch(/HttpOnly/);
    expect(cookies.find((c) => c.startsWith("drawdown_session="))).toMatch(/SameSite=Strict/);
    const noCsrf = await s.request(planner, "POST", "/api/persons", {
      noCsrf: true,
      body: { personal: { name: "A", nationality: "US", documentNumber: "1", unit: "u" } },
    });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.code).toBe("csrf.token_mismatch");
    const form = await s.app.request("http://drawdown.test/api/auth/logout", {
      method: "POST",
      headers: { cookie: planner.cookie, "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
      body: "a=1",
    });
    expect(form.status).toBe(403);
  });

  it("ends a session at logout: the next request with its cookie is refused", async () => {
    const observer = await s.login("hp-observer");
    expect((await s.request(observer, "GET", "/api/auth/me")).status).toBe(200);
    expect((await s.request(observer, "POST", "/api/auth/logout")).status).toBe(204);
    expect((await s.request(observer, "GET", "/api/auth/me")).status).toBe(401);
  });

  it("applies a role change to the very next request, and a disabled account is logged out", async () => {
    const planner = await s.login("dp-planner");
    const [r] = await submittedRequests(s, planner);
    if (!r) throw new Error("no request");
    const officer = await s.login("hp-officer");
    const admin = await s.login("hp-admin");
    const users = (await s.request(admin, "GET", "/api/users")).body.items as { id: string; username: string; version: number; party: string }[];
    expect(users.every((u) => u.party === "HP")).toBe(true);
    const account = users.find((u) => u.username === "hp-officer");
    if (!account) throw new Error("no officer");
    const changed = await s.request(admin, "PATCH", `/api/users/${account.id}`, { ifMatch: account.version, body: { roles: ["observer"] } });
    expect(changed.status).toBe(200);
    const refused = await s.request(officer, "POST", `/api/clearances/${r.id}/approve`, { ifMatch: r.version, body: approval(r) });
    expect(refused.status).toBe(403);
    const denial = s.logger.lines.find((l) => l.event === "authz.denied" && l.fields.user === account.id);
    expect(denial?.fields).toMatchObject({ party: "HP", code: "policy.forbidden" });
    expect(JSON.stringify(s.logger.lines)).not.toMatch(/correct horse|password|Airman/);

    const restored = await s.request(admin, "PATCH", `/api/users/${account.id}`, { ifMatch: changed.body.version, body: { roles: ["clearance_officer"] } });
    expect((await s.request(officer, "POST", `/api/clearances/${r.id}/approve`, { ifMatch: r.version, body: approval(r) })).status).toBe(200);
    const disabled = await s.request(admin, "PATCH", `/api/users/${account.id}`, { ifMatch: restored.body.version, body: { disabled: true } });
    expect(disabled.status).toBe(200);
    expect((await s.request(officer, "GET", "/api/auth/me")).status).toBe(401);
    await expect(s.login("hp-officer")).rejects.toThrow(/401/);
    // An administrator manages only their own party's accounts.
    const dpUser = (await s.request(await s.login("dp-admin"), "GET", "/api/users")).body.items[0];
    expect((await s.request(admin, "PATCH", `/api/users/${dpUser.id}`, { ifMatch: dpUser.version, body: { disabled: true } })).status).toBe(403);
  });

  it("rate-limits failed logins per username, with the clock passed in", async () => {
    const attempt = (password: string) =>
      s.app.request("http://drawdown.test/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "dp-observer", password }),
      });
    for (let i = 0; i < 5; i++) expect((await attempt("wrong")).status).toBe(401);
    const limited = await attempt("correct horse battery staple");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    s.clock.advance(16 * 60_000);
    expect((await attempt("correct horse battery staple")).status).toBe(200);
  });
});

describe("what each party sees of a person", () => {
  it("shows the host names and nationalities, never document numbers; the departing party everything", async () => {
    const planner = await s.login("dp-planner");
    const created = await s.request(planner, "POST", "/api/persons", {
      body: { personal: { name: "Jo Example", nationality: "XD", documentNumber: "D-123", unit: "1st unit" } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Jo Example", documentNumber: "D-123", unit: "1st unit" });
    const host = await s.login("hp-member");
    const seen = await s.request(host, "GET", `/api/persons/${created.body.id}`);
    expect(seen.body.name).toBe("Jo Example");
    expect(seen.body.documentNumber).toBeUndefined();
    expect(seen.body.unit).toBeUndefined();
    const listed = (await s.request(host, "GET", "/api/persons")).body.items as Record<string, unknown>[];
    expect(listed.every((p) => p.documentNumber === undefined)).toBe(true);
    const leaves = (await s.request(host, "GET", "/api/ledger/leaves")).body.items as { data: string }[];
    expect(leaves.map((l) => l.data).join()).not.toMatch(/Jo Example|D-123/);
  });
});

describe("the clock", () => {
  it("is in /api/health, the login answer and /api/auth/me, so the UI can show a replay badge", async () => {
    const health = await s.request(undefined, "GET", "/api/health");
    expect(health.body.clock).toEqual({ mode: "replay", now: s.clock.now().toISOString() });
    const login = await s.app.request("http://drawdown.test/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "dp-member", password: "correct horse battery staple" }),
    });
    expect(((await login.json()) as { clock: unknown }).clock).toEqual({ mode: "replay", now: s.clock.now().toISOString() });
    const me = await s.request(await s.login("dp-member"), "GET", "/api/auth/me");
    expect(me.body.clock.mode).toBe("replay");
    s.clock.advance(60_000);
    expect((await s.request(undefined, "GET", "/api/health")).body.clock.now).toBe(s.clock.now().toISOString());
  });
});

describe("public routes", () => {
  it("are exactly the ones the table marks public", async () => {
    const { PUBLIC_PATHS } = await import("./app.ts");
    const marked = s.routes.entries.filter((e) => e.access.kind === "public").map((e) => e.path);
    expect(new Set([...marked, "/api/openapi.json"])).toEqual(new Set(PUBLIC_PATHS));
  });
});
