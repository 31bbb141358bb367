/**
 * Backup and restore of the embedded SQLite database (`drawdown backup <file>` and
 * `drawdown restore <file>`). PostgreSQL has its own tools for this (pg_dump, pg_restore) and
 * the store refuses rather than pretend.
 *
 * Backup uses SQLite's online backup API (better-sqlite3's `db.backup()`) through a connection
 * of its own: it copies a consistent snapshot while the server keeps running and writing.
 * Restore replaces the database file of a stopped data directory.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { type DatabaseLocation, resolveEngine } from "./engine.ts";
import { StoreError } from "./errors.ts";
import { knownMigrations } from "./migrate.ts";

/** Options of backup and restore. */
export interface CopyOptions {
  /** Replace an existing destination file (backup) or database (restore). Default false. */
  readonly overwrite?: boolean;
}

/** What a backup wrote. */
export interface BackupReport {
  readonly file: string;
  readonly bytes: number;
}

/** What a restore put in place. */
export interface RestoreReport {
  readonly file: string;
  readonly bytes: number;
  /** The migrations the restored database had applied (the next start applies newer ones). */
  readonly migrations: readonly string[];
}

const PG_BACKUP_HINT =
  'PostgreSQL is backed up with its own tools: pg_dump --format=custom --file=drawdown.dump "$DATABASE_URL", restored with pg_restore; drawdown backup and restore handle the embedded SQLite database only';

/**
 * Writes a consistent copy of the live SQLite database to `destination`, as a standalone file
 * (rollback-journal mode, no -wal beside it). The copy appears atomically: under a temporary
 * name until it is complete and checked. Refuses to replace an existing file unless
 * `overwrite` is set, and refuses for PostgreSQL (`store.unsupported`).
 *
 * @example
 * await backupDatabase({ dataDir: "data" }, "backups/drawdown-2024-09-15.sqlite");
 */
export async function backupDatabase(
  location: DatabaseLocation,
  destination: string,
  options: CopyOptions = {},
): Promise<BackupReport> {
  const target = resolveEngine(location);
  if (target.kind === "postgres") throw new StoreError("store.unsupported", PG_BACKUP_HINT);
  const dest = resolve(destination);
  if (!existsSync(target.file)) {
    throw new StoreError("store.backup_refused", `there is no database to back up at ${target.file}`);
  }
  if (dest === target.file) throw new StoreError("store.backup_refused", "the backup cannot be the database itself");
  if (existsSync(dest) && options.overwrite !== true) {
    throw new StoreError("store.backup_refused", `${dest} already exists: choose another name or allow overwriting`);
  }
  mkdirSync(dirname(dest), { recursive: true });
  const partial = `${dest}.partial-${process.pid}`;
  try {
    const source = new Database(target.file, { fileMustExist: true });
    try {
      await source.backup(partial);
    } finally {
      source.close();
    }
    const copy = new Database(partial, { fileMustExist: true });
    try {
      // A standalone file: the copy carries the WAL flag of its source, which would make readers
      // need a -shm file beside it; rollback-journal mode does not.
      copy.pragma("journal_mode = DELETE");
      assertIntact(copy, partial, "store.backup_refused");
    } finally {
      copy.close();
    }
    renameSync(partial, dest);
    fsyncDirectory(dirname(dest));
  } catch (error) {
    removeWithCompanions(partial);
    throw error;
  }
  return { file: dest, bytes: statSync(dest).size };
}

/**
 * Replaces the SQLite database of a STOPPED data directory with a backup. Refuses when the
 * backup is not an intact Drawdown database, when it has migrations this code does not know,
 * when a database exists and `overwrite` is not set, and when another process has the database
 * open. The replacement is a rename, so a crash leaves either the old database or the new one.
 * Refuses for PostgreSQL (`store.unsupported`).
 *
 * @example
 * await restoreDatabase({ dataDir: "data" }, "backups/drawdown-2024-09-15.sqlite", { overwrite: true });
 */
