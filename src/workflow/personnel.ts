import { z } from "zod";
import { instantSchema } from "#domain/instant-schema.ts";
import { formatHuman, formatInstant, type Instant } from "#domain/time.ts";
import type { Actor, Context } from "./actor.ts";
import { makeEvent, maybe, type WorkflowEvent } from "./event.ts";
import {
  type MovementId,
  movementIdSchema,
  type PartyCode,
  type PersonId,
  type PersonnelEventId,
} from "./ids.ts";
import type { Movement } from "./movement.ts";
import { type ActionOf, authorize, can } from "./policy.ts";
import { DEFAULT_SETTINGS, type WorkflowSettings } from "./settings.ts";
import { accept, type Refusal, refusal, refuse, type Transition } from "./transition.ts";

/**
 * People of the departing party in the host country: a minimal person record (name, nationality,
 * document number, unit — kept in `personal`, apart from the ids that everything else uses), and
 * entries, transfers and exits tied to movements. Presence per person:
 *
 * ```
 * not_entered ─entry→ in_country ─transfer→ in_country ─exit (on a departed movement's manifest)→ left ─entry→ in_country
 * ```
 * Ledger events carry person ids, never names or document numbers.
 */

const text = (max: number) => z.string().trim().min(1).max(max);

/** The personal data of one person: the only place names and document numbers live. */
export const personalDataSchema = z.strictObject({
  name: text(200),
  nationality: z.string().regex(/^[A-Z]{2,3}$/, "ISO 3166-1 alpha-2 or alpha-3 code, e.g. US"),
  documentNumber: text(64).describe("Passport or ID card number."),
  unit: text(200),
});
/** Name, nationality, document number, unit. */
export type PersonalData = z.output<typeof personalDataSchema>;

/** Body of "register a person". */
export const registerPersonCommandSchema = z.strictObject({
  personal: personalDataSchema,
  group: z.string().min(1).max(64).optional().describe("Personnel group id of the scenario."),
});
/** Body of "update a person". */
export const updatePersonCommandSchema = z
  .strictObject({ personal: personalDataSchema.partial(), group: z.string().min(1).max(64).optional() })
  .refine((c) => c.group !== undefined || Object.values(c.personal).some((v) => v !== undefined), {
    message: "name at least one change",
  });
/** Body of "record an entry": by a movement (site defaults to where it arrives) or at a site (present at the start). */
export const entryCommandSchema = z
  .strictObject({
    movement: movementIdSchema.optional(),
    site: z.string().min(1).max(64).optional(),
    at: instantSchema.optional(),
  })
  .refine((c) => c.movement !== undefined || c.site !== undefined, { message: "name the movement or the site", path: ["site"] });
/** Body of "record an exit": the movement the person left on. */
export const exitCommandSchema = z.strictObject({ movement: movementIdSchema, at: instantSchema.optional() });
/** Body of "record a transfer" between sites in the country. */
export const transferCommandSchema = z.strictObject({
  site: z.string().min(1).max(64),
  movement: movementIdSchema.optional(),
  at: instantSchema.optional(),
});

/** Parsed body of "register a person". */
export type RegisterPersonCommand = z.output<typeof registerPersonCommandSchema>;
/** Parsed body of "update a person". */
export type UpdatePersonCommand = z.output<typeof updatePersonCommandSchema>;
/** Parsed body of "record an entry". */
export type EntryCommand = z.output<typeof entryCommandSchema>;
/** Parsed body of "record an exit". */
export type ExitCommand = z.output<typeof exitCommandSchema>;
/** Parsed body of "record a transfer". */
export type TransferCommand = z.output<typeof transferCommandSchema>;

/** A person record. */
export interface Person {
  readonly id: PersonId;
  readonly owner: PartyCode;
  readonly group?: string | undefined;
  /** Name, nationality, document number and unit; absent once erased (the record stays, by id). */
  readonly personal?: PersonalData | undefined;
  readonly version: number;
  readonly history: readonly WorkflowEvent[];
}

/** One entry, transfer or exit: a row of its own (immutable once recorded). */
export interface PersonnelEvent {
  readonly id: PersonnelEventId;
  readonly person: PersonId;
  readonly kind: "entry" | "transfer" | "exit";
  /** Where the person is after an entry or transfer; where they left from for an exit. */
  readonly site: string;
  readonly at: Instant;
  readonly movement?: MovementId | undefined;
}

/** Every state of a person's presence. */
export const PRESENCE_STATUSES = ["not_entered", "in_country", "left"] as const;
/** One state of a person's presence. */
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];

