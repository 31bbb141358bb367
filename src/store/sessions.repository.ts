/**
 * SQL for login sessions. A session row is keyed by the SHA-256 of its token, so a leaked
 * database does not leak live tokens; times are compared as ISO text (see `schema.ts`).
 */
import type { Kysely } from "kysely";
import type { DB, IsoTimestamp, NewSession, Session, User } from "./schema.ts";

/** A session with the user it belongs to, as read on every authenticated request. */
export interface SessionWithUser {
  readonly session: Session;
  readonly user: User;
}

/**
 * Inserts a session.
 *
 * @example
 * await insertSession(db, { id: sha256Hex(token), user_id, expires_at, created_at: now });
 */
export async function insertSession(db: Kysely<DB>, session: NewSession): Promise<void> {
  await db.insertInto("sessions").values(session).execute();
}

/**
 * A session and its user, in one query, or undefined. Expiry and `disabled` are the caller's to
 * judge, so that the rule lives in one place (the session service).
 *
 * @example
 * const found = await findSessionWithUser(db, sha256Hex(token));
 */
export async function findSessionWithUser(db: Kysely<DB>, id: string): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id as session_id",
      "sessions.user_id as session_user_id",
      "sessions.expires_at as session_expires_at",
      "sessions.created_at as session_created_at",
      "users.id",
      "users.party",
      "users.username",
      "users.password_hash",
      "users.roles",
      "users.disabled",
      "users.created_at",
      "users.version",
    ])
    .where("sessions.id", "=", id)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const { session_id, session_user_id, session_expires_at, session_created_at, ...user } = row;
  return {
    session: { id: session_id, user_id: session_user_id, expires_at: session_expires_at, created_at: session_created_at },
    user,
  };
}

/**
 * Moves a session's expiry later (never earlier: two racing extensions keep the later one).
 * Returns whether the session existed and was extended.
 *
 * @example
 * await extendSession(db, session.id, inThirtyDays);
 */
export async function extendSession(db: Kysely<DB>, id: string, expiresAt: IsoTimestamp): Promise<boolean> {
  const result = await db
    .updateTable("sessions")
    .set({ expires_at: expiresAt })
    .where("id", "=", id)
    .where("expires_at", "<", expiresAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Deletes one session (logout).
 *
 * @example
 * await deleteSession(db, session.id);
 */
export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

/**
 * Deletes every session of a user (disable, password or role change); returns how many.
 *
 * @example
 * await deleteSessionsOfUser(db, user.id);
 */
export async function deleteSessionsOfUser(db: Kysely<DB>, userId: string): Promise<number> {
  const result = await db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Deletes sessions that expired at or before `now`; returns how many.
 *
 * @example
 * await deleteExpiredSessions(db, clock.now().toISOString());
 */
export async function deleteExpiredSessions(db: Kysely<DB>, now: IsoTimestamp): Promise<number> {
  const result = await db.deleteFrom("sessions").where("expires_at", "<=", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
