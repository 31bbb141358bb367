import { z } from "zod";
import { instantSchema } from "#domain/instant-schema.ts";
import type { Load, Plan } from "#domain/plan.ts";
import { formatHuman, formatInstant, type Instant, parseInstant } from "#domain/time.ts";
import type { Context } from "./actor.ts";
import { type ClearanceRequest, recordUse } from "./clearance-request.ts";
import { type EventData, makeEvent, maybe, type WorkflowEvent } from "./event.ts";
import {
  asMovementId,
  type ClearanceRequestId,
  clearanceRequestIdSchema,
  type IdSource,
  type MovementId,
  type PartyCode,
  type PersonId,
  personIdSchema,
} from "./ids.ts";
import { type ActionOf, authorize } from "./policy.ts";
import { accept, type Refusal, refusal, refuse, type Transition } from "./transition.ts";

/**
 * A movement: one sortie, convoy or commercial flight out of (or within) the host country.
 *
 * ```
 * planned ─schedule→ scheduled ─mark_cleared (all its clearances approved)→ cleared ─depart→ departed ─arrive→ arrived
 * planned | scheduled | cleared ─cancel→ cancelled
 * ```
 * The manifest (who and what is actually on board) is recorded until departure and frozen from
 * then on: what left the country cannot be rewritten.
 */

/** Every state of a movement. */
export const MOVEMENT_STATUSES = ["planned", "scheduled", "cleared", "departed", "arrived", "cancelled"] as const;
/** One state of a movement. */
export type MovementStatus = (typeof MOVEMENT_STATUSES)[number];
/** What moves: an aircraft sortie, a road convoy, seats on an airline flight. */
export const MOVEMENT_KINDS = ["sortie", "convoy", "commercial"] as const;
/** One kind of movement. */
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** States whose manifest can still change. */
export const MANIFEST_OPEN: readonly MovementStatus[] = ["planned", "scheduled", "cleared"];

const siteRefSchema = z.string().min(1).max(64);
const itemCountSchema = z.strictObject({
  cargo: z.string().min(1).max(64).describe("Cargo line id."),
  quantity: z.number().int().positive(),
});

/** Body of "record the manifest": the people (by id) and the cargo actually loaded. */
export const manifestSchema = z
  .strictObject({
    persons: z.array(personIdSchema).max(2000).default([]),
    items: z.array(itemCountSchema).max(2000).default([]),
    pallets: z.array(z.string().min(1).max(64)).max(200).default([]),
    payloadKg: z.number().nonnegative().optional(),
  })
  .refine((m) => new Set(m.persons).size === m.persons.length, {
    message: "a person appears twice on the manifest",
    path: ["persons"],
  });
/** Who (by id) and what is on board. */
export type Manifest = z.output<typeof manifestSchema>;

/** Body of "create a movement" (the server adds id and owner). */
export const movementDetailsSchema = z
  .strictObject({
    kind: z.enum(MOVEMENT_KINDS),
    from: siteRefSchema.describe("Where the load boards."),
    to: siteRefSchema.describe("Where it leaves the movement."),
    departAt: instantSchema,
    arriveAt: instantSchema,
    clearances: z.array(clearanceRequestIdSchema).max(50).default([]),
    planRef: z.string().min(1).max(64).optional().describe("The plan's movement id (S…, C…, P…)."),
    plannedPassengers: z.number().int().nonnegative().default(0),
  })
  .refine((m) => m.arriveAt >= m.departAt, { message: "arrives before it departs", path: ["arriveAt"] });
/** Where and when a movement goes, and the clearances it needs. */
export type MovementDetails = z.output<typeof movementDetailsSchema>;

/** Body of "update" and "schedule": new times or clearances. */
export const movementChangesSchema = z.strictObject({
  departAt: instantSchema.optional(),
  arriveAt: instantSchema.optional(),
  clearances: z.array(clearanceRequestIdSchema).max(50).optional(),
});
/** Body of "depart" and "arrive": when it happened (default: now). */
export const actualTimeCommandSchema = z.strictObject({ at: instantSchema.optional() });
/** Body of "cancel". */
export const cancelMovementCommandSchema = z.strictObject({ reason: z.string().trim().min(1).max(2000) });
/** Body of "mark cleared": nothing; the clearances come from the store. */
export const markClearedCommandSchema = z.strictObject({});

/** Parsed body of "update" and "schedule". */
export type MovementChanges = z.output<typeof movementChangesSchema>;
/** Parsed body of "depart" and "arrive". */
export type ActualTimeCommand = z.output<typeof actualTimeCommandSchema>;
/** Parsed body of "cancel". */
export type CancelMovementCommand = z.output<typeof cancelMovementCommandSchema>;
/** Parsed body of "mark cleared". */
export type MarkClearedCommand = z.output<typeof markClearedCommandSchema>;