export async function restoreDatabase(
  location: DatabaseLocation,
  source: string,
  options: CopyOptions = {},
): Promise<RestoreReport> {
  const target = resolveEngine(location);
  if (target.kind === "postgres") throw new StoreError("store.unsupported", PG_BACKUP_HINT);
  const from = resolve(source);
  if (!existsSync(from)) throw new StoreError("store.restore_refused", `there is no backup at ${from}`);
  if (from === target.file) throw new StoreError("store.restore_refused", "the backup is the database itself");

  const migrations = inspectBackup(from);
  const exists = existsSync(target.file);
  if (exists && options.overwrite !== true) {
    throw new StoreError(
      "store.restore_refused",
      `a database already exists at ${target.file}: allow overwriting to replace it (back it up first)`,
    );
  }
  if (exists) assertNotInUse(target.file);
  for (const companion of ["-wal", "-shm", "-journal"]) {
    // Left by a crash (or by a process we could not see): SQLite would replay it onto the
    // restored file, mixing two databases.
    if (existsSync(target.file + companion)) {
      throw new StoreError(
        "store.restore_refused",
        `${target.file}${companion} exists: open the database once with drawdown (which recovers it) and stop it, or move that file away`,
      );
    }
  }

  mkdirSync(target.dataDir, { recursive: true });
  const partial = `${target.file}.restore-${process.pid}`;
  try {
    const backup = new Database(from, { readonly: true, fileMustExist: true });
    try {
      await backup.backup(partial);
    } finally {
      backup.close();
    }
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma("journal_mode = WAL");
      assertIntact(copy, partial, "store.restore_refused");
    } finally {
      copy.close();
    }
    renameSync(partial, target.file);
    fsyncDirectory(target.dataDir);
  } catch (error) {
    removeWithCompanions(partial);
    throw error;
  }
  return { file: target.file, bytes: statSync(target.file).size, migrations };
}

/** Checks a backup before it replaces anything; returns its applied migrations. */
function inspectBackup(file: string): string[] {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (cause) {
    throw new StoreError("store.restore_refused", `${file} cannot be opened as a SQLite database`, { cause });
  }
  try {
    try {
      assertIntact(db, file, "store.restore_refused");
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError("store.restore_refused", `${file} is not a SQLite database`, { cause: error });
    }
    const hasMigrations = db
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get();
    if (hasMigrations === undefined) {
      throw new StoreError("store.restore_refused", `${file} is not a Drawdown database (it has no migration table)`);
    }
    const applied = db
      .prepare("select name from kysely_migration order by name")
      .pluck()
      .all()
      .map((name) => String(name));
    const known = new Set(knownMigrations());
    const unknown = applied.filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new StoreError(
        "store.restore_refused",
        `${file} comes from a newer Drawdown (migrations ${unknown.join(", ")} are unknown here): upgrade first`,
      );
    }
    return applied;
  } finally {
    db.close();
  }
}

/** Throws unless SQLite's integrity check passes. */
function assertIntact(db: Database.Database, file: string, code: "store.backup_refused" | "store.restore_refused"): void {
  const result = db.pragma("integrity_check", { simple: true });
  if (result !== "ok") throw new StoreError(code, `${file} fails SQLite's integrity check: ${String(result)}`);
}

/**
 * Throws if any other connection has the database open. An exclusive lock in exclusive locking
 * mode is refused while another connection is open, even an idle one (it holds the WAL's shared
 * memory lock). Closing cleanly checkpoints the WAL and removes the -wal and -shm files.
 */
function assertNotInUse(file: string): void {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("begin exclusive");
    db.exec("rollback");
  } catch (cause) {
    throw new StoreError(
      "store.restore_refused",
      `the database at ${file} is in use: stop the server and any drawdown command using it, then restore`,
      { cause },
    );
  } finally {
    db.close();
  }
}

function removeWithCompanions(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}

/** Makes a rename durable: the directory entry is data too. */
function fsyncDirectory(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
