/**
 * Whether the server lets the caller take an action. The rule is always the server's: an object
 * carries its own `abilities`; for an action before any object exists ("publish a plan"), the
 * table of `GET /api/abilities` says what the caller may do to a party's objects of a kind.
 */
import type { Abilities } from "../api/contract.ts";

/** An object as the API sends it, with the caller's abilities on it. */
export interface WithAbilities {
  readonly abilities: readonly string[];
}

/** A kind of object of a party, for actions that create one. */
export interface ResourceRef {
  readonly type: string;
  readonly owner: string;
}

/** What an action is taken on. */
export type AbilityTarget = WithAbilities | ResourceRef;

/**
 * Whether `action` is allowed on `target`; false while the table is not loaded.
 *
 * @example
 * allows(clearance, "approve", table);                              // from the object
 * allows({ type: "plan_version", owner: "US" }, "publish", table);  // from the table
 */
export function allows(target: AbilityTarget, action: string, table: Abilities | undefined): boolean {
  if ("abilities" in target) return target.abilities.includes(action);
  return table?.byParty[target.owner]?.[target.type]?.includes(action) ?? false;
}