interface MovementBase {
  readonly id: MovementId;
  readonly owner: PartyCode;
  readonly details: MovementDetails;
  readonly manifest: Manifest;
  readonly version: number;
  readonly history: readonly WorkflowEvent[];
}

/** A movement in one of its states. */
export type Movement = MovementBase &
  (
    | { readonly status: "planned" | "scheduled" | "cleared" }
    | { readonly status: "departed"; readonly departedAt: Instant }
    | { readonly status: "arrived"; readonly departedAt: Instant; readonly arrivedAt: Instant }
    | { readonly status: "cancelled"; readonly cancellation: { readonly from: MovementStatus; readonly reason: string } }
  );

/** Context of the transitions that look at the movement's clearance requests (as stored now). */
export interface ClearancesContext extends Context {
  readonly clearances: readonly ClearanceRequest[];
}

const iso = formatInstant;

const EMPTY_MANIFEST: Manifest = { persons: [], items: [], pallets: [] };

function base(m: Movement): MovementBase {
  return { id: m.id, owner: m.owner, details: m.details, manifest: m.manifest, version: m.version, history: m.history };
}

function guard(m: Pick<MovementBase, "owner">, action: ActionOf<"movement">, ctx: Context): Refusal | undefined {
  const denied = authorize(ctx.actor, action, { type: "movement", owner: m.owner });
  return denied ? refusal(denied) : undefined;
}

function step(
  m: Movement,
  ctx: Context,
  type: `movement.${string}`,
  data: EventData,
  build: (b: MovementBase) => Movement,
): Transition<Movement> {
  const version = m.version + 1;
  const next = build({ ...base(m), version });
  const event = makeEvent(ctx, type, "movement", m.id, version, { ...data, from: m.status, status: next.status });
  return accept({ ...next, history: [...m.history, event] }, event);
}

function wrongState(code: `movement.${string}`, what: string, m: Movement, allowed: readonly MovementStatus[]): Refusal {
  return refuse(code, `${what} only a movement that is ${allowed.join(" or ")}; ${m.id} is ${m.status}`, {
    status: m.status,
    allowed: [...allowed],
  });
}

/** The manifest as event data: persons by id only. */
export function manifestData(m: Manifest): EventData {
  return {
    persons: [...m.persons],
    passengers: m.persons.length,
    items: m.items.map((i) => ({ cargo: i.cargo, quantity: i.quantity })),
    pallets: [...m.pallets],
    ...maybe("payloadKg", m.payloadKg),
  };
}

function detailsData(d: MovementDetails): EventData {
  return {
    kind: d.kind,
    from: d.from,
    to: d.to,
    departAt: iso(d.departAt),
    arriveAt: iso(d.arriveAt),
    clearances: [...d.clearances],
    ...maybe("planRef", d.planRef),
    plannedPassengers: d.plannedPassengers,
  };
}

/**
 * Clearances of the movement that are not approved (or not found), as `id: status`. Empty when the
 * movement may be cleared. A used approval counts when this movement used it.
 */
export function pendingClearances(m: Movement, clearances: readonly ClearanceRequest[]): string[] {
  const byId = new Map(clearances.map((c) => [c.id as string, c]));
  return m.details.clearances.flatMap((id) => {
    const c = byId.get(id);
    if (!c) return [`${id}: not found`];
    if (c.status !== "approved") return [`${id}: ${c.status}`];
    if (c.used && c.used.movement !== m.id) return [`${id}: used by ${c.used.movement}`];
    return [];
  });
}

// --- transitions ---------------------------------------------------------------------------------

/** Input of {@link createMovement}. */
export interface CreateMovement {
  readonly id: MovementId;
  readonly owner: PartyCode;
  readonly details: MovementDetails;
}

/** Creates a planned movement (by a planner of the owning party). */
export function createMovement(cmd: CreateMovement, ctx: Context): Transition<Movement> {
  const denied = guard(cmd, "create", ctx);
  if (denied) return denied;
  if (cmd.details.arriveAt < cmd.details.departAt) return refuse("movement.invalid_times", "a movement arrives after it departs");
  const event = makeEvent(ctx, "movement.planned", "movement", cmd.id, 1, {
    status: "planned",
    owner: cmd.owner,
    details: detailsData(cmd.details),
  });
  return accept(
    { id: cmd.id, owner: cmd.owner, details: cmd.details, manifest: EMPTY_MANIFEST, version: 1, history: [event], status: "planned" },
    event,
  );
}

