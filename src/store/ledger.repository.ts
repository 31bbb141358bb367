/**
 * SQL for the Merkle ledger: leaves, checkpoints and cosignatures. Append-only: nothing here
 * updates or deletes a leaf, a checkpoint or a cosignature. Hashing, signing and verifying are
 * the ledger module's; this file stores and returns what it is given.
 *
 * Appending is serialised through the `ledger_head` row: `lockLedgerTail` updates it, which on
 * PostgreSQL makes a concurrent appender wait for this transaction's commit and then read the
 * new size, and on SQLite happens inside a BEGIN IMMEDIATE transaction that already holds the
 * write lock. Two decisions made at the same moment thus get consecutive indexes instead of one
 * of them failing.
 */
import type { Kysely } from "kysely";
import { isUniqueViolation, StoreError } from "./errors.ts";
import type { Checkpoint, Cosignature, DB, LedgerLeaf, NewCheckpoint, NewCosignature, NewLedgerLeaf } from "./schema.ts";
import { inTransaction } from "./transaction.ts";

/** Rows per INSERT, far below both engines' limits on bound parameters (4 per row). */
const INSERT_CHUNK = 500;

/** The whole ledger, as `ledger verify` reads it. */
export interface LedgerContents {
  readonly leaves: LedgerLeaf[];
  readonly checkpoints: Checkpoint[];
  readonly cosignatures: Cosignature[];
}

/**
 * The number of leaves appended so far, from the head row (no lock taken).
 *
 * @example
 * await ledgerSize(db); // 0 on a fresh database
 */
export async function ledgerSize(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom("ledger_head").select("size").where("id", "=", 1).executeTakeFirstOrThrow();
  return row.size;
}

/**
 * Takes the ledger's append lock for the rest of the transaction and returns the next index
 * (the current size). Call it before building the leaves to append, inside `inTransaction`.
 *
 * @example
 * await inTransaction(db, async (trx) => {
 *   const idx = await lockLedgerTail(trx);
 *   await appendLeaves(trx, [{ idx, leaf_data, leaf_hash, created_at }]);
 * });
 */
export async function lockLedgerTail(db: Kysely<DB>): Promise<number> {
  if (!db.isTransaction) throw new Error("lockLedgerTail needs a transaction: call it inside inTransaction");
  // A no-op update: its only purpose is the row lock, and RETURNING gives the size as of the
  // moment the lock was granted (PostgreSQL re-reads the row after waiting).
  const row = await db
    .updateTable("ledger_head")
    .set((eb) => ({ size: eb.ref("size") }))
    .where("id", "=", 1)
    .returning("size")
    .executeTakeFirstOrThrow();
  return row.size;
}

/**
 * Appends leaves whose indexes continue the ledger exactly: the first must equal the current
 * size and each next one be one more. Refuses a gap (`store.ledger_gap`) or an index already
 * taken (`store.ledger_duplicate`); all the leaves are written or none.
 *
 * @example
 * await appendLeaves(trx, [{ idx: 0, leaf_data: '{"event":"plan.published"}', leaf_hash, created_at }]);
 */
export async function appendLeaves(db: Kysely<DB>, leaves: readonly NewLedgerLeaf[]): Promise<void> {
  const first = leaves[0];
  if (first === undefined) return;
  leaves.forEach((leaf, i) => {
    const expected = first.idx + i;
    if (leaf.idx !== expected) {
      throw new StoreError(
        leaf.idx < expected ? "store.ledger_duplicate" : "store.ledger_gap",
        `ledger leaves must have consecutive indexes: expected ${expected}, got ${leaf.idx}`,
      );
    }
  });
  await inTransaction(db, async (trx) => {
    const moved = await trx
      .updateTable("ledger_head")
      .set({ size: first.idx + leaves.length })
      .where("id", "=", 1)
      .where("size", "=", first.idx)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) {
      const size = await ledgerSize(trx);
      throw new StoreError(
        first.idx < size ? "store.ledger_duplicate" : "store.ledger_gap",
        `cannot append at index ${first.idx}: the ledger has ${size} leaves, so the next index is ${size}`,
      );
    }
    try {
      for (let i = 0; i < leaves.length; i += INSERT_CHUNK) {
        await trx
          .insertInto("ledger_leaves")
          .values(leaves.slice(i, i + INSERT_CHUNK))
          .execute();
      }
    } catch (error) {
      // The head said the index was free but a row has it: the table was changed behind the store.
      if (isUniqueViolation(error)) {
        throw new StoreError(
          "store.ledger_duplicate",
          `a ledger leaf already has an index in ${first.idx}…${first.idx + leaves.length - 1} although the head says ${first.idx} is next: run ledger verify`,
          { cause: error },
        );
      }
      throw error;
    }
  });
}

