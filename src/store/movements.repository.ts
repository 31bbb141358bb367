/**
 * SQL for movements, the clearance requests each needs, and their manifests (persons by id,
 * cargo by line), kept in tables of their own so that reports can query them.
 */
import type { Kysely } from "kysely";
import type { DB, IsoTimestamp, MovementRow, NewMovementRow } from "./schema.ts";
import { updateWhereVersion } from "./versioned.ts";

/** Filters of the movement list. */
export interface MovementFilter {
  readonly status?: string | undefined;
  readonly kind?: string | undefined;
  readonly planRef?: string | undefined;
}

/**
 * Inserts movements (each version 1).
 *
 * @example
 * await insertMovements(trx, rows);
 */
export async function insertMovements(db: Kysely<DB>, rows: readonly NewMovementRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db.insertInto("movements").values(rows.slice(i, i + 200)).execute();
  }
}

/**
 * One movement, or undefined.
 *
 * @example
 * await findMovement(db, "M-1");
 */
export async function findMovement(db: Kysely<DB>, id: string): Promise<MovementRow | undefined> {
  return db.selectFrom("movements").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Movements matching the filter, by departure time then id.
 *
 * @example
 * await listMovements(db, { status: "departed" });
 */
export async function listMovements(db: Kysely<DB>, filter: MovementFilter = {}): Promise<MovementRow[]> {
  let query = db.selectFrom("movements").selectAll();
  if (filter.status !== undefined) query = query.where("status", "=", filter.status);
  if (filter.kind !== undefined) query = query.where("kind", "=", filter.kind);
  if (filter.planRef !== undefined) query = query.where("plan_ref", "=", filter.planRef);
  return query.orderBy("depart_at").orderBy("id").execute();
}

/**
 * Ids of the movements that need a clearance request.
 *
 * @example
 * await movementIdsNeedingClearance(trx, "CR-1"); // ["M-3"]
 */
export async function movementIdsNeedingClearance(db: Kysely<DB>, clearanceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("movement_clearances")
    .select("movement_id")
    .where("clearance_id", "=", clearanceId)
    .orderBy("movement_id")
    .execute();
  return rows.map((r) => r.movement_id);
}

/**
 * Writes a movement's new state if it still has `expectedVersion`; false on a conflict.
 *
 * @example
 * await updateMovement(trx, "M-1", 3, { status: "departed", state_json, depart_at, updated_at });
 */
export async function updateMovementRow(
  db: Kysely<DB>,
  id: string,
  expectedVersion: number,
  patch: { status: string; state_json: string; depart_at: string; updated_at: IsoTimestamp },
): Promise<boolean> {
  return (await updateWhereVersion(db, "movements", id, expectedVersion, patch)) === 1;
}

/**
 * Replaces the clearance requests a movement needs.
 *
 * @example
 * await setMovementClearances(trx, "M-1", ["CR-1", "CR-2"]);
 */
export async function setMovementClearances(db: Kysely<DB>, movementId: string, clearanceIds: readonly string[]): Promise<void> {
  await db.deleteFrom("movement_clearances").where("movement_id", "=", movementId).execute();
  if (clearanceIds.length === 0) return;
  await db
    .insertInto("movement_clearances")
    .values(clearanceIds.map((clearance_id) => ({ movement_id: movementId, clearance_id })))
    .execute();
}

/**
 * Replaces a movement's manifest: the persons (by id) and cargo pieces on board.
 *
 * @example
 * await setManifest(trx, "M-1", ["P-1"], [{ cargo: "ammo", quantity: 20 }]);
 */
export async function setManifest(
  db: Kysely<DB>,
  movementId: string,
  persons: readonly string[],
  items: readonly { cargo: string; quantity: number }[],
): Promise<void> {
  await db.deleteFrom("movement_manifest_persons").where("movement_id", "=", movementId).execute();
  await db.deleteFrom("movement_manifest_items").where("movement_id", "=", movementId).execute();
  for (let i = 0; i < persons.length; i += 400) {
    await db
      .insertInto("movement_manifest_persons")
      .values(persons.slice(i, i + 400).map((person_id) => ({ movement_id: movementId, person_id })))
      .execute();
  }
  // Several lines of one cargo id add up: one row per cargo line.
  const byCargo = new Map<string, number>();
  for (const item of items) byCargo.set(item.cargo, (byCargo.get(item.cargo) ?? 0) + item.quantity);
  if (byCargo.size > 0) {
    await db
      .insertInto("movement_manifest_items")
      .values([...byCargo].map(([cargo, quantity]) => ({ movement_id: movementId, cargo, quantity })))
      .execute();
  }
}

/**
 * The persons on a movement's manifest, by id.
 *
 * @example
 * await manifestPersons(db, "M-1"); // ["P-1", "P-2"]
 */
export async function manifestPersons(db: Kysely<DB>, movementId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("movement_manifest_persons")
    .select("person_id")
    .where("movement_id", "=", movementId)
    .orderBy("person_id")
    .execute();
  return rows.map((r) => r.person_id);
}
