/**
 * The store's one exception type. It is thrown (not returned) because a throw inside
 * `inTransaction` is what rolls the transaction back; the server maps `code` to a status.
 */

/** Stable, machine-readable reasons the store refuses something. */
export type StoreErrorCode =
  | "store.bad_url"
  | "store.unreachable"
  | "store.unsafe_settings"
  | "store.migration_failed"
  | "store.ledger_gap"
  | "store.ledger_duplicate"
  | "store.duplicate"
  | "store.backup_refused"
  | "store.restore_refused"
  | "store.unsupported";

/**
 * A refusal by the store with a stable `code` and a message for people.
 *
 * @example
 * try { await appendLeaves(trx, leaves); }
 * catch (e) { if (e instanceof StoreError && e.code === "store.ledger_gap") … }
 */
export class StoreError extends Error {
  override readonly name = "StoreError";

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * True when `error` is a unique or primary-key violation, from either engine's driver.
 *
 * @example
 * catch (e) { if (isUniqueViolation(e)) throw new StoreError("store.duplicate", "…", { cause: e }); }
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  const code = error.code;
  // PostgreSQL: SQLSTATE 23505; better-sqlite3: extended result codes.
  return code === "23505" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE";
}
