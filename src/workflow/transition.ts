import type { JsonValue } from "#ledger/canonical-json.ts";
import { type DomainError, type DomainErrorCode, domainError } from "./domain-error.ts";
import type { WorkflowEvent } from "./event.ts";

/**
 * The outcome of one command on one object: the next state and the ledger event, or a refusal.
 * The input state is never modified.
 *
 * @example
 * const r = submit(request, {}, ctx);
 * if (r.ok) save(r.next, r.event); else reply(r.error.code);
 */
export type Transition<S> =
  | { readonly ok: true; readonly next: S; readonly event: WorkflowEvent }
  | { readonly ok: false; readonly error: DomainError };

/** A refusal, typed for any state. */
export type Refusal = { readonly ok: false; readonly error: DomainError };

/**
 * Wraps a successful transition.
 *
 * @example
 * return accept(next, event);
 */
export function accept<S>(next: S, event: WorkflowEvent): Transition<S> {
  return { ok: true, next, event };
}

/**
 * A refusal with a stable code and a human message.
 *
 * @example
 * return refuse("movement.manifest_frozen", "movement S12 has departed: its manifest is frozen");
 */
export function refuse(
  code: DomainErrorCode,
  message: string,
  details?: { readonly [key: string]: JsonValue },
): Refusal {
  return { ok: false, error: domainError(code, message, details) };
}

/** Lifts a {@link DomainError} (e.g. from the policy) into a refusal. */
export function refusal(error: DomainError): Refusal {
  return { ok: false, error };
}