function withChanges(d: MovementDetails, c: MovementChanges): MovementDetails {
  return {
    ...d,
    ...(c.departAt === undefined ? {} : { departAt: c.departAt }),
    ...(c.arriveAt === undefined ? {} : { arriveAt: c.arriveAt }),
    ...(c.clearances === undefined ? {} : { clearances: c.clearances }),
  };
}

function changesData(c: MovementChanges): EventData {
  return {
    ...maybe("departAt", c.departAt === undefined ? undefined : iso(c.departAt)),
    ...maybe("arriveAt", c.arriveAt === undefined ? undefined : iso(c.arriveAt)),
    ...maybe("clearances", c.clearances === undefined ? undefined : [...c.clearances]),
  };
}

/** Changes times or clearances of a movement not yet cleared (a cleared one was cleared for these times). */
export function updateMovement(m: Movement, c: MovementChanges, ctx: Context): Transition<Movement> {
  const denied = guard(m, "update", ctx);
  if (denied) return denied;
  if (m.status !== "planned" && m.status !== "scheduled")
    return wrongState("movement.not_editable", "one can change", m, ["planned", "scheduled"]);
  const details = withChanges(m.details, c);
  if (details.arriveAt < details.departAt) return refuse("movement.invalid_times", "a movement arrives after it departs");
  return step(m, ctx, "movement.updated", { changes: changesData(c) }, (b) => ({ ...b, details, status: m.status }));
}

/** Fixes the times (optionally changed) and commits the movement to the schedule. */
export function schedule(m: Movement, c: MovementChanges, ctx: Context): Transition<Movement> {
  const denied = guard(m, "schedule", ctx);
  if (denied) return denied;
  if (m.status !== "planned") return wrongState("movement.not_schedulable", "one can schedule", m, ["planned"]);
  const details = withChanges(m.details, c);
  if (details.arriveAt < details.departAt) return refuse("movement.invalid_times", "a movement arrives after it departs");
  return step(
    m,
    ctx,
    "movement.scheduled",
    { departAt: iso(details.departAt), arriveAt: iso(details.arriveAt), clearances: [...details.clearances] },
    (b) => ({ ...b, details, status: "scheduled" }),
  );
}

/** Marks a scheduled movement cleared once every clearance it needs is approved (none needed: at once). */
export function markCleared(m: Movement, _cmd: MarkClearedCommand, ctx: ClearancesContext): Transition<Movement> {
  const denied = guard(m, "mark_cleared", ctx);
  if (denied) return denied;
  if (m.status !== "scheduled") return wrongState("movement.not_clearable", "one can mark cleared", m, ["scheduled"]);
  const pending = pendingClearances(m, ctx.clearances);
  if (pending.length > 0)
    return refuse("movement.clearances_pending", `not every clearance is approved: ${pending.join("; ")}`, { pending });
  const numbers = m.details.clearances.flatMap((id) => {
    const c = ctx.clearances.find((x) => x.id === id);
    return c?.status === "approved" ? [{ request: id as string, number: c.clearance.number }] : [];
  });
  return step(m, ctx, "movement.cleared", { clearances: numbers }, (b) => ({ ...b, status: "cleared" }));
}

/** Records who and what is actually on board. Refused once the movement has departed. */
export function recordManifest(m: Movement, manifest: Manifest, ctx: Context): Transition<Movement> {
  const denied = guard(m, "record_manifest", ctx);
  if (denied) return denied;
  if (m.status === "departed" || m.status === "arrived")
    return refuse("movement.manifest_frozen", `${m.id} has departed: its manifest is frozen`, { status: m.status });
  if (m.status === "cancelled") return wrongState("movement.not_editable", "one can load", m, MANIFEST_OPEN);
  if (new Set(manifest.persons).size !== manifest.persons.length)
    return refuse("movement.duplicate_person", "a person appears twice on the manifest");
  return step(m, ctx, "movement.manifest_recorded", { manifest: manifestData(manifest) }, (b) => ({
    ...b,
    manifest,
    status: m.status,
  }));
}

function actualTime(cmd: ActualTimeCommand, ctx: Context): Instant | Refusal {
  const t = cmd.at ?? ctx.now;
  if (t > ctx.now) return refuse("movement.future_time", `${formatHuman(t)} is in the future; record what happened`);
  return t;
}

/**
 * Records the departure; freezes the manifest. Every clearance must still be approved and valid
 * at the departure time (one may have been cancelled or expired since the movement was cleared).
 */
