/**
 * SQL for the workflow history. Inserting an event is the optimistic lock of its object: the
 * primary key (object_type, object_id, object_version) lets only one writer record version n.
 */
import type { Kysely } from "kysely";
import type { DB, NewWorkflowEventRow, WorkflowEventRow } from "./schema.ts";

/**
 * Records events; a version already recorded for the object fails with a unique violation.
 *
 * @example
 * await insertWorkflowEvents(trx, [{ object_type: "clearance_request", object_id: "CR-1", object_version: 3, … }]);
 */
export async function insertWorkflowEvents(db: Kysely<DB>, events: readonly NewWorkflowEventRow[]): Promise<void> {
  for (let i = 0; i < events.length; i += 300) {
    await db.insertInto("workflow_events").values(events.slice(i, i + 300)).execute();
  }
}

/**
 * The history of one object, oldest first.
 *
 * @example
 * await listObjectEvents(db, "clearance_request", "CR-1");
 */
export async function listObjectEvents(db: Kysely<DB>, objectType: string, objectId: string): Promise<WorkflowEventRow[]> {
  return db
    .selectFrom("workflow_events")
    .selectAll()
    .where("object_type", "=", objectType)
    .where("object_id", "=", objectId)
    .orderBy("object_version")
    .execute();
}

/**
 * Every event in ledger order (for `ledger verify`'s cross-check).
 *
 * @example
 * for (const e of await listAllWorkflowEvents(db)) …
 */
export async function listAllWorkflowEvents(db: Kysely<DB>): Promise<WorkflowEventRow[]> {
  return db.selectFrom("workflow_events").selectAll().orderBy("ledger_idx").execute();
}
