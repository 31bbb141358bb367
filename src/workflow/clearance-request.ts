import { z } from "zod";
import type { CargoItem } from "#domain/cargo.ts";
import { type ClearanceRule, latestFilingAt } from "#domain/clearance-rule.ts";
import { instantSchema } from "#domain/instant-schema.ts";
import type { Leg, Plan, Sortie } from "#domain/plan.ts";
import { formatHuman, formatInstant, type Instant, parseInstant } from "#domain/time.ts";
import type { Context } from "./actor.ts";
import { type DomainError, domainError } from "./domain-error.ts";
import { type EventData, makeEvent, maybe, type WorkflowEvent } from "./event.ts";
import {
  asClearanceRequestId,
  type ClearanceRequestId,
  type IdSource,
  type MovementId,
  movementIdSchema,
  type PartyCode,
} from "./ids.ts";
import { type ActionOf, authorize } from "./policy.ts";
import { accept, type Refusal, refusal, refuse, type Transition } from "./transition.ts";

/**
 * A request for a landing or overflight clearance, modelled on the US APACS: one aircraft (type,
 * tail number, call sign), its itinerary, passengers and crew, dangerous cargo and weapons, for one
 * country. The departing party's planners draft and submit it; the host's clearance officers
 * approve it (with a clearance number and validity window), deny it (with a reason) or amend it
 * (sending changes back to the requester, who accepts them or resubmits).
 *
 * ```
 * draft ─submit→ submitted ─approve→ approved ─expire (validity passed unused)→ expired
 *                    │      ─deny→ denied
 *                    └─amend→ amended ─accept_amendment | resubmit→ resubmitted (decided like submitted)
 * draft | submitted | resubmitted | amended | approved (unused) ─cancel→ cancelled
 * ```
 */

/** Every state of a clearance request. */
export const CLEARANCE_STATUSES = [
  "draft",
  "submitted",
  "resubmitted",
  "amended",
  "approved",
  "denied",
  "cancelled",
  "expired",
] as const;
/** One state of a clearance request. */
export type ClearanceStatus = (typeof CLEARANCE_STATUSES)[number];

/** States in which the host can decide. */
export const PENDING_DECISION: readonly ClearanceStatus[] = ["submitted", "resubmitted"];
/** States after which nothing can happen any more. */
export const CLEARANCE_FINAL: readonly ClearanceStatus[] = ["denied", "cancelled", "expired"];

const countrySchema = z.string().regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 country code, e.g. NE");
const siteRefSchema = z.string().min(1).max(64);
const textSchema = (max: number) => z.string().trim().min(1).max(max);

/** One leg of the itinerary: from, to, times, countries overflown. */
export const itineraryLegSchema = z
  .strictObject({
    from: siteRefSchema.describe("Departure site or airfield id."),
    to: siteRefSchema.describe("Arrival site or airfield id."),
    departAt: instantSchema,
    arriveAt: instantSchema,
    overflies: z.array(countrySchema).default([]).describe("Countries whose airspace the leg crosses."),
  })
  .refine((l) => l.arriveAt > l.departAt, { message: "a leg must arrive after it departs", path: ["arriveAt"] });

/** The aircraft: type, tail number and (before submission) call sign. */
export const aircraftSchema = z.strictObject({
  type: textSchema(64).describe("Aircraft type id, e.g. C-17A."),
  tailNumber: textSchema(32),
  callSign: z
    .string()
    .regex(/^[A-Z0-9]{2,10}$/, "a call sign: 2–10 capital letters and digits, e.g. RCH123")
    .optional()
    .describe("Required before submission."),
});

/** Dangerous goods on board, by UN class (and division and number when known). */
export const dangerousGoodsSchema = z.strictObject({
  description: textSchema(200),
  class: z.number().int().min(1).max(9).describe("UN hazard class 1–9."),
  division: z
    .string()
    .regex(/^[1-9]\.[1-6][A-S]?$/)
    .optional(),
  unNumber: z
    .string()
    .regex(/^UN\d{4}$/)
    .optional(),
  quantity: z.number().int().positive(),
  cargo: z.string().min(1).optional().describe("Cargo line id, when the goods come from the plan."),
});

/** Weapons carried, declared by description and count. */
export const weaponsDeclarationSchema = z.strictObject({
  description: textSchema(200),
  quantity: z.number().int().positive(),
});

// The fields a requester (or the host, in an amendment) may change. No defaults here: a change
// set must say only what it changes.
const changeableShape = {
  airfield: siteRefSchema.optional().describe("For a landing clearance: where."),
  aircraft: aircraftSchema,
  itinerary: z.array(itineraryLegSchema).min(1).max(32),
  firstAt: instantSchema.describe("First time the aircraft enters or lands in the country."),
  lastAt: instantSchema.describe("Last time it is there."),
  passengers: z.number().int().nonnegative().describe("Most passengers on board on any leg."),
  crew: z.number().int().nonnegative().describe("Required (≥ 1) before submission."),
  dangerousCargo: z.array(dangerousGoodsSchema).max(200),
  weapons: z.array(weaponsDeclarationSchema).max(200),
  remarks: z.string().trim().max(2000).optional(),
};