/** Where a person is by the records: the state the entry and exit commands act on. */
export interface Presence {
  readonly person: PersonId;
  readonly owner: PartyCode;
  readonly status: PresenceStatus;
  readonly site?: string | undefined;
  /** Time of the last recorded event. */
  readonly since?: Instant | undefined;
  /** Number of events recorded for the person: the optimistic-lock value. */
  readonly version: number;
}

/** A successful entry, transfer or exit also yields the row to store. */
export type PresenceTransition =
  | { readonly ok: true; readonly next: Presence; readonly event: WorkflowEvent; readonly record: PersonnelEvent }
  | Refusal;

/** Context of commands that refer to a movement: the movement as stored now. */
export interface MovementContext extends Context {
  readonly movement?: Movement | undefined;
}

const iso = formatInstant;

function guard(owner: PartyCode, resource: "person" | "personnel_event", action: ActionOf<"person"> | ActionOf<"personnel_event">, ctx: Context): Refusal | undefined {
  const denied = authorize(ctx.actor, action, { type: resource, owner });
  return denied ? refusal(denied) : undefined;
}

// --- person records ------------------------------------------------------------------------------

/** Registers a person (a planner of the owning party). The event names the person by id only. */
export function registerPerson(
  cmd: RegisterPersonCommand & { readonly id: PersonId; readonly owner: PartyCode },
  ctx: Context,
): Transition<Person> {
  const denied = guard(cmd.owner, "person", "create", ctx);
  if (denied) return denied;
  const event = makeEvent(ctx, "person.registered", "person", cmd.id, 1, { owner: cmd.owner, ...maybe("group", cmd.group) });
  return accept(
    {
      id: cmd.id,
      owner: cmd.owner,
      ...(cmd.group === undefined ? {} : { group: cmd.group }),
      personal: cmd.personal,
      version: 1,
      history: [event],
    },
    event,
  );
}

/** The personal data's fields, as events name them. */
export const PERSONAL_FIELDS = ["personal.name", "personal.nationality", "personal.documentNumber", "personal.unit"] as const;

function erasedRefusal(p: Person): Refusal {
  return refuse("person.already_erased", `the personal data of ${p.id} was erased: register the person again if they come back`);
}

/** Corrects a person's record; the event lists which fields changed, not their values. */
export function updatePerson(p: Person, cmd: UpdatePersonCommand, ctx: Context): Transition<Person> {
  const denied = guard(p.owner, "person", "update", ctx);
  if (denied) return denied;
  if (p.personal === undefined) return erasedRefusal(p);
  const fields = (Object.keys(cmd.personal) as (keyof PersonalData)[]).filter((k) => cmd.personal[k] !== undefined);
  const personal: PersonalData = { ...p.personal };
  for (const k of fields) personal[k] = cmd.personal[k] ?? personal[k];
  const version = p.version + 1;
  const event = makeEvent(ctx, "person.updated", "person", p.id, version, {
    fields: fields.map((f) => `personal.${f}`),
    ...maybe("group", cmd.group),
  });
  const group = cmd.group ?? p.group;
  return accept(
    {
      id: p.id,
      owner: p.owner,
      ...(group === undefined ? {} : { group }),
      personal,
      version,
      history: [...p.history, event],
    },
    event,
  );
}

/**
 * Erases a person's personal data (a planner of the owning party). What stays, for the audit:
 * the person's id, party and group, every entry, transfer and exit, their places on manifests,
 * and the history and ledger leaves — which never held personal data, so the ledger still
 * verifies. Refused while the person is in the country: the host's procedures need the name
 * on the exit manifest, so record the exit first.
 *
 * @example
 * erasePerson(person, presenceOf(person, events), { actor: usPlanner, now });
 */
export function erasePerson(p: Person, presence: Pick<Presence, "status" | "site">, ctx: Context): Transition<Person> {
  const denied = guard(p.owner, "person", "erase", ctx);
  if (denied) return denied;
  if (p.personal === undefined) return erasedRefusal(p);
  if (presence.status === "in_country")
    return refuse(
      "person.still_in_country",
      `${p.id} is in the country (at ${presence.site ?? "?"}): record their exit before erasing their personal data`,
    );
  const version = p.version + 1;
  const event = makeEvent(ctx, "person.erased", "person", p.id, version, { fields: [...PERSONAL_FIELDS] });
  return accept(
    { id: p.id, owner: p.owner, ...(p.group === undefined ? {} : { group: p.group }), version, history: [...p.history, event] },
    event,
  );
}

