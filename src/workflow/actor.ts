import { z } from "zod";
import type { Instant } from "#domain/time.ts";
import { type PartyCode, partyCodeSchema, type UserId, userIdSchema } from "./ids.ts";

/** The roles a user may hold; a user may hold several. */
export const ROLES = ["movement_planner", "clearance_officer", "commission_member", "observer", "administrator"] as const;
/** The roles as a schema, for session and user bodies. */
export const roleSchema = z.enum(ROLES);
/** One role. */
export type Role = z.output<typeof roleSchema>;

/** Which side of the agreement a party is on (as `agreement.parties[].role`). */
export const PARTY_SIDES = ["departing", "host"] as const;
/** The sides as a schema. */
export const partySideSchema = z.enum(PARTY_SIDES);
/** One side: `departing` or `host`. */
export type PartySide = z.output<typeof partySideSchema>;

/** Who acts: a user of one party with roles. The server builds it from the session. */
export const actorSchema = z.strictObject({
  id: userIdSchema,
  party: partyCodeSchema,
  side: partySideSchema,
  roles: z.array(roleSchema),
});

/**
 * The acting user. `party` is the user's party code; `side` says whether that party departs or hosts,
 * which is what the policy's two-party rules look at.
 */
export interface Actor {
  readonly id: UserId;
  readonly party: PartyCode;
  readonly side: PartySide;
  readonly roles: readonly Role[];
}

/**
 * What every transition gets besides the state and the command: who acts and when. Time is an
 * argument, never read from a clock, so every transition is a pure function.
 */
export interface Context {
  readonly actor: Actor;
  readonly now: Instant;
}
