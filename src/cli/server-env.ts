/**
 * Where the server's data is, from the environment: `DATA_DIR` (default `./data`) holds the
 * SQLite database and the ledger keys; `DATABASE_URL` switches the database to PostgreSQL.
 */
import { join } from "node:path";
import { type DatabaseHandle, openDatabase } from "#store/database.ts";
import type { DatabaseLocation } from "#store/engine.ts";
import { StoreError } from "#store/errors.ts";
import { UserError } from "./io.ts";

/** The environment variables the server commands read. */
export type ServerEnv = Readonly<Record<string, string | undefined>>;

/** The database location of an environment. */
export function databaseLocation(env: ServerEnv): DatabaseLocation {
  return { dataDir: env.DATA_DIR ?? "data", databaseUrl: env.DATABASE_URL };
}

/** The directory of the ledger keys. */
export function keysDir(env: ServerEnv): string {
  return join(env.DATA_DIR ?? "data", "keys");
}

/**
 * Opens the environment's database; the store's refusals (unsafe settings, unreachable server,
 * bad URL) become a UserError, printed without a stack trace with what to fix.
 *
 * @example
 * const store = await openServerDatabase(process.env);
 */
export async function openServerDatabase(env: ServerEnv): Promise<DatabaseHandle> {
  try {
    return await openDatabase(databaseLocation(env));
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    const hint =
      error.code === "store.unsafe_settings"
        ? "a 2xx answer promises the change is on disk: fix the setting named above (or use another data directory or database)"
        : error.code === "store.unreachable"
          ? "check DATABASE_URL and that the PostgreSQL server is running"
          : "DATABASE_URL must look like postgres://user@host:5432/db (unset it for the embedded SQLite database)";
    throw new UserError(`${error.message}\n  fix: ${hint}`);
  }
}
