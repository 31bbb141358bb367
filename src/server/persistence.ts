/**
 * Workflow objects to rows and back. Each object row keeps the workflow state without its
 * history as JSON (instants as minutes since the epoch, as the core holds them) and the filter
 * columns; histories live in `workflow_events`. The store's own writes are trusted on load.
 * Every `save…` writes at the version the object was loaded with and answers 409 otherwise.
 */
import type { Kysely } from "kysely";
import { formatInstant, type Instant, parseInstant } from "#domain/time.ts";
import {
  findClearanceRequest,
  findClearanceRequests,
  insertClearanceRequests,
  updateClearanceRequest,
} from "#store/clearance-requests.repository.ts";
import { findDisposition, insertDispositions, updateDisposition } from "#store/dispositions.repository.ts";
import {
  findHandoverList,
  insertHandoverList,
  insertHandoverSignature,
  setHandoverLines,
  updateHandoverList,
} from "#store/handover-lists.repository.ts";
import {
  findMovement,
  insertMovements,
  setManifest,
  setMovementClearances,
  updateMovementRow,
} from "#store/movements.repository.ts";
import {
  erasePersonalData,
  findPerson,
  insertPerson,
  insertPersonnelEvent,
  listPersonnelEvents,
  type PersonWithDetails,
  updatePerson,
} from "#store/persons.repository.ts";
import type {
  CargoDispositionRow,
  ClearanceRequestRow,
  DB,
  MovementRow,
  PersonnelEventRow,
  WorkflowEventRow,
} from "#store/schema.ts";
import { listObjectEvents } from "#store/workflow-events.repository.ts";
import type { ClearanceRequest } from "#workflow/clearance-request.ts";
import type { CargoDisposition } from "#workflow/disposition.ts";
import type { WorkflowEvent } from "#workflow/event.ts";
import type { HandoverList } from "#workflow/handover-list.ts";
import type { HandoverListId, MovementId, PartyCode, PersonId, PersonnelEventId, UserId } from "#workflow/ids.ts";
import type { Movement } from "#workflow/movement.ts";
import { type Person, type PersonnelEvent, type Presence, presenceOf } from "#workflow/personnel.ts";
import type { ResourceType } from "#workflow/policy.ts";
import { notFound, versionConflict } from "./http-error.ts";

const iso = (t: Instant): string => formatInstant(t);
const instant = (s: string): Instant => parseInstant(s) ?? (0 as Instant);

/** The state to store: everything but the version (a column) and the history (its own table). */
function stateJson(o: { readonly version: number; readonly history: readonly WorkflowEvent[] }): string {
  const { version: _v, history: _h, ...rest } = o;
  return JSON.stringify(rest);
}

/**
 * Throws 409 unless the client's version (If-Match) is the object's.
 *
 * @example
 * checkVersion(request.version, expected);
 */
export function checkVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) throw versionConflict(current);
}

/** A stored history row as the workflow event it was. */
export function eventOfRow(row: WorkflowEventRow): WorkflowEvent {
  return {
    type: row.type as WorkflowEvent["type"],
    objectType: row.object_type as ResourceType,
    objectId: row.object_id,
    objectVersion: row.object_version,
    actorId: row.actor_id as UserId,
    actorParty: row.actor_party as PartyCode,
    at: row.at,
    data: JSON.parse(row.data) as WorkflowEvent["data"],
  };
}

/** An object's history with the ledger index of each event. */
export async function historyOf(
  db: Kysely<DB>,
  type: ResourceType,
  id: string,
): Promise<{ event: WorkflowEvent; ledgerIndex: number }[]> {
  return (await listObjectEvents(db, type, id)).map((row) => ({ event: eventOfRow(row), ledgerIndex: row.ledger_idx }));
}

// --- clearance requests --------------------------------------------------------------------------

