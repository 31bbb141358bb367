/**
 * Calendar feed links: a calendar client cannot log in or send a CSRF header, so each user gets
 * a secret link of their own (as calendar services' "secret address"). The token names the user
 * and carries 160 random bits; the store keeps only its SHA-256 (a settings row per user), so a
 * leaked database holds no working link. Making a new link replaces the old one, which stops
 * working at once; a disabled account's link stops too (the feed checks the user on each fetch).
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "#store/schema.ts";
import { findSetting, insertSetting, updateSetting } from "#store/settings.repository.ts";

const key = (userId: string) => `calendar_feed:${userId}`;
const digest = (secret: string) => createHash("sha256").update(secret).digest("hex");

/**
 * A new feed token for the user, replacing any earlier one.
 *
 * @example
 * const token = await newFeedToken(db, user.id, now); // "dS0x….Zm9v…"
 */
export async function newFeedToken(db: Kysely<DB>, userId: string, now: Date): Promise<string> {
  const secret = randomBytes(20).toString("base64url");
  const value = JSON.stringify({ sha256: digest(secret), createdAt: now.toISOString() });
  const at = now.toISOString();
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await findSetting(db, key(userId));
    if (current === undefined) {
      try {
        await insertSetting(db, key(userId), value, at);
        break;
      } catch {
        continue; // made at the same moment by another request: read it and replace it
      }
    }
    if (current !== undefined && (await updateSetting(db, key(userId), current.version, value, at))) break;
  }
  return `${Buffer.from(userId, "utf8").toString("base64url")}.${secret}`;
}

/**
 * The user a feed token belongs to, when it is that user's current token; undefined otherwise.
 *
 * @example
 * const userId = await feedTokenUser(db, c.req.query("token") ?? "");
 */
export async function feedTokenUser(db: Kysely<DB>, token: string): Promise<string | undefined> {
  const m = /^([A-Za-z0-9_-]{1,200})\.([A-Za-z0-9_-]{20,64})$/.exec(token);
  if (m?.[1] === undefined || m[2] === undefined) return undefined;
  const userId = Buffer.from(m[1], "base64url").toString("utf8");
  const row = await findSetting(db, key(userId));
  if (row === undefined) return undefined;
  let stored: unknown;
  try {
    stored = (JSON.parse(row.value) as { sha256?: unknown }).sha256;
  } catch {
    return undefined;
  }
  if (typeof stored !== "string") return undefined;
  const given = Buffer.from(digest(m[2]), "hex");
  const want = Buffer.from(stored, "hex");
  return given.length === want.length && timingSafeEqual(given, want) ? userId : undefined;
}