export function depart(m: Movement, cmd: ActualTimeCommand, ctx: ClearancesContext): Transition<Movement> {
  const denied = guard(m, "depart", ctx);
  if (denied) return denied;
  if (m.status !== "cleared") return wrongState("movement.not_departable", "one can depart", m, ["cleared"]);
  const t = actualTime(cmd, ctx);
  if (typeof t !== "number") return t;
  const pending = pendingClearances(m, ctx.clearances);
  const invalid = m.details.clearances.flatMap((id) => {
    const c = ctx.clearances.find((x) => x.id === id);
    if (c?.status !== "approved") return [];
    return t < c.clearance.validFrom || t > c.clearance.validTo
      ? [`${id}: valid ${formatHuman(c.clearance.validFrom)}–${formatHuman(c.clearance.validTo)}`]
      : [];
  });
  if (pending.length + invalid.length > 0)
    return refuse(
      "movement.clearance_not_valid",
      `cannot depart at ${formatHuman(t)}: ${[...pending, ...invalid].join("; ")}`,
      { problems: [...pending, ...invalid] },
    );
  return step(
    m,
    ctx,
    "movement.departed",
    { departedAt: iso(t), manifest: manifestData(m.manifest) },
    (b) => ({ ...b, status: "departed", departedAt: t }),
  );
}

/**
 * After a departure, records on each of the movement's clearance requests that this movement flew
 * under it (each its own transition and ledger event; the server saves them with the departure).
 *
 * @example
 * const d = depart(m, {}, ctx);
 * if (d.ok && d.next.status === "departed") useClearances(d.next, clearances, ctx);
 */
export function useClearances(
  m: Movement & { readonly status: "departed" | "arrived" },
  clearances: readonly ClearanceRequest[],
  ctx: Context,
): { readonly id: ClearanceRequestId; readonly result: Transition<ClearanceRequest> }[] {
  return clearances
    .filter((c) => m.details.clearances.includes(c.id))
    .map((c) => ({ id: c.id, result: recordUse(c, { movement: m.id, at: m.departedAt }, ctx) }));
}

/** Records the arrival, no earlier than the departure. */
export function arrive(m: Movement, cmd: ActualTimeCommand, ctx: Context): Transition<Movement> {
  const denied = guard(m, "arrive", ctx);
  if (denied) return denied;
  if (m.status !== "departed") return wrongState("movement.not_arrivable", "one can record the arrival of", m, ["departed"]);
  const t = actualTime(cmd, ctx);
  if (typeof t !== "number") return t;
  if (t < m.departedAt)
    return refuse("movement.arrival_before_departure", `it departed ${formatHuman(m.departedAt)}, after ${formatHuman(t)}`);
  const departedAt = m.departedAt;
  return step(m, ctx, "movement.arrived", { arrivedAt: iso(t) }, (b) => ({
    ...b,
    status: "arrived",
    departedAt,
    arrivedAt: t,
  }));
}

/** Cancels a movement that has not departed. */
export function cancelMovement(m: Movement, cmd: CancelMovementCommand, ctx: Context): Transition<Movement> {
  const denied = guard(m, "cancel", ctx);
  if (denied) return denied;
  if (!MANIFEST_OPEN.includes(m.status)) return wrongState("movement.not_cancellable", "one can cancel", m, MANIFEST_OPEN);
  return step(m, ctx, "movement.cancelled", { reason: cmd.reason }, (b) => ({
    ...b,
    status: "cancelled",
    cancellation: { from: m.status, reason: cmd.reason },
  }));
}

// --- from the plan -------------------------------------------------------------------------------

const at = (s: string): Instant => {
  const t = parseInstant(s);
  if (t === undefined) throw new RangeError(`not an ISO instant in the plan: ${s}`);
  return t;
};

const passengers = (load: Load | undefined): number => (load?.passengers ?? []).reduce((n, p) => n + p.count, 0);

/**
 * The movements a plan contains, as movement details: one per sortie, convoy and commercial
 * movement. A sortie's movement spans its loaded legs (where people and cargo board and leave; all
 * legs if none is loaded); `clearancesBySortie` links the clearance requests drafted for it.
 *
 * @example
 * planMovements(plan).map((d) => d.planRef); // ["S1", "S2", …, "C1", …, "P1", …]
 */
