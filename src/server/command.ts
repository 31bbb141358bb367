/**
 * How commands run: one transaction that writes the new state, the workflow events and their
 * ledger leaves together; after the commit, a checkpoint signed by the log operator (and, in
 * the demo setting, cosigned by both parties). A failure after the commit is logged, never
 * reported as a failure of the committed decision.
 */
import type { Kysely } from "kysely";
import type { Instant } from "#domain/time.ts";
import { inTransaction } from "#store/transaction.ts";
import type { Actor, Context, Role } from "#workflow/actor.ts";
import type { WorkflowEvent } from "#workflow/event.ts";
import type { Transition } from "#workflow/transition.ts";
import type { DB } from "#store/schema.ts";
import { instantOf } from "./clock.ts";
import type { ServerDeps } from "./deps.ts";
import { fromDomainError } from "./http-error.ts";

/** One command's transaction: the store and the events to record with it. */
export interface UnitOfWork {
  readonly trx: Kysely<DB>;
  /** The wall-clock time of the command. */
  readonly now: Date;
  /** The workflow's context: the actor and the time in whole minutes. */
  readonly ctx: Context;
  /** Queues an event for the ledger (recorded at the end of the transaction, in order). */
  record(event: WorkflowEvent): void;
}

/**
 * The successful transition's next state, with its event queued; a refusal is thrown as an
 * HttpError (403, 409 or 422 by its code), which rolls the transaction back.
 *
 * @example
 * const next = accepted(uow, approve(request, body, uow.ctx));
 */
export function accepted<S>(uow: UnitOfWork, result: Transition<S>): S {
  if (!result.ok) throw fromDomainError(result.error);
  uow.record(result.event);
  return result.next;
}

/**
 * Runs `fn` as one command of `actor`. Returns what `fn` returns.
 *
 * @example
 * const next = await runCommand(deps, actor, async (uow) => { … });
 */
export async function runCommand<T>(deps: ServerDeps, actor: Actor, fn: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  const now = deps.clock.now();
  const { value, recorded } = await inTransaction(deps.db, async (trx) => {
    const events: WorkflowEvent[] = [];
    const uow: UnitOfWork = {
      trx,
      now,
      ctx: { actor, now: instantOf(now) as Instant },
      record: (e) => {
        events.push(e);
      },
    };
    const value = await fn(uow);
    await deps.ledger.record(trx, events);
    return { value, recorded: events.length };
  });
  if (recorded > 0) await afterCommit(deps);
  return value;
}

/** Signs a checkpoint of the new size; in the demo setting cosigns it for both parties. */
export async function afterCommit(deps: ServerDeps): Promise<void> {
  try {
    const size = await deps.ledger.signCheckpoint(deps.db);
    if (size !== undefined && deps.autoCosign) {
      for (const party of deps.ledger.keys.parties.keys()) {
        await deps.ledger.cosign(deps.db, size, party).catch((e: unknown) => {
          // Another request may have cosigned this size in between: nothing to do.
          if (!(e instanceof Error && "code" in e && e.code === "checkpoint.already_cosigned")) throw e;
        });
      }
    }
  } catch (error) {
    deps.logger.error("ledger.checkpoint_failed", { message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * The system actor through which the server acts on its own (marking a movement cleared as the
 * movement's planner, expiring a clearance as the host's administrator).
 */
export function systemActor(party: Actor["party"], side: Actor["side"], roles: readonly Role[] = ["movement_planner"]): Actor {
  return { id: "system" as Actor["id"], party, side, roles };
}
