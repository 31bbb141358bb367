/** `GET /api/personnel/presence` on the synthetic-small scenario: each person's presence and the version to base the next record on. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteTestEngine } from "#store/testing/engines.ts";
import { type TestServer, type TestSession, testServer } from "../testing/harness.ts";

const engine = sqliteTestEngine();
let s: TestServer;
let planner: TestSession;

beforeAll(async () => {
  const { handle } = await engine.fresh({ migrate: false });
  s = await testServer(handle.db, { now: "2025-03-05T08:00:00.000Z" });
  planner = await s.login("dp-planner");
});
afterAll(() => engine.cleanup());

const register = async (name: string) =>
  (await s.request(planner, "POST", "/api/persons", { body: { personal: { name, nationality: "XD", documentNumber: `D-${name}`, unit: "Support" } } })).body.id as string;

describe("GET /api/personnel/presence", () => {
  it("gives each person's presence and the version the next record must send", async () => {
    const a = await register("A");
    const b = await register("B");
    expect((await s.request(planner, "POST", `/api/persons/${a}/entries`, { ifMatch: 0, body: { site: "MAIN", at: "2025-03-04T06:00:00Z" } })).status).toBe(201);
    expect((await s.request(planner, "POST", `/api/persons/${a}/transfers`, { ifMatch: 1, body: { site: "OUTPOST", at: "2025-03-05T06:00:00Z" } })).status).toBe(201);

    const r = await s.request(await s.login("hp-officer"), "GET", "/api/personnel/presence");
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([
      { person: a, status: "in_country", site: "OUTPOST", since: "2025-03-05T06:00:00Z", version: 2 },
      { person: b, status: "not_entered", version: 0 },
    ]);
    // The version is the one the server checks: a stale one is refused, this one succeeds.
    expect((await s.request(planner, "POST", `/api/persons/${a}/transfers`, { ifMatch: 1, body: { site: "MAIN" } })).status).toBe(409);
    expect((await s.request(planner, "POST", `/api/persons/${a}/transfers`, { ifMatch: 2, body: { site: "MAIN" } })).status).toBe(201);
  });

  it("asks for a session", async () => {
    expect((await s.request(undefined, "GET", "/api/personnel/presence")).status).toBe(401);
  });
});