/** What a request asks for: the body of "create a request". */
export const clearanceDetailsSchema = z
  .strictObject({
    country: countrySchema.describe("The country asked for the clearance."),
    kind: z.enum(["landing", "overflight"]),
    ...changeableShape,
    dangerousCargo: changeableShape.dangerousCargo.default([]),
    weapons: changeableShape.weapons.default([]),
  })
  .superRefine((d, ctx) => {
    if (d.lastAt < d.firstAt)
      ctx.addIssue({ code: "custom", path: ["lastAt"], message: "lastAt is before firstAt", input: d.lastAt });
    if (d.kind === "landing" && d.airfield === undefined)
      ctx.addIssue({ code: "custom", path: ["airfield"], message: "a landing clearance names its airfield", input: d });
  });
/** What a request asks for (times as instants). */
export type ClearanceDetails = z.output<typeof clearanceDetailsSchema>;
/** One leg of the itinerary. */
export type ItineraryLeg = z.output<typeof itineraryLegSchema>;
/** One dangerous-goods declaration. */
export type DangerousGoods = z.output<typeof dangerousGoodsSchema>;
/** One weapons declaration. */
export type WeaponsDeclaration = z.output<typeof weaponsDeclarationSchema>;

/** A set of changes to a request's details (draft edit, host amendment, counter-proposal). */
export const clearanceChangesSchema = z
  .strictObject(changeableShape)
  .partial()
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: "name at least one change" });
/** A change set: only the fields that change. */
export type ClearanceChanges = z.output<typeof clearanceChangesSchema>;

/** Body of "update a draft". */
export const updateDraftCommandSchema = clearanceChangesSchema;
/** Body of "submit", "accept amendment" and "expire": nothing to say. */
export const emptyCommandSchema = z.strictObject({});
/** Body of "approve": the host's clearance number and validity window. */
export const approveCommandSchema = z
  .strictObject({
    clearanceNumber: textSchema(64).describe("The host's clearance (diplomatic clearance) number."),
    validFrom: instantSchema,
    validTo: instantSchema,
    remarks: z.string().trim().max(2000).optional(),
  })
  .refine((c) => c.validTo > c.validFrom, { message: "validTo must be after validFrom", path: ["validTo"] });
/** Body of "deny". */
export const denyCommandSchema = z.strictObject({ reason: textSchema(2000) });
/** Body of "amend": the host's changes and why. */
export const amendCommandSchema = z.strictObject({ reason: textSchema(2000), changes: clearanceChangesSchema });
/** Body of "resubmit": optionally the requester's own changes (a counter-proposal). */
export const resubmitCommandSchema = z.strictObject({
  changes: clearanceChangesSchema.optional(),
  remarks: z.string().trim().max(2000).optional(),
});
/** Body of "cancel". */
export const cancelCommandSchema = z.strictObject({ reason: z.string().trim().max(2000).optional() });
/** Body of "record use": the movement that flew under the clearance, and when it departed. */
export const recordUseCommandSchema = z.strictObject({ movement: movementIdSchema, at: instantSchema });

/** Parsed body of "approve". */
export type ApproveCommand = z.output<typeof approveCommandSchema>;
/** Parsed body of "deny". */
export type DenyCommand = z.output<typeof denyCommandSchema>;
/** Parsed body of "amend". */
export type AmendCommand = z.output<typeof amendCommandSchema>;
/** Parsed body of "resubmit". */
export type ResubmitCommand = z.output<typeof resubmitCommandSchema>;
/** Parsed body of "cancel". */
export type CancelCommand = z.output<typeof cancelCommandSchema>;
/** Parsed body of "record use". */
export type RecordUseCommand = z.output<typeof recordUseCommandSchema>;
/** A command without fields. */
export type EmptyCommand = z.output<typeof emptyCommandSchema>;

/** The host's grant. */
export interface Clearance {
  readonly number: string;
  readonly validFrom: Instant;
  readonly validTo: Instant;
  readonly remarks?: string | undefined;
}

/** Where a request came from when it was drafted from a plan. */
export interface ClearanceSource {
  /** Id of the plan's clearance request (`clearanceRequests[].id`). */
  readonly planRequest: string;
  /** Id of the plan's sortie (the movement's plan reference). */
  readonly sortie: string;
  readonly latestFilingAt: Instant;
}