/**
 * Leaves with `from <= idx < to`, in index order.
 *
 * @example
 * await readLeaves(db, 0, 100); // the first 100 leaves (fewer if the ledger is smaller)
 */
export async function readLeaves(db: Kysely<DB>, from: number, to: number): Promise<LedgerLeaf[]> {
  return db
    .selectFrom("ledger_leaves")
    .selectAll()
    .where("idx", ">=", from)
    .where("idx", "<", to)
    .orderBy("idx")
    .execute();
}

/**
 * Stores a signed checkpoint; a second checkpoint of the same size is refused (`store.duplicate`).
 *
 * @example
 * await insertCheckpoint(db, { tree_size: 8, root_hash, body, signed_note, created_at: now });
 */
export async function insertCheckpoint(db: Kysely<DB>, checkpoint: NewCheckpoint): Promise<void> {
  try {
    await db.insertInto("checkpoints").values(checkpoint).execute();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new StoreError("store.duplicate", `a checkpoint of size ${checkpoint.tree_size} is already stored`, {
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * The checkpoint of one size, or undefined.
 *
 * @example
 * await findCheckpoint(db, 8);
 */
export async function findCheckpoint(db: Kysely<DB>, treeSize: number): Promise<Checkpoint | undefined> {
  return db.selectFrom("checkpoints").selectAll().where("tree_size", "=", treeSize).executeTakeFirst();
}

/**
 * The largest checkpoint, or undefined if none is stored.
 *
 * @example
 * const latest = await latestCheckpoint(db);
 */
export async function latestCheckpoint(db: Kysely<DB>): Promise<Checkpoint | undefined> {
  return db.selectFrom("checkpoints").selectAll().orderBy("tree_size", "desc").limit(1).executeTakeFirst();
}

/**
 * Every checkpoint, smallest first.
 *
 * @example
 * for (const cp of await listCheckpoints(db)) …
 */
export async function listCheckpoints(db: Kysely<DB>): Promise<Checkpoint[]> {
  return db.selectFrom("checkpoints").selectAll().orderBy("tree_size").execute();
}

/**
 * Stores one party's cosignature of a checkpoint; a party cosigns a checkpoint once
 * (`store.duplicate` otherwise). The checkpoint must be stored (foreign key).
 *
 * @example
 * await insertCosignature(db, { tree_size: 8, party: "NE", key_name, timestamp, signature, created_at: now });
 */
export async function insertCosignature(db: Kysely<DB>, cosignature: NewCosignature): Promise<void> {
  try {
    await db.insertInto("cosignatures").values(cosignature).execute();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new StoreError(
        "store.duplicate",
        `party ${cosignature.party} has already cosigned the checkpoint of size ${cosignature.tree_size}`,
        { cause: error },
      );
    }
    throw error;
  }
}

/**
 * Cosignatures of one checkpoint, or of all when `treeSize` is omitted, by size then party.
 *
 * @example
 * const both = (await listCosignatures(db, 8)).length === 2;
 */
export async function listCosignatures(db: Kysely<DB>, treeSize?: number): Promise<Cosignature[]> {
  let query = db.selectFrom("cosignatures").selectAll();
  if (treeSize !== undefined) query = query.where("tree_size", "=", treeSize);
  return query.orderBy("tree_size").orderBy("party").execute();
}

/**
 * The whole ledger from one consistent snapshot, for verification.
 *
 * @example
 * const { leaves, checkpoints, cosignatures } = await readLedger(db);
 */
export async function readLedger(db: Kysely<DB>): Promise<LedgerContents> {
  return inTransaction(
    db,
    async (trx) => ({
      leaves: await trx.selectFrom("ledger_leaves").selectAll().orderBy("idx").execute(),
      checkpoints: await listCheckpoints(trx),
      cosignatures: await listCosignatures(trx),
    }),
    { readOnly: true },
  );
}
