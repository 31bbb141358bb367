import { expect, it } from "vitest";
import { StoreError } from "./errors.ts";
import {
  appendLeaves,
  findCheckpoint,
  insertCheckpoint,
  insertCosignature,
  latestCheckpoint,
  ledgerSize,
  listCheckpoints,
  listCosignatures,
  lockLedgerTail,
  readLeaves,
  readLedger,
} from "./ledger.repository.ts";
import type { NewCheckpoint, NewCosignature } from "./schema.ts";
import { describeEngines } from "./testing/engines.ts";
import { at, buildLeaf, leafHashHex, seedParties, sleep } from "./testing/factories.ts";
import { inTransaction } from "./transaction.ts";

function checkpoint(treeSize: number): NewCheckpoint {
  const body = `drawdown.example/ledger\n${treeSize}\nroot\n`;
  return { tree_size: treeSize, root_hash: leafHashHex(body), body, signed_note: `${body}\n— sig\n`, created_at: at() };
}

function cosignature(treeSize: number, party: string): NewCosignature {
  return {
    tree_size: treeSize,
    party,
    key_name: `${party.toLowerCase()}-commission`,
    timestamp: 4_102_444_800, // 2100-01-01: past 2038, so the bigint column matters
    signature: "c2lnbmF0dXJl",
    created_at: at(),
  };
}

async function code(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return (error as StoreError).code;
}

describeEngines("ledger repository", (engine) => {
  it("appends leaves in order and reads ranges back exactly", async () => {
    const { handle } = await engine.fresh();
    const db = handle.db;
    await appendLeaves(db, [buildLeaf(0), buildLeaf(1), buildLeaf(2)]);
    await appendLeaves(db, [buildLeaf(3)]);
    await appendLeaves(db, []);
    expect(await ledgerSize(db)).toBe(4);
    expect(await readLeaves(db, 1, 3)).toEqual([buildLeaf(1), buildLeaf(2)]);
    expect(await readLeaves(db, 0, 100)).toEqual([0, 1, 2, 3].map((i) => buildLeaf(i)));
    expect(await readLeaves(db, 4, 10)).toEqual([]);
  });

  it("refuses a gap, a duplicate index, and a batch that is not consecutive", async () => {
    const { handle } = await engine.fresh();
    const db = handle.db;
    expect(await code(appendLeaves(db, [buildLeaf(1)]))).toBe("store.ledger_gap");
    await appendLeaves(db, [buildLeaf(0), buildLeaf(1)]);
    expect(await code(appendLeaves(db, [buildLeaf(1)]))).toBe("store.ledger_duplicate");
    expect(await code(appendLeaves(db, [buildLeaf(0), buildLeaf(1), buildLeaf(2)]))).toBe("store.ledger_duplicate");
    expect(await code(appendLeaves(db, [buildLeaf(3)]))).toBe("store.ledger_gap");
    expect(await code(appendLeaves(db, [buildLeaf(2), buildLeaf(4)]))).toBe("store.ledger_gap");
    expect(await code(appendLeaves(db, [buildLeaf(2), buildLeaf(2)]))).toBe("store.ledger_duplicate");
    expect(await ledgerSize(db)).toBe(2);
    expect((await readLeaves(db, 0, 10)).map((l) => l.idx)).toEqual([0, 1]);
  });

  it("writes a batch whole or not at all when one leaf is invalid", async () => {
    const { handle } = await engine.fresh();
    const bad = { ...buildLeaf(2), leaf_hash: "not-a-sha256" };
    await appendLeaves(handle.db, [buildLeaf(0)]);
    await expect(appendLeaves(handle.db, [buildLeaf(1), bad])).rejects.toThrow();
    expect(await ledgerSize(handle.db)).toBe(1);
    expect(await readLeaves(handle.db, 0, 10)).toEqual([buildLeaf(0)]);
  });

  it("leaves nothing half-written when the decision's transaction fails after appending", async () => {
    const { handle } = await engine.fresh();
    await seedParties(handle.db);
    await expect(
      inTransaction(handle.db, async (trx) => {
        const next = await lockLedgerTail(trx);
        await appendLeaves(trx, [buildLeaf(next), buildLeaf(next + 1)]);
        await insertCheckpoint(trx, checkpoint(2));
        await insertCosignature(trx, cosignature(2, "FR"));
        throw new Error("the decision's own row failed to save");
      }),
    ).rejects.toThrow("failed to save");
    expect(await readLedger(handle.db)).toEqual({ leaves: [], checkpoints: [], cosignatures: [] });
    expect(await ledgerSize(handle.db)).toBe(0);
    await appendLeaves(handle.db, [buildLeaf(0)]);
    expect(await ledgerSize(handle.db)).toBe(1);
  });

  it("gives concurrent appenders consecutive indexes instead of failing one", async () => {
    const { handle } = await engine.fresh();
    const append = (i: number) =>
      inTransaction(handle.db, async (trx) => {
        const idx = await lockLedgerTail(trx);
        await sleep(i % 3); // let the others reach the lock while this one holds it
        await appendLeaves(trx, [buildLeaf(idx, `decision-${i}`)]);
        return idx;
      });
    const indexes = await Promise.all(Array.from({ length: 12 }, (_, i) => append(i)));
    expect([...indexes].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(await ledgerSize(handle.db)).toBe(12);
    const events = (await readLeaves(handle.db, 0, 12)).map((l) => JSON.parse(l.leaf_data).event);
    expect(new Set(events).size).toBe(12);
  });

  it("takes the append lock only inside a transaction", async () => {
    const { handle } = await engine.fresh();
    await expect(lockLedgerTail(handle.db)).rejects.toThrow(/needs a transaction/);
  });

  it("stores checkpoints and one cosignature per party, refusing a second", async () => {
    const { handle } = await engine.fresh();
    const db = handle.db;
    await seedParties(db);
    await appendLeaves(db, [0, 1, 2].map((i) => buildLeaf(i)));
    await insertCheckpoint(db, checkpoint(1));
    await insertCheckpoint(db, checkpoint(3));
    expect(await code(insertCheckpoint(db, checkpoint(3)))).toBe("store.duplicate");
    await insertCosignature(db, cosignature(3, "NE"));
    await insertCosignature(db, cosignature(3, "FR"));
    expect(await code(insertCosignature(db, { ...cosignature(3, "NE"), signature: "b3RoZXI=" }))).toBe(
      "store.duplicate",
    );
    await expect(insertCosignature(db, cosignature(2, "FR"))).rejects.toThrow(); // no such checkpoint
    await expect(insertCosignature(db, cosignature(1, "XX"))).rejects.toThrow(); // no such party

    expect(await findCheckpoint(db, 3)).toEqual(checkpoint(3));
    expect(await findCheckpoint(db, 2)).toBeUndefined();
    expect((await latestCheckpoint(db))?.tree_size).toBe(3);
    expect((await listCheckpoints(db)).map((c) => c.tree_size)).toEqual([1, 3]);
    expect(await listCosignatures(db, 3)).toEqual([cosignature(3, "FR"), cosignature(3, "NE")]);
    expect(await listCosignatures(db, 1)).toEqual([]);

    const all = await readLedger(db);
    expect(all.leaves).toHaveLength(3);
    expect(all.checkpoints.map((c) => c.tree_size)).toEqual([1, 3]);
    expect(all.cosignatures.map((c) => `${c.tree_size}/${c.party}`)).toEqual(["3/FR", "3/NE"]);
    expect(typeof all.cosignatures[0]?.timestamp).toBe("number");
  });
});
