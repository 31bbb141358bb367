/**
 * Kysely's SQLite dialect with two changes that make it safe for several processes
 * (the CLI and the server open the same file):
 *
 * 1. Write transactions start with `BEGIN IMMEDIATE`. Kysely's driver sends a plain `BEGIN`
 *    (deferred): a transaction that reads and then writes asks for the write lock only at its
 *    first write, and if another process committed in between, SQLite fails it at once with
 *    SQLITE_BUSY (its snapshot is stale, so `busy_timeout` cannot help). `BEGIN IMMEDIATE` takes
 *    the write lock first, waiting up to `busy_timeout` for another process's writer to finish,
 *    so read-then-write transactions serialise across processes instead of failing. Read-only
 *    transactions (`accessMode: "read only"`) keep a deferred `BEGIN`, which WAL lets run beside a writer.
 *    Within one process Kysely's SQLite driver has one connection behind a mutex, so
 *    transactions of the same process already run one at a time.
 * 2. Migrations run in one transaction. Kysely's SqliteAdapter says SQLite has no transactional
 *    DDL and runs migrations without a transaction or a lock; SQLite's DDL is transactional, so
 *    we say so: each migration run is atomic, and two processes starting together serialise on
 *    `BEGIN IMMEDIATE` (the second sees the first's migrations as done). A later migration that
 *    rebuilds a table must use `PRAGMA defer_foreign_keys`, because `PRAGMA foreign_keys` is a
 *    no-op inside a transaction.
 *
 * Caveat: better-sqlite3 is synchronous, so while waiting for another process's lock the
 * event loop of this process is blocked for up to `busy_timeout`. Keep write transactions short.
 */
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type TransactionSettings,
} from "kysely";

/** Starts write transactions with BEGIN IMMEDIATE and read-only ones with a deferred BEGIN. */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings): Promise<void> {
    const begin = settings?.accessMode === "read only" ? "begin deferred" : "begin immediate";
    await connection.executeQuery(CompiledQuery.raw(begin));
  }
}

/** Declares SQLite's DDL transactional so Kysely's Migrator wraps each run in a transaction. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * A SQLite dialect for several processes sharing one file: see the module comment.
 *
 * @example
 * new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: new Database(file) }) });
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): SqliteAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
