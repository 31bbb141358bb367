import { type Actor, ROLES, type Role } from "./actor.ts";
import { type DomainError, domainError } from "./domain-error.ts";
import type { PartyCode } from "./ids.ts";
import { DEFAULT_SETTINGS, type WorkflowSettings } from "./settings.ts";

/**
 * Who may do what to which object, as data (Outline style): one `allow` row per grant, nothing
 * allowed unless a row says so. Conditions see the actor (party, side) and the object's owning
 * party, plus the agreement's disclosure settings. Transitions call {@link authorize}; the server
 * sends {@link abilities} with each payload so the UI never re-implements a rule.
 */

/** Every resource and the actions that exist on it. */
export const RESOURCE_ACTIONS = {
  clearance_request: [
    "read",
    "create",
    "update",
    "submit",
    "resubmit",
    "accept_amendment",
    "cancel",
    "record_use",
    "approve",
    "deny",
    "amend",
    "expire",
  ],
  movement: ["read", "create", "update", "schedule", "mark_cleared", "record_manifest", "depart", "arrive", "cancel"],
  person: ["read", "read_personal", "create", "update", "erase"],
  personnel_event: ["read", "record_entry", "record_exit", "record_transfer"],
  cargo_disposition: ["read", "create", "record_withdrawal", "record_disposal", "record_handover"],
  handover_list: ["read", "create", "update", "sign", "cancel"],
  plan_version: ["read", "publish"],
  checkpoint: ["read", "cosign"],
  user: ["read", "manage"],
} as const satisfies Record<string, readonly string[]>;

/** The kinds of object the policy covers. */
export type ResourceType = keyof typeof RESOURCE_ACTIONS;
/** The actions on one kind of object. */
export type ActionOf<R extends ResourceType> = (typeof RESOURCE_ACTIONS)[R][number];
/** Any action on any object. */
export type Action = ActionOf<ResourceType>;

/** The resource kinds, in the table's order. */
export const RESOURCE_TYPES = Object.keys(RESOURCE_ACTIONS) as ResourceType[];

/** An object as the policy sees it: its kind and the party that owns it (files it, registered it). */
export interface Resource<R extends ResourceType = ResourceType> {
  readonly type: R;
  readonly owner: PartyCode;
}

/** What a condition looks at. */
export interface PolicySubject {
  readonly actor: Actor;
  readonly resource: Resource;
  readonly settings: WorkflowSettings;
}

/** A named predicate; the name makes the table readable when printed. */
export interface Condition {
  readonly name: string;
  readonly test: (s: PolicySubject) => boolean;
}

/** One row of the table: these roles may do these actions on this resource when the condition holds. */
export interface PolicyRule {
  readonly roles: readonly Role[];
  readonly actions: readonly Action[];
  readonly resource: ResourceType;
  readonly condition: Condition;
}

const cond = (name: string, test: (s: PolicySubject) => boolean): Condition => ({ name, test });

/** Always true. */
export const always = cond("always", () => true);
/** The object belongs to the actor's own party. */
export const ownParty = cond("own party", (s) => s.actor.party === s.resource.owner);
/** The object belongs to the other party. */
export const otherParty = cond("other party", (s) => s.actor.party !== s.resource.owner);
/** The actor is on the host's side. */
export const actorIsHost = cond("actor is host", (s) => s.actor.side === "host");
/** The actor is on the departing side. */
export const actorIsDeparting = cond("actor is departing", (s) => s.actor.side === "departing");
/** The agreement lets the host see document numbers. */
export const hostSeesDocumentNumbers = cond("agreement discloses document numbers", (s) => s.settings.hostSeesDocumentNumbers);

/** All conditions hold. */
export function all(...cs: readonly Condition[]): Condition {
  return cond(cs.map((c) => c.name).join(" and "), (s) => cs.every((c) => c.test(s)));
}

/**
 * One row of the policy table.
 *
 * @example
 * allow(["clearance_officer"], ["approve", "deny", "amend"], "clearance_request", all(actorIsHost, otherParty));
 */
export function allow<R extends ResourceType>(
  roles: readonly Role[] | "any role",
  actions: readonly ActionOf<R>[],
  resource: R,
  condition: Condition = always,
): PolicyRule {
  return { roles: roles === "any role" ? ROLES : roles, actions, resource, condition };
}

/** Actions on a clearance request that are the host's decisions. */
export const DECISIONS = ["approve", "deny", "amend"] as const satisfies readonly ActionOf<"clearance_request">[];

/**
 * The policy table. Reading is open to every role of both parties on the joint record ("complete
 * transparency"); personal data is the exception (see `read_personal`). The two-party rules:
 * only the host's clearance officers decide on clearance requests and never on their own party's;
 * the departing party's planners draft, submit and cancel their own.
 */