interface ClearanceRequestBase {
  readonly id: ClearanceRequestId;
  /** The requesting party: it drafts, submits, cancels; the other party decides. */
  readonly owner: PartyCode;
  readonly source?: ClearanceSource;
  readonly details: ClearanceDetails;
  /** Last (re)submission. */
  readonly submittedAt?: Instant;
  /** Number of events in `history`; the optimistic-lock value. */
  readonly version: number;
  /** Every transition, oldest first, including the creation. */
  readonly history: readonly WorkflowEvent[];
}

/** A clearance request in one of its states; each state carries exactly the data it needs. */
export type ClearanceRequest = ClearanceRequestBase &
  (
    | { readonly status: "draft" | "submitted" | "resubmitted" }
    | { readonly status: "amended"; readonly amendment: { readonly reason: string; readonly changes: ClearanceChanges } }
    | { readonly status: "approved"; readonly clearance: Clearance; readonly used?: ClearanceUse }
    | { readonly status: "denied"; readonly denial: { readonly reason: string } }
    | {
        readonly status: "cancelled";
        readonly cancellation: { readonly from: ClearanceStatus; readonly reason?: string | undefined };
        readonly clearance?: Clearance;
      }
    | { readonly status: "expired"; readonly clearance: Clearance }
  );

/** The flight that used an approved clearance. */
export interface ClearanceUse {
  readonly movement: MovementId;
  readonly at: Instant;
}

/** Context of the transitions that check lead times: the countries' clearance rules. */
export interface FilingContext extends Context {
  readonly rules: readonly ClearanceRule[];
}

// --- helpers -------------------------------------------------------------------------------------

const iso = formatInstant;

function base(r: ClearanceRequest): ClearanceRequestBase {
  return {
    id: r.id,
    owner: r.owner,
    ...(r.source === undefined ? {} : { source: r.source }),
    details: r.details,
    ...(r.submittedAt === undefined ? {} : { submittedAt: r.submittedAt }),
    version: r.version,
    history: r.history,
  };
}

function guard(
  r: Pick<ClearanceRequestBase, "owner">,
  action: ActionOf<"clearance_request">,
  ctx: Context,
): Refusal | undefined {
  if ((action === "approve" || action === "deny" || action === "amend") && ctx.actor.party === r.owner) {
    // Checked before the table so the refusal names the rule that matters here.
    return refuse(
      "clearance.own_party_decision",
      `nobody decides on their own party's request: this request was filed by ${r.owner}`,
    );
  }
  const denied = authorize(ctx.actor, action, { type: "clearance_request", owner: r.owner });
  return denied ? refusal(denied) : undefined;
}

/** Appends the event of a transition and builds the next state from the common fields. */
function step(
  r: ClearanceRequest,
  ctx: Context,
  type: `clearance.${string}`,
  data: EventData,
  build: (b: ClearanceRequestBase) => ClearanceRequest,
): Transition<ClearanceRequest> {
  const version = r.version + 1;
  const next = build({ ...base(r), version });
  // The event names both ends of the transition, so the ledger alone tells the story.
  const event = makeEvent(ctx, type, "clearance_request", r.id, version, { ...data, from: r.status, status: next.status });
  return accept({ ...next, history: [...r.history, event] }, event);
}

function wrongState(
  code: `clearance.${string}`,
  what: string,
  r: ClearanceRequest,
  allowed: readonly ClearanceStatus[],
): Refusal {
  return refuse(code, `${what} only a request that is ${allowed.join(" or ")}; ${r.id} is ${r.status}`, {
    status: r.status,
    allowed: [...allowed],
  });
}

/** The details as event data: times in ISO, optional fields left out, no personal data (there is none). */
export function detailsData(d: ClearanceDetails): EventData {
  return {
    country: d.country,
    kind: d.kind,
    ...maybe("airfield", d.airfield),
    aircraft: { type: d.aircraft.type, tailNumber: d.aircraft.tailNumber, ...maybe("callSign", d.aircraft.callSign) },
    itinerary: d.itinerary.map((l) => ({
      from: l.from,
      to: l.to,
      departAt: iso(l.departAt),
      arriveAt: iso(l.arriveAt),
      overflies: [...l.overflies],
    })),
    firstAt: iso(d.firstAt),
    lastAt: iso(d.lastAt),
    passengers: d.passengers,
    crew: d.crew,
    dangerousCargo: d.dangerousCargo.map((g) => ({
      description: g.description,
      class: g.class,
      ...maybe("division", g.division),
      ...maybe("unNumber", g.unNumber),
      quantity: g.quantity,
      ...maybe("cargo", g.cargo),
    })),
    weapons: d.weapons.map((w) => ({ description: w.description, quantity: w.quantity })),
    ...maybe("remarks", d.remarks),
  };
}

