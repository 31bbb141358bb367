/**
 * The database as Kysely sees it: one interface per table, shared by SQLite and PostgreSQL.
 *
 * Conventions, chosen so the same DDL and the same queries run on both engines:
 * - ids are text chosen by the application (no auto-increment: ids must not depend on the engine);
 * - timestamps are ISO 8601 UTC text with milliseconds, always 24 characters
 *   (`2024-09-15T08:00:00.000Z`, what `Date.prototype.toISOString` gives), so that text order
 *   is time order on both engines and a row reads the same in `sqlite3` and `psql`;
 * - booleans are integers 0/1 (SQLite has no boolean and better-sqlite3 refuses to bind JS booleans);
 * - JSON is text; the store neither parses nor validates it (the services do, with zod);
 * - every mutable row has a `version` integer starting at 1, bumped by each update
 *   (`updateWhereVersion`), for optimistic concurrency;
 * - column names are snake_case and rows are returned as stored: presenters map them to the API.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** An ISO 8601 UTC instant with milliseconds, e.g. `2024-09-15T08:00:00.000Z` (24 characters). */
export type IsoTimestamp = string;

/** A SHA-256 digest as 64 lowercase hexadecimal characters. */
export type HexSha256 = string;

/** 0 or 1: how both engines store a boolean. */
export type Flag = 0 | 1;

/** The two sides of the Commission. */
export type PartyRole = "departing" | "host";

/** A party to the Commission: the departing party or the host. */
export interface PartiesTable {
  /** Short stable code, e.g. `FR` or `NE`. */
  code: string;
  name: string;
  role: PartyRole;
  version: Generated<number>;
}

/** A person who can log in; belongs to exactly one party. */
export interface UsersTable {
  id: string;
  /** `parties.code`. */
  party: string;
  /** Unique, compared as stored (case-sensitive on both engines): callers normalise it. */
  username: string;
  /** An argon2id PHC string. */
  password_hash: string;
  /** A JSON array of role names, e.g. `["clearance_officer"]`. */
  roles: string;
  disabled: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: IsoTimestamp;
  version: Generated<number>;
}

/** A login session; the id is the SHA-256 of the secret token, never the token itself. */
export interface SessionsTable {
  id: HexSha256;
  user_id: string;
  /** Moves only forward (`extendSession`), so it needs no version. */
  expires_at: IsoTimestamp;
  created_at: IsoTimestamp;
}

/** A stored scenario (the validated scenario file as JSON text). */
export interface ScenariosTable {
  id: string;
  name: string;
  json: string;
  created_at: IsoTimestamp;
  version: Generated<number>;
}

/** A plan published for a scenario; at most one per scenario is the baseline. */
export interface PlanVersionsTable {
  id: string;
  scenario_id: string;
  /** 1, 2, 3… per scenario. */
  version_number: number;
  plan_json: string;
  published_at: IsoTimestamp;
  /** `users.id`. */
  published_by: string;
  is_baseline: ColumnType<Flag, Flag | undefined, Flag>;
  version: Generated<number>;
}

/** One leaf of the Merkle ledger. Append-only: the store offers no update or delete. */
export interface LedgerLeavesTable {
  /** 0, 1, 2… without gaps. */
  idx: number;
  /** The canonical JSON of the event, exactly the bytes that were hashed (as UTF-8). */
  leaf_data: string;
  /** RFC 9162 leaf hash (SHA-256 of 0x00 ‖ data), hex. */
  leaf_hash: HexSha256;
  created_at: IsoTimestamp;
}

/**
 * The ledger's size as one row (id 1): appenders update it first, which makes concurrent
 * appenders queue on its row lock in PostgreSQL. Not trusted: `ledger verify` reads the leaves.
 */
export interface LedgerHeadTable {
  id: ColumnType<1, 1, never>;
  size: number;
}

/** A signed checkpoint (C2SP tlog-checkpoint) of the ledger at one size. */
export interface CheckpointsTable {
  tree_size: number;
  /** The Merkle tree hash at `tree_size`, hex. */
  root_hash: HexSha256;
  /** The checkpoint body (origin, size, base64 root hash lines), as signed. */
  body: string;
  /** The full signed note: body, blank line, signature lines. */
  signed_note: string;
  created_at: IsoTimestamp;
}

/** One party's cosignature (C2SP tlog-cosignature) on a checkpoint; at most one per party. */
export interface CosignaturesTable {
  tree_size: number;
  /** `parties.code`. */
  party: string;
  key_name: string;
  /** Seconds since the Unix epoch, as signed in the cosignature (a protocol value, hence not ISO text). */
  timestamp: number;
  /** The signature as carried in the note's signature line (base64). */
  signature: string;
  created_at: IsoTimestamp;
}

/** Every table of the Drawdown database, for `Kysely<DB>`. */
export interface DB {
  parties: PartiesTable;
  users: UsersTable;
  sessions: SessionsTable;
  scenarios: ScenariosTable;
  plan_versions: PlanVersionsTable;
  ledger_leaves: LedgerLeavesTable;
  ledger_head: LedgerHeadTable;
  checkpoints: CheckpointsTable;
  cosignatures: CosignaturesTable;
}

export type Party = Selectable<PartiesTable>;
export type NewParty = Insertable<PartiesTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserPatch = Omit<Updateable<UsersTable>, "id" | "version">;
export type Session = Selectable<SessionsTable>;
export type NewSession = Insertable<SessionsTable>;
export type Scenario = Selectable<ScenariosTable>;
export type NewScenario = Insertable<ScenariosTable>;
export type ScenarioPatch = Omit<Updateable<ScenariosTable>, "id" | "version">;
export type PlanVersion = Selectable<PlanVersionsTable>;
export type NewPlanVersion = Insertable<PlanVersionsTable>;
export type LedgerLeaf = Selectable<LedgerLeavesTable>;
export type NewLedgerLeaf = Insertable<LedgerLeavesTable>;
export type Checkpoint = Selectable<CheckpointsTable>;
export type NewCheckpoint = Insertable<CheckpointsTable>;
export type Cosignature = Selectable<CosignaturesTable>;
export type NewCosignature = Insertable<CosignaturesTable>;
