/**
 * The store test suite's two engines, so that every store test runs on SQLite and PostgreSQL
 * alike: `describeEngines("ledger", (engine) => { … })`.
 *
 * - SQLite: a fresh temporary data directory per database.
 * - PostgreSQL: `DATABASE_URL`, or `postgres://postgres@127.0.0.1:5432/test`; each database is a
 *   fresh schema `drawdown_test_<random>` reached through `options=-c search_path=…`, dropped
 *   when the file's tests end, so test files running in parallel never see each other's rows.
 *   If the server cannot be reached, the PostgreSQL half FAILS when `CI` is set and is skipped
 *   with a message otherwise.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, it } from "vitest";
import { type DatabaseHandle, type OpenDatabaseOptions, openDatabase } from "../database.ts";
import type { DatabaseLocation } from "../engine.ts";
import { migrateToLatest } from "../migrate.ts";

/** The PostgreSQL the suite uses when `DATABASE_URL` is unset. */
export const DEFAULT_TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";

/** An engine the suite can create fresh databases on. */
export interface TestEngine {
  readonly name: "sqlite" | "postgres";
  /** A new, empty database location of this engine (not opened). */
  location(): Promise<DatabaseLocation>;
  /**
   * Opens a new empty database (migrated unless `migrate` is false); closed by `cleanup`.
   * Extra `open` options are passed to `openDatabase`.
   */
  fresh(options?: { migrate?: boolean; open?: OpenDatabaseOptions }): Promise<FreshDatabase>;
  /** Opens another handle on an existing location (as a second process would); closed by `cleanup`. */
  open(location: DatabaseLocation): Promise<DatabaseHandle>;
  /** Closes every handle and removes every database this engine created. */
  cleanup(): Promise<void>;
}

/** A database made for one test. */
export interface FreshDatabase {
  readonly handle: DatabaseHandle;
  readonly location: DatabaseLocation;
}

/** `CI` set to anything but an empty string, `0` or `false`. */
export function isCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}

/** The PostgreSQL URL of the suite. */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  return url !== undefined && url !== "" ? url : DEFAULT_TEST_DATABASE_URL;
}

/**
 * `url` with `search_path` set to `schema` for every connection, through libpq's `options`.
 *
 * @example
 * withSearchPath("postgres://postgres@127.0.0.1/test", "s1"); // …/test?options=-c%20search_path%3Ds1
 */
export function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set("options", `-c search_path=${schema}`);
  return u.href;
}

/** Tracks what an engine opened, to close and remove it in `cleanup`. */
function handleTracker() {
  const handles: DatabaseHandle[] = [];
  return {
    async open(location: DatabaseLocation, options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
      const handle = await openDatabase({ ...options, ...location });
      handles.push(handle);
      return handle;
    },
    async closeAll(): Promise<void> {
      await Promise.allSettled(handles.splice(0).map((h) => h.close()));
    },
  };
}

/** The embedded engine: one temporary data directory per database. */
export function sqliteTestEngine(): TestEngine {
  const dirs: string[] = [];
  const tracker = handleTracker();
  const location = async (): Promise<DatabaseLocation> => {
    const dir = mkdtempSync(join(tmpdir(), "drawdown-store-"));
    dirs.push(dir);
    return { dataDir: join(dir, "data") };
  };
  return {
    name: "sqlite",
    location,
    async fresh(options = {}) {
      const loc = await location();
      const handle = await tracker.open(loc, options.open);
      if (options.migrate !== false) await migrateToLatest(handle.db);
      return { handle, location: loc };
    },
    open: (loc) => tracker.open(loc),
    async cleanup() {
      await tracker.closeAll();
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The server engine: one fresh schema per database in the suite's PostgreSQL. */
export function postgresTestEngine(baseUrl: string = testDatabaseUrl()): TestEngine {
  const schemas: string[] = [];
  const tracker = handleTracker();
  let admin: pg.Pool | undefined;
  const adminPool = (): pg.Pool => {
    admin ??= new pg.Pool({ connectionString: baseUrl, max: 1 });
    return admin;
  };
  const location = async (): Promise<DatabaseLocation> => {
    const schema = `drawdown_test_${randomBytes(6).toString("hex")}`;
    await adminPool().query(`create schema ${schema}`);
    schemas.push(schema);
    return { databaseUrl: withSearchPath(baseUrl, schema) };
  };
  return {
    name: "postgres",
    location,
    async fresh(options = {}) {
      const loc = await location();
      const handle = await tracker.open(loc, options.open);
      if (options.migrate !== false) await migrateToLatest(handle.db);
      return { handle, location: loc };
    },
    open: (loc) => tracker.open(loc),
    async cleanup() {
      await tracker.closeAll();
      if (admin !== undefined) {
        for (const schema of schemas.splice(0)) await admin.query(`drop schema if exists ${schema} cascade`);
        await admin.end();
        admin = undefined;
      }
    },
  };
}

/**
 * Why PostgreSQL at `url` cannot be used, or undefined when it answers.
 *
 * @example
 * const reason = await postgresUnavailable(testDatabaseUrl());
 */
export async function postgresUnavailable(url: string = testDatabaseUrl()): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return undefined;
  } catch (error) {
    const e = error as { message?: string; code?: string };
    return e.message !== undefined && e.message !== "" ? e.message : (e.code ?? String(error));
  } finally {
    await client.end().catch(() => {});
  }
}

const pgProblem = await postgresUnavailable();

/**
 * Declares `body` once per engine, inside `describe(title)`: the store suite's one way of
 * saying "on both engines". Each engine's databases are removed after its tests.
 *
 * @example
 * describeEngines("ledger", (engine) => {
 *   it("appends", async () => { const { handle } = await engine.fresh(); … });
 * });
 */
export function describeEngines(title: string, body: (engine: TestEngine) => void): void {
  const names = ["sqlite", "postgres"] as const;
  describe.each(names)(`${title} [%s]`, (name) => {
    if (name === "postgres" && pgProblem !== undefined) {
      const message = `PostgreSQL at ${new URL(testDatabaseUrl()).host} is unreachable (${pgProblem})`;
      if (isCi()) {
        it("PostgreSQL is reachable (required when CI is set)", () => {
          throw new Error(`${message}: CI must run the store suite on PostgreSQL (start it from .ci/run)`);
        });
      } else {
        console.warn(`[store tests] ${message}: skipping the PostgreSQL half (set CI=1 to make this fail)`);
        // Only outside CI, when no PostgreSQL answers: a visible skip beats a silent pass (CI fails instead, above).
        it.skip(`PostgreSQL half skipped: ${message}`, () => {});
      }
      return;
    }
    const engine = name === "sqlite" ? sqliteTestEngine() : postgresTestEngine();
    afterAll(() => engine.cleanup());
    body(engine);
  });
}
