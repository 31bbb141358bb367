/**
 * Optimistic concurrency: an update names the version it was based on, and succeeds only if
 * the row still has it. `UPDATE … WHERE id = ? AND version = ?` is atomic on both engines, so of
 * two writers holding the same version exactly one updates a row; the other sees 0 rows and
 * must re-read (the API answers 409). No update is ever silently lost.
 */
import type { Kysely, Updateable } from "kysely";
import type { DB } from "./schema.ts";

/** Tables with a text `id` primary key and a `version` column. */
export type VersionedTable =
  | "users"
  | "scenarios"
  | "plan_versions"
  | "clearance_requests"
  | "movements"
  | "persons"
  | "cargo_dispositions"
  | "handover_lists";

/** The columns an update may set: everything but the key and the version it manages itself. */
export type VersionedPatch<T extends VersionedTable> = Omit<Updateable<DB[T]>, "id" | "version">;

/**
 * Applies `patch` to row `id` if its version is still `expectedVersion`, and bumps the version.
 * Returns the number of rows updated: 1 on success, 0 on a conflict (or no such row).
 *
 * @example
 * const n = await updateWhereVersion(db, "users", user.id, user.version, { disabled: 1 });
 * if (n === 0) throw conflict(); // someone else changed it: re-read and retry, or answer 409
 */
export async function updateWhereVersion<T extends VersionedTable>(
  db: Kysely<DB>,
  table: T,
  id: string,
  expectedVersion: number,
  patch: VersionedPatch<T>,
): Promise<number> {
  // Kysely cannot check column names against a table type parameter, so the query is built on a
  // view of the table that has just the two columns every versioned table shares; the public
  // signature above is what keeps `patch` honest.
  const view = db as unknown as Kysely<Record<VersionedTable, { id: string; version: number }>>;
  const result = await view
    .updateTable(table as VersionedTable)
    .set({ ...(patch as Record<string, never>), version: expectedVersion + 1 })
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
