/**
 * "Verify here" against a real server's ledger (the server app in-process, on a fresh SQLite
 * database): decisions are made through the API, both parties cosign, the browser's checker
 * accepts the ledger; then rows are changed, replaced, reordered or deleted directly in the
 * database, or a cosignature is forged, and the checker names the first bad entry each time.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type TestServer, type TestSession, testServer } from "../../../../src/server/testing/harness.ts";
import { sqliteTestEngine } from "../../../../src/store/testing/engines.ts";
import { ApiClient } from "../../api/client.ts";
import { fromHex, toHex, utf8 } from "./ledger-bytes.ts";
import { checkLedger, type CheckProgress, type LedgerCheck } from "./ledger-check.ts";
import { fetchSnapshot, proofsFrom } from "./ledger-source.ts";
import { leafHash } from "./merkle.ts";

const engine = sqliteTestEngine();
let s: TestServer;
let observer: TestSession;

/** An API client speaking to the in-process server as a logged-in user. */
function clientOf(session: TestSession): ApiClient {
  return new ApiClient({
    baseUrl: "http://drawdown.test",
    fetch: async (r) => {
      const headers = new Headers(r.headers);
      headers.set("cookie", session.cookie);
      return s.app.request(new Request(r, { headers }));
    },
  });
}

async function verify(progress?: (p: CheckProgress) => void): Promise<LedgerCheck> {
  const api = clientOf(observer);
  return checkLedger(await fetchSnapshot(api), proofsFrom(api), progress);
}

async function decide(): Promise<number> {
  const planner = await s.login("dp-planner");
  expect((await s.request(planner, "POST", "/api/plans", { body: {} })).status).toBe(201);
  expect((await s.request(planner, "POST", "/api/movements/from-plan", { body: {} })).status).toBe(201);
  expect((await s.request(planner, "POST", "/api/dispositions/from-scenario", { body: {} })).status).toBe(201);
  const size = (await s.request(observer, "GET", "/api/ledger/final")).body.latestCheckpoint as number;
  for (const [user, party] of [["dp-member", "DP"], ["hp-member", "HP"]] as const) {
    const r = await s.request(await s.login(user), "POST", `/api/ledger/checkpoints/${size}/cosignatures/${party}`, { body: {} });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
  return size;
}

let size = 0;
let pristine: { idx: number; leaf_data: string; leaf_hash: string }[] = [];

beforeAll(async () => {
  const { handle } = await engine.fresh({ migrate: false });
  s = await testServer(handle.db);
  observer = await s.login("hp-observer");
  size = await decide();
  pristine = await sql<{ idx: number; leaf_data: string; leaf_hash: string }>`select idx, leaf_data, leaf_hash from ledger_leaves order by idx`.execute(s.deps.db).then((r) => r.rows);
});
afterAll(() => engine.cleanup());

// Each case tampers from the same pristine ledger.
beforeEach(async () => {
  await sql`delete from ledger_leaves`.execute(s.deps.db);
  for (const l of pristine) await sql`insert into ledger_leaves (idx, leaf_data, leaf_hash, created_at) values (${l.idx}, ${l.leaf_data}, ${l.leaf_hash}, '2025-03-01T08:00:00.000Z')`.execute(s.deps.db);
});

const leafAt = (i: number) => pristine[i] ?? { idx: i, leaf_data: "", leaf_hash: "" };

describe("verify here, on a real server's ledger", () => {
  it("accepts the ledger: every leaf, root, signature, proof and both cosignatures", async () => {
    const seen: CheckProgress[] = [];
    const r = await verify((p) => seen.push(p));
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.leaves).toBe(pristine.length);
    expect(r.leaves).toBeGreaterThan(10);
    expect(r.finalSize).toBe(size);
    const last = r.checkpoints.at(-1);
    expect(last?.size).toBe(size);
    expect(last?.cosignatures.map((c) => c.party).sort()).toEqual(["DP", "HP"]);
    expect(last?.cosignatures.every((c) => c.time === Math.floor(Date.parse("2025-03-01T08:00:00Z") / 1000))).toBe(true);
    expect(r.checkpoints.every((c) => c.logSignature && c.rootMatches === true && c.inclusion?.ok === true)).toBe(true);
    expect(r.checkpoints.slice(1).every((c) => c.consistency?.ok === true)).toBe(true);
    expect(r.keys.map((k) => k.name)).toEqual(["drawdown.commission/synthetic-small", "DP", "HP"]);
    expect(seen.at(-1)).toEqual({ phase: "checkpoints", done: r.checkpoints.length, total: r.checkpoints.length });
  });

  it("names a leaf whose data was changed in the database", async () => {
    const i = Math.floor(pristine.length / 2);
    await sql`update ledger_leaves set leaf_data = ${leafAt(i).leaf_data.replace('"DP"', '"HP"')} where idx = ${i}`.execute(s.deps.db);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.firstBad).toEqual({ kind: "leaf_changed", at: i });
  });

  it("narrows a leaf replaced with a matching hash down to the checkpoint range that covers it", async () => {
    const i = pristine.length - 1;
    const data = leafAt(i).leaf_data.replace('"DP"', '"HP"');
    const hash = toHex(await leafHash(utf8(data)));
    await sql`update ledger_leaves set leaf_data = ${data}, leaf_hash = ${hash} where idx = ${i}`.execute(s.deps.db);
    const r = await verify();
    expect(r.firstBad?.kind).toBe("checkpoint_root");
    expect(r.firstBad?.at).toBe(size);
    expect(r.firstBad?.from ?? -1).toBeLessThanOrEqual(i);
    // The server's own proof of the last leaf no longer leads to the signed root from the hash computed here.
    expect(r.checkpoints.at(-1)?.inclusion?.ok).toBe(false);
    expect(r.finalSize).toBeLessThan(size);
  });

  it("names two leaves swapped in place", async () => {
    const [a, b] = [leafAt(1), leafAt(2)];
    await sql`update ledger_leaves set leaf_data = ${b.leaf_data}, leaf_hash = ${b.leaf_hash} where idx = 1`.execute(s.deps.db);
    await sql`update ledger_leaves set leaf_data = ${a.leaf_data}, leaf_hash = ${a.leaf_hash} where idx = 2`.execute(s.deps.db);
    const r = await verify();
    expect(r.firstBad).toEqual({ kind: "leaf_moved", at: 1, detail: "2" });
  });

  it("names a deleted leaf", async () => {
    await sql`delete from ledger_leaves where idx = 3`.execute(s.deps.db);
    const r = await verify();
    expect(r.firstBad).toEqual({ kind: "leaf_missing", at: 3 });
  });

  it("refuses a forged cosignature and does not count it toward finality", async () => {
    await sql`update cosignatures set signature = (select signature from cosignatures where party = 'DP') where party = 'HP'`.execute(s.deps.db);
    const r = await verify();
    expect(r.problems).toContainEqual({ kind: "cosignature", at: size, party: "HP" });
    expect(r.finalSize).toBe(0);
    expect(fromHex(leafAt(0).leaf_hash)).not.toBeNull();
  });
});