/** A row as the workflow's request (history left empty: transitions only need the version). */
export function clearanceOfRow(row: ClearanceRequestRow): ClearanceRequest {
  return { ...(JSON.parse(row.state_json) as object), version: row.version, history: [] } as unknown as ClearanceRequest;
}

/** Loads a request or answers 404. */
export async function loadClearance(db: Kysely<DB>, id: string): Promise<ClearanceRequest> {
  const row = await findClearanceRequest(db, id);
  if (row === undefined) throw notFound("clearance_request", id);
  return clearanceOfRow(row);
}

/** Loads several requests (missing ones are left out). */
export async function loadClearances(db: Kysely<DB>, ids: readonly string[]): Promise<ClearanceRequest[]> {
  return (await findClearanceRequests(db, ids)).map(clearanceOfRow);
}

function clearanceColumns(c: ClearanceRequest) {
  return { status: c.status, state_json: stateJson(c), first_at: iso(c.details.firstAt) };
}

/** Inserts new requests (version 1). */
export async function insertClearances(
  db: Kysely<DB>,
  requests: readonly ClearanceRequest[],
  now: Date,
  planVersionId: string | null,
): Promise<void> {
  await insertClearanceRequests(
    db,
    requests.map((c) => ({
      id: c.id,
      owner: c.owner,
      country: c.details.country,
      kind: c.details.kind,
      sortie: c.source?.sortie ?? null,
      plan_request: c.source?.planRequest ?? null,
      plan_version_id: planVersionId,
      version: c.version,
      updated_at: now.toISOString(),
      ...clearanceColumns(c),
    })),
  );
}

/** Writes a request's next state over the version it was loaded at (409 otherwise). */
export async function saveClearance(db: Kysely<DB>, loadedVersion: number, next: ClearanceRequest, now: Date): Promise<void> {
  if (!(await updateClearanceRequest(db, next.id, loadedVersion, { ...clearanceColumns(next), updated_at: now.toISOString() }))) {
    const current = await findClearanceRequest(db, next.id);
    throw versionConflict(current?.version ?? loadedVersion);
  }
}

// --- movements -----------------------------------------------------------------------------------

/** A row as the workflow's movement. */
export function movementOfRow(row: MovementRow): Movement {
  return { ...(JSON.parse(row.state_json) as object), version: row.version, history: [] } as unknown as Movement;
}

/** Loads a movement or answers 404. */
export async function loadMovement(db: Kysely<DB>, id: string): Promise<Movement> {
  const row = await findMovement(db, id);
  if (row === undefined) throw notFound("movement", id);
  return movementOfRow(row);
}

function movementColumns(m: Movement) {
  return { status: m.status, state_json: stateJson(m), depart_at: iso(m.details.departAt) };
}

/** Inserts new movements with their clearance links. */
export async function insertMovementStates(db: Kysely<DB>, movements: readonly Movement[], now: Date): Promise<void> {
  await insertMovements(
    db,
    movements.map((m) => ({
      id: m.id,
      owner: m.owner,
      kind: m.details.kind,
      plan_ref: m.details.planRef ?? null,
      from_site: m.details.from,
      to_site: m.details.to,
      version: m.version,
      updated_at: now.toISOString(),
      ...movementColumns(m),
    })),
  );
  for (const m of movements) if (m.details.clearances.length > 0) await setMovementClearances(db, m.id, m.details.clearances);
}

/** Writes a movement's next state (and its links and manifest when they changed). */
export async function saveMovement(db: Kysely<DB>, previous: Movement, next: Movement, now: Date): Promise<void> {
  if (!(await updateMovementRow(db, next.id, previous.version, { ...movementColumns(next), updated_at: now.toISOString() }))) {
    const current = await findMovement(db, next.id);
    throw versionConflict(current?.version ?? previous.version);
  }
  if (previous.details.clearances.join() !== next.details.clearances.join())
    await setMovementClearances(db, next.id, next.details.clearances);
  if (previous.manifest !== next.manifest) await setManifest(db, next.id, next.manifest.persons, next.manifest.items);
}