function changesData(c: ClearanceChanges): EventData {
  const full = detailsData(applyChanges(PLACEHOLDER, c).details);
  // Only the keys that change, in their event form.
  const out: Record<string, EventData[string]> = {};
  for (const key of Object.keys(c) as (keyof ClearanceChanges)[]) {
    if (c[key] === undefined) continue;
    const v = full[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

const PLACEHOLDER = {
  details: {
    country: "XX",
    kind: "overflight",
    aircraft: { type: "-", tailNumber: "-" },
    itinerary: [],
    firstAt: 0 as Instant,
    lastAt: 0 as Instant,
    passengers: 0,
    crew: 0,
    dangerousCargo: [],
    weapons: [],
  },
} satisfies { details: ClearanceDetails };

/** Merges a change set into the details; the caller checks the result with {@link detailsProblem}. */
export function applyChanges<T extends { readonly details: ClearanceDetails }>(
  r: T,
  c: ClearanceChanges,
): { details: ClearanceDetails } {
  const d: ClearanceDetails = { ...r.details };
  for (const key of Object.keys(c) as (keyof ClearanceChanges)[]) {
    const v = c[key];
    if (v !== undefined) Object.assign(d, { [key]: v });
  }
  return { details: d };
}

/** Why a set of details is inconsistent, or undefined. The schema checks bodies; this checks merges. */
export function detailsProblem(d: ClearanceDetails): DomainError | undefined {
  if (d.lastAt < d.firstAt)
    return domainError("clearance.invalid_window", `lastAt ${formatHuman(d.lastAt)} is before firstAt ${formatHuman(d.firstAt)}`);
  if (d.kind === "landing" && d.airfield === undefined)
    return domainError("clearance.invalid_window", "a landing clearance names its airfield");
  if (d.itinerary.length === 0) return domainError("clearance.incomplete", "the itinerary has no legs");
  return undefined;
}

/** What is still missing before a request can be filed: a call sign and a crew count. */
export function missingForSubmission(d: ClearanceDetails): string[] {
  const missing: string[] = [];
  if (d.aircraft.callSign === undefined) missing.push("aircraft.callSign");
  if (d.crew < 1) missing.push("crew");
  if (d.itinerary.length === 0) missing.push("itinerary");
  return missing;
}

/**
 * The lead-time check of the request's country at `now`: `clearance.lead_time` when the country's
 * rule for this kind of clearance required filing earlier, `clearance.flight_in_past` when the
 * flight has begun. A country without a rule (or without a rule for this kind) sets no lead time.
 *
 * @example
 * leadTimeProblem(details, scenario.clearanceRules, now); // undefined when in time
 */
export function leadTimeProblem(d: ClearanceDetails, rules: readonly ClearanceRule[], now: Instant): DomainError | undefined {
  if (now >= d.firstAt)
    return domainError("clearance.flight_in_past", `the flight enters ${d.country} at ${formatHuman(d.firstAt)}, which has passed`, {
      firstAt: iso(d.firstAt),
    });
  const rule = rules.find((r) => r.country === d.country);
  const kindRule = rule?.[d.kind];
  if (!rule || !kindRule) return undefined;
  const latest = latestFilingAt(d.firstAt, kindRule.leadTime, rule.weekend);
  if (now <= latest) return undefined;
  const lead = `${kindRule.leadTime.value} ${kindRule.leadTime.unit.replace("_", " ")}`;
  return domainError(
    "clearance.lead_time",
    `${d.country} requires ${lead} notice for a ${d.kind} clearance: for ${formatHuman(d.firstAt)} it had to be filed by ${formatHuman(latest)}`,
    { country: d.country, kind: d.kind, firstAt: iso(d.firstAt), latestFilingAt: iso(latest), now: iso(now) },
  );
}

// --- transitions ---------------------------------------------------------------------------------

/** Input of {@link createClearanceRequest}: the server adds the id and the owner to the body. */
export interface CreateClearanceRequest {
  readonly id: ClearanceRequestId;
  readonly owner: PartyCode;
  readonly details: ClearanceDetails;
  readonly source?: ClearanceSource;
}

/**
 * Creates a draft. The actor must be a planner of the owning (departing) party.
 *
 * @example
 * createClearanceRequest({ id, owner: us, details }, { actor: usPlanner, now });
 */
export function createClearanceRequest(cmd: CreateClearanceRequest, ctx: Context): Transition<ClearanceRequest> {
  const denied = guard(cmd, "create", ctx);
  if (denied) return denied;
  const problem = detailsProblem(cmd.details);
  if (problem) return refusal(problem);
  const event = makeEvent(ctx, "clearance.drafted", "clearance_request", cmd.id, 1, {
    status: "draft",
    owner: cmd.owner,
    details: detailsData(cmd.details),
    ...(cmd.source
      ? {
          source: {
            planRequest: cmd.source.planRequest,
            sortie: cmd.source.sortie,
            latestFilingAt: iso(cmd.source.latestFilingAt),
          },
        }
      : {}),
  });
  return accept(
    {
      id: cmd.id,
      owner: cmd.owner,
      ...(cmd.source === undefined ? {} : { source: cmd.source }),
      details: cmd.details,
      version: 1,
      history: [event],
      status: "draft",
    },
    event,
  );
}

/** Changes a draft's details. Only drafts are editable: a filed request changes by amendment. */
export function updateDraft(r: ClearanceRequest, changes: ClearanceChanges, ctx: Context): Transition<ClearanceRequest> {
  const denied = guard(r, "update", ctx);
  if (denied) return denied;
  if (r.status !== "draft") return wrongState("clearance.not_editable", "one can edit", r, ["draft"]);
  const { details } = applyChanges(r, changes);
  const problem = detailsProblem(details);
  if (problem) return refusal(problem);
  return step(r, ctx, "clearance.updated", { changes: changesData(changes) }, (b) => ({
    ...b,
    details,
    status: "draft",
  }));
}

/**
 * Files a draft with the host. Checks completeness and the country's lead time at `ctx.now`.
 *
 * @example
 * submit(draft, {}, { actor: usPlanner, now, rules: scenario.clearanceRules });
 */
export function submit(r: ClearanceRequest, _cmd: EmptyCommand, ctx: FilingContext): Transition<ClearanceRequest> {
  const denied = guard(r, "submit", ctx);
  if (denied) return denied;
  if (r.status !== "draft") return wrongState("clearance.not_submittable", "one can submit", r, ["draft"]);
  const missing = missingForSubmission(r.details);
  if (missing.length > 0)
    return refuse("clearance.incomplete", `before submitting, fill in: ${missing.join(", ")}`, { missing });
  const late = leadTimeProblem(r.details, ctx.rules, ctx.now);
  if (late) return refusal(late);
  return step(r, ctx, "clearance.submitted", { details: detailsData(r.details) }, (b) => ({
    ...b,
    submittedAt: ctx.now,
    status: "submitted",
  }));
}

/**
 * Submits many requests at once; each succeeds or fails on its own (a late one does not hold
 * back the others). The result keeps the input order.
 *
 * @example
 * const results = submitMany(drafts, ctx);
 * const filed = results.filter((x) => x.result.ok).length;
 */
export function submitMany(
  requests: readonly ClearanceRequest[],
  ctx: FilingContext,
): { readonly id: ClearanceRequestId; readonly result: Transition<ClearanceRequest> }[] {
  return requests.map((r) => ({ id: r.id, result: submit(r, {}, ctx) }));
}

/** The host grants the request: clearance number and validity window, which must overlap the flight. */
export function approve(r: ClearanceRequest, cmd: ApproveCommand, ctx: Context): Transition<ClearanceRequest> {
  const denied = guard(r, "approve", ctx);
  if (denied) return denied;
  if (r.status !== "submitted" && r.status !== "resubmitted")
    return wrongState("clearance.not_decidable", "one can approve", r, PENDING_DECISION);
  if (!(cmd.validTo > cmd.validFrom)) return refuse("clearance.invalid_validity", "validTo must be after validFrom");
  if (cmd.validTo <= ctx.now)
    return refuse("clearance.validity_past", `the validity window ends ${formatHuman(cmd.validTo)}, which has passed`);
  if (cmd.validTo < r.details.firstAt || cmd.validFrom > r.details.lastAt)
    return refuse(
      "clearance.validity_mismatch",
      `the validity window ${formatHuman(cmd.validFrom)}–${formatHuman(cmd.validTo)} does not cover any of the flight (${formatHuman(r.details.firstAt)}–${formatHuman(r.details.lastAt)}); amend the request instead`,
    );
  const clearance: Clearance = {
    number: cmd.clearanceNumber,
    validFrom: cmd.validFrom,
    validTo: cmd.validTo,
    ...(cmd.remarks === undefined ? {} : { remarks: cmd.remarks }),
  };
  return step(
    r,
    ctx,
    "clearance.approved",
    {
      clearanceNumber: cmd.clearanceNumber,
      validFrom: iso(cmd.validFrom),
      validTo: iso(cmd.validTo),
      ...maybe("remarks", cmd.remarks),
    },
    (b) => ({ ...b, status: "approved", clearance }),
  );
}

/** The host refuses the request, saying why. Final. */
export function deny(r: ClearanceRequest, cmd: DenyCommand, ctx: Context): Transition<ClearanceRequest> {
  const denied = guard(r, "deny", ctx);
  if (denied) return denied;
  if (r.status !== "submitted" && r.status !== "resubmitted")
    return wrongState("clearance.not_decidable", "one can deny", r, PENDING_DECISION);
  if (cmd.reason.trim() === "") return refuse("clearance.reason_required", "a denial states its reason");
  return step(r, ctx, "clearance.denied", { reason: cmd.reason }, (b) => ({
    ...b,
    status: "denied",
    denial: { reason: cmd.reason },
  }));
}

/** The host proposes changes (other times, another airfield…); the request goes back to the requester. */
export function amend(r: ClearanceRequest, cmd: AmendCommand, ctx: Context): Transition<ClearanceRequest> {
  const denied = guard(r, "amend", ctx);
  if (denied) return denied;
  if (r.status !== "submitted" && r.status !== "resubmitted")
    return wrongState("clearance.not_decidable", "one can amend", r, PENDING_DECISION);
  if (cmd.reason.trim() === "") return refuse("clearance.reason_required", "an amendment states its reason");
  const problem = detailsProblem(applyChanges(r, cmd.changes).details);
  if (problem) return refusal(problem);
  return step(r, ctx, "clearance.amended", { reason: cmd.reason, changes: changesData(cmd.changes) }, (b) => ({
    ...b,
    status: "amended",
    amendment: { reason: cmd.reason, changes: cmd.changes },
  }));
}

/**
 * The requester accepts the host's amendment: the changes become the request, which goes back to
 * the host as resubmitted. No lead-time check: the host itself proposed these terms.
 */
export function acceptAmendment(r: ClearanceRequest, _cmd: EmptyCommand, ctx: Context): Transition<ClearanceRequest> {
  const denied = guard(r, "accept_amendment", ctx);
  if (denied) return denied;
  if (r.status !== "amended") return wrongState("clearance.not_amended", "one can accept the amendment of", r, ["amended"]);
  const { details } = applyChanges(r, r.amendment.changes);
  return step(r, ctx, "clearance.amendment_accepted", { details: detailsData(details) }, (b) => ({
    ...b,
    details,
    submittedAt: ctx.now,
    status: "resubmitted",
  }));
}

/**
 * The requester answers an amendment with its own version (optionally changed), checked like a
 * new submission (completeness, lead time).
 */
export function resubmit(r: ClearanceRequest, cmd: ResubmitCommand, ctx: FilingContext): Transition<ClearanceRequest> {
  const denied = guard(r, "resubmit", ctx);
  if (denied) return denied;
  if (r.status !== "amended") return wrongState("clearance.not_resubmittable", "one can resubmit", r, ["amended"]);
  const { details } = cmd.changes ? applyChanges(r, cmd.changes) : { details: r.details };
  const problem = detailsProblem(details);
  if (problem) return refusal(problem);
  const missing = missingForSubmission(details);
  if (missing.length > 0)
    return refuse("clearance.incomplete", `before resubmitting, fill in: ${missing.join(", ")}`, { missing });
  const late = leadTimeProblem(details, ctx.rules, ctx.now);
  if (late) return refusal(late);
  return step(
    r,
    ctx,
    "clearance.resubmitted",
    { details: detailsData(details), ...maybe("remarks", cmd.remarks) },
    (b) => ({ ...b, details, submittedAt: ctx.now, status: "resubmitted" }),
  );
}

const CANCELLABLE: readonly ClearanceStatus[] = ["draft", "submitted", "resubmitted", "amended", "approved"];

/** The requester withdraws the request; an approved one only while unused. */
export function cancel(r: ClearanceRequest, cmd: CancelCommand, ctx: Context): Transition<ClearanceRequest> {
  const denied = guard(r, "cancel", ctx);
  if (denied) return denied;
  if (!CANCELLABLE.includes(r.status)) return wrongState("clearance.not_cancellable", "one can cancel", r, CANCELLABLE);
  if (r.status === "approved" && r.used)
    return refuse("clearance.used", `${r.id} was used by movement ${r.used.movement}: it can no longer be cancelled`);
  const clearance = r.status === "approved" ? r.clearance : undefined;
  return step(r, ctx, "clearance.cancelled", { ...maybe("reason", cmd.reason) }, (b) => ({
    ...b,
    status: "cancelled",
    cancellation: { from: r.status, ...(cmd.reason === undefined ? {} : { reason: cmd.reason }) },
    ...(clearance ? { clearance } : {}),
  }));
}

/** Records that a movement flew under the approval; `at` (its departure) must lie in the window. */
export function recordUse(r: ClearanceRequest, cmd: RecordUseCommand, ctx: Context): Transition<ClearanceRequest> {
  const denied = guard(r, "record_use", ctx);
  if (denied) return denied;
  if (r.status !== "approved") return wrongState("clearance.not_approved", "a movement can fly under", r, ["approved"]);
  if (r.used) return refuse("clearance.used", `${r.id} was already used by movement ${r.used.movement}`);
  if (cmd.at > ctx.now) return refuse("clearance.future_time", `${formatHuman(cmd.at)} is in the future; record what happened`);
  if (cmd.at < r.clearance.validFrom || cmd.at > r.clearance.validTo)
    return refuse(
      "clearance.outside_validity",
      `${formatHuman(cmd.at)} is outside the validity of clearance ${r.clearance.number} (${formatHuman(r.clearance.validFrom)}–${formatHuman(r.clearance.validTo)})`,
    );
  const used: ClearanceUse = { movement: cmd.movement, at: cmd.at };
  const clearance = r.clearance;
  return step(r, ctx, "clearance.used", { movement: cmd.movement, at: iso(cmd.at) }, (b) => ({
    ...b,
    status: "approved",
    clearance,
    used,
  }));
}

/** True when an approval's validity window has passed unused at `now`: {@link expire} would succeed. */
export function isExpiredAt(r: ClearanceRequest, now: Instant): boolean {
  return r.status === "approved" && r.used === undefined && now > r.clearance.validTo;
}

/** Ends an approval whose validity window passed unused. Driven by `ctx.now`, not by anyone's decision. */
export function expire(r: ClearanceRequest, _cmd: EmptyCommand, ctx: Context): Transition<ClearanceRequest> {
  const denied = guard(r, "expire", ctx);
  if (denied) return denied;
  if (r.status !== "approved") return wrongState("clearance.not_expirable", "one can expire", r, ["approved"]);
  if (r.used) return refuse("clearance.used", `${r.id} was used by movement ${r.used.movement}`);
  if (ctx.now <= r.clearance.validTo)
    return refuse("clearance.still_valid", `clearance ${r.clearance.number} is valid until ${formatHuman(r.clearance.validTo)}`);
  const clearance = r.clearance;
  return step(r, ctx, "clearance.expired", { validTo: iso(clearance.validTo) }, (b) => ({
    ...b,
    status: "expired",
    clearance,
  }));
}

// --- from the plan -------------------------------------------------------------------------------

/** What the plan does not know and the server may supply when drafting from it. */
export interface DraftOptions {
  /** The requesting party (the departing party's code). */
  readonly owner: PartyCode;
  /** Call sign per sortie; absent, the draft has none and must be completed before submission. */
  readonly callSign?: (sortie: Sortie) => string | undefined;
  /** Crew per sortie; absent, 0 (to be completed before submission). */
  readonly crew?: (sortie: Sortie) => number;
  /** Registration per sortie; absent, the plan's tail id (`<fleet>-<n>`). */
  readonly tailNumber?: (sortie: Sortie) => string;
  /** The scenario's cargo lines, to declare dangerous goods (lines with a hazard) carried. */
  readonly cargo?: readonly CargoItem[];
}

const at = (s: string): Instant => {
  const t = parseInstant(s);
  // The plan was validated by its schema, so an unparsable instant is a caller's bug.
  if (t === undefined) throw new RangeError(`not an ISO instant in the plan: ${s}`);
  return t;
};

function passengersOnBoard(leg: Leg): number {
  return (leg.load?.passengers ?? []).reduce((n, p) => n + p.count, 0);
}

function dangerousGoodsOf(plan: Plan, sortie: Sortie, cargo: readonly CargoItem[] | undefined): DangerousGoods[] {
  if (!cargo) return [];
  const hazardous = new Map(cargo.filter((c) => c.hazard).map((c) => [c.id as string, c]));
  if (hazardous.size === 0) return [];
  const pallets = new Map(plan.pallets.map((p) => [p.id, p]));
  const quantities = new Map<string, number>();
  for (const leg of sortie.legs) {
    const items = [...(leg.load?.items ?? []), ...(leg.load?.pallets ?? []).flatMap((p) => pallets.get(p)?.items ?? [])];
    for (const item of items)
      if (hazardous.has(item.cargo)) quantities.set(item.cargo, (quantities.get(item.cargo) ?? 0) + item.quantity);
  }
  return [...quantities].flatMap(([id, quantity]) => {
    const c = hazardous.get(id);
    if (!c?.hazard) return [];
    return [
      {
        description: c.description.slice(0, 200),
        class: c.hazard.class,
        ...(c.hazard.division === undefined ? {} : { division: c.hazard.division }),
        ...(c.hazard.unNumber === undefined ? {} : { unNumber: c.hazard.unNumber }),
        quantity,
        cargo: id,
      },
    ];
  });
}

/** The outcome of {@link draftsFromPlan}. */
export type DraftsFromPlan =
  | { readonly ok: true; readonly drafts: readonly { readonly next: ClearanceRequest; readonly event: WorkflowEvent }[] }
  | Refusal;

/**
 * Drafts one request per clearance the planner found necessary (`plan.clearanceRequests`), for the
 * given sorties or all. Each draft carries the sortie's aircraft and whole itinerary, the most
 * passengers on board, and the dangerous goods of its loads. Ids come from `ids`.
 *
 * @example
 * const r = draftsFromPlan(plan, undefined, counterIds("CR"), { actor: usPlanner, now }, { owner: us });
 * if (r.ok) for (const d of r.drafts) save(d.next, d.event);
 */
export function draftsFromPlan(
  plan: Plan,
  sortieIds: readonly string[] | undefined,
  ids: IdSource,
  ctx: Context,
  options: DraftOptions,
): DraftsFromPlan {
  const denied = guard({ owner: options.owner }, "create", ctx);
  if (denied) return denied;
  const sorties = new Map(plan.sorties.map((s) => [s.id, s]));
  const unknown = (sortieIds ?? []).filter((id) => !sorties.has(id));
  if (unknown.length > 0)
    return refuse("clearance.unknown_sortie", `the plan has no sortie ${unknown.join(", ")}`, { unknown });
  const wanted = sortieIds ? new Set(sortieIds) : undefined;
  const drafts: { next: ClearanceRequest; event: WorkflowEvent }[] = [];
  for (const pr of plan.clearanceRequests) {
    if (wanted && !wanted.has(pr.sortie)) continue;
    const sortie = sorties.get(pr.sortie);
    if (!sortie) return refuse("clearance.unknown_sortie", `clearance request ${pr.id} names unknown sortie ${pr.sortie}`);
    const callSign = options.callSign?.(sortie);
    const details: ClearanceDetails = {
      country: pr.country,
      kind: pr.kind,
      ...(pr.airfield === undefined ? {} : { airfield: pr.airfield }),
      aircraft: {
        type: sortie.type,
        tailNumber: options.tailNumber?.(sortie) ?? sortie.aircraft,
        ...(callSign === undefined ? {} : { callSign }),
      },
      itinerary: sortie.legs.map((l) => ({
        from: l.from,
        to: l.to,
        departAt: at(l.departAt),
        arriveAt: at(l.arriveAt),
        overflies: [...l.overflies],
      })),
      firstAt: at(pr.firstAt),
      lastAt: at(pr.lastAt),
      passengers: Math.max(0, ...sortie.legs.map(passengersOnBoard)),
      crew: options.crew?.(sortie) ?? 0,
      dangerousCargo: dangerousGoodsOf(plan, sortie, options.cargo),
      weapons: [],
    };
    const r = createClearanceRequest(
      {
        id: asClearanceRequestId(ids()),
        owner: options.owner,
        details,
        source: { planRequest: pr.id, sortie: pr.sortie, latestFilingAt: at(pr.latestFilingAt) },
      },
      ctx,
    );
    if (!r.ok) return r;
    drafts.push({ next: r.next, event: r.event });
  }
  return { ok: true, drafts };
}

// --- invariants ----------------------------------------------------------------------------------

/**
 * What is wrong with a request's state (empty when nothing): the checks a property test runs after
 * every command and the store may run on load.
 */
export function clearanceInvariantViolations(r: ClearanceRequest): string[] {
  const out: string[] = [];
  if (!CLEARANCE_STATUSES.includes(r.status)) out.push(`unknown status ${String(r.status)}`);
  if (r.version !== r.history.length) out.push(`version ${r.version} ≠ history length ${r.history.length}`);
  r.history.forEach((e, i) => {
    if (e.objectVersion !== i + 1) out.push(`history[${i}] has version ${e.objectVersion}`);
    if (e.objectId !== r.id) out.push(`history[${i}] is about ${e.objectId}`);
  });
  if (r.history[0]?.type !== "clearance.drafted") out.push("history does not start with the draft");
  const last = r.history.at(-1);
  if (last && last.data.status !== r.status) out.push(`last event leads to ${String(last.data.status)}, state is ${r.status}`);
  if (r.details.lastAt < r.details.firstAt) out.push("lastAt before firstAt");
  const neverFiled = r.status === "draft" || (r.status === "cancelled" && r.cancellation.from === "draft");
  if (!neverFiled && r.submittedAt === undefined) out.push(`${r.status} without submittedAt`);
  if (neverFiled && r.submittedAt !== undefined) out.push(`${r.status} with submittedAt but never filed`);
  if (r.status === "approved" || r.status === "expired") {
    if (!(r.clearance.validTo > r.clearance.validFrom)) out.push("empty validity window");
    if (!r.clearance.number) out.push("no clearance number");
  }
  if (r.status === "approved" && r.used && (r.used.at < r.clearance.validFrom || r.used.at > r.clearance.validTo))
    out.push("used outside validity");
  if (r.status === "denied" && !r.denial.reason) out.push("denial without reason");
  if (r.status === "amended" && !r.amendment.reason) out.push("amendment without reason");
  const decisions = r.history.filter((e) => ["clearance.approved", "clearance.denied", "clearance.amended"].includes(e.type));
  for (const d of decisions) if (d.actorParty === r.owner) out.push(`${d.type} by the owning party`);
  return out;
}
