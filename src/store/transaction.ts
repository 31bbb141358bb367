/**
 * One way to run a transaction on both engines. On SQLite the dialect starts write
 * transactions with BEGIN IMMEDIATE (see `sqlite-dialect.ts`); on PostgreSQL transactions run
 * at READ COMMITTED, where `updateWhereVersion` and `lockLedgerTail` still serialise correctly
 * because an UPDATE waits for the row's lock and re-checks its WHERE on the committed row.
 */
import type { Kysely } from "kysely";
import type { DB } from "./schema.ts";

/** Options of `inTransaction`. */
export interface TransactionOptions {
  /**
   * A transaction that only reads and sees one snapshot throughout: a deferred BEGIN on SQLite
   * (WAL gives it a snapshot and lets it run beside another process's writer), `READ ONLY`
   * `REPEATABLE READ` on PostgreSQL (whose default READ COMMITTED would give each statement its
   * own snapshot). Default false.
   */
  readonly readOnly?: boolean;
}

/**
 * Runs `fn` in a transaction: committed if it resolves, rolled back if it throws (the error is
 * rethrown). Called with a transaction already open, it joins it instead of nesting, so
 * repository helpers that need atomicity can call it whether or not the caller has one.
 *
 * @example
 * await inTransaction(store.db, async (trx) => {
 *   const size = await lockLedgerTail(trx);
 *   await appendLeaves(trx, [{ idx: size, leaf_data, leaf_hash, created_at }]);
 * });
 */
export async function inTransaction<T>(
  db: Kysely<DB>,
  fn: (trx: Kysely<DB>) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  if (db.isTransaction) return fn(db);
  const builder = db.transaction();
  const configured =
    options.readOnly === true ? builder.setAccessMode("read only").setIsolationLevel("repeatable read") : builder;
  return configured.execute(fn);
}
