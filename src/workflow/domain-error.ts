import type { JsonValue } from "#ledger/canonical-json.ts";

/**
 * A stable, machine-readable reason a command was refused, such as `clearance.not_submittable`.
 * The first segment names the object kind; the server maps codes to HTTP statuses, the UI and
 * CLI translate `errors.<code>`.
 */
export type DomainErrorCode = `${string}.${string}`;

/**
 * A refused command as a value: `code` is for programs, `message` for people, `details` carries
 * the figures behind the refusal (e.g. the latest filing time) for the UI to show.
 */
export interface DomainError {
  readonly code: DomainErrorCode;
  readonly message: string;
  readonly details?: { readonly [key: string]: JsonValue };
}

/**
 * Builds a {@link DomainError}.
 *
 * @example
 * domainError("clearance.not_submittable", "only a draft can be submitted; this request is approved");
 */
export function domainError(
  code: DomainErrorCode,
  message: string,
  details?: { readonly [key: string]: JsonValue },
): DomainError {
  return details === undefined ? { code, message } : { code, message, details };
}
