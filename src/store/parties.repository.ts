/** SQL for the two parties of the Commission. */
import type { Kysely } from "kysely";
import type { DB, NewParty, Party } from "./schema.ts";

/**
 * Inserts a party.
 *
 * @example
 * await insertParty(db, { code: "NE", name: "République du Niger", role: "host" });
 */
export async function insertParty(db: Kysely<DB>, party: NewParty): Promise<void> {
  await db.insertInto("parties").values(party).execute();
}

/**
 * Every party, by code.
 *
 * @example
 * (await listParties(db)).map((p) => p.code); // ["FR", "NE"]
 */
export async function listParties(db: Kysely<DB>): Promise<Party[]> {
  return db.selectFrom("parties").selectAll().orderBy("code").execute();
}

/**
 * One party by code, or undefined.
 *
 * @example
 * (await findParty(db, "NE"))?.role; // "host"
 */
export async function findParty(db: Kysely<DB>, code: string): Promise<Party | undefined> {
  return db.selectFrom("parties").selectAll().where("code", "=", code).executeTakeFirst();
}
