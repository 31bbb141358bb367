/**
 * `POST /api/plans` as `drawdown serve` runs it (`publicationPlanner: "worker"`), through the
 * whole app on the Niger scenario: the plan is made in a planner worker while the server goes on
 * answering (a health check answered mid-publication), the version published is the plan the
 * planner makes of the current scenario, a busy planner answers 429, and a scenario changed while
 * the worker plans is not published. Other tests keep the in-thread planner (no worker to boot).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planWithdrawal } from "#planner/plan-withdrawal.ts";
import { sqliteTestEngine } from "#store/testing/engines.ts";
import { createApp } from "../app.ts";
import type { ServerDeps } from "../deps.ts";
import { MAX_PLANNER_JOBS, plannerJobsRunning, startPlannerJob } from "../planner-jobs/planner-runner.ts";
import { type TestResponse, type TestServer, type TestSession, testServer } from "../testing/harness.ts";

const engine = sqliteTestEngine();
let s: TestServer;
/** The same server's dependencies, with publications planned in a worker as in production. */
let deps: ServerDeps;
let app: ReturnType<typeof createApp>["app"];
let planner: TestSession;

beforeAll(async () => {
  const { handle } = await engine.fresh({ migrate: false });
  s = await testServer(handle.db, { scenario: "niger-2024", now: "2024-06-07T06:00:00.000Z" });
  deps = { ...s.deps, publicationPlanner: "worker" };
  app = createApp(deps).app;
  planner = await s.login("us-planner");
});
afterAll(() => engine.cleanup());

/** A request of the worker-planning app, as the web app sends it. */
async function send(session: TestSession | undefined, method: string, path: string, body?: unknown): Promise<TestResponse> {
  const headers: Record<string, string> = { origin: "http://drawdown.test" };
  if (session !== undefined) Object.assign(headers, { cookie: session.cookie, "x-csrf-token": session.csrf });
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await app.request(`http://drawdown.test${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, body: text === "" ? undefined : JSON.parse(text), headers: res.headers };
}

const waitFor = async (ok: () => boolean, what: string) => {
  for (let i = 0; i < 400 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!ok()) throw new Error(`timed out waiting for ${what}`);
};

describe("POST /api/plans in a planner worker", () => {
  it("answers other requests while it plans, then publishes the plan of the current scenario", async () => {
    let settled = false;
    const publishing = send(planner, "POST", "/api/plans", { seed: 3, note: "off the request thread" }).finally(() => {
      settled = true;
    });
    // Timers fire while the worker plans: the request thread is free.
    await waitFor(() => plannerJobsRunning() === 1, "the planner worker");
    const health = await send(undefined, "GET", "/api/health");
    expect(health.status).toBe(200);
    expect(health.body.ok).toBe(true);
    expect(settled).toBe(false);
    expect(plannerJobsRunning()).toBe(1);

    const r = await publishing;
    expect(r.status).toBe(201);
    expect(plannerJobsRunning()).toBe(0);
    const expected = planWithdrawal(s.deps.scenario.resolved, { seed: 3 });
    expect(r.body).toMatchObject({ number: 1, status: "baseline", note: "off the request thread", publishedBy: expect.any(String) });
    expect(r.body.summary).toEqual(JSON.parse(JSON.stringify(expected.summary)));
    // What is stored is the whole plan, as the in-thread planner makes it.
    const stored = await send(planner, "GET", `/api/plans/${r.body.id}`);
    expect(stored.body.plan).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it("answers 429 with a Retry-After while the planner is busy, and publishes nothing", async () => {
    const before = (await send(planner, "GET", "/api/plans")).body.items.length;
    const busy = Array.from({ length: MAX_PLANNER_JOBS }, () => startPlannerJob({ kind: "plan", scenario: s.deps.scenario.resolved, seed: 1 }, () => undefined));
    try {
      const r = await send(planner, "POST", "/api/plans", { seed: 4 });
      expect(r.status).toBe(429);
      expect(r.body.code).toBe("planner.busy");
      expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      for (const run of busy) {
        run.cancel();
        await run.result.catch(() => undefined);
      }
    }
    expect((await send(planner, "GET", "/api/plans")).body.items.length).toBe(before);
  });

  it("does not publish a plan of a scenario replaced while the worker planned", async () => {
    const before = (await send(planner, "GET", "/api/plans")).body.items.length;
    const publishing = send(planner, "POST", "/api/plans", { seed: 5 });
    await waitFor(() => plannerJobsRunning() === 1, "the planner worker");
    // As a cargo import does: the current scenario is replaced, not mutated.
    deps.scenario = { ...deps.scenario };
    const r = await publishing;
    expect(r.status).toBe(409);
    expect(r.body.code).toBe("plan.scenario_changed");
    expect((await send(planner, "GET", "/api/plans")).body.items.length).toBe(before);
  });

  it("documents the busy planner's 429 in the OpenAPI document", async () => {
    const doc = (await send(undefined, "GET", "/api/openapi.json")).body;
    const responses = doc.paths["/api/plans"].post.responses;
    expect(Object.keys(responses)).toEqual(expect.arrayContaining(["201", "409", "429"]));
    expect(responses["429"].description).toContain("planner is busy");
  });
});

describe("POST /api/plans/run in a planner worker", () => {
  it("answers other requests while it plans, returns the plan of the current scenario and stores nothing", async () => {
    const before = (await send(planner, "GET", "/api/plans")).body.items.length;
    let settled = false;
    const running = send(planner, "POST", "/api/plans/run", { seed: 6 }).finally(() => {
      settled = true;
    });
    await waitFor(() => plannerJobsRunning() === 1, "the planner worker");
    expect((await send(undefined, "GET", "/api/health")).status).toBe(200);
    expect(settled).toBe(false);

    const r = await running;
    expect(r.status).toBe(200);
    expect(r.body.plan).toEqual(JSON.parse(JSON.stringify(planWithdrawal(deps.scenario.resolved, { seed: 6 }))));
    expect((await send(planner, "GET", "/api/plans")).body.items.length).toBe(before);
  });

  it("answers 429 while the planner is busy", async () => {
    const busy = Array.from({ length: MAX_PLANNER_JOBS }, () => startPlannerJob({ kind: "plan", scenario: s.deps.scenario.resolved, seed: 1 }, () => undefined));
    try {
      const r = await send(planner, "POST", "/api/plans/run", {});
      expect(r.status).toBe(429);
      expect(r.body.code).toBe("planner.busy");
    } finally {
      for (const run of busy) {
        run.cancel();
        await run.result.catch(() => undefined);
      }
    }
  });
});
