/** SQL for clearance requests: filter columns plus the workflow state as JSON text. */
import type { Kysely } from "kysely";
import type { ClearanceRequestRow, DB, IsoTimestamp, NewClearanceRequestRow } from "./schema.ts";
import { updateWhereVersion } from "./versioned.ts";

/** Filters of the request list; every field optional. */
export interface ClearanceRequestFilter {
  readonly status?: string | undefined;
  readonly country?: string | undefined;
  readonly owner?: string | undefined;
  readonly sortie?: string | undefined;
}

/**
 * Inserts requests (each version 1).
 *
 * @example
 * await insertClearanceRequests(trx, rows);
 */
export async function insertClearanceRequests(db: Kysely<DB>, rows: readonly NewClearanceRequestRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db.insertInto("clearance_requests").values(rows.slice(i, i + 200)).execute();
  }
}

/**
 * One request, or undefined.
 *
 * @example
 * await findClearanceRequest(db, "CR-1");
 */
export async function findClearanceRequest(db: Kysely<DB>, id: string): Promise<ClearanceRequestRow | undefined> {
  return db.selectFrom("clearance_requests").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Several requests by id (in no particular order).
 *
 * @example
 * await findClearanceRequests(db, ["CR-1", "CR-2"]);
 */
export async function findClearanceRequests(db: Kysely<DB>, ids: readonly string[]): Promise<ClearanceRequestRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom("clearance_requests").selectAll().where("id", "in", [...ids]).execute();
}

/**
 * Requests matching the filter, by first time in the country then id.
 *
 * @example
 * await listClearanceRequests(db, { status: "submitted" });
 */
export async function listClearanceRequests(
  db: Kysely<DB>,
  filter: ClearanceRequestFilter = {},
): Promise<ClearanceRequestRow[]> {
  let query = db.selectFrom("clearance_requests").selectAll();
  if (filter.status !== undefined) query = query.where("status", "=", filter.status);
  if (filter.country !== undefined) query = query.where("country", "=", filter.country);
  if (filter.owner !== undefined) query = query.where("owner", "=", filter.owner);
  if (filter.sortie !== undefined) query = query.where("sortie", "=", filter.sortie);
  return query.orderBy("first_at").orderBy("id").execute();
}

/**
 * Writes a request's new state if it still has `expectedVersion`; false on a conflict.
 *
 * @example
 * await updateClearanceRequest(trx, "CR-1", 2, { status: "approved", state_json, first_at, updated_at });
 */
export async function updateClearanceRequest(
  db: Kysely<DB>,
  id: string,
  expectedVersion: number,
  patch: { status: string; state_json: string; first_at: string; updated_at: IsoTimestamp },
): Promise<boolean> {
  return (await updateWhereVersion(db, "clearance_requests", id, expectedVersion, patch)) === 1;
}
