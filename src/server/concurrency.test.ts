/**
 * Optimistic concurrency through the API, on both engines: two approvals of one request fired
 * at once give exactly one 200 and one 409 (with the current version); a stale If-Match is a
 * 409; a missing one a 428; nothing is ever lost.
 */
import { expect, it } from "vitest";
import { describeEngines } from "#store/testing/engines.ts";
import { approval, submittedRequests } from "./testing/fixtures.ts";
import { testServer } from "./testing/harness.ts";

describeEngines("server: optimistic concurrency", (engine) => {
  it("lets exactly one of two concurrent approvals succeed, and one of two concurrent denials", async () => {
    const { handle } = await engine.fresh({ migrate: false });
    const s = await testServer(handle.db);
    const planner = await s.login("dp-planner");
    const [a, b] = await Promise.all([s.login("hp-officer"), s.login("hp-officer")]);
    const [first, second] = await submittedRequests(s, planner);
    if (!first || !second) throw new Error("need two requests");

    const results = await Promise.all([
      s.request(a, "POST", `/api/clearances/${first.id}/approve`, { ifMatch: first.version, body: approval(first, "HP-A") }),
      s.request(b, "POST", `/api/clearances/${first.id}/approve`, { ifMatch: first.version, body: approval(first, "HP-B") }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409);
    expect(loser?.body.code).toBe("conflict.version");
    expect(loser?.body.currentVersion).toBe(first.version + 1);
    const winner = results.find((r) => r.status === 200);
    const stored = await s.request(a, "GET", `/api/clearances/${first.id}`);
    expect(stored.body.clearance.number).toBe(winner?.body.clearance.number);
    expect(stored.body.history.filter((h: { type: string }) => h.type === "clearance.approved")).toHaveLength(1);

    const denials = await Promise.all(
      [a, b].map((who) => s.request(who, "POST", `/api/clearances/${second.id}/deny`, { ifMatch: second.version, body: { reason: "no" } })),
    );
    expect(denials.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it("answers a stale If-Match with 409 and the current version, a missing one with 428", async () => {
    const { handle } = await engine.fresh({ migrate: false });
    const s = await testServer(handle.db);
    const planner = await s.login("dp-planner");
    const officer = await s.login("hp-officer");
    const [r] = await submittedRequests(s, planner);
    if (!r) throw new Error("no request");
    const stale = await s.request(officer, "POST", `/api/clearances/${r.id}/deny`, { ifMatch: r.version - 1, body: { reason: "x" } });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(r.version);
    expect(stale.headers.get("etag")).toBe(`"${r.version}"`);
    const missing = await s.request(officer, "POST", `/api/clearances/${r.id}/deny`, { body: { reason: "x" } });
    expect(missing.status).toBe(428);
    const got = await s.request(officer, "GET", `/api/clearances/${r.id}`);
    expect(got.headers.get("etag")).toBe(`"${r.version}"`);
    expect(got.body.status).toBe("submitted");
  });
});
