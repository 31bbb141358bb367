/**
 * What a failure leaves, on both engines: a decision that fails at its very last write (the
 * history row, after its state and its ledger leaf were written) answers non-2xx and leaves
 * nothing of itself — no state, no leaf, no checkpoint; and a failure of the database itself
 * answers a plain 500 (503 on the health route) that names no table, SQL, file or stack, while
 * the log keeps the detail.
 */
import { sql } from "kysely";
import { expect, it } from "vitest";
import { describeEngines } from "#store/testing/engines.ts";
import { submittedRequests } from "./testing/fixtures.ts";
import { testServer } from "./testing/harness.ts";

describeEngines("server: failures", (engine) => {
  it("answers 2xx only for what was committed: a decision failing at its last write leaves nothing", async () => {
    const { handle } = await engine.fresh({ migrate: false });
    const s = await testServer(handle.db);
    const planner = await s.login("dp-planner");
    const officer = await s.login("hp-officer");
    const [r] = await submittedRequests(s, planner);
    if (!r) throw new Error("no request");
    const size = async () => (await s.request(officer, "GET", "/api/ledger/final")).body as { size: number; latestCheckpoint: number };
    const before = await size();

    // A history row for the request's next version already exists (as if written by a ghost):
    // the denial's state and leaf are written first, then its history row collides.
    await sql`insert into workflow_events (object_type, object_id, object_version, type, actor_id, actor_party, at, data, ledger_idx, created_at)
      values ('clearance_request', ${r.id}, ${r.version + 1}, 'clearance.ghost', 'x', 'HP', '2025-03-01T08:00Z', '{}', 999999, '2025-03-01T08:00:00.000Z')`.execute(handle.db);
    const denied = await s.request(officer, "POST", `/api/clearances/${r.id}/deny`, { ifMatch: r.version, body: { reason: "no" } });
    expect(denied.status).toBe(409);
    const after = await s.request(officer, "GET", `/api/clearances/${r.id}`);
    expect(after.body).toMatchObject({ status: "submitted", version: r.version });
    expect(await size()).toEqual(before);
    const leaves = (await s.request(officer, "GET", "/api/ledger/leaves")).body.items as { data: string }[];
    expect(leaves.some((l) => l.data.includes('"type":"clearance.denied"'))).toBe(false);
  });

  it("answers a database failure with a plain 500 naming no table, SQL, path or stack; the log has the detail", async () => {
    const { handle } = await engine.fresh({ migrate: false });
    const s = await testServer(handle.db);
    const planner = await s.login("dp-planner");
    await sql`alter table movements rename to movements_gone`.execute(handle.db);
    const r = await s.request(planner, "GET", "/api/movements");
    expect(r.status).toBe(500);
    expect(r.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(r.body).toEqual({
      type: "https://drawdown.example/problems/server.error",
      title: "Internal error",
      status: 500,
      code: "server.error",
      detail: "the server could not complete the request; it has been logged",
    });
    const logged = s.logger.lines.find((l) => l.event === "server.error");
    expect(logged?.fields.message).toMatch(/movements/);
    expect(logged?.fields.path).toBe("/api/movements");

    // Health checks the database: a closed one answers 503, still without internals.
    expect((await s.request(undefined, "GET", "/api/health")).status).toBe(200);
    await handle.close();
    const down = await s.request(undefined, "GET", "/api/health");
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ code: "server.database_unavailable", detail: "the server is up but its database does not answer" });
  });
});