// --- presence ------------------------------------------------------------------------------------

/** Orders events by time, keeping the recorded order for equal times. */
function chronological(events: readonly PersonnelEvent[]): PersonnelEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at - b.e.at || a.i - b.i)
    .map((x) => x.e);
}

function applyEvent(p: Presence, e: PersonnelEvent): Presence {
  const status: PresenceStatus = e.kind === "exit" ? "left" : "in_country";
  return { person: p.person, owner: p.owner, status, site: e.site, since: e.at, version: p.version + 1 };
}

/**
 * Where a person is by their recorded events (in the order recorded).
 *
 * @example
 * presenceOf(person, eventsOfPerson); // { status: "in_country", site: "niamey-ab101", … }
 */
export function presenceOf(person: Pick<Person, "id" | "owner">, events: readonly PersonnelEvent[]): Presence {
  let p: Presence = { person: person.id, owner: person.owner, status: "not_entered", version: 0 };
  for (const e of events) if (e.person === person.id) p = applyEvent(p, e);
  return p;
}

function record(
  p: Presence,
  ctx: Context,
  action: ActionOf<"personnel_event">,
  row: PersonnelEvent,
): PresenceTransition {
  if (p.since !== undefined && row.at < p.since)
    return refuse("personnel.out_of_order", `${formatHuman(row.at)} is before the person's last recorded event (${formatHuman(p.since)})`);
  if (row.at > ctx.now) return refuse("personnel.future_time", `${formatHuman(row.at)} is in the future`);
  const next = applyEvent(p, row);
  const event = makeEvent(ctx, `personnel.${row.kind}`, "personnel_event", row.id, 1, {
    action,
    person: row.person,
    site: row.site,
    at: iso(row.at),
    ...maybe("movement", row.movement),
    presenceVersion: next.version,
  });
  return { ok: true, next, event, record: row };
}

/**
 * Records that a person is in the country: arriving on a movement (which must have arrived, with
 * the person on its manifest) or present at a site when records begin.
 */
export function recordEntry(
  p: Presence,
  cmd: EntryCommand & { readonly id: PersonnelEventId },
  ctx: MovementContext,
): PresenceTransition {
  const denied = guard(p.owner, "personnel_event", "record_entry", ctx);
  if (denied) return denied;
  if (p.status === "in_country")
    return refuse("personnel.already_in_country", `${p.person} is already in the country (at ${p.site ?? "?"})`);
  let site = cmd.site;
  let at = cmd.at ?? ctx.now;
  if (cmd.movement !== undefined) {
    const m = ctx.movement;
    if (!m || m.id !== cmd.movement) return refuse("personnel.unknown_movement", `movement ${cmd.movement} is not known`);
    if (m.status !== "arrived") return refuse("personnel.movement_not_arrived", `movement ${m.id} is ${m.status}, not arrived`);
    if (!m.manifest.persons.includes(p.person))
      return refuse("personnel.not_on_manifest", `${p.person} is not on the manifest of ${m.id}`);
    site ??= m.details.to;
    at = cmd.at ?? m.arrivedAt;
  }
  if (site === undefined) return refuse("personnel.site_required", "an entry without a movement names its site");
  return record(p, ctx, "record_entry", {
    id: cmd.id,
    person: p.person,
    kind: "entry",
    site,
    at,
    ...(cmd.movement === undefined ? {} : { movement: cmd.movement }),
  });
}

/** Records that a person moved between sites inside the country. */
export function recordTransfer(
  p: Presence,
  cmd: TransferCommand & { readonly id: PersonnelEventId },
  ctx: Context,
): PresenceTransition {
  const denied = guard(p.owner, "personnel_event", "record_transfer", ctx);
  if (denied) return denied;
  if (p.status !== "in_country") return refuse("personnel.not_in_country", `${p.person} is not in the country (${p.status})`);
  if (p.site === cmd.site) return refuse("personnel.same_site", `${p.person} is already at ${cmd.site}`);
  return record(p, ctx, "record_transfer", {
    id: cmd.id,
    person: p.person,
    kind: "transfer",
    site: cmd.site,
    at: cmd.at ?? ctx.now,
    ...(cmd.movement === undefined ? {} : { movement: cmd.movement }),
  });
}

/**
 * Records that a person left the country on a movement that has departed with them on its
 * manifest; the exit site is where the movement boards, the time its departure unless given.
 */
