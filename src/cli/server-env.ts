/**
 * Where the server's data is, from the environment: `DATA_DIR` (default `./data`) holds the
 * SQLite database and the ledger keys; `DATABASE_URL` switches the database to PostgreSQL.
 */
import { join } from "node:path";
import type { DatabaseLocation } from "#store/engine.ts";

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