export const POLICY: readonly PolicyRule[] = [
  allow("any role", ["read"], "clearance_request"),
  allow(
    ["movement_planner"],
    ["create", "update", "submit", "resubmit", "accept_amendment", "cancel", "record_use"],
    "clearance_request",
    all(ownParty, actorIsDeparting),
  ),
  allow(["clearance_officer"], DECISIONS, "clearance_request", all(actorIsHost, otherParty)),
  // Expiry is a consequence of time, not a decision; the server's sweep runs it as either party's officer or admin.
  allow(["clearance_officer", "administrator"], ["expire"], "clearance_request"),

  allow("any role", ["read"], "movement"),
  allow(
    ["movement_planner"],
    ["create", "update", "schedule", "mark_cleared", "record_manifest", "depart", "arrive", "cancel"],
    "movement",
    ownParty,
  ),

  // `read` shows the limited view (no document numbers); `read_personal` the whole record.
  allow("any role", ["read"], "person"),
  allow(["movement_planner", "clearance_officer", "commission_member", "administrator"], ["read_personal"], "person", ownParty),
  allow(
    ["clearance_officer", "commission_member"],
    ["read_personal"],
    "person",
    all(otherParty, actorIsHost, hostSeesDocumentNumbers),
  ),
  allow(["movement_planner"], ["create", "update", "erase"], "person", ownParty),

  allow("any role", ["read"], "personnel_event"),
  allow(["movement_planner"], ["record_entry", "record_exit", "record_transfer"], "personnel_event", ownParty),

  allow("any role", ["read"], "cargo_disposition"),
  allow(
    ["movement_planner"],
    ["create", "record_withdrawal", "record_disposal", "record_handover"],
    "cargo_disposition",
    ownParty,
  ),

  allow("any role", ["read"], "handover_list"),
  allow(["movement_planner"], ["create", "update", "cancel"], "handover_list", ownParty),
  // Each party's commission member signs for their own party; the transition puts the signature in that party's slot.
  allow(["commission_member"], ["sign"], "handover_list"),

  allow("any role", ["read"], "plan_version"),
  allow(["movement_planner", "commission_member"], ["publish"], "plan_version", all(ownParty, actorIsDeparting)),

  allow("any role", ["read"], "checkpoint"),
  // A checkpoint's cosignature slot belongs to a party: only that party's commission member signs with its key.
  allow(["commission_member"], ["cosign"], "checkpoint", ownParty),

  allow(["administrator"], ["read", "manage"], "user", ownParty),
];

/** True when `action` exists on resources of `type`. */
export function isActionOf<R extends ResourceType>(type: R, action: string): action is ActionOf<R> {
  return (RESOURCE_ACTIONS[type] as readonly string[]).includes(action);
}

/**
 * Whether the actor may do the action on the object.
 *
 * @example
 * can(hostOfficer, "approve", { type: "clearance_request", owner: asPartyCode("US") }); // true
 * can(usOfficer, "approve", { type: "clearance_request", owner: asPartyCode("US") }); // false: own party
 */
export function can(
  actor: Actor,
  action: Action,
  resource: Resource,
  settings: WorkflowSettings = DEFAULT_SETTINGS,
): boolean {
  if (!isActionOf(resource.type, action)) return false;
  const subject: PolicySubject = { actor, resource, settings };
  return POLICY.some(
    (rule) =>
      rule.resource === resource.type &&
      rule.actions.includes(action) &&
      rule.roles.some((r) => actor.roles.includes(r)) &&
      rule.condition.test(subject),
  );
}

/**
 * Every action the actor may take on the object, in the table's order: sent with each payload.
 *
 * @example
 * abilities(usPlanner, { type: "clearance_request", owner: us }); // ["read", "create", "update", "submit", …]
 */
export function abilities<R extends ResourceType>(
  actor: Actor,
  resource: Resource<R>,
  settings: WorkflowSettings = DEFAULT_SETTINGS,
): ActionOf<R>[] {
  const actions: readonly ActionOf<R>[] = RESOURCE_ACTIONS[resource.type];
  return actions.filter((a) => can(actor, a, resource, settings));
}

/**
 * `undefined` when allowed, otherwise a `policy.forbidden` error naming who tried what.
 *
 * @example
 * const denied = authorize(ctx.actor, "submit", { type: "clearance_request", owner: req.owner });
 * if (denied) return refusal(denied);
 */
export function authorize(
  actor: Actor,
  action: Action,
  resource: Resource,
  settings: WorkflowSettings = DEFAULT_SETTINGS,
): DomainError | undefined {
  if (can(actor, action, resource, settings)) return undefined;
  const roles = actor.roles.length > 0 ? actor.roles.join(", ") : "no role";
  return domainError(
    "policy.forbidden",
    `a user of ${actor.party} (${actor.side}; ${roles}) may not ${action.replaceAll("_", " ")} a ${resource.type.replaceAll("_", " ")} of ${resource.owner}`,
    { action, resource: resource.type, owner: resource.owner },
  );
}