// --- persons and presence ------------------------------------------------------------------------

/** A row with personal data as the workflow's person (without `personal` once erased). */
export function personOfRow(row: PersonWithDetails): Person {
  const { name, nationality, document_number: documentNumber, unit } = row;
  const erased = name === null || nationality === null || documentNumber === null || unit === null;
  return {
    id: row.id as PersonId,
    owner: row.owner as PartyCode,
    ...(row.group_id === null ? {} : { group: row.group_id }),
    ...(erased ? {} : { personal: { name, nationality, documentNumber, unit } }),
    version: row.version,
    history: [],
  };
}

/** Loads a person or answers 404. */
export async function loadPerson(db: Kysely<DB>, id: string): Promise<Person> {
  const row = await findPerson(db, id);
  if (row === undefined) throw notFound("person", id);
  return personOfRow(row);
}

/** Inserts a new person and their personal data. */
export async function insertPersonState(db: Kysely<DB>, p: Person, now: Date): Promise<void> {
  if (p.personal === undefined) throw new Error(`unreachable: a new person ${p.id} without personal data`);
  await insertPerson(
    db,
    { id: p.id, owner: p.owner, group_id: p.group ?? null, created_at: now.toISOString(), version: p.version },
    {
      person_id: p.id,
      name: p.personal.name,
      nationality: p.personal.nationality,
      document_number: p.personal.documentNumber,
      unit: p.personal.unit,
    },
  );
}

/** Writes a person's next state; a state without personal data erases it. */
export async function savePerson(db: Kysely<DB>, loadedVersion: number, next: Person): Promise<void> {
  const personal = next.personal;
  const ok =
    personal === undefined
      ? await erasePersonalData(db, next.id, loadedVersion)
      : await updatePerson(
          db,
          next.id,
          loadedVersion,
          { group_id: next.group ?? null },
          { name: personal.name, nationality: personal.nationality, document_number: personal.documentNumber, unit: personal.unit },
        );
  if (!ok) throw versionConflict((await findPerson(db, next.id))?.version ?? loadedVersion);
}

/** A stored entry, transfer or exit as the workflow's record. */
export function personnelEventOfRow(row: PersonnelEventRow): PersonnelEvent {
  return {
    id: row.id as PersonnelEventId,
    person: row.person_id as PersonId,
    kind: row.kind,
    site: row.site,
    at: instant(row.at),
    ...(row.movement_id === null ? {} : { movement: row.movement_id as MovementId }),
  };
}

/** Where a person is by their recorded events. */
export async function loadPresence(db: Kysely<DB>, person: Pick<Person, "id" | "owner">): Promise<Presence> {
  const events = (await listPersonnelEvents(db, { person: person.id })).map(personnelEventOfRow);
  return presenceOf(person, events);
}

/** Records an entry, transfer or exit as presence version `seq` (409 if someone recorded it first). */
export async function insertPersonnelRecord(db: Kysely<DB>, record: PersonnelEvent, seq: number, now: Date): Promise<void> {
  await insertPersonnelEvent(db, {
    id: record.id,
    person_id: record.person,
    seq,
    kind: record.kind,
    site: record.site,
    at: iso(record.at),
    movement_id: record.movement ?? null,
    created_at: now.toISOString(),
  });
}

// --- dispositions --------------------------------------------------------------------------------

/** A row as the workflow's disposition. */
export function dispositionOfRow(row: CargoDispositionRow): CargoDisposition {
  return { ...(JSON.parse(row.state_json) as object), version: row.version, history: [] } as unknown as CargoDisposition;
}

/** Loads a disposition or answers 404. */
export async function loadDisposition(db: Kysely<DB>, id: string): Promise<CargoDisposition> {
  const row = await findDisposition(db, id);
  if (row === undefined) throw notFound("cargo_disposition", id);
  return dispositionOfRow(row);
}

