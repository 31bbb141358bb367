/**
 * A second (third, fourth…) process for the store's cross-process tests, as the CLI is beside
 * the server: `node --import tsx src/store/testing/worker.ts '<json task>'`. Prints one JSON line.
 *
 * Tasks:
 * - `{"task":"append","location":…,"count":n,"tag":"w1"}`: migrate (concurrently with the other
 *   workers), then append `n` leaves, one transaction each that reads before it writes (what
 *   BEGIN IMMEDIATE and the ledger head lock make safe).
 * - `{"task":"race","location":…,"startAt":ms,"tag":"w1"}`: at `startAt`, update user `u-fr-1`
 *   expecting version 1; prints whether this process won.
 */
import { openDatabase } from "../database.ts";
import type { DatabaseLocation } from "../engine.ts";
import { appendLeaves, ledgerSize, lockLedgerTail } from "../ledger.repository.ts";
import { migrateToLatest } from "../migrate.ts";
import { inTransaction } from "../transaction.ts";
import { updateUser } from "../users.repository.ts";
import { buildLeaf, sleep } from "./factories.ts";

type Task =
  | { task: "append"; location: DatabaseLocation; count: number; tag: string }
  | { task: "race"; location: DatabaseLocation; startAt: number; tag: string };

const task = JSON.parse(process.argv[2] ?? "{}") as Task;
const store = await openDatabase({ ...task.location, busyTimeoutMs: 20_000 });
try {
  if (task.task === "append") {
    const migrated = await migrateToLatest(store.db);
    const indexes: number[] = [];
    for (let i = 0; i < task.count; i++) {
      indexes.push(
        await inTransaction(store.db, async (trx) => {
          // Read first, as a decision reads the object it decides on: under a deferred BEGIN this
          // read's snapshot would go stale and the write below fail with SQLITE_BUSY.
          await ledgerSize(trx);
          const idx = await lockLedgerTail(trx);
          await sleep(1); // hold the lock across an await, as a real decision would
          await appendLeaves(trx, [buildLeaf(idx, `${task.tag}-${i}`)]);
          return idx;
        }),
      );
    }
    console.log(JSON.stringify({ applied: migrated.applied, indexes }));
  } else {
    await sleep(Math.max(0, task.startAt - Date.now()));
    const won = await updateUser(store.db, "u-fr-1", 1, { roles: JSON.stringify([task.tag]) });
    console.log(JSON.stringify({ won }));
  }
} finally {
  await store.close();
}
