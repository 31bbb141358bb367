import { z } from "zod";

/**
 * Branded ids of the workflow objects. A movement id passed where a person id is expected is a
 * compile error; the schemas check the wire form (same alphabet as the domain's ids).
 */
const idPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const idOf = <B extends string>(what: string) =>
  z
    .string()
    .max(128)
    .regex(idPattern, `${what} id: letters, digits and . _ : - only, starting with a letter or digit`)
    .brand<B>();

/** A user of the system (one person at a desk of one party). */
export const userIdSchema = idOf<"UserId">("user");
/** A party of the agreement by its code, e.g. `US` or `NE` (as `agreement.parties[].code`). */
export const partyCodeSchema = z
  .string()
  .regex(/^[A-Z]{2,3}$/, "a short code in capitals, e.g. US or NE")
  .brand<"PartyCode">();
/** A clearance request. */
export const clearanceRequestIdSchema = idOf<"ClearanceRequestId">("clearance request");
/** A movement (sortie, convoy or airline departure). */
export const movementIdSchema = idOf<"MovementId">("movement");
/** A person: the only way a person appears outside the person record. */
export const personIdSchema = idOf<"PersonId">("person");
/** One entry, transfer or exit. */
export const personnelEventIdSchema = idOf<"PersonnelEventId">("personnel event");
/** A handover list. */
export const handoverListIdSchema = idOf<"HandoverListId">("handover list");
/** A published plan version. */
export const planVersionIdSchema = idOf<"PlanVersionId">("plan version");

/** Id of a user. */
export type UserId = z.output<typeof userIdSchema>;
/** Code of a party. */
export type PartyCode = z.output<typeof partyCodeSchema>;
/** Id of a clearance request. */
export type ClearanceRequestId = z.output<typeof clearanceRequestIdSchema>;
/** Id of a movement. */
export type MovementId = z.output<typeof movementIdSchema>;
/** Id of a person. */
export type PersonId = z.output<typeof personIdSchema>;
/** Id of an entry, transfer or exit. */
export type PersonnelEventId = z.output<typeof personnelEventIdSchema>;
/** Id of a handover list. */
export type HandoverListId = z.output<typeof handoverListIdSchema>;
/** Id of a plan version. */
export type PlanVersionId = z.output<typeof planVersionIdSchema>;

/**
 * An injected id generator: the pure core never invents ids itself (no randomness), the server
 * passes a generator (UUIDs, a sequence) and tests pass a counter.
 *
 * @example
 * let n = 0;
 * const ids: IdSource = () => `id-${++n}`;
 */
export type IdSource = () => string;

/**
 * A counter-based {@link IdSource}: `prefix-1`, `prefix-2`, … Deterministic, for tests and tools.
 *
 * @example
 * const next = counterIds("cr"); next(); // "cr-1"
 */
export function counterIds(prefix: string, start = 1): IdSource {
  let n = start - 1;
  return () => `${prefix}-${++n}`;
}

/** Brands a string as an id after the caller has validated it (or generated it). */
export const asUserId = (s: string): UserId => s as UserId;
/** Brands a party code; see {@link asUserId}. */
export const asPartyCode = (s: string): PartyCode => s as PartyCode;
/** Brands a clearance request id; see {@link asUserId}. */
export const asClearanceRequestId = (s: string): ClearanceRequestId => s as ClearanceRequestId;
/** Brands a movement id; see {@link asUserId}. */
export const asMovementId = (s: string): MovementId => s as MovementId;
/** Brands a person id; see {@link asUserId}. */
export const asPersonId = (s: string): PersonId => s as PersonId;
/** Brands a personnel event id; see {@link asUserId}. */
export const asPersonnelEventId = (s: string): PersonnelEventId => s as PersonnelEventId;
/** Brands a handover list id; see {@link asUserId}. */
export const asHandoverListId = (s: string): HandoverListId => s as HandoverListId;
/** Brands a plan version id; see {@link asUserId}. */
export const asPlanVersionId = (s: string): PlanVersionId => s as PlanVersionId;
