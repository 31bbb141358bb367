/**
 * Planner runs with progress on synthetic-small, through the whole app: a plan run in a worker
 * thread streamed as server-sent events (the same plan the planner makes in this thread), published
 * when asked; a what-if comparison; bad variations refused before planning; a closed connection
 * ends the worker.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planWithdrawal } from "#planner/plan-withdrawal.ts";
import { applyVariations } from "#planner/whatif/apply-variations.ts";
import { compareVariants } from "#planner/whatif/compare.ts";
import { sqliteTestEngine } from "#store/testing/engines.ts";
import { plannerJobsCancelled, plannerJobsRunning } from "../planner-jobs/planner-runner.ts";
import { type TestServer, type TestSession, testServer } from "../testing/harness.ts";

const engine = sqliteTestEngine();
let s: TestServer;
let planner: TestSession;
let observer: TestSession;

beforeAll(async () => {
  const { handle } = await engine.fresh({ migrate: false });
  s = await testServer(handle.db, { now: "2025-03-01T08:00:00.000Z" });
  planner = await s.login("dp-planner");
  observer = await s.login("hp-observer");
});
afterAll(() => engine.cleanup());

/** The events of a server-sent event stream, in order. */
function events(text: string): { event: string; data: unknown }[] {
  return text
    .split("\n\n")
    .filter((block) => block.trim() !== "")
    .map((block) => {
      const lines = block.split("\n");
      const event = lines.find((l) => l.startsWith("event:"))?.slice(6).trim() ?? "message";
      const data = lines.filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trimStart()).join("\n");
      return { event, data: JSON.parse(data) as unknown };
    });
}

describe("POST /api/plans/runs", () => {
  it("streams the planner's progress, then the plan's summary: the same plan as planned here", async () => {
    const r = await s.request(planner, "POST", "/api/plans/runs", { body: {} });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/event-stream");
    const list = events(r.body as string);
    const progress = list.filter((e) => e.event === "progress").map((e) => e.data as { fraction: number; phase: string });
    expect(progress.length).toBeGreaterThan(0);
    for (let i = 1; i < progress.length; i++) expect(progress[i]?.fraction).toBeGreaterThanOrEqual(progress[i - 1]?.fraction ?? 0);
    expect(progress.every((p) => p.fraction >= 0 && p.fraction <= 1 && p.phase.length > 0)).toBe(true);
    const last = list.at(-1);
    expect(last?.event).toBe("result");
    const expected = planWithdrawal(s.deps.scenario.resolved, { seed: 1 }).summary;
    expect(last?.data).toMatchObject({ summary: { closureAt: expected.closureAt, sorties: expected.sorties, convoys: expected.convoys, cargoKg: expected.cargoKg }, published: null });
    expect((await s.request(planner, "GET", "/api/plans")).body.items).toEqual([]);
    expect(plannerJobsRunning()).toBe(0);
  });

  it("publishes the plan it made when asked", async () => {
    const r = await s.request(planner, "POST", "/api/plans/runs", { body: { publish: true, note: "from the run" } });
    const result = events(r.body as string).at(-1);
    expect(result?.event).toBe("result");
    const published = (result?.data as { published: { id: string; number: number } }).published;
    expect(published.number).toBe(1);
    const versions = (await s.request(observer, "GET", "/api/plans")).body.items;
    expect(versions.map((v: { id: string; status: string; note: string }) => [v.id, v.status, v.note])).toEqual([[published.id, "baseline", "from the run"]]);
  });

  it("is the departing party's planners' to run", async () => {
    expect((await s.request(observer, "POST", "/api/plans/runs", { body: {} })).status).toBe(403);
  });

  it("ends the worker when the client goes away", async () => {
    const res = await s.app.request("http://drawdown.test/api/plans/runs", {
      method: "POST",
      headers: { origin: "http://drawdown.test", cookie: planner.cookie, "x-csrf-token": planner.csrf, "content-type": "application/json" },
      body: JSON.stringify({}),
    });
    const cancelledBefore = plannerJobsCancelled();
    const reader = res.body?.getReader();
    if (reader === undefined) throw new Error("a stream");
    await reader.read();
    expect(plannerJobsRunning()).toBe(1);
    await reader.cancel();
    for (let i = 0; i < 100 && plannerJobsRunning() > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(plannerJobsRunning()).toBe(0);
    // Ended by the cancellation, not by finishing.
    expect(plannerJobsCancelled()).toBe(cancelledBefore + 1);
  });
});

describe("POST /api/whatif", () => {
  it("compares the scenario with each variant on the key figures, as the planner does", async () => {
    const body = {
      variants: [
        { name: "One more C-17", variations: [{ kind: "fleet", type: "C-17A", delta: 1 }] },
        { name: "Deadline 2 days earlier", variations: [{ kind: "deadline-shift", hours: -48 }] },
      ],
    };
    const r = await s.request(observer, "POST", "/api/whatif", { body });
    expect(r.status).toBe(200);
    const list = events(r.body as string);
    const steps = list.filter((e) => e.event === "progress").map((e) => (e.data as { step: number }).step);
    expect(new Set(steps)).toEqual(new Set([0, 1, 2]));
    const result = list.at(-1)?.data as {
      variants: { name: string; rows: { key: string; base: unknown; variant: unknown }[]; variations: string[]; notes: { code: string; params: Record<string, unknown>; text: string }[] }[];
    };
    expect(result.variants.map((v) => v.name)).toEqual(["One more C-17", "Deadline 2 days earlier"]);

    const rs = s.deps.scenario.resolved;
    const base = { rs, plan: planWithdrawal(rs, { seed: 1 }) };
    const varied = applyVariations(rs, [{ kind: "fleet", type: "C-17A", delta: 1 }]);
    if (!varied.ok) throw new Error("the variation applies");
    const rows = compareVariants(base, { rs: varied.value, plan: planWithdrawal(varied.value, { seed: 1 }) });
    expect(result.variants[0]?.rows).toEqual(rows.map((x) => ({ key: x.key, label: x.label, base: x.base, variant: x.variant })));
    expect(result.variants[0]?.variations).toEqual(["C-17A +1"]);
    const deadline = result.variants[1]?.rows.find((x) => x.key === "deadline");
    expect(Date.parse(String(deadline?.base)) - Date.parse(String(deadline?.variant))).toBe(48 * 3_600_000);
    // Each note comes with its code and values (for the page to say in French) and its English.
    const moved = new Date(String(deadline?.variant)).toISOString();
    const at = `${moved.slice(0, 10)} ${moved.slice(11, 16)}Z`;
    expect(result.variants[1]?.notes).toEqual([{ code: "whatif.note.deadline.days_earlier", params: { at, days: 2 }, text: `deadline ${at}: 2 days earlier` }]);
  });

  it("refuses a variation that cannot apply before planning anything, naming it", async () => {
    const r = await s.request(observer, "POST", "/api/whatif", { body: { variants: [{ name: "x", variations: [{ kind: "fleet", type: "A400M", delta: 1 }] }] } });
    expect(r.status).toBe(422);
    expect(r.body.errors[0].path).toMatch(/^\$\.variants\[0\]/);
    expect(r.body.errors[0].message).toContain("A400M");
    const wrong = await s.request(observer, "POST", "/api/whatif", { body: { variants: [{ name: "x", variations: [{ kind: "deny", country: "Algeria" }] }] } });
    expect(wrong.status).toBe(422);
  });
});
