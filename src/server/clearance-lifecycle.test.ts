/**
 * Clearance requests through the API, on both engines, beyond the happy path of the flow test:
 * a draft's edit in the history; the host's amendment answered by acceptance or by a
 * counter-proposal; the host country's lead time, alone and in a bulk submission; and the
 * expiry sweep at read time, on demand and on the server's timer, each expiry a ledger leaf.
 */
import { expect, it } from "vitest";
import { describeEngines } from "#store/testing/engines.ts";
import { auditDatabase } from "./ledger-reader.ts";
import { verifierKeysOf } from "./ledger-keys.ts";
import { startExpirySweep } from "./expiry-sweep.ts";
import { approval, submittedRequests } from "./testing/fixtures.ts";
import { type TestServer, type TestSession, testServer } from "./testing/harness.ts";

interface Wire {
  id: string;
  version: number;
  status: string;
  source: { sortie: string; latestFilingAt: string };
  details: { firstAt: string; lastAt: string; crew: number; passengers: number };
  history?: { type: string; actorId: string; actorParty: string; data: Record<string, unknown> }[];
}

const types = (r: Wire) => (r.history ?? []).map((h) => h.type);

async function drafts(s: TestServer, planner: TestSession): Promise<Wire[]> {
  expect((await s.request(planner, "POST", "/api/plans", { body: {} })).status).toBe(201);
  const r = await s.request(planner, "POST", "/api/clearances/drafts", { body: { callSignPrefix: "RCH", crew: 4 } });
  expect(r.status).toBe(201);
  return r.body.drafted as Wire[];
}

