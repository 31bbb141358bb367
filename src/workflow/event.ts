import type { JsonValue } from "#ledger/canonical-json.ts";
import { formatInstant } from "#domain/time.ts";
import type { Context } from "./actor.ts";
import type { PartyCode, UserId } from "./ids.ts";
import type { ResourceType } from "./policy.ts";

/** JSON object data of an event, as canonical JSON accepts it (no `undefined`, no Dates). */
export type EventData = { readonly [key: string]: JsonValue };

/**
 * The ledger-ready record of one decision: what happened (`type`) to which object, who did it, for
 * which party, when, and the decision's data. It is plain JSON so its canonical form can be a leaf.
 * It never carries personal data: persons appear by id only.
 */
export interface WorkflowEvent {
  /** `<kind>.<what happened>`, e.g. `clearance.approved`. */
  readonly type: `${string}.${string}`;
  readonly objectType: ResourceType;
  readonly objectId: string;
  /** The object's version after this event (1 for a creation); the store's optimistic-lock value. */
  readonly objectVersion: number;
  readonly actorId: UserId;
  readonly actorParty: PartyCode;
  /** ISO 8601 UTC instant (whole minutes) at which the decision was taken. */
  readonly at: string;
  readonly data: EventData;
}

/**
 * Builds an event from the context (actor and time) and the decision's data.
 *
 * @example
 * makeEvent(ctx, "clearance.denied", "clearance_request", "CR-1", 3, { reason: "airspace closed" });
 */
export function makeEvent(
  ctx: Context,
  type: `${string}.${string}`,
  objectType: ResourceType,
  objectId: string,
  objectVersion: number,
  data: EventData,
): WorkflowEvent {
  return {
    type,
    objectType,
    objectId,
    objectVersion,
    actorId: ctx.actor.id,
    actorParty: ctx.actor.party,
    at: formatInstant(ctx.now),
    data,
  };
}

/**
 * `{ [key]: value }` when the value is defined, `{}` otherwise: canonical JSON has no `undefined`,
 * so optional fields are left out of event data rather than set to undefined.
 *
 * @example
 * ({ reason: "x", ...maybe("note", undefined) }); // { reason: "x" }
 */
export function maybe<K extends string, V extends JsonValue>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
