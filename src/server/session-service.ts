/**
 * Sessions, built on @oslojs (as Lucia's successor guide does): the client holds a random token
 * in an HttpOnly cookie, the store holds only its SHA-256, so a leaked database holds no live
 * session. Every request looks the session and its user up again, so a logout, a disabled
 * account or a role change takes effect on the next request. The CSRF token is derived from the
 * session token, so it needs no storage and dies with the session.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { randomBytes } from "node:crypto";
import { deleteSession, extendSession, findSessionWithUser, insertSession } from "#store/sessions.repository.ts";
import type { User } from "#store/schema.ts";
import { type Actor, ROLES, type Role } from "#workflow/actor.ts";
import type { PartyCode, UserId } from "#workflow/ids.ts";
import { type ServerDeps, sideOf } from "./deps.ts";

/** How long a session lasts without use; using it in its second half extends it. */
export const SESSION_LIFETIME_MS = 12 * 3600_000;

/** The session cookie's name. */
export const SESSION_COOKIE = "drawdown_session";
/** The cookie the web app reads its CSRF token from (not HttpOnly). */
export const CSRF_COOKIE = "drawdown_csrf";
/** The header that must carry the CSRF token on every mutation of a logged-in user. */
export const CSRF_HEADER = "x-csrf-token";

const utf8 = new TextEncoder();

/** The stored id of a token: SHA-256, hex. */
export function sessionIdOf(token: string): string {
  return encodeHexLowerCase(sha256(utf8.encode(token)));
}

/** The CSRF token that goes with a session token. */
export function csrfTokenOf(token: string): string {
  return encodeHexLowerCase(sha256(utf8.encode(`csrf:${token}`)));
}

/** A user's roles, from the stored JSON (unknown names dropped). */
export function rolesOf(user: Pick<User, "roles">): Role[] {
  try {
    const parsed: unknown = JSON.parse(user.roles);
    return Array.isArray(parsed) ? parsed.filter((r): r is Role => (ROLES as readonly unknown[]).includes(r)) : [];
  } catch {
    return [];
  }
}

/** The actor a user acts as. */
export function actorOf(deps: ServerDeps, user: User): Actor | undefined {
  const side = sideOf(deps.parties, user.party);
  if (side === undefined) return undefined;
  return { id: user.id as UserId, party: user.party as PartyCode, side, roles: rolesOf(user) };
}

/** A new session: the token for the cookie and its expiry. */
export interface NewSessionToken {
  readonly token: string;
  readonly csrf: string;
  readonly expiresAt: Date;
}

/**
 * Opens a session for a user.
 *
 * @example
 * const { token, csrf, expiresAt } = await createSession(deps, user.id);
 */
export async function createSession(deps: ServerDeps, userId: string): Promise<NewSessionToken> {
  const token = encodeBase32LowerCaseNoPadding(randomBytes(20));
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await insertSession(deps.db, {
    id: sessionIdOf(token),
    user_id: userId,
    expires_at: expiresAt.toISOString(),
    created_at: now.toISOString(),
  });
  return { token, csrf: csrfTokenOf(token), expiresAt };
}

/** A valid session: its user and the actor. */
export interface ValidSession {
  readonly sessionId: string;
  readonly user: User;
  readonly actor: Actor;
  readonly expiresAt: Date;
}

/**
 * The session of a token, if it exists, has not expired and its user is enabled; extends it
 * when used in its second half.
 *
 * @example
 * const session = await validateSession(deps, cookieToken);
 */
export async function validateSession(deps: ServerDeps, token: string): Promise<ValidSession | undefined> {
  if (!/^[a-z2-7]{32}$/.test(token)) return undefined;
  const id = sessionIdOf(token);
  const found = await findSessionWithUser(deps.db, id);
  if (found === undefined) return undefined;
  const now = deps.clock.now();
  let expiresAt = new Date(found.session.expires_at);
  if (expiresAt <= now) {
    await deleteSession(deps.db, id);
    return undefined;
  }
  if (found.user.disabled === 1) return undefined;
  const actor = actorOf(deps, found.user);
  if (actor === undefined) return undefined;
  if (expiresAt.getTime() - now.getTime() < SESSION_LIFETIME_MS / 2) {
    expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await extendSession(deps.db, id, expiresAt.toISOString());
  }
  return { sessionId: id, user: found.user, actor, expiresAt };
}