export function recordExit(
  p: Presence,
  cmd: ExitCommand & { readonly id: PersonnelEventId },
  ctx: MovementContext,
): PresenceTransition {
  const denied = guard(p.owner, "personnel_event", "record_exit", ctx);
  if (denied) return denied;
  if (p.status !== "in_country") return refuse("personnel.not_in_country", `${p.person} is not in the country (${p.status})`);
  const m = ctx.movement;
  if (!m || m.id !== cmd.movement) return refuse("personnel.unknown_movement", `movement ${cmd.movement} is not known`);
  if (m.status !== "departed" && m.status !== "arrived")
    return refuse("personnel.movement_not_departed", `movement ${m.id} is ${m.status}, not departed`);
  if (!m.manifest.persons.includes(p.person))
    return refuse("personnel.not_on_manifest", `${p.person} is not on the manifest of ${m.id}`);
  return record(p, ctx, "record_exit", {
    id: cmd.id,
    person: p.person,
    kind: "exit",
    site: m.details.from,
    at: cmd.at ?? m.departedAt,
    movement: m.id,
  });
}

// --- reports -------------------------------------------------------------------------------------

/** In-country headcount at one instant. */
export interface Headcount {
  readonly at: Instant;
  readonly total: number;
  /** Site id → people there; sites with nobody are left out. */
  readonly bySite: Readonly<Record<string, number>>;
}

/**
 * Who is where at `at`: every event up to and including `at` is replayed per person.
 *
 * @example
 * headcount(events, now).bySite; // { "niamey-ab101": 412, "agadez-ab201": 37 }
 */