export function planMovements(
  plan: Plan,
  clearancesBySortie: ReadonlyMap<string, readonly ClearanceRequestId[]> = new Map(),
): MovementDetails[] {
  return [
    ...plan.sorties.map((s): MovementDetails => {
      const loaded = s.legs.filter((l) => l.load !== undefined);
      const legs = loaded.length > 0 ? loaded : s.legs;
      const first = legs[0];
      const last = legs.at(-1);
      // The plan schema requires at least one leg per sortie.
      if (!first || !last) throw new RangeError(`sortie ${s.id} has no legs`);
      return {
        kind: "sortie",
        from: first.from,
        to: last.to,
        departAt: at(first.departAt),
        arriveAt: at(last.arriveAt),
        clearances: [...(clearancesBySortie.get(s.id) ?? [])],
        planRef: s.id,
        plannedPassengers: Math.max(0, ...s.legs.map((l) => passengers(l.load))),
      };
    }),
    ...plan.convoys.map(
      (c): MovementDetails => ({
        kind: "convoy",
        from: c.from,
        to: c.to,
        departAt: at(c.departAt),
        arriveAt: at(c.arriveAt),
        clearances: [],
        planRef: c.id,
        plannedPassengers: passengers(c.load),
      }),
    ),
    ...plan.commercial.map(
      (c): MovementDetails => ({
        kind: "commercial",
        from: c.airport,
        to: c.airport,
        departAt: at(c.departAt),
        arriveAt: at(c.departAt),
        clearances: [],
        planRef: c.id,
        plannedPassengers: c.passengers.reduce((n, p) => n + p.count, 0),
      }),
    ),
  ];
}

/**
 * Whether a movement takes its passengers out of the host country: it boards there and ends
 * abroad. Airline seats are scheduled departures out of the country (the scenario names only
 * the airport they leave from), so boarding one in the host country is leaving it.
 *
 * @example
 * leavesHostCountry({ kind: "commercial", from: "NIAMEY", to: "NIAMEY" }, (s) => s === "NIAMEY"); // true
 */
export function leavesHostCountry(
  m: Pick<MovementDetails, "kind" | "from" | "to">,
  inHostCountry: (site: string) => boolean,
): boolean {
  if (!inHostCountry(m.from)) return false;
  return m.kind === "commercial" || !inHostCountry(m.to);
}

/**
 * Creates one planned movement per movement of the plan ({@link planMovements}), linked to the
 * clearance requests drafted for its sortie (`source.sortie`). Ids come from `ids`.
 *
 * @example
 * const r = movementsFromPlan(plan, drafts, counterIds("M"), { actor: usPlanner, now }, us);
 */
export function movementsFromPlan(
  plan: Plan,
  clearances: readonly ClearanceRequest[],
  ids: IdSource,
  ctx: Context,
  owner: PartyCode,
): { readonly ok: true; readonly movements: readonly { next: Movement; event: WorkflowEvent }[] } | Refusal {
  const bySortie = new Map<string, ClearanceRequestId[]>();
  for (const c of clearances) {
    if (!c.source) continue;
    bySortie.set(c.source.sortie, [...(bySortie.get(c.source.sortie) ?? []), c.id]);
  }
  const movements: { next: Movement; event: WorkflowEvent }[] = [];
  for (const d of planMovements(plan, bySortie)) {
    const r = createMovement({ id: asMovementId(ids()), owner, details: d }, ctx);
    if (!r.ok) return r;
    movements.push({ next: r.next, event: r.event });
  }
  return { ok: true, movements };
}

// --- invariants ----------------------------------------------------------------------------------

/** What is wrong with a movement's state (empty when nothing); see the clearance equivalent. */
export function movementInvariantViolations(m: Movement): string[] {
  const out: string[] = [];
  if (!MOVEMENT_STATUSES.includes(m.status)) out.push(`unknown status ${String(m.status)}`);
  if (m.version !== m.history.length) out.push(`version ${m.version} ≠ history length ${m.history.length}`);
  m.history.forEach((e, i) => {
    if (e.objectVersion !== i + 1) out.push(`history[${i}] has version ${e.objectVersion}`);
  });
  const last = m.history.at(-1);
  if (last && last.data.status !== m.status) out.push(`last event leads to ${String(last.data.status)}, state is ${m.status}`);
  if (new Set(m.manifest.persons).size !== m.manifest.persons.length) out.push("duplicate person on the manifest");
  if (m.status === "arrived" && m.arrivedAt < m.departedAt) out.push("arrived before departing");
  // The manifest recorded at departure is the one the movement keeps.
  const departure = m.history.find((e) => e.type === "movement.departed");
  if (departure) {
    const after = m.history.slice(m.history.indexOf(departure) + 1);
    if (after.some((e) => e.type === "movement.manifest_recorded")) out.push("manifest changed after departure");
  }
  return out;
}