describeEngines("server: clearance requests beyond the happy path", (engine) => {
  it("records a draft's edit and takes both answers to an amendment: acceptance and a counter-proposal", async () => {
    const { handle } = await engine.fresh({ migrate: false });
    const s = await testServer(handle.db);
    const planner = await s.login("dp-planner");
    const officer = await s.login("hp-officer");
    const [a, b] = await drafts(s, planner);
    if (!a || !b) throw new Error("need two drafts");

    const edited = await s.request(planner, "PATCH", `/api/clearances/${a.id}`, { ifMatch: a.version, body: { crew: 6 } });
    expect(edited.status).toBe(200);
    expect(edited.body.details.crew).toBe(6);
    const submitted = await s.request(planner, "POST", "/api/clearances/submit", {
      body: { items: [{ id: a.id, version: edited.body.version }, { id: b.id, version: b.version }] },
    });
    expect(submitted.body.submitted).toBe(2);
    const [sa, sb] = submitted.body.results.map((x: { request: Wire }) => x.request) as Wire[];
    if (!sa || !sb) throw new Error("not submitted");

    // The host amends A; the requester accepts: A goes back to the host as resubmitted, then is approved.
    const amendA = await s.request(officer, "POST", `/api/clearances/${a.id}/amend`, {
      ifMatch: sa.version,
      body: { reason: "apron full that morning", changes: { passengers: 10 } },
    });
    expect(amendA.status).toBe(200);
    expect(amendA.body).toMatchObject({ status: "amended", amendment: { reason: "apron full that morning", changes: { passengers: 10 } } });
    const accepted = await s.request(planner, "POST", `/api/clearances/${a.id}/accept-amendment`, { ifMatch: amendA.body.version, body: {} });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe("resubmitted");
    expect(accepted.body.details.passengers).toBe(10);
    const approvedA = await s.request(officer, "POST", `/api/clearances/${a.id}/approve`, { ifMatch: accepted.body.version, body: approval(sa.details, "HP-A") });
    expect(approvedA.status).toBe(200);

    // The host amends B; the requester answers with its own version; the host denies it.
    const amendB = await s.request(officer, "POST", `/api/clearances/${b.id}/amend`, { ifMatch: sb.version, body: { reason: "fewer people", changes: { passengers: 1 } } });
    expect((await s.request(officer, "POST", `/api/clearances/${b.id}/resubmit`, { ifMatch: amendB.body.version, body: {} })).status).toBe(403);
    const counter = await s.request(planner, "POST", `/api/clearances/${b.id}/resubmit`, {
      ifMatch: amendB.body.version,
      body: { changes: { crew: 5 }, remarks: "we keep our passengers" },
    });
    expect(counter.status).toBe(200);
    expect(counter.body).toMatchObject({ status: "resubmitted", details: { crew: 5, passengers: sb.details.passengers } });
    const denied = await s.request(officer, "POST", `/api/clearances/${b.id}/deny`, { ifMatch: counter.body.version, body: { reason: "no" } });
    expect(denied.status).toBe(200);

    const historyA = (await s.request(officer, "GET", `/api/clearances/${a.id}`)).body as Wire;
    expect(types(historyA)).toEqual([
      "clearance.drafted",
      "clearance.updated",
      "clearance.submitted",
      "clearance.amended",
      "clearance.amendment_accepted",
      "clearance.approved",
    ]);
    expect(historyA.history?.[1]?.data).toMatchObject({ changes: { crew: 6 } });
    expect(historyA.history?.map((h) => h.actorParty)).toEqual(["DP", "DP", "DP", "HP", "DP", "HP"]);
    const historyB = (await s.request(planner, "GET", `/api/clearances/${b.id}`)).body as Wire;
    expect(types(historyB)).toEqual(["clearance.drafted", "clearance.submitted", "clearance.amended", "clearance.resubmitted", "clearance.denied"]);
    expect(historyB.history?.[3]?.data).toMatchObject({ remarks: "we keep our passengers" });
  });

  it("applies the host country's lead time to one submission and to each item of a bulk one", async () => {
    const { handle } = await engine.fresh({ migrate: false });
    const s = await testServer(handle.db);
    const planner = await s.login("dp-planner");
    const [first, other] = await drafts(s, planner);
    if (!first || !other) throw new Error("need two drafts");
    // The other request is moved a week later, so its filing deadline is a week later too.
    const week = 7 * 86_400_000;
    const moved = await s.request(planner, "PATCH", `/api/clearances/${other.id}`, {
      ifMatch: other.version,
      body: { firstAt: new Date(Date.parse(other.details.firstAt) + week).toISOString(), lastAt: new Date(Date.parse(other.details.lastAt) + week).toISOString() },
    });
    expect(moved.status).toBe(200);
    const last = { id: other.id, version: moved.body.version as number };

    // One minute after the first request's latest filing time: that one is late, the moved one is not.
    s.clock.set(new Date(Date.parse(first.source.latestFilingAt) + 60_000));
    const fresh = await s.login("dp-planner");
    const late = await s.request(fresh, "POST", `/api/clearances/${first.id}/submit`, { ifMatch: first.version, body: {} });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe("clearance.lead_time");
    expect(late.body.detail).toMatch(/XH requires 3 working days notice/);
    expect(late.body.details).toMatchObject({ country: "XH", latestFilingAt: first.source.latestFilingAt });

    const bulk = await s.request(fresh, "POST", "/api/clearances/submit", {
      body: { items: [{ id: first.id, version: first.version }, { id: last.id, version: last.version }, { id: "CR-none", version: 1 }] },
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.submitted).toBe(1);
    expect(bulk.body.results.map((r: { id: string; ok: boolean; status: number; code?: string }) => [r.id, r.ok, r.status, r.code])).toEqual([
      [first.id, false, 422, "clearance.lead_time"],
      [last.id, true, 200, undefined],
      ["CR-none", false, 404, "clearance_request.not_found"],
    ]);
    expect((await s.request(fresh, "GET", `/api/clearances/${first.id}`)).body.status).toBe("draft");
  });

  it("expires approvals whose window passed unused: at read time, on demand and on the timer, each in the ledger", async () => {
    const { handle } = await engine.fresh({ migrate: false });
    const s = await testServer(handle.db);
    const planner = await s.login("dp-planner");
    const officer = await s.login("hp-officer");
    const requests = await submittedRequests(s, planner);
    expect(requests.length).toBeGreaterThanOrEqual(4);
    const approved: Wire[] = [];
    for (const [i, r] of requests.slice(0, 3).entries()) {
      const a = await s.request(officer, "POST", `/api/clearances/${r.id}/approve`, { ifMatch: r.version, body: approval(r, `HP-${i}`) });
      expect(a.status).toBe(200);
      approved.push(a.body as Wire);
    }
    const [one, two, three] = approved;
    if (!one || !two || !three) throw new Error("not approved");
    const validTo = (r: Wire) => Date.parse((r as unknown as { clearance: { validTo: string } }).clearance.validTo);

    // Nothing is due yet: the on-demand sweep expires nothing.
    expect((await s.request(officer, "POST", "/api/clearances/expire", { body: {} })).body.expired).toEqual([]);

    // Past every window: reading one request expires it first.
    s.clock.set(new Date(Math.max(...approved.map(validTo)) + 60_000));
    const [p2, o2, a2] = await Promise.all(["dp-planner", "hp-officer", "dp-admin"].map((u) => s.login(u)));
    const read = await s.request(p2, "GET", `/api/clearances/${one.id}`);
    expect(read.body.status).toBe("expired");
    expect(read.body.clearance.number).toBe("HP-0");
    const expiredEvent = (read.body as Wire).history?.at(-1);
    expect(expiredEvent).toMatchObject({ type: "clearance.expired", actorId: "system", actorParty: "HP" });
    // A planner may not run the sweep; the departing party's administrator may.
    expect((await s.request(p2, "POST", "/api/clearances/expire", { body: {} })).status).toBe(403);
    const onDemand = await s.request(a2, "POST", "/api/clearances/expire", { body: {} });
    expect(onDemand.status).toBe(200);
    expect(onDemand.body.expired.map((r: Wire) => r.id).sort()).toEqual([two.id, three.id].sort());
    expect((await s.request(o2, "GET", "/api/clearances?status=approved")).body.items).toEqual([]);

    // The timer: a fourth approval, past its window, expires without anyone asking.
    const fourth = requests[3];
    if (fourth === undefined) throw new Error("need a fourth request");
    s.clock.set("2025-03-01T09:00:00.000Z");
    const o3 = await s.login("hp-officer");
    const a = await s.request(o3, "POST", `/api/clearances/${fourth.id}/approve`, { ifMatch: fourth.version, body: approval(fourth, "HP-4") });
    expect(a.status).toBe(200);
    s.clock.set(new Date(validTo(a.body as Wire) + 60_000));
    const sweep = startExpirySweep(s.deps, 3_600_000);
    await sweep.stop();
    expect(s.logger.lines.some((l) => l.event === "clearance.expired" && l.fields.ids === fourth.id)).toBe(true);
    const row = await handle.db.selectFrom("clearance_requests").select("status").where("id", "=", fourth.id).executeTakeFirstOrThrow();
    expect(row.status).toBe("expired");

    const leaves = (await s.request(o2, "GET", "/api/ledger/leaves")).body.items as { data: string }[];
    expect(leaves.filter((l) => l.data.includes('"type":"clearance.expired"'))).toHaveLength(4);
    const report = await auditDatabase(handle.db, verifierKeysOf(s.deps.ledger.keys));
    expect(report.problems).toEqual([]);
  });
});