export function headcount(events: readonly PersonnelEvent[], at: Instant): Headcount {
  const where = new Map<string, string | undefined>();
  for (const e of chronological(events)) {
    if (e.at > at) break;
    where.set(e.person, e.kind === "exit" ? undefined : e.site);
  }
  const bySite: Record<string, number> = {};
  let total = 0;
  for (const site of where.values()) {
    if (site === undefined) continue;
    bySite[site] = (bySite[site] ?? 0) + 1;
    total++;
  }
  const sorted = Object.fromEntries(Object.entries(bySite).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { at, total, bySite: sorted };
}

/** The reconciliation of person records, their events and the departed movements' manifests. */
export interface Reconciliation {
  /** In the country by the records, with site and since when. */
  readonly inCountry: readonly { readonly person: PersonId; readonly site: string; readonly since: Instant }[];
  /** Left, with the exit's movement and time. */
  readonly left: readonly { readonly person: PersonId; readonly movement?: MovementId | undefined; readonly at: Instant }[];
  /** On the manifest of a departed movement, but no exit recorded on that movement. */
  readonly leftUnrecorded: readonly { readonly person: PersonId; readonly movement: MovementId }[];
  /** An exit recorded on a movement whose manifest does not list the person (or that has not departed). */
  readonly exitWithoutManifest: readonly { readonly person: PersonId; readonly movement?: MovementId | undefined }[];
  /** Registered, but no entry ever recorded. */
  readonly neverEntered: readonly PersonId[];
  /** Events about persons that are not registered. */
  readonly unknownPersons: readonly PersonId[];
}

/**
 * Compares person records, their events and the movements: who is still in the country, who left,
 * who left unrecorded (on a departed manifest, no exit) and which records disagree.
 *
 * @example
 * const r = reconcile(persons, events, movements);
 * r.leftUnrecorded.length; // exits to chase
 */
export function reconcile(
  persons: readonly Pick<Person, "id" | "owner">[],
  events: readonly PersonnelEvent[],
  movements: readonly Movement[],
): Reconciliation {
  const known = new Set<string>(persons.map((p) => p.id));
  const byPerson = new Map<string, PersonnelEvent[]>();
  for (const e of chronological(events)) byPerson.set(e.person, [...(byPerson.get(e.person) ?? []), e]);
  const departed = movements.filter((m) => m.status === "departed" || m.status === "arrived");
  const departedById = new Map<string, Movement>(departed.map((m) => [m.id, m]));

  const inCountry: { person: PersonId; site: string; since: Instant }[] = [];
  const left: { person: PersonId; movement?: MovementId; at: Instant }[] = [];
  const neverEntered: PersonId[] = [];
  for (const p of persons) {
    const last = byPerson.get(p.id)?.at(-1);
    if (!last) neverEntered.push(p.id);
    else if (last.kind === "exit") left.push({ person: p.id, ...(last.movement ? { movement: last.movement } : {}), at: last.at });
    else inCountry.push({ person: p.id, site: last.site, since: last.at });
  }

  const exits = new Set(events.filter((e) => e.kind === "exit" && e.movement).map((e) => `${e.person}|${e.movement}`));
  const leftUnrecorded = departed.flatMap((m) =>
    m.manifest.persons.filter((p) => !exits.has(`${p}|${m.id}`)).map((person) => ({ person, movement: m.id })),
  );
  const exitWithoutManifest = events
    .filter((e) => e.kind === "exit")
    .filter((e) => {
      const m = e.movement === undefined ? undefined : departedById.get(e.movement);
      return !m || !m.manifest.persons.includes(e.person);
    })
    .map((e) => ({ person: e.person, ...(e.movement ? { movement: e.movement } : {}) }));
  const unknownPersons = [...new Set(events.map((e) => e.person).filter((p) => !known.has(p)))];
  return { inCountry, left, leftUnrecorded, exitWithoutManifest, neverEntered, unknownPersons };
}

// --- presenters ----------------------------------------------------------------------------------

/** What the host is shown of a person: name and nationality; unit and document number only by agreement. */
export interface HostPersonView {
  readonly id: PersonId;
  /** Empty once the personal data is erased. */
  readonly name: string;
  readonly nationality: string;
  readonly unit?: string;
  readonly documentNumber?: string;
  /** True once the personal data is erased. */
  readonly erased?: true;
}

/** The whole record, for the owning party. */
export interface FullPersonView {
  readonly id: PersonId;
  readonly owner: PartyCode;
  readonly group?: string;
  readonly name: string;
  readonly nationality: string;
  readonly unit: string;
  readonly documentNumber: string;
}

/** What anyone is shown of a person whose personal data was erased: the id, and that it was. */
function erasedView(person: Person): HostPersonView {
  return { id: person.id, name: "", nationality: "", erased: true };
}

/**
 * The host's view of a person: drops what the host's procedures do not need (the document number,
 * the unit) unless the agreement's settings disclose it.
 *
 * @example
 * hostView(person); // { id, name, nationality }
 * hostView(person, { hostSeesDocumentNumbers: true, hostSeesUnits: false }); // + documentNumber
 */
export function hostView(person: Person, settings: WorkflowSettings = DEFAULT_SETTINGS): HostPersonView {
  if (person.personal === undefined) return erasedView(person);
  return {
    id: person.id,
    name: person.personal.name,
    nationality: person.personal.nationality,
    ...(settings.hostSeesUnits ? { unit: person.personal.unit } : {}),
    ...(settings.hostSeesDocumentNumbers ? { documentNumber: person.personal.documentNumber } : {}),
  };
}

/** The owning party's view: everything (the erased view once the personal data is erased). */
export function fullView(person: Person): FullPersonView | HostPersonView {
  if (person.personal === undefined) return erasedView(person);
  return {
    id: person.id,
    owner: person.owner,
    ...(person.group === undefined ? {} : { group: person.group }),
    name: person.personal.name,
    nationality: person.personal.nationality,
    unit: person.personal.unit,
    documentNumber: person.personal.documentNumber,
  };
}

/**
 * The view of a person for this actor, chosen by the policy: the owning party sees the whole record
 * with `read_personal` and the limited view otherwise (its observers); the other party sees the
 * host view, with document numbers only where the policy grants it `read_personal`.
 */
export function presentPerson(
  actor: Actor,
  person: Person,
  settings: WorkflowSettings = DEFAULT_SETTINGS,
): FullPersonView | HostPersonView | undefined {
  const resource = { type: "person", owner: person.owner } as const;
  if (!can(actor, "read", resource, settings)) return undefined;
  const personal = can(actor, "read_personal", resource, settings);
  if (actor.party === person.owner) return personal ? fullView(person) : hostView(person, DEFAULT_SETTINGS);
  return hostView(person, { ...settings, hostSeesDocumentNumbers: settings.hostSeesDocumentNumbers && personal });
}

/**
 * A movement's passenger list for this actor: the count and each person's view (for the host:
 * "counts and names per flight").
 */
export function passengerList(
  actor: Actor,
  movement: Movement,
  persons: ReadonlyMap<string, Person>,
  settings: WorkflowSettings = DEFAULT_SETTINGS,
): { readonly movement: MovementId; readonly count: number; readonly persons: readonly (FullPersonView | HostPersonView)[] } {
  const views = movement.manifest.persons.flatMap((id) => {
    const p = persons.get(id);
    const v = p ? presentPerson(actor, p, settings) : undefined;
    return v ? [v] : [];
  });
  return { movement: movement.id, count: movement.manifest.persons.length, persons: views };
}
