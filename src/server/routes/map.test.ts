/** `GET /api/map` and `GET /api/abilities` on the synthetic-small scenario, through the whole app. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadShipped } from "#test/scenarios.ts";
import { sqliteTestEngine } from "#store/testing/engines.ts";
import { type TestServer, type TestSession, testServer } from "../testing/harness.ts";

const engine = sqliteTestEngine();
const { scenario } = loadShipped("synthetic-small");
let s: TestServer;
let planner: TestSession;

beforeAll(async () => {
  const { handle } = await engine.fresh({ migrate: false });
  s = await testServer(handle.db, { now: "2025-03-03T05:00:00.000Z" });
  planner = await s.login("dp-planner");
});
afterAll(() => engine.cleanup());

describe("GET /api/map", () => {
  it("gives every site with its position, the legs, the routes and every country overflown", async () => {
    const r = await s.request(planner, "GET", "/api/map");
    expect(r.status).toBe(200);
    expect(r.body.day).toBe("2025-03-03");
    expect(r.body.hostCountry).toBe("XH");
    expect(r.body.sites.map((x: { id: string; lat: number; lon: number }) => [x.id, x.lat, x.lon])).toEqual(
      scenario.sites.map((x) => [x.id, x.location.lat, x.location.lon]),
    );
    expect(r.body.airLegs.map((l: { from: string; to: string }) => `${l.from}-${l.to}`)).toEqual(scenario.airLegs.map((l) => `${l.from}-${l.to}`));
    expect(r.body.roadRoutes.map((x: { id: string }) => x.id)).toEqual(scenario.roadRoutes.map((x) => x.id));
    expect(r.body.overflown).toEqual([...new Set(scenario.airLegs.flatMap((l) => l.overflies))].sort());
    expect(r.body.movements).toEqual([]);
  });

  it("lists the movements on the way during the day asked for, and only those", async () => {
    expect((await s.request(planner, "POST", "/api/plans", { body: {} })).status).toBe(201);
    expect((await s.request(planner, "POST", "/api/movements/from-plan", { body: {} })).status).toBe(201);
    const all = (await s.request(planner, "GET", "/api/movements")).body.items as { id: string; departAt: string; arriveAt: string }[];
    const day = "2025-03-05";
    const start = Date.parse(`${day}T00:00:00Z`);
    const expected = all.filter((m) => Date.parse(m.departAt) < start + 86_400_000 && Date.parse(m.arriveAt) >= start).map((m) => m.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    const r = await s.request(planner, "GET", `/api/map?day=${day}`);
    expect(r.body.movements.map((m: { id: string }) => m.id).sort()).toEqual(expected.sort());
  });

  it("refuses a day that is not YYYY-MM-DD, naming the parameter", async () => {
    const r = await s.request(planner, "GET", "/api/map?day=5%20March");
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([{ path: "$.day", message: expect.stringContaining("YYYY-MM-DD") }]);
  });
});

describe("GET /api/abilities", () => {
  it("gives the planner the departing party's planning actions and nothing of the host's decisions", async () => {
    const r = await s.request(planner, "GET", "/api/abilities");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ party: "DP", side: "departing", roles: ["movement_planner"] });
    expect(r.body.byParty.DP.plan_version).toEqual(["read", "publish"]);
    expect(r.body.byParty.DP.clearance_request).toContain("submit");
    expect(r.body.byParty.DP.clearance_request).not.toContain("approve");
    expect(r.body.byParty.HP.plan_version).not.toContain("publish");
  });

  it("gives the host's officer the decisions on the other party's requests only, and an observer only reading", async () => {
    const officer = (await s.request(await s.login("hp-officer"), "GET", "/api/abilities")).body;
    expect(officer.byParty.DP.clearance_request).toEqual(expect.arrayContaining(["approve", "deny", "amend"]));
    expect(officer.byParty.HP.clearance_request).not.toContain("approve");
    const observer = (await s.request(await s.login("dp-observer"), "GET", "/api/abilities")).body;
    for (const party of ["DP", "HP"])
      for (const actions of Object.values(observer.byParty[party] as Record<string, string[]>)) expect(actions.filter((a) => a !== "read")).toEqual([]);
  });
});
