/**
 * The shape most commands share: in one transaction, load the object, check the client's
 * version, run the workflow transition, save the next state and record its event (and let the
 * command do more in the same transaction, like clearing movements after an approval).
 */
import type { Transition } from "#workflow/transition.ts";
import type { Actor } from "#workflow/actor.ts";
import { accepted, runCommand, type UnitOfWork } from "../command.ts";
import type { ServerDeps } from "../deps.ts";
import { checkVersion } from "../persistence.ts";

/** What a one-object command needs. */
export interface ObjectStep<S extends { readonly version: number }> {
  readonly load: (uow: UnitOfWork) => Promise<S>;
  /** The version the client read (If-Match). */
  readonly expectedVersion: number;
  readonly transition: (state: S, uow: UnitOfWork) => Transition<S>;
  readonly save: (uow: UnitOfWork, previous: S, next: S) => Promise<void>;
  /** More work in the same transaction, after the save. */
  readonly after?: (uow: UnitOfWork, next: S) => Promise<void>;
}

/**
 * Runs one transition on one object as a command of `actor`.
 *
 * @example
 * const next = await stepObject(deps, actor, { load, expectedVersion, transition: (r, uow) => deny(r, body, uow.ctx), save });
 */
export async function stepObject<S extends { readonly version: number }>(
  deps: ServerDeps,
  actor: Actor,
  step: ObjectStep<S>,
): Promise<S> {
  return runCommand(deps, actor, async (uow) => {
    const state = await step.load(uow);
    checkVersion(state.version, step.expectedVersion);
    const next = accepted(uow, step.transition(state, uow));
    await step.save(uow, state, next);
    await step.after?.(uow, next);
    return next;
  });
}
