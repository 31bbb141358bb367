/** `allows` against the real server's answers: objects' own abilities and the abilities table. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, testServer } from "#server/testing/harness.ts";
import { sqliteTestEngine } from "#store/testing/engines.ts";
import type { Abilities, ListOf, PlanVersion } from "../api/contract.ts";
import { allows } from "./abilities.ts";

const engine = sqliteTestEngine();
let s: TestServer;
const table = async (username: string) => (await s.request(await s.login(username), "GET", "/api/abilities")).body as Abilities;

beforeAll(async () => {
  const { handle } = await engine.fresh({ migrate: false });
  s = await testServer(handle.db);
});
afterAll(() => engine.cleanup());

describe("allows", () => {
  it("lets the departing planner publish and the host's officer decide, from the table", async () => {
    const planner = await table("dp-planner");
    const officer = await table("hp-officer");
    expect(allows({ type: "plan_version", owner: "DP" }, "publish", planner)).toBe(true);
    expect(allows({ type: "plan_version", owner: "DP" }, "publish", officer)).toBe(false);
    expect(allows({ type: "clearance_request", owner: "DP" }, "approve", officer)).toBe(true);
    expect(allows({ type: "clearance_request", owner: "HP" }, "approve", officer)).toBe(false);
    expect(allows({ type: "clearance_request", owner: "DP" }, "approve", planner)).toBe(false);
  });

  it("reads an object's own abilities before any table", async () => {
    const planner = await s.login("dp-planner");
    expect((await s.request(planner, "POST", "/api/plans", { body: {} })).status).toBe(201);
    const observer = await s.login("hp-observer");
    const versions = (await s.request(observer, "GET", "/api/plans")).body as ListOf<PlanVersion>;
    const v = versions.items[0];
    if (v === undefined) throw new Error("a version was published");
    expect(allows(v, "read", undefined)).toBe(true);
    expect(allows(v, "publish", undefined)).toBe(false);
  });

  it("allows nothing while the table is not loaded", () => {
    expect(allows({ type: "plan_version", owner: "DP" }, "read", undefined)).toBe(false);
  });
});
