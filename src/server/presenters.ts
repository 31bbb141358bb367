/**
 * Presenters (Outline's habit): workflow states to the wire, with the caller's abilities. The
 * wire never carries a row; persons are shown as the policy allows the caller to see them.
 */
import type { z } from "@hono/zod-openapi";
import { formatInstant, type Instant } from "#domain/time.ts";
import type { User } from "#store/schema.ts";
import type { Actor } from "#workflow/actor.ts";
import { type ClearanceRequest, detailsData } from "#workflow/clearance-request.ts";
import { type CargoDisposition, dispositionStatus, remaining } from "#workflow/disposition.ts";
import type { WorkflowEvent } from "#workflow/event.ts";
import type { HandoverList } from "#workflow/handover-list.ts";
import type { Movement } from "#workflow/movement.ts";
import { type Person, type PersonnelEvent, type Presence, presentPerson } from "#workflow/personnel.ts";
import type { Plan } from "#domain/plan.ts";
import type { PlanVersion } from "#workflow/plan-version.ts";
import { abilities, type ResourceType } from "#workflow/policy.ts";
import type { ServerDeps } from "./deps.ts";
import { rolesOf } from "./session-service.ts";
import type {
  clearanceSchema,
  clockSchema,
  dispositionSchema,
  handoverListSchema,
  historyEntrySchema,
  movementSchema,
  personnelEventSchema,
  personSchema,
  planVersionSchema,
  userSchema,
} from "./wire.ts";

const iso = (t: Instant) => formatInstant(t);
type Json = Record<string, unknown>;
type HistoryEntry = z.infer<typeof historyEntrySchema>;

/**
 * What every object on the wire ends with: its version (the ETag), what the caller may do to it,
 * and its history when it is read alone.
 */
function tail(deps: ServerDeps, actor: Actor, type: ResourceType, o: { readonly owner: string; readonly version: number }, history?: HistoryEntry[]) {
  return {
    version: o.version,
    abilities: abilities(actor, { type, owner: o.owner as Actor["party"] }, deps.settings) as string[],
    ...(history === undefined ? {} : { history }),
  };
}

/** The server's clock on the wire. */
export function presentClock(deps: Pick<ServerDeps, "clock">): z.infer<typeof clockSchema> {
  return { mode: deps.clock.mode, now: deps.clock.now().toISOString() };
}

/** History rows with finality, for one object. */
export type History = readonly { readonly event: WorkflowEvent; readonly ledgerIndex: number }[];

/** An object's history on the wire; `finalSize` says which leaves are final. */
export function presentHistory(history: History, finalSize: number): HistoryEntry[] {
  return history.map(({ event, ledgerIndex }) => ({
    type: event.type,
    at: event.at,
    actorId: event.actorId,
    actorParty: event.actorParty,
    version: event.objectVersion,
    data: event.data as Json,
    ledgerIndex,
    final: ledgerIndex < finalSize,
  }));
}

/** A clearance request on the wire. */
export function presentClearance(
  deps: ServerDeps,
  actor: Actor,
  r: ClearanceRequest,
  history?: HistoryEntry[],
): z.infer<typeof clearanceSchema> {
  const extra: Json = {};
  if (r.status === "approved" || r.status === "expired" || (r.status === "cancelled" && r.clearance)) {
    const cl = r.clearance;
    if (cl)
      extra.clearance = {
        number: cl.number,
        validFrom: iso(cl.validFrom),
        validTo: iso(cl.validTo),
        ...(cl.remarks === undefined ? {} : { remarks: cl.remarks }),
      };
  }
  if (r.status === "approved" && r.used) extra.used = { movement: r.used.movement, at: iso(r.used.at) };
  if (r.status === "denied") extra.denial = { reason: r.denial.reason };
  if (r.status === "amended") extra.amendment = { reason: r.amendment.reason, changes: r.amendment.changes as unknown as Json };
  if (r.status === "cancelled") extra.cancellation = { ...r.cancellation };
  return {
    id: r.id,
    owner: r.owner,
    status: r.status,
    country: r.details.country,
    kind: r.details.kind,
    ...(r.source
      ? { source: { planRequest: r.source.planRequest, sortie: r.source.sortie, latestFilingAt: iso(r.source.latestFilingAt) } }
      : {}),
    details: detailsData(r.details) as Json,
    ...(r.submittedAt === undefined ? {} : { submittedAt: iso(r.submittedAt) }),
    ...(extra as Pick<z.infer<typeof clearanceSchema>, "clearance" | "used" | "denial" | "amendment" | "cancellation">),
    ...tail(deps, actor, "clearance_request", r, history),
  };
}

