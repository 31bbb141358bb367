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
  /** SHA-256 (hex) of the plan's canonical JSON, as the ledger records it (0002). */
  digest: ColumnType<string | null, string | null | undefined, string | null>;
  /** The publisher's note (0002). */
  note: ColumnType<string | null, string | null | undefined, string | null>;
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

/** A server setting (JSON value), e.g. the current scenario or the agreement's disclosure settings. */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: IsoTimestamp;
  version: Generated<number>;
}

/**
 * One workflow event: the history of every object. The primary key (object_type, object_id,
 * object_version) is the optimistic lock: two writers that read version n both try to record
 * n + 1 and only one can. `ledger_idx` is the leaf that carries the event's canonical JSON.
 */
export interface WorkflowEventsTable {
  object_type: string;
  object_id: string;
  object_version: number;
  /** `clearance.approved`, `movement.departed`, … */
  type: string;
  actor_id: string;
  actor_party: string;
  /** The decision's time as the event states it (ISO, whole minutes). */
  at: string;
  /** The event's data as JSON text. */
  data: string;
  ledger_idx: number;
  created_at: IsoTimestamp;
}

/** A clearance request: the filter columns plus the whole workflow state as JSON. */
export interface ClearanceRequestsTable {
  id: string;
  owner: string;
  status: string;
  /** ISO 3166-1 alpha-2 country asked. */
  country: string;
  kind: string;
  /** The plan's sortie id, when drafted from a plan. */
  sortie: string | null;
  /** The plan's clearance request id, when drafted from a plan. */
  plan_request: string | null;
  plan_version_id: string | null;
  /** When the flight first enters the country (ISO, for sorting). */
  first_at: string;
  /** The workflow state without its history (instants as minutes since the epoch). */
  state_json: string;
  updated_at: IsoTimestamp;
  version: Generated<number>;
}

/** A movement: filter columns plus the whole workflow state as JSON. */
export interface MovementsTable {
  id: string;
  owner: string;
  status: string;
  kind: string;
  plan_ref: string | null;
  from_site: string;
  to_site: string;
  depart_at: string;
  state_json: string;
  updated_at: IsoTimestamp;
  version: Generated<number>;
}

/** Which clearance requests a movement needs. */
export interface MovementClearancesTable {
  movement_id: string;
  clearance_id: string;
}

/** Persons on a movement's manifest (by id only). */
export interface MovementManifestPersonsTable {
  movement_id: string;
  person_id: string;
}

/** Cargo pieces on a movement's manifest. */
export interface MovementManifestItemsTable {
  movement_id: string;
  cargo: string;
  quantity: number;
}

/** A person of the departing party, without personal data. */
export interface PersonsTable {
  id: string;
  owner: string;
  group_id: string | null;
  created_at: IsoTimestamp;
  version: Generated<number>;
}

/** A person's personal data, kept apart: the only table with names and document numbers. */
export interface PersonDetailsTable {
  person_id: string;
  name: string;
  nationality: string;
  document_number: string;
  unit: string;
}

/** One entry, transfer or exit; `seq` is the person's presence version (UNIQUE per person). */
export interface PersonnelEventsTable {
  id: string;
  person_id: string;
  seq: number;
  kind: "entry" | "transfer" | "exit";
  site: string;
  at: string;
  movement_id: string | null;
  created_at: IsoTimestamp;
}

/** The disposition of one cargo line (id = cargo line id). */
export interface CargoDispositionsTable {
  id: string;
  owner: string;
  site: string;
  intended: string;
  status: string;
  state_json: string;
  updated_at: IsoTimestamp;
  version: Generated<number>;
}

/** A handover list. */
export interface HandoverListsTable {
  id: string;
  owner: string;
  recipient: string;
  site: string;
  digest: string;
  status: string;
  cancel_reason: string | null;
  updated_at: IsoTimestamp;
  version: Generated<number>;
}

/** One line of a handover list, in list order (`position`). */
export interface HandoverLinesTable {
  list_id: string;
  position: number;
  cargo: string;
  quantity: number;
  description: string | null;
  condition: string | null;
}

/** One party's signature on a handover list's digest. */
export interface HandoverSignaturesTable {
  list_id: string;
  party: string;
  user_id: string;
  signed_at: string;
  digest: string;
}

/** Every table of the Drawdown database, for `Kysely<DB>`. */
export interface DB {
  settings: SettingsTable;
  workflow_events: WorkflowEventsTable;
  clearance_requests: ClearanceRequestsTable;
  movements: MovementsTable;
  movement_clearances: MovementClearancesTable;
  movement_manifest_persons: MovementManifestPersonsTable;
  movement_manifest_items: MovementManifestItemsTable;
  persons: PersonsTable;
  person_details: PersonDetailsTable;
  personnel_events: PersonnelEventsTable;
  cargo_dispositions: CargoDispositionsTable;
  handover_lists: HandoverListsTable;
  handover_lines: HandoverLinesTable;
  handover_signatures: HandoverSignaturesTable;
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
export type Setting = Selectable<SettingsTable>;
export type WorkflowEventRow = Selectable<WorkflowEventsTable>;
export type NewWorkflowEventRow = Insertable<WorkflowEventsTable>;
export type ClearanceRequestRow = Selectable<ClearanceRequestsTable>;
export type NewClearanceRequestRow = Insertable<ClearanceRequestsTable>;
export type MovementRow = Selectable<MovementsTable>;
export type NewMovementRow = Insertable<MovementsTable>;
export type PersonRow = Selectable<PersonsTable>;
export type NewPersonRow = Insertable<PersonsTable>;
export type PersonDetailsRow = Selectable<PersonDetailsTable>;
export type PersonnelEventRow = Selectable<PersonnelEventsTable>;
export type NewPersonnelEventRow = Insertable<PersonnelEventsTable>;
export type CargoDispositionRow = Selectable<CargoDispositionsTable>;
export type NewCargoDispositionRow = Insertable<CargoDispositionsTable>;
export type HandoverListRow = Selectable<HandoverListsTable>;
export type NewHandoverListRow = Insertable<HandoverListsTable>;
export type HandoverLineRow = Selectable<HandoverLinesTable>;
export type HandoverSignatureRow = Selectable<HandoverSignaturesTable>;
