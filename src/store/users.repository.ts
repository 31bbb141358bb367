/** SQL for users. Parsing `roles` (JSON text) and checking passwords belong to the services. */
import type { Kysely } from "kysely";
import type { DB, NewUser, User, UserPatch } from "./schema.ts";
import { updateWhereVersion } from "./versioned.ts";

/**
 * Inserts a user (version 1). A taken username fails with the engine's unique violation.
 *
 * @example
 * await insertUser(db, { id, party: "NE", username: "amina", password_hash, roles: '["clearance_officer"]', created_at });
 */
export async function insertUser(db: Kysely<DB>, user: NewUser): Promise<void> {
  await db.insertInto("users").values(user).execute();
}

/**
 * One user by id, or undefined.
 *
 * @example
 * const user = await findUserById(db, session.user_id);
 */
export async function findUserById(db: Kysely<DB>, id: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * One user by username (exact match; callers normalise case), or undefined.
 *
 * @example
 * const user = await findUserByUsername(db, "amina");
 */
export async function findUserByUsername(db: Kysely<DB>, username: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
}

/**
 * Every user, or those of one party, by username.
 *
 * @example
 * await listUsers(db, { party: "FR" });
 */
export async function listUsers(db: Kysely<DB>, filter: { party?: string } = {}): Promise<User[]> {
  let query = db.selectFrom("users").selectAll();
  if (filter.party !== undefined) query = query.where("party", "=", filter.party);
  return query.orderBy("username").execute();
}

/**
 * Updates a user if it still has `expectedVersion`; false on a conflict (or no such user).
 *
 * @example
 * if (!(await updateUser(db, user.id, user.version, { disabled: 1 }))) throw conflict();
 */
export async function updateUser(
  db: Kysely<DB>,
  id: string,
  expectedVersion: number,
  patch: UserPatch,
): Promise<boolean> {
  return (await updateWhereVersion(db, "users", id, expectedVersion, patch)) === 1;
}