/** A movement on the wire; `persons` (when given) lists the passengers as the caller may see them. */
export function presentMovement(
  deps: ServerDeps,
  actor: Actor,
  m: Movement,
  options: { persons?: ReadonlyMap<string, Person>; history?: HistoryEntry[] } = {},
): z.infer<typeof movementSchema> {
  const persons = options.persons;
  return {
    id: m.id,
    owner: m.owner,
    status: m.status,
    kind: m.details.kind,
    from: m.details.from,
    to: m.details.to,
    departAt: iso(m.details.departAt),
    arriveAt: iso(m.details.arriveAt),
    ...(m.details.planRef === undefined ? {} : { planRef: m.details.planRef }),
    clearances: [...m.details.clearances],
    plannedPassengers: m.details.plannedPassengers,
    manifest: {
      passengers: m.manifest.persons.length,
      ...(persons
        ? {
            persons: m.manifest.persons.flatMap((id) => {
              const p = persons.get(id);
              const view = p ? presentPerson(actor, p, deps.settings) : undefined;
              return view ? [view as unknown as Json] : [];
            }),
          }
        : {}),
      items: m.manifest.items.map((i) => ({ cargo: i.cargo, quantity: i.quantity })),
      pallets: [...m.manifest.pallets],
      ...(m.manifest.payloadKg === undefined ? {} : { payloadKg: m.manifest.payloadKg }),
    },
    ...(m.status === "departed" || m.status === "arrived" ? { departedAt: iso(m.departedAt) } : {}),
    ...(m.status === "arrived" ? { arrivedAt: iso(m.arrivedAt) } : {}),
    ...(m.status === "cancelled" ? { cancellation: { ...m.cancellation } } : {}),
    ...tail(deps, actor, "movement", m, options.history),
  };
}

/** A person as the caller may see them (document number and unit only where the policy allows). */
export function presentPersonRecord(
  deps: ServerDeps,
  actor: Actor,
  p: Person,
  options: { presence?: Presence; history?: HistoryEntry[] } = {},
): z.infer<typeof personSchema> {
  const view = presentPerson(actor, p, deps.settings) ?? { id: p.id, name: "", nationality: "" };
  const pr = options.presence;
  return {
    ...(view as { id: string; name: string; nationality: string; unit?: string; documentNumber?: string; group?: string; erased?: true }),
    owner: p.owner,
    ...(pr
      ? {
          presence: {
            status: pr.status,
            ...(pr.site === undefined ? {} : { site: pr.site }),
            ...(pr.since === undefined ? {} : { since: iso(pr.since) }),
          },
        }
      : {}),
    ...tail(deps, actor, "person", p, options.history),
  };
}

/** An entry, transfer or exit on the wire (persons by id). */
export function presentPersonnelEvent(e: PersonnelEvent): z.infer<typeof personnelEventSchema> {
  return {
    id: e.id,
    person: e.person,
    kind: e.kind,
    site: e.site,
    at: iso(e.at),
    ...(e.movement === undefined ? {} : { movement: e.movement }),
  };
}

/** A cargo disposition on the wire. */
export function presentDisposition(
  deps: ServerDeps,
  actor: Actor,
  d: CargoDisposition,
  history?: HistoryEntry[],
): z.infer<typeof dispositionSchema> {
  return {
    cargo: d.cargo,
    owner: d.owner,
    site: d.site,
    description: d.description,
    quantity: d.quantity,
    intended: d.intended,
    withdrawn: d.withdrawn.map((w) => ({ ...w })),
    handedOver: d.handedOver.map((h) => ({ ...h })),
    disposed: d.disposed.map((x) => ({ ...x })),
    remaining: remaining(d),
    status: dispositionStatus(d),
    ...tail(deps, actor, "cargo_disposition", d, history),
  };
}

/** A handover list on the wire. */
export function presentHandoverList(
  deps: ServerDeps,
  actor: Actor,
  l: HandoverList,
  history?: HistoryEntry[],
): z.infer<typeof handoverListSchema> {
  return {
    id: l.id,
    owner: l.owner,
    recipient: l.recipient,
    site: l.site,
    lines: l.lines.map((x) => ({ ...x })),
    digest: l.digest,
    status: l.status,
    signatures: l.signatures.map((s) => ({ party: s.party, by: s.by, at: iso(s.at) })),
    ...(l.cancellation ? { cancellation: { ...l.cancellation } } : {}),
    ...tail(deps, actor, "handover_list", l, history),
  };
}

/** A user account on the wire (never its password hash). */
export function presentUser(deps: ServerDeps, actor: Actor, u: User): z.infer<typeof userSchema> {
  return {
    id: u.id,
    party: u.party,
    username: u.username,
    roles: rolesOf(u),
    disabled: u.disabled === 1,
    createdAt: u.created_at,
    ...tail(deps, actor, "user", { owner: u.party, version: u.version }),
  };
}

/**
 * A plan version on the wire. `publishedAt` is given as the caller has it (the stored ISO text,
 * or the workflow's instant formatted); `plan` only when one version is read alone.
 */
export function presentPlanVersion(
  deps: ServerDeps,
  actor: Actor,
  v: PlanVersion,
  options: { readonly publishedAt: string; readonly version: number; readonly summary: Json; readonly plan?: Plan | undefined },
): z.infer<typeof planVersionSchema> {
  return {
    id: v.id,
    number: v.number,
    scenario: v.scenario,
    digest: v.digest,
    publishedAt: options.publishedAt,
    publishedBy: v.publishedBy,
    status: v.status,
    ...(v.note === undefined ? {} : { note: v.note }),
    summary: options.summary,
    ...tail(deps, actor, "plan_version", { owner: v.owner, version: options.version }),
    ...(options.plan === undefined ? {} : { plan: options.plan as unknown as Json }),
  };
}
