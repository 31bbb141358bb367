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
import * as workflow from "./migrations/0002_workflow.ts";
import {
  findClearanceRequest,
  findClearanceRequests,
  insertClearanceRequests,
  listClearanceRequests,
  updateClearanceRequest,
} from "./clearance-requests.repository.ts";
import { findDisposition, insertDispositions, listDispositions, updateDisposition } from "./dispositions.repository.ts";
import {
  findHandoverList,
  insertHandoverList,
  insertHandoverSignature,
  listHandoverLists,
  setHandoverLines,
  updateHandoverList,
} from "./handover-lists.repository.ts";
import {
  findMovement,
  insertMovements,
  listMovements,
  manifestPersons,
  movementIdsNeedingClearance,
  setManifest,
  setMovementClearances,
  updateMovementRow,
} from "./movements.repository.ts";
import {
  erasePersonalData,
  existingPersonIds,
  findPerson,
  insertPerson,
  insertPersonnelEvent,
  listPersonnelEvents,
  listPersons,
  updatePerson,
} from "./persons.repository.ts";
import { findSetting, insertSetting, listSettings, updateSetting } from "./settings.repository.ts";
import { insertWorkflowEvents, listAllWorkflowEvents, listObjectEvents } from "./workflow-events.repository.ts";
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
  ...cases("migrations-0002", "migrations/0002_workflow.ts", [
    ["0002_workflow.up", (db) => workflow.up(db as unknown as Kysely<unknown>)],
  ]),
  ...cases("settings", "settings.repository.ts", [
    ["findSetting", (db) => findSetting(db, "current_scenario")],
    ["listSettings", (db) => listSettings(db)],
    ["insertSetting", (db) => insertSetting(db, "current_scenario", '"niger-2024"', T)],
    ["updateSetting", (db) => updateSetting(db, "current_scenario", 1, '"other"', T)],
  ]),
  ...cases("workflow-events", "workflow-events.repository.ts", [
    [
      "insertWorkflowEvents",
      (db) =>
        insertWorkflowEvents(db, [
          {
            object_type: "clearance_request",
            object_id: "CR-1",
            object_version: 2,
            type: "clearance.submitted",
            actor_id: "u1",
            actor_party: "US",
            at: "2024-09-15T08:00:00Z",
            data: "{}",
            ledger_idx: 7,
            created_at: T,
          },
        ]),
    ],
    ["listObjectEvents", (db) => listObjectEvents(db, "clearance_request", "CR-1")],
    ["listAllWorkflowEvents", (db) => listAllWorkflowEvents(db)],
  ]),
  ...cases("clearance-requests", "clearance-requests.repository.ts", [
    [
      "insertClearanceRequests",
      (db) =>
        insertClearanceRequests(db, [
          {
            id: "CR-1",
            owner: "US",
            status: "draft",
            country: "NE",
            kind: "landing",
            sortie: "S0001",
            plan_request: "S0001-L1-NE",
            plan_version_id: "p1",
            first_at: "2024-09-15T08:00:00Z",
            state_json: "{}",
            updated_at: T,
          },
        ]),
    ],
    ["findClearanceRequest", (db) => findClearanceRequest(db, "CR-1")],
    ["findClearanceRequests", (db) => findClearanceRequests(db, ["CR-1", "CR-2"])],
    ["listClearanceRequests", (db) => listClearanceRequests(db)],
    [
      "listClearanceRequests (filtered)",
      (db) => listClearanceRequests(db, { status: "submitted", country: "NE", owner: "US", sortie: "S0001" }),
    ],
    [
      "updateClearanceRequest",
      (db) =>
        updateClearanceRequest(db, "CR-1", 2, { status: "approved", state_json: "{}", first_at: "2024-09-15T08:00:00Z", updated_at: T }),
    ],
  ]),
  ...cases("movements", "movements.repository.ts", [
    [
      "insertMovements",
      (db) =>
        insertMovements(db, [
          {
            id: "M-1",
            owner: "US",
            status: "planned",
            kind: "sortie",
            plan_ref: "S0001",
            from_site: "NIAMEY",
            to_site: "RAMSTEIN",
            depart_at: "2024-09-15T08:00:00Z",
            state_json: "{}",
            updated_at: T,
          },
        ]),
    ],
    ["findMovement", (db) => findMovement(db, "M-1")],
    ["listMovements", (db) => listMovements(db)],
    ["listMovements (filtered)", (db) => listMovements(db, { status: "scheduled", kind: "sortie", planRef: "S0001" })],
    ["movementIdsNeedingClearance", (db) => movementIdsNeedingClearance(db, "CR-1")],
    [
      "updateMovementRow",
      (db) => updateMovementRow(db, "M-1", 3, { status: "departed", state_json: "{}", depart_at: "2024-09-15T08:00:00Z", updated_at: T }),
    ],
    ["setMovementClearances", (db) => setMovementClearances(db, "M-1", ["CR-1", "CR-2"])],
    ["setManifest", (db) => setManifest(db, "M-1", ["P-1", "P-2"], [{ cargo: "ammo", quantity: 20 }])],
    ["manifestPersons", (db) => manifestPersons(db, "M-1")],
  ]),
  ...cases("persons", "persons.repository.ts", [
    [
      "insertPerson",
      (db) =>
        insertPerson(
          db,
          { id: "P-1", owner: "US", group_id: "g1", created_at: T },
          { person_id: "P-1", name: "A. Person", nationality: "US", document_number: "X1", unit: "unit" },
        ),
    ],
    ["findPerson", (db) => findPerson(db, "P-1")],
    ["listPersons", (db) => listPersons(db)],
    ["listPersons (ids)", (db) => listPersons(db, ["P-1", "P-2"])],
    ["existingPersonIds", (db) => existingPersonIds(db, ["P-1", "P-2"])],
    [
      "updatePerson",
      (db) =>
        updatePerson(db, "P-1", 1, { group_id: "g2" }, { name: "A. Person", nationality: "US", document_number: "X2", unit: "unit" }),
    ],
    ["erasePersonalData", (db) => erasePersonalData(db, "P-1", 2)],
    [
      "insertPersonnelEvent",
      (db) =>
        insertPersonnelEvent(db, {
          id: "PE-1",
          person_id: "P-1",
          seq: 1,
          kind: "entry",
          site: "NIAMEY",
          at: "2024-09-15T08:00:00Z",
          movement_id: null,
          created_at: T,
        }),
    ],
    ["listPersonnelEvents", (db) => listPersonnelEvents(db)],
    ["listPersonnelEvents (person)", (db) => listPersonnelEvents(db, { person: "P-1" })],
    ["listPersonnelEvents (persons)", (db) => listPersonnelEvents(db, { persons: ["P-1", "P-2"] })],
  ]),
  ...cases("dispositions", "dispositions.repository.ts", [
    [
      "insertDispositions",
      (db) =>
        insertDispositions(db, [
          { id: "ammo", owner: "US", site: "NIAMEY", intended: "withdraw", status: "open", state_json: "{}", updated_at: T },
        ]),
    ],
    ["findDisposition", (db) => findDisposition(db, "ammo")],
    ["listDispositions", (db) => listDispositions(db)],
    ["listDispositions (status)", (db) => listDispositions(db, { status: "open" })],
    ["updateDisposition", (db) => updateDisposition(db, "ammo", 1, { status: "complete", state_json: "{}", updated_at: T })],
  ]),
  ...cases("handover-lists", "handover-lists.repository.ts", [
    [
      "insertHandoverList",
      (db) =>
        insertHandoverList(db, {
          id: "HL-1",
          owner: "US",
          recipient: "NE",
          site: "NIAMEY",
          digest: HASH,
          status: "draft",
          updated_at: T,
        }),
    ],
    [
      "setHandoverLines",
      (db) => setHandoverLines(db, "HL-1", [{ cargo: "trucks", quantity: 4, description: null, condition: "used" }]),
    ],
    [
      "insertHandoverSignature",
      (db) =>
        insertHandoverSignature(db, { list_id: "HL-1", party: "NE", user_id: "u1", signed_at: "2024-09-15T08:00:00Z", digest: HASH }),
    ],
    ["findHandoverList", (db) => findHandoverList(db, "HL-1")],
    ["listHandoverLists", (db) => listHandoverLists(db)],
    [
      "updateHandoverList",
      (db) => updateHandoverList(db, "HL-1", 1, { status: "final", digest: HASH, cancel_reason: null, updated_at: T }),
    ],
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
