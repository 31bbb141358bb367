/**
 * SQL for persons and their personnel events. Personal data (name, nationality, document
 * number, unit) lives in `person_details` and is read only by the calls that say so.
 */
import type { Kysely } from "kysely";
import type {
  DB,
  NewPersonnelEventRow,
  NewPersonRow,
  PersonDetailsRow,
  PersonnelEventRow,
  PersonRow,
} from "./schema.ts";
import { updateWhereVersion } from "./versioned.ts";

/** A person row with its personal data (all null once erased). */
export type PersonWithDetails = PersonRow & { [K in Exclude<keyof PersonDetailsRow, "person_id">]: PersonDetailsRow[K] | null };

const WITH_DETAILS = [
  "persons.id",
  "persons.owner",
  "persons.group_id",
  "persons.created_at",
  "persons.version",
  "person_details.name",
  "person_details.nationality",
  "person_details.document_number",
  "person_details.unit",
] as const;

/**
 * Inserts a person and their personal data.
 *
 * @example
 * await insertPerson(trx, { id: "P-1", owner: "US", group_id: null, created_at }, { person_id: "P-1", name, nationality, document_number, unit });
 */
export async function insertPerson(db: Kysely<DB>, person: NewPersonRow, details: PersonDetailsRow): Promise<void> {
  await db.insertInto("persons").values(person).execute();
  await db.insertInto("person_details").values(details).execute();
}

/**
 * One person with personal data (null fields once erased), or undefined.
 *
 * @example
 * await findPerson(db, "P-1");
 */
export async function findPerson(db: Kysely<DB>, id: string): Promise<PersonWithDetails | undefined> {
  return db
    .selectFrom("persons")
    .leftJoin("person_details", "person_details.person_id", "persons.id")
    .select(WITH_DETAILS)
    .where("persons.id", "=", id)
    .executeTakeFirst();
}

/**
 * Persons with personal data, by id; optionally only some ids.
 *
 * @example
 * await listPersons(db);
 */
export async function listPersons(db: Kysely<DB>, ids?: readonly string[]): Promise<PersonWithDetails[]> {
  if (ids !== undefined && ids.length === 0) return [];
  let query = db
    .selectFrom("persons")
    .leftJoin("person_details", "person_details.person_id", "persons.id")
    .select(WITH_DETAILS);
  if (ids !== undefined) query = query.where("persons.id", "in", [...ids]);
  return query.orderBy("persons.id").execute();
}

/**
 * Ids of the persons that exist among `ids`.
 *
 * @example
 * await existingPersonIds(db, ["P-1", "P-9"]); // ["P-1"]
 */
export async function existingPersonIds(db: Kysely<DB>, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("persons").select("id").where("id", "in", [...ids]).execute();
  return rows.map((r) => r.id);
}

/**
 * Changes a person's group and personal data if it still has `expectedVersion`; false on a conflict.
 *
 * @example
 * await updatePerson(trx, "P-1", 1, { group_id: "g2" }, { name: "…", nationality: "US", document_number: "…", unit: "…" });
 */
export async function updatePerson(
  db: Kysely<DB>,
  id: string,
  expectedVersion: number,
  patch: { group_id: string | null },
  details: Omit<PersonDetailsRow, "person_id">,
): Promise<boolean> {
  if ((await updateWhereVersion(db, "persons", id, expectedVersion, patch)) !== 1) return false;
  await db.updateTable("person_details").set(details).where("person_id", "=", id).execute();
  return true;
}

/**
 * Erases a person's personal data if the person still has `expectedVersion` (false on a
 * conflict): the details row is deleted; the person row, their events and manifests stay.
 *
 * @example
 * await erasePersonalData(trx, "P-1", 3);
 */
export async function erasePersonalData(db: Kysely<DB>, id: string, expectedVersion: number): Promise<boolean> {
  if ((await updateWhereVersion(db, "persons", id, expectedVersion, {})) !== 1) return false;
  await db.deleteFrom("person_details").where("person_id", "=", id).execute();
  return true;
}

/**
 * Records an entry, transfer or exit; a `seq` already taken for the person fails with a unique
 * violation (the presence lock).
 *
 * @example
 * await insertPersonnelEvent(trx, { id: "PE-1", person_id: "P-1", seq: 1, kind: "entry", site, at, movement_id: null, created_at });
 */
export async function insertPersonnelEvent(db: Kysely<DB>, row: NewPersonnelEventRow): Promise<void> {
  await db.insertInto("personnel_events").values(row).execute();
}

/**
 * Personnel events, of one person or all, in recorded order.
 *
 * @example
 * await listPersonnelEvents(db, { person: "P-1" });
 */
export async function listPersonnelEvents(
  db: Kysely<DB>,
  filter: { person?: string; persons?: readonly string[] } = {},
): Promise<PersonnelEventRow[]> {
  if (filter.persons !== undefined && filter.persons.length === 0) return [];
  let query = db.selectFrom("personnel_events").selectAll();
  if (filter.person !== undefined) query = query.where("person_id", "=", filter.person);
  if (filter.persons !== undefined) query = query.where("person_id", "in", [...filter.persons]);
  return query.orderBy("person_id").orderBy("seq").execute();
}
