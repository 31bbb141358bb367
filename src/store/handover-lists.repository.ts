/** SQL for handover lists, their lines (in order) and the parties' signatures. */
import type { Kysely } from "kysely";
import type {
  DB,
  HandoverLineRow,
  HandoverListRow,
  HandoverSignatureRow,
  IsoTimestamp,
  NewHandoverListRow,
} from "./schema.ts";
import { updateWhereVersion } from "./versioned.ts";

/** A list with its lines and signatures. */
export interface HandoverListWithParts {
  readonly list: HandoverListRow;
  readonly lines: HandoverLineRow[];
  readonly signatures: HandoverSignatureRow[];
}

/**
 * Inserts a list (version 1).
 *
 * @example
 * await insertHandoverList(trx, { id: "HL-1", owner: "US", recipient: "NE", site, digest, status: "draft", updated_at });
 */
export async function insertHandoverList(db: Kysely<DB>, row: NewHandoverListRow): Promise<void> {
  await db.insertInto("handover_lists").values(row).execute();
}

/**
 * Replaces a list's lines, keeping their order.
 *
 * @example
 * await setHandoverLines(trx, "HL-1", [{ cargo: "trucks", quantity: 4, description: null, condition: null }]);
 */
export async function setHandoverLines(
  db: Kysely<DB>,
  listId: string,
  lines: readonly Omit<HandoverLineRow, "list_id" | "position">[],
): Promise<void> {
  await db.deleteFrom("handover_lines").where("list_id", "=", listId).execute();
  if (lines.length === 0) return;
  await db
    .insertInto("handover_lines")
    .values(lines.map((l, position) => ({ ...l, list_id: listId, position })))
    .execute();
}

/**
 * Records one party's signature; a party signs a list once (unique violation otherwise).
 *
 * @example
 * await insertHandoverSignature(trx, { list_id: "HL-1", party: "NE", user_id, signed_at, digest });
 */
export async function insertHandoverSignature(db: Kysely<DB>, row: HandoverSignatureRow): Promise<void> {
  await db.insertInto("handover_signatures").values(row).execute();
}

/**
 * One list with its lines and signatures, or undefined.
 *
 * @example
 * await findHandoverList(db, "HL-1");
 */
export async function findHandoverList(db: Kysely<DB>, id: string): Promise<HandoverListWithParts | undefined> {
  const list = await db.selectFrom("handover_lists").selectAll().where("id", "=", id).executeTakeFirst();
  if (list === undefined) return undefined;
  const lines = await db.selectFrom("handover_lines").selectAll().where("list_id", "=", id).orderBy("position").execute();
  const signatures = await db
    .selectFrom("handover_signatures")
    .selectAll()
    .where("list_id", "=", id)
    .orderBy("signed_at")
    .orderBy("party")
    .execute();
  return { list, lines, signatures };
}

/**
 * Every list without its parts, by id.
 *
 * @example
 * await listHandoverLists(db);
 */
export async function listHandoverLists(db: Kysely<DB>): Promise<HandoverListRow[]> {
  return db.selectFrom("handover_lists").selectAll().orderBy("id").execute();
}

/**
 * Writes a list's new status and digest if it still has `expectedVersion`; false on a conflict.
 *
 * @example
 * await updateHandoverList(trx, "HL-1", 1, { status: "partially_signed", digest, cancel_reason: null, updated_at });
 */
export async function updateHandoverList(
  db: Kysely<DB>,
  id: string,
  expectedVersion: number,
  patch: { status: string; digest: string; cancel_reason: string | null; updated_at: IsoTimestamp },
): Promise<boolean> {
  return (await updateWhereVersion(db, "handover_lists", id, expectedVersion, patch)) === 1;
}
