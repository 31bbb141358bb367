/** Test data for the store suite: valid rows with overridable fields. */
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { insertParty } from "../parties.repository.ts";
import type { DB, NewLedgerLeaf, NewUser } from "../schema.ts";
import { insertUser } from "../users.repository.ts";

/** A fixed instant plus `minutes`, as the store's 24-character ISO text. */
export function at(minutes = 0): string {
  return new Date(Date.UTC(2024, 8, 15, 8, 0) + minutes * 60_000).toISOString();
}

/** The RFC 9162 leaf hash of `data`, hex (what the ledger module would store). */
export function leafHashHex(data: string): string {
  return createHash("sha256").update(Buffer.from([0])).update(data, "utf8").digest("hex");
}

/**
 * A ledger leaf at `idx` with a canonical-looking event.
 *
 * @example
 * await appendLeaves(db, [buildLeaf(0), buildLeaf(1)]);
 */
export function buildLeaf(idx: number, event = "plan.published"): NewLedgerLeaf {
  const leaf_data = JSON.stringify({ actor: "u-fr-1", event, idx, party: "FR", time: at(idx) });
  return { idx, leaf_data, leaf_hash: leafHashHex(leaf_data), created_at: at(idx) };
}

/** A user of party FR unless overridden. */
export function buildUser(overrides: Partial<NewUser> = {}): NewUser {
  return {
    id: "u-fr-1",
    party: "FR",
    username: "camille",
    password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
    roles: '["movement_planner"]',
    created_at: at(),
    ...overrides,
  };
}

/** Inserts the two parties: FR (departing) and NE (host). */
export async function seedParties(db: Kysely<DB>): Promise<void> {
  await insertParty(db, { code: "FR", name: "République française", role: "departing" });
  await insertParty(db, { code: "NE", name: "République du Niger", role: "host" });
}

/** Inserts both parties and one user per party: `u-fr-1` (camille) and `u-ne-1` (amina). */
export async function seedUsers(db: Kysely<DB>): Promise<void> {
  await seedParties(db);
  await insertUser(db, buildUser());
  await insertUser(db, buildUser({ id: "u-ne-1", party: "NE", username: "amina", roles: '["clearance_officer"]' }));
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
