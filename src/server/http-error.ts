/**
 * The one exception with a response (Hono's habit): thrown anywhere in a handler or command,
 * turned into `application/problem+json` by the central error handler. Domain refusals become
 * HttpErrors through `fromDomainError`, which owns the code → status table.
 */
import type { DomainError } from "#workflow/domain-error.ts";

/** A field that failed validation: its JSON path (`$.details.crew`) and why. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/** Extra members of a problem body. */
export type ProblemExtras = Readonly<Record<string, unknown>>;

/**
 * An error that is an HTTP answer.
 *
 * @example
 * throw new HttpError(404, "clearance.not_found", "No such clearance request", `no clearance request ${id}`);
 */
export class HttpError extends Error {
  override readonly name = "HttpError";

  constructor(
    readonly status: number,
    /** Stable machine id, e.g. `clearance.not_decidable`. */
    readonly code: string,
    /** Short, fixed summary of the problem type. */
    readonly title: string,
    /** What happened in this case, for people. Never a stack, SQL or path. */
    readonly detail?: string,
    readonly extras: ProblemExtras = {},
    /** Extra response headers (Retry-After, ETag…). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail ?? title);
  }
}

/** 404 for an object that does not exist. */
export function notFound(kind: string, id: string): HttpError {
  return new HttpError(404, `${kind}.not_found`, "Not found", `no ${kind.replaceAll("_", " ")} ${id}`);
}

/** 409 for a stale version, with the current one. */
export function versionConflict(current: number): HttpError {
  return new HttpError(
    409,
    "conflict.version",
    "The object changed since you read it",
    `the object is at version ${current}: reload it and try again`,
    { currentVersion: current },
    { ETag: `"${current}"` },
  );
}

// Refusals that say the object is not in a state for this command: the client's copy is stale
// or the command is out of order, so 409; other refusals are about the request's content (422).
const CONFLICT =
  /\.(not_[a-z]+able|not_amended|not_approved|not_in_country|already_[a-z_]+|used|manifest_frozen|unchanged|still_valid|clearances_pending|handover_already_recorded|handover_not_final|clearance_not_valid|movement_not_(departed|arrived)|still_in_country)$/;
const FORBIDDEN = new Set(["policy.forbidden", "clearance.own_party_decision", "handover.not_a_party"]);

/**
 * The HTTP status of a domain refusal code.
 *
 * @example
 * statusOfDomainCode("policy.forbidden"); // 403
 * statusOfDomainCode("clearance.not_decidable"); // 409
 * statusOfDomainCode("clearance.lead_time"); // 422
 */
export function statusOfDomainCode(code: string): number {
  if (FORBIDDEN.has(code)) return 403;
  if (code.endsWith(".not_found") || code.endsWith(".unknown_movement") || code.endsWith(".unknown_list")) return 404;
  if (CONFLICT.test(code)) return 409;
  return 422;
}

/**
 * A domain refusal as an HttpError.
 *
 * @example
 * if (!r.ok) throw fromDomainError(r.error);
 */
export function fromDomainError(error: DomainError): HttpError {
  const status = statusOfDomainCode(error.code);
  const title = status === 403 ? "Forbidden" : status === 409 ? "Conflict with the object's state" : "Refused";
  return new HttpError(status, error.code, title, error.message, error.details === undefined ? {} : { details: error.details });
}
