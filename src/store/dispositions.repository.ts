/** SQL for cargo dispositions: one row per cargo line, state as JSON. */
import type { Kysely } from "kysely";
import type { CargoDispositionRow, DB, IsoTimestamp, NewCargoDispositionRow } from "./schema.ts";
import { updateWhereVersion } from "./versioned.ts";

/**
 * Inserts dispositions (each version 1); a cargo line already open fails with a unique violation.
 *
 * @example
 * await insertDispositions(trx, rows);
 */
export async function insertDispositions(db: Kysely<DB>, rows: readonly NewCargoDispositionRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db.insertInto("cargo_dispositions").values(rows.slice(i, i + 200)).execute();
  }
}

/**
 * One disposition by cargo line id, or undefined.
 *
 * @example
 * await findDisposition(db, "ammo");
 */
export async function findDisposition(db: Kysely<DB>, id: string): Promise<CargoDispositionRow | undefined> {
  return db.selectFrom("cargo_dispositions").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Every disposition, optionally of one status, by id.
 *
 * @example
 * await listDispositions(db, { status: "open" });
 */
export async function listDispositions(db: Kysely<DB>, filter: { status?: string | undefined } = {}): Promise<CargoDispositionRow[]> {
  let query = db.selectFrom("cargo_dispositions").selectAll();
  if (filter.status !== undefined) query = query.where("status", "=", filter.status);
  return query.orderBy("id").execute();
}

/**
 * Writes a disposition's new state if it still has `expectedVersion`; false on a conflict.
 *
 * @example
 * await updateDisposition(trx, "ammo", 1, { status: "open", state_json, updated_at });
 */
export async function updateDisposition(
  db: Kysely<DB>,
  id: string,
  expectedVersion: number,
  patch: { status: string; state_json: string; updated_at: IsoTimestamp },
): Promise<boolean> {
  return (await updateWhereVersion(db, "cargo_dispositions", id, expectedVersion, patch)) === 1;
}
