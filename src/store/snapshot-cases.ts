/**
 * The calls whose SQL is snapshotted: every repository function once, plus the first
 * migration's DDL, with fixed sample arguments so the files are reproducible.
 */
import type { Kysely } from "kysely";
import {
  appendLeaves,
  findCheckpoint,
  insertCheckpoint,
  insertCosignature,
  latestCheckpoint,
  ledgerSize,
  listCheckpoints,
  listCosignatures,
  lockLedgerTail,
  readLeaves,
  readLedger,
} from "./ledger.repository.ts";
import * as initial from "./migrations/0001_initial.ts";
import { findParty, insertParty, listParties } from "./parties.repository.ts";
import {
  clearBaseline,
  findBaseline,
  findPlanVersion,
  insertPlanVersion,
  latestVersionNumber,
  listPlanVersions,
  markBaseline,
} from "./plan-versions.repository.ts";
import { findScenario, insertScenario, listScenarios, updateScenario } from "./scenarios.repository.ts";
import type { DB } from "./schema.ts";
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  extendSession,
  findSessionWithUser,
  insertSession,
} from "./sessions.repository.ts";
import { inTransaction } from "./transaction.ts";
import { findUserById, findUserByUsername, insertUser, listUsers, updateUser } from "./users.repository.ts";

/** One snapshotted call. */
export interface SnapshotCase {
  /** The snapshot file it goes to (`queries/<group>.<dialect>.sql`). */
  readonly group: string;
  /** The source file under `src/store/` that owns the SQL. */
  readonly source: string;
  readonly name: string;
  readonly run: (db: Kysely<DB>) => Promise<unknown>;
}

const T = "2024-09-15T08:00:00.000Z";
const LATER = "2024-10-15T08:00:00.000Z";
const HASH = "a".repeat(64);

const cases = (group: string, source: string, list: [string, SnapshotCase["run"]][]): SnapshotCase[] =>
  list.map(([name, run]) => ({ group, source, name, run }));

/** Every snapshotted call, grouped by file. */
export const SNAPSHOT_CASES: readonly SnapshotCase[] = [
  // Migrations take Kysely<unknown> (they must not depend on today's DB type); the Migrator
  // passes an untyped instance, and the cast here does the same.
  ...cases("migrations", "migrations/0001_initial.ts", [
    ["0001_initial.up", (db) => initial.up(db as unknown as Kysely<unknown>)],
  ]),
  ...cases("parties", "parties.repository.ts", [
    ["insertParty", (db) => insertParty(db, { code: "NE", name: "Niger", role: "host" })],
    ["listParties", (db) => listParties(db)],
    ["findParty", (db) => findParty(db, "NE")],
  ]),
  ...cases("users", "users.repository.ts", [
    [
      "insertUser",
      (db) =>
        insertUser(db, {
          id: "u1",
          party: "NE",
          username: "amina",
          password_hash: "$argon2id$…",
          roles: '["clearance_officer"]',
          created_at: T,
        }),
    ],
    ["findUserById", (db) => findUserById(db, "u1")],
    ["findUserByUsername", (db) => findUserByUsername(db, "amina")],
    ["listUsers", (db) => listUsers(db)],
    ["listUsers (party)", (db) => listUsers(db, { party: "NE" })],
    ["updateUser", (db) => updateUser(db, "u1", 3, { disabled: 1 })],
  ]),
  ...cases("sessions", "sessions.repository.ts", [
    ["insertSession", (db) => insertSession(db, { id: HASH, user_id: "u1", expires_at: LATER, created_at: T })],
    ["findSessionWithUser", (db) => findSessionWithUser(db, HASH)],
    ["extendSession", (db) => extendSession(db, HASH, LATER)],
    ["deleteSession", (db) => deleteSession(db, HASH)],
    ["deleteSessionsOfUser", (db) => deleteSessionsOfUser(db, "u1")],
    ["deleteExpiredSessions", (db) => deleteExpiredSessions(db, T)],
  ]),
  ...cases("scenarios", "scenarios.repository.ts", [
    ["insertScenario", (db) => insertScenario(db, { id: "niger-2024", name: "Niger 2024", json: "{}", created_at: T })],
    ["findScenario", (db) => findScenario(db, "niger-2024")],
    ["listScenarios", (db) => listScenarios(db)],
    ["updateScenario", (db) => updateScenario(db, "niger-2024", 1, { name: "Niger 2024 (revised)" })],
  ]),
  ...cases("plan-versions", "plan-versions.repository.ts", [
    [
      "insertPlanVersion",
      (db) =>
        insertPlanVersion(db, {
          id: "p1",
          scenario_id: "niger-2024",
          version_number: 1,
          plan_json: "{}",
          published_at: T,
          published_by: "u1",
        }),
    ],
    ["findPlanVersion", (db) => findPlanVersion(db, "p1")],
    ["listPlanVersions", (db) => listPlanVersions(db, "niger-2024")],
    ["findBaseline", (db) => findBaseline(db, "niger-2024")],
    ["latestVersionNumber", (db) => latestVersionNumber(db, "niger-2024")],
    ["clearBaseline", (db) => clearBaseline(db, "niger-2024")],
    ["markBaseline", (db) => markBaseline(db, "p1", 1)],
  ]),
  ...cases("ledger", "ledger.repository.ts", [
    ["ledgerSize", (db) => ledgerSize(db)],
    ["lockLedgerTail", (db) => inTransaction(db, (trx) => lockLedgerTail(trx))],
    [
      "appendLeaves",
      (db) =>
        appendLeaves(db, [
          { idx: 7, leaf_data: '{"event":"a"}', leaf_hash: HASH, created_at: T },
          { idx: 8, leaf_data: '{"event":"b"}', leaf_hash: HASH, created_at: T },
        ]),
    ],
    ["readLeaves", (db) => readLeaves(db, 0, 100)],
    [
      "insertCheckpoint",
      (db) => insertCheckpoint(db, { tree_size: 9, root_hash: HASH, body: "body", signed_note: "note", created_at: T }),
    ],
    ["findCheckpoint", (db) => findCheckpoint(db, 9)],
    ["latestCheckpoint", (db) => latestCheckpoint(db)],
    ["listCheckpoints", (db) => listCheckpoints(db)],
    [
      "insertCosignature",
      (db) =>
        insertCosignature(db, {
          tree_size: 9,
          party: "NE",
          key_name: "ne-commission",
          timestamp: 1726387200,
          signature: "c2ln",
          created_at: T,
        }),
    ],
    ["listCosignatures", (db) => listCosignatures(db)],
    ["listCosignatures (one checkpoint)", (db) => listCosignatures(db, 9)],
    ["readLedger", (db) => readLedger(db)],
  ]),
];
