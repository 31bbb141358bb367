/**
 * Durability checks run at startup: a 2xx response promises the change is on disk, so the
 * store refuses to start on settings that would break that promise. Pure functions over the
 * settings as read, so tests can feed them any value.
 */

/** SQLite settings as read back with PRAGMA after setting them. */
export interface SqliteSettings {
  /** `PRAGMA journal_mode`, e.g. `wal`. */
  readonly journalMode: string;
  /** `PRAGMA synchronous`: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA. */
  readonly synchronous: number;
  /** `PRAGMA foreign_keys`: 0 or 1. */
  readonly foreignKeys: number;
}

/** PostgreSQL settings as returned by `SHOW` (text values). */
export interface PostgresSettings {
  readonly fsync: string;
  readonly synchronous_commit: string;
  readonly full_page_writes: string;
}

/** `PRAGMA synchronous = FULL`. */
export const SQLITE_SYNCHRONOUS_FULL = 2;

/**
 * Lists what is unsafe in SQLite settings; empty when all is well.
 *
 * @example
 * checkSqliteSettings({ journalMode: "delete", synchronous: 2, foreignKeys: 1 });
 * // ["journal_mode is delete, not wal: …"]
 */
export function checkSqliteSettings(s: SqliteSettings): string[] {
  const problems: string[] = [];
  if (s.journalMode.toLowerCase() !== "wal") {
    problems.push(
      `journal_mode is ${s.journalMode}, not wal: the CLI and the server could not share the file safely (is the data directory on a network or in-memory file system?)`,
    );
  }
  if (s.synchronous < SQLITE_SYNCHRONOUS_FULL) {
    problems.push(`synchronous is ${s.synchronous}, below FULL (2): a committed change could be lost on power failure`);
  }
  if (s.foreignKeys !== 1) problems.push("foreign_keys is off: references between rows would not be enforced");
  return problems;
}

/**
 * Lists what is unsafe in PostgreSQL settings; empty when all is well.
 *
 * @example
 * checkPostgresSettings({ fsync: "off", synchronous_commit: "on", full_page_writes: "on" });
 * // ["fsync is off: …"]
 */
export function checkPostgresSettings(s: PostgresSettings): string[] {
  const problems: string[] = [];
  if (s.fsync.toLowerCase() !== "on") {
    problems.push("fsync is off: a crash could lose committed changes or corrupt the database");
  }
  if (s.synchronous_commit.toLowerCase() === "off") {
    problems.push("synchronous_commit is off: a commit could be reported before it is on disk");
  }
  if (s.full_page_writes.toLowerCase() !== "on") {
    problems.push("full_page_writes is off: a crash during a page write could corrupt the database");
  }
  return problems;
}
