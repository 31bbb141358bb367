/**
 * Tamper detection, on both engines: rows of the ledger changed, deleted or reordered directly
 * in the database (as someone with database access could) are caught by `ledger verify`, which
 * names the first bad entry. Each tampering runs in a transaction that is rolled back.
 */
import { type Kysely, sql } from "kysely";
import { expect, it } from "vitest";
import { leafHash } from "#ledger/hash.ts";
import { toHex, utf8 } from "#ledger/bytes.ts";
import type { DB } from "#store/schema.ts";
import { describeEngines } from "#store/testing/engines.ts";
import { inTransaction } from "#store/transaction.ts";
import type { AuditReport } from "./ledger-audit.ts";
import { verifierKeysOf } from "./ledger-keys.ts";
import { auditDatabase } from "./ledger-reader.ts";
import { approval, submittedRequests } from "./testing/fixtures.ts";
import { testServer } from "./testing/harness.ts";

class Rollback extends Error {}

describeEngines("ledger verify: tamper detection", (engine) => {
  it("passes on an untouched ledger and names the first bad entry after each tampering", async () => {
    const { handle } = await engine.fresh({ migrate: false });
    const s = await testServer(handle.db, { autoCosign: true });
    const planner = await s.login("dp-planner");
    const officer = await s.login("hp-officer");
    const requests = await submittedRequests(s, planner);
    const r = requests[0];
    if (!r) throw new Error("no request");
    expect((await s.request(officer, "POST", `/api/clearances/${r.id}/approve`, { ifMatch: r.version, body: approval(r) })).status).toBe(200);
    const keys = verifierKeysOf(s.deps.ledger.keys);

    const clean = await auditDatabase(handle.db, keys);
    expect(clean.problems).toEqual([]);
    expect(clean.ok).toBe(true);
    expect(clean.finalSize).toBe(clean.leaves); // auto-cosigned by both parties (demo setting)
    expect(clean.leaves).toBeGreaterThan(6);

    const tampered = async (tamper: (trx: Kysely<DB>) => Promise<void>): Promise<AuditReport> => {
      let report: AuditReport | undefined;
      await inTransaction(handle.db, async (trx) => {
        await tamper(trx);
        report = await auditDatabase(trx, keys);
        throw new Rollback();
      }).catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
      if (report === undefined) throw new Error("no report");
      return report;
    };

    // A leaf's data changed (its stored hash left as it was).
    const changed = await tampered((trx) => sql`update ledger_leaves set leaf_data = replace(leaf_data, '"at":"2025', '"at":"2024') where idx = 3`.execute(trx).then(() => {}));
    expect(changed.ok).toBe(false);
    expect(changed.firstBad?.entry).toBe("leaf 3");

    // A leaf's data and hash both changed: the signed checkpoint roots and the event row disagree.
    const forged = await tampered(async (trx) => {
      const row = await trx.selectFrom("ledger_leaves").select("leaf_data").where("idx", "=", 2).executeTakeFirstOrThrow();
      const data = row.leaf_data.replace('"actorParty":"DP"', '"actorParty":"HP"');
      await trx.updateTable("ledger_leaves").set({ leaf_data: data, leaf_hash: toHex(leafHash(utf8(data))) }).where("idx", "=", 2).execute();
    });
    expect(forged.ok).toBe(false);
    expect(forged.firstBad?.entry).toMatch(/\(leaf 2\)$/);
    expect(forged.problems.some((p) => /checkpoint/.test(p.entry) && /signed root/.test(p.message))).toBe(true);

    // A leaf deleted.
    const deleted = await tampered((trx) => sql`delete from ledger_leaves where idx = 4`.execute(trx).then(() => {}));
    expect(deleted.ok).toBe(false);
    expect(deleted.firstBad?.entry).toBe("leaf 4");
    expect(deleted.firstBad?.message).toMatch(/missing/);

    // Two leaves swapped (data and hash moved together).
    const reordered = await tampered(async (trx) => {
      const rows = await trx.selectFrom("ledger_leaves").selectAll().where("idx", "in", [1, 5]).orderBy("idx").execute();
      const [one, five] = rows;
      if (!one || !five) throw new Error("rows");
      await trx.updateTable("ledger_leaves").set({ leaf_data: five.leaf_data, leaf_hash: five.leaf_hash }).where("idx", "=", 1).execute();
      await trx.updateTable("ledger_leaves").set({ leaf_data: one.leaf_data, leaf_hash: one.leaf_hash }).where("idx", "=", 5).execute();
    });
    expect(reordered.ok).toBe(false);
    expect(reordered.firstBad?.entry).toBe("leaf 1");
    expect(reordered.firstBad?.message).toMatch(/reordered/);

    // A decision rewritten in the history table only.
    const rewritten = await tampered((trx) =>
      sql`update workflow_events set actor_party = 'HP' where object_type = 'clearance_request' and object_version = 1 and ledger_idx = (select min(ledger_idx) from workflow_events where object_type = 'clearance_request')`
        .execute(trx)
        .then(() => {}),
    );
    expect(rewritten.ok).toBe(false);
    expect(rewritten.firstBad?.entry).toMatch(/^event clearance_request /);

    // A cosignature altered.
    const cosig = await tampered((trx) =>
      sql`update cosignatures set signature = ${"AAAA" + "B".repeat(92)} where party = 'HP' and tree_size = (select max(tree_size) from checkpoints)`.execute(trx).then(() => {}),
    );
    expect(cosig.ok).toBe(false);
    expect(cosig.problems.some((p) => p.entry.startsWith("cosignature HP@"))).toBe(true);
    expect(cosig.finalSize).toBeLessThan(clean.finalSize);

    // And after the rollbacks the ledger verifies again.
    expect((await auditDatabase(handle.db, keys)).ok).toBe(true);
  });
});
