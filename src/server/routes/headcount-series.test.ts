/** `GET /api/personnel/headcount/series` on the synthetic-small scenario, through the whole app. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteTestEngine } from "#store/testing/engines.ts";
import { type TestServer, type TestSession, testServer } from "../testing/harness.ts";

const engine = sqliteTestEngine();
let s: TestServer;
let planner: TestSession;

beforeAll(async () => {
  const { handle } = await engine.fresh({ migrate: false });
  // The withdrawal starts 2025-03-03 00:00Z.
  s = await testServer(handle.db, { now: "2025-03-05T08:00:00.000Z" });
  planner = await s.login("dp-planner");
});
afterAll(() => engine.cleanup());

async function personAt(name: string, site: string, at: string): Promise<string> {
  const p = await s.request(planner, "POST", "/api/persons", { body: { personal: { name, nationality: "XD", documentNumber: `D-${name}`, unit: "Support" } } });
  expect(p.status).toBe(201);
  const e = await s.request(planner, "POST", `/api/persons/${p.body.id}/entries`, { ifMatch: 0, body: { site, at } });
  expect(e.status, JSON.stringify(e.body)).toBe(201);
  return p.body.id as string;
}

describe("GET /api/personnel/headcount/series", () => {
  it("counts the people at each site at each day's start from the withdrawal's start, then now", async () => {
    const empty = await s.request(planner, "GET", "/api/personnel/headcount/series");
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({
      from: "2025-03-03T00:00:00Z",
      at: "2025-03-05T08:00:00Z",
      points: ["2025-03-03T00:00:00Z", "2025-03-04T00:00:00Z", "2025-03-05T00:00:00Z", "2025-03-05T08:00:00Z"],
      sites: [],
      total: [0, 0, 0, 0],
    });

    await personAt("A", "MAIN", "2025-03-03T06:00:00Z");
    const b = await personAt("B", "MAIN", "2025-03-04T06:00:00Z");
    await personAt("C", "OUTPOST", "2025-03-05T06:00:00Z");
    expect((await s.request(planner, "POST", `/api/persons/${b}/transfers`, { ifMatch: 1, body: { site: "OUTPOST", at: "2025-03-05T07:00:00Z" } })).status).toBe(201);

    // The host's observer reads the same counts (no persons in this answer).
    const r = await s.request(await s.login("hp-observer"), "GET", "/api/personnel/headcount/series");
    expect(r.status).toBe(200);
    expect(r.body.sites).toEqual([
      { site: "MAIN", counts: [0, 1, 2, 1] },
      { site: "OUTPOST", counts: [0, 0, 0, 2] },
    ]);
    expect(r.body.total).toEqual([0, 1, 2, 3]);
    // The last point is the headcount now.
    const now = await s.request(planner, "GET", "/api/personnel/headcount");
    expect(now.body.bySite).toEqual({ MAIN: 1, OUTPOST: 2 });
  });

  it("ends at the instant asked for, and names a bad one", async () => {
    const r = await s.request(planner, "GET", "/api/personnel/headcount/series?to=2025-03-04T12:00:00Z");
    expect(r.body.points).toEqual(["2025-03-03T00:00:00Z", "2025-03-04T00:00:00Z", "2025-03-04T12:00:00Z"]);
    expect(r.body.total).toEqual([0, 1, 2]);
    const bad = await s.request(planner, "GET", "/api/personnel/headcount/series?to=yesterday");
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ path: "$.to", message: "not an ISO 8601 instant" }]);
  });

  it("asks for a session", async () => {
    expect((await s.request(undefined, "GET", "/api/personnel/headcount/series")).status).toBe(401);
  });
});
