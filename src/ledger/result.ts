/**
 * Outcomes of ledger checks as plain values: a proof or signature that fails to verify is an
 * expected event at the boundary, not a bug, so verifiers return these instead of throwing.
 */

/** A stable, machine-readable failure id such as `ledger.inclusion.root_mismatch`. */
export type LedgerErrorCode = `ledger.${string}`;

/** Why a check failed: `code` is stable for programs, `reason` is for people. */
export interface Failure {
  readonly ok: false;
  readonly code: LedgerErrorCode;
  readonly reason: string;
}

/**
 * A check that either passes or fails with a reason.
 *
 * @example
 * const v: Verdict = verifyInclusion(leaf, 0, 1, [], leaf);
 * if (!v.ok) console.log(v.code, v.reason);
 */
export type Verdict = { readonly ok: true } | Failure;

/**
 * A computation that yields a value or fails with a reason.
 *
 * @example
 * const r: Result<number> = ok(3);
 * if (r.ok) r.value; // 3
 */
export type Result<T> = { readonly ok: true; readonly value: T } | Failure;

/** The passing verdict, shared because it carries nothing. */
export const PASS: Verdict = Object.freeze({ ok: true as const });

/**
 * Wraps a value as a successful result.
 *
 * @example
 * ok("drawdown.commission/niger-2024"); // { ok: true, value: "drawdown.commission/niger-2024" }
 */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/**
 * Builds a failure with a stable code and a human reason.
 *
 * @example
 * fail("ledger.checkpoint.malformed", "the tree size has a leading zero");
 */
export function fail(code: LedgerErrorCode, reason: string): Failure {
  return { ok: false, code, reason };
}