const remainingOf = (d: CargoDisposition) =>
  d.quantity - [...d.withdrawn, ...d.handedOver, ...d.disposed].reduce((n, x) => n + x.quantity, 0);

/** Inserts new dispositions. */
export async function insertDispositionStates(db: Kysely<DB>, ds: readonly CargoDisposition[], now: Date): Promise<void> {
  await insertDispositions(
    db,
    ds.map((d) => ({
      id: d.cargo,
      owner: d.owner,
      site: d.site,
      intended: d.intended,
      status: remainingOf(d) === 0 ? "complete" : "open",
      state_json: stateJson(d),
      version: d.version,
      updated_at: now.toISOString(),
    })),
  );
}

/** Writes a disposition's next state. */
export async function saveDisposition(db: Kysely<DB>, loadedVersion: number, next: CargoDisposition, now: Date): Promise<void> {
  const ok = await updateDisposition(db, next.cargo, loadedVersion, {
    status: remainingOf(next) === 0 ? "complete" : "open",
    state_json: stateJson(next),
    updated_at: now.toISOString(),
  });
  if (!ok) throw versionConflict((await findDisposition(db, next.cargo))?.version ?? loadedVersion);
}

// --- handover lists ------------------------------------------------------------------------------

/** Loads a handover list or answers 404. */
export async function loadHandoverList(db: Kysely<DB>, id: string): Promise<HandoverList> {
  const found = await findHandoverList(db, id);
  if (found === undefined) throw notFound("handover_list", id);
  const { list, lines, signatures } = found;
  return {
    id: list.id as HandoverListId,
    owner: list.owner as PartyCode,
    recipient: list.recipient as PartyCode,
    site: list.site,
    lines: lines.map((l) => ({
      cargo: l.cargo,
      quantity: l.quantity,
      ...(l.description === null ? {} : { description: l.description }),
      ...(l.condition === null ? {} : { condition: l.condition }),
    })),
    digest: list.digest,
    status: list.status as HandoverList["status"],
    signatures: signatures.map((s) => ({ party: s.party as PartyCode, by: s.user_id as UserId, at: instant(s.signed_at), digest: s.digest })),
    ...(list.cancel_reason === null ? {} : { cancellation: { reason: list.cancel_reason } }),
    version: list.version,
    history: [],
  };
}

const lineRows = (l: HandoverList) =>
  l.lines.map((x) => ({ cargo: x.cargo, quantity: x.quantity, description: x.description ?? null, condition: x.condition ?? null }));

/** Inserts a new handover list with its lines. */
export async function insertHandoverListState(db: Kysely<DB>, l: HandoverList, now: Date): Promise<void> {
  await insertHandoverList(db, {
    id: l.id,
    owner: l.owner,
    recipient: l.recipient,
    site: l.site,
    digest: l.digest,
    status: l.status,
    version: l.version,
    updated_at: now.toISOString(),
  });
  await setHandoverLines(db, l.id, lineRows(l));
}

/** Writes a list's next state, its lines when they changed and any new signature. */
export async function saveHandoverList(db: Kysely<DB>, previous: HandoverList, next: HandoverList, now: Date): Promise<void> {
  const ok = await updateHandoverList(db, next.id, previous.version, {
    status: next.status,
    digest: next.digest,
    cancel_reason: next.cancellation?.reason ?? null,
    updated_at: now.toISOString(),
  });
  if (!ok) throw versionConflict((await findHandoverList(db, next.id))?.list.version ?? previous.version);
  if (previous.lines !== next.lines) await setHandoverLines(db, next.id, lineRows(next));
  for (const s of next.signatures.slice(previous.signatures.length)) {
    await insertHandoverSignature(db, { list_id: next.id, party: s.party, user_id: s.by, signed_at: iso(s.at), digest: s.digest });
  }
}
