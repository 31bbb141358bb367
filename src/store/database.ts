/**
 * Opening the database: the embedded SQLite file by default, PostgreSQL when a URL is given,
 * both behind one typed `Kysely<DB>`. Startup refuses settings that would make a committed
 * change losable (see `safety.ts`).
 */
import { mkdirSync } from "node:fs";
import Database from "better-sqlite3";
import { Kysely } from "kysely";
import pg from "pg";
import { type DatabaseLocation, resolveEngine } from "./engine.ts";
import { StoreError } from "./errors.ts";
import {
  checkPostgresSettings,
  checkSqliteSettings,
  type PostgresSettings,
  type SqliteSettings,
} from "./safety.ts";
import type { DB } from "./schema.ts";
import { SearchPathPostgresDialect } from "./postgres-dialect.ts";
import { ImmediateSqliteDialect } from "./sqlite-dialect.ts";

/** What was opened, for logs and for code that must branch on the engine (backup). */
export type EngineInfo =
  | {
      readonly kind: "sqlite";
      /** Absolute path of the database file. */
      readonly file: string;
      readonly dataDir: string;
      readonly sqliteVersion: string;
    }
  | {
      readonly kind: "postgres";
      /** The URL without its password. */
      readonly url: string;
      /** The schema tables are created in (`current_schema()`). */
      readonly schema: string;
      readonly serverVersion: string;
    };

/** An open database: the query builder, what it is, and how to close it. */
export interface DatabaseHandle {
  readonly db: Kysely<DB>;
  readonly engine: EngineInfo;
  /** Closes the SQLite file or ends the PostgreSQL pool. */
  close(): Promise<void>;
}

/** Where the database is, plus tuning; every field is optional. */
export interface OpenDatabaseOptions extends DatabaseLocation {
  /**
   * How long a SQLite writer waits for another process's write lock, in ms (default 5000).
   * better-sqlite3 waits synchronously, blocking this process's event loop meanwhile.
   */
  readonly busyTimeoutMs?: number;
  /** PostgreSQL pool size (default 10). */
  readonly poolSize?: number;
  /**
   * Testing hook: runs on the raw SQLite connection after the store's PRAGMAs and before the
   * safety check, so a test can force an unsafe setting and see startup refuse it.
   */
  readonly afterSqlitePragmas?: (raw: Database.Database) => void;
}

/** Default wait for a SQLite write lock held by another process. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens the database named by `databaseUrl` (PostgreSQL) or `dataDir` (SQLite, default `./data`,
 * created if missing), after checking that its durability settings are safe. Migrations are
 * not applied here: call `migrateToLatest`.
 *
 * @example
 * const store = await openDatabase({ dataDir: process.env.DATA_DIR, databaseUrl: process.env.DATABASE_URL });
 * await migrateToLatest(store.db);
 * const users = await listUsers(store.db);
 * await store.close();
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  const target = resolveEngine(options);
  if (target.kind === "sqlite") return openSqlite(target.dataDir, target.file, options);
  return openPostgres(target.url, target.displayUrl, options);
}

function openSqlite(dataDir: string, file: string, options: OpenDatabaseOptions): DatabaseHandle {
  mkdirSync(dataDir, { recursive: true });
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const raw = new Database(file, { timeout: busyTimeoutMs });
  try {
    raw.pragma("journal_mode = WAL");
    raw.pragma("synchronous = FULL");
    raw.pragma("foreign_keys = ON");
    raw.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
    options.afterSqlitePragmas?.(raw);
    // Read back rather than trust the assignments: journal_mode=WAL silently stays as it was
    // where WAL cannot work (in-memory or some network file systems).
    const problems = checkSqliteSettings(readSqliteSettings(raw));
    if (problems.length > 0) {
      throw new StoreError(
        "store.unsafe_settings",
        `refusing to open ${file}: ${problems.join("; ")}`,
      );
    }
  } catch (error) {
    raw.close();
    throw error;
  }
  const sqliteVersion = String(raw.prepare("select sqlite_version() as v").pluck().get());
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: raw }) });
  return {
    db,
    engine: { kind: "sqlite", file, dataDir, sqliteVersion },
    close: () => db.destroy(),
  };
}

/**
 * Reads the settings `checkSqliteSettings` judges from a raw connection.
 *
 * @example
 * checkSqliteSettings(readSqliteSettings(raw)); // [] when safe
 */
export function readSqliteSettings(raw: Database.Database): SqliteSettings {
  return {
    journalMode: String(raw.pragma("journal_mode", { simple: true })),
    synchronous: Number(raw.pragma("synchronous", { simple: true })),
    foreignKeys: Number(raw.pragma("foreign_keys", { simple: true })),
  };
}

/** pg type id of int8 (bigint, also what count(*) returns). */
const INT8_OID = 20;

/** Parses int8 as a JS number, refusing values a number cannot hold exactly. */
function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${text} does not fit a JS number exactly`);
  return n;
}

async function openPostgres(url: string, displayUrl: string, options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    application_name: "drawdown",
    // Per pool, not pg.types.setTypeParser: the store must not change other pg users in the process.
    // int8 as number so counts and bigint columns read the same as on SQLite.
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === INT8_OID && format !== "binary"
          ? parseInt8
          : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client dropped by the server emits 'error' on the pool; without a listener Node
  // would crash. The pool replaces the client on the next checkout, so there is nothing to do.
  pool.on("error", () => {});
  let schema: string;
  let serverVersion: string;
  try {
    const client = await pool.connect().catch((cause: unknown) => {
      throw new StoreError("store.unreachable", `cannot connect to PostgreSQL at ${displayUrl}: ${messageOf(cause)}`, {
        cause,
      });
    });
    try {
      const show = async (name: keyof PostgresSettings): Promise<string> => {
        const result = await client.query<Record<string, string>>(`show ${name}`);
        return String(result.rows[0]?.[name] ?? "");
      };
      const settings: PostgresSettings = {
        fsync: await show("fsync"),
        synchronous_commit: await show("synchronous_commit"),
        full_page_writes: await show("full_page_writes"),
      };
      const problems = checkPostgresSettings(settings);
      if (problems.length > 0) {
        throw new StoreError("store.unsafe_settings", `refusing to use ${displayUrl}: ${problems.join("; ")}`);
      }
      const info = await client.query<{ schema: string | null; version: string }>(
        "select current_schema() as schema, current_setting('server_version') as version",
      );
      const row = info.rows[0];
      if (row?.schema == null) {
        throw new StoreError(
          "store.unsafe_settings",
          `refusing to use ${displayUrl}: no schema of its search_path exists (create it first)`,
        );
      }
      schema = row.schema;
      serverVersion = row.version;
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = new Kysely<DB>({ dialect: new SearchPathPostgresDialect({ pool }) });
  return {
    db,
    engine: { kind: "postgres", url: displayUrl, schema, serverVersion },
    close: () => db.destroy(),
  };
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    // AggregateError (several addresses tried) has an empty message but a code.
    const code = "code" in error && typeof error.code === "string" ? error.code : "";
    return error.message !== "" ? error.message : code;
  }
  return String(error);
}
