/**
 * `GET /api/overview` on the synthetic-small scenario, through the whole app: before any plan,
 * after publishing one, as time passes with a convoy overdue, and once it departs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteTestEngine } from "#store/testing/engines.ts";
import { type TestServer, type TestSession, testServer } from "../testing/harness.ts";
import type { overviewSchema } from "./overview-wire.ts";
import type { z } from "@hono/zod-openapi";

type Overview = z.infer<typeof overviewSchema>;
const engine = sqliteTestEngine();
let s: TestServer;
let planner: TestSession;
let observer: TestSession;
const DAY = 86_400_000;

beforeAll(async () => {
  const { handle } = await engine.fresh({ migrate: false });
  s = await testServer(handle.db, { now: "2025-03-01T08:00:00.000Z" });
  planner = await s.login("dp-planner");
  observer = await s.login("hp-observer");
});
afterAll(() => engine.cleanup());

const overview = async (who: TestSession = observer): Promise<Overview> => {
  const r = await s.request(who, "GET", "/api/overview");
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as Overview;
};

describe("GET /api/overview", () => {
  it("needs a session", async () => {
    expect((await s.request(undefined, "GET", "/api/overview")).status).toBe(401);
  });

  it("before any plan: days left and what each host site holds, no plan, no alerts", async () => {
    const o = await overview();
    expect(o.at).toBe("2025-03-01T08:00:00Z");
    expect(o.daysLeft).toBe(Math.ceil((Date.parse(o.scenario.deadline) - Date.parse(o.at)) / DAY));
    expect(o.baseline).toBeNull();
    expect(o.burndown).toBeNull();
    expect(o.sites.map((x) => [x.id, x.initial.personnel])).toEqual([
      ["MAIN", 132],
      ["OUTPOST", 19],
    ]);
    expect(o.alerts.total).toBe(0);
  });

  describe("with a published plan", () => {
    let plan: { summary: { closureAt: string; start: string }; clearanceRequests: { id: string; country: string; latestFilingAt: string }[]; convoys: { id: string; from: string; departAt: string; load: { passengers: { count: number }[] } }[] };

    beforeAll(async () => {
      const published = await s.request(planner, "POST", "/api/plans", { body: {} });
      expect(published.status).toBe(201);
      plan = (await s.request(observer, "GET", `/api/plans/${published.body.id}`)).body.plan;
    });

    it("burns the plan down to zero by the closure and forecasts the planned closure", async () => {
      const o = await overview();
      expect(o.baseline?.number).toBe(1);
      expect(o.baseline?.unplanned).toBe(0);
      expect(o.forecast).toEqual({ closureAt: plan.summary.closureAt, slackMinutes: (Date.parse(o.scenario.deadline) - Date.parse(plan.summary.closureAt)) / 60_000, status: "on_track" });
      const all = o.burndown?.sites.find((x) => x.site === "*");
      expect(o.burndown?.days[0]).toBe(o.scenario.start);
      expect(all?.plan.personnel[0]).toBe(151);
      expect(all?.plan.personnel.at(-1)).toBe(0);
      expect(all?.plan.cargoKg.at(-1)).toBe(0);
      expect(all?.plan.personnel).toHaveLength(o.burndown?.days.length ?? -1);
      // Now is before the start: no actuals yet.
      expect(all?.actual.personnel).toEqual([]);
    });

    it("warns about the host's requests whose filing time is within 48 h, and only those", async () => {
      const o = await overview();
      const due = plan.clearanceRequests.filter((r) => r.country === "XH" && Date.parse(r.latestFilingAt) - Date.parse(o.at) <= 48 * 3_600_000);
      expect(due.length).toBeGreaterThan(0);
      expect(o.alerts.counts).toEqual({ clearance_not_filed: due.length });
      expect(o.alerts.items.map((a) => a.subject).sort()).toEqual(due.map((r) => r.id).sort());
      expect(o.alerts.items.every((a) => a.severity === "warning" && a.status === "not_drafted")).toBe(true);
    });

    it("names an overdue convoy, slips its site, and moves the burndown once it departs", async () => {
      const convoy = plan.convoys[0];
      if (convoy === undefined) throw new Error("synthetic-small plans a convoy");
      s.clock.set(new Date(Date.parse(convoy.departAt) + 6 * 3_600_000));
      // Sessions end with time: log in again at the new time.
      planner = await s.login("dp-planner");
      observer = await s.login("hp-observer");
      let o = await overview();
      expect(o.alerts.items.filter((a) => a.kind === "movement_late").map((a) => [a.subject, a.status])).toContainEqual([convoy.id, "not_created"]);
      expect(o.sites.find((x) => x.id === convoy.from)?.slipMinutes).toBe(360);
      const before = o.sites.find((x) => x.id === convoy.from)?.actual.personnel ?? -1;

      expect((await s.request(planner, "POST", "/api/movements/from-plan", { body: {} })).status).toBe(201);
      const m = ((await s.request(planner, "GET", "/api/movements")).body.items as { id: string; planRef: string; version: number }[]).find((x) => x.planRef === convoy.id);
      if (m === undefined) throw new Error("no convoy movement");
      const scheduled = await s.request(planner, "POST", `/api/movements/${m.id}/schedule`, { body: {}, ifMatch: m.version });
      expect(scheduled.body.status).toBe("cleared");
      const departed = await s.request(planner, "POST", `/api/movements/${m.id}/depart`, { body: {}, ifMatch: scheduled.body.version });
      expect(departed.status, JSON.stringify(departed.body)).toBe(200);

      o = await overview();
      const passengers = convoy.load.passengers.reduce((n, p) => n + p.count, 0);
      expect(o.sites.find((x) => x.id === convoy.from)?.actual.personnel).toBe(before - passengers);
      expect(o.burndown?.sites.find((x) => x.site === convoy.from)?.actual.personnel.at(-1)).toBe(before - passengers);
      expect(o.alerts.items.some((a) => a.kind === "movement_late" && a.subject === convoy.id)).toBe(false);
      expect(o.movements.departed).toBe(1);
    });
  });
});
