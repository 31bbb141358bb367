/** SQL for server settings: one JSON value per key, versioned like every mutable row. */
import type { Kysely } from "kysely";
import type { DB, IsoTimestamp, Setting } from "./schema.ts";

/**
 * One setting, or undefined.
 *
 * @example
 * const current = await findSetting(db, "current_scenario");
 */
export async function findSetting(db: Kysely<DB>, key: string): Promise<Setting | undefined> {
  return db.selectFrom("settings").selectAll().where("key", "=", key).executeTakeFirst();
}

/**
 * Every setting, by key.
 *
 * @example
 * (await listSettings(db)).map((s) => s.key);
 */
export async function listSettings(db: Kysely<DB>): Promise<Setting[]> {
  return db.selectFrom("settings").selectAll().orderBy("key").execute();
}

/**
 * Inserts a setting (version 1); a taken key fails with a unique violation.
 *
 * @example
 * await insertSetting(db, "current_scenario", '"niger-2024"', now);
 */
export async function insertSetting(db: Kysely<DB>, key: string, value: string, at: IsoTimestamp): Promise<void> {
  await db.insertInto("settings").values({ key, value, updated_at: at }).execute();
}

/**
 * Changes a setting if it still has `expectedVersion`; false on a conflict.
 *
 * @example
 * await updateSetting(db, "workflow", 1, '{"hostSeesDocumentNumbers":true}', now);
 */
export async function updateSetting(
  db: Kysely<DB>,
  key: string,
  expectedVersion: number,
  value: string,
  at: IsoTimestamp,
): Promise<boolean> {
  const result = await db
    .updateTable("settings")
    .set({ value, updated_at: at, version: expectedVersion + 1 })
    .where("key", "=", key)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
