/**
 * Applying migrations: the same code-defined migrations on both engines, through Kysely's
 * Migrator with a static provider (no directory scanning, so it works from any bundle or cwd).
 */
import { type Kysely, type MigrationResult, Migrator, PostgresAdapter, sql } from "kysely";
import { StoreError } from "./errors.ts";
import { MIGRATIONS } from "./migrations/index.ts";
import type { DB } from "./schema.ts";

/** What a migration run did. */
export interface MigrationReport {
  /** Names of the migrations applied by this run, in order (empty when already up to date). */
  readonly applied: readonly string[];
}

/**
 * Builds the Migrator. On PostgreSQL its bookkeeping tables are pinned to the current schema:
 * otherwise Kysely would look for them in every schema it can see and could find another
 * schema's (for example another test run's) instead of ours.
 */
async function migratorFor(db: Kysely<DB>): Promise<Migrator> {
  const provider = { getMigrations: async () => ({ ...MIGRATIONS }) };
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const row = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    const schema = row.rows[0]?.schema;
    if (schema !== undefined) return new Migrator({ db, provider, migrationTableSchema: schema });
  }
  return new Migrator({ db, provider });
}

/**
 * Applies every pending migration, in one transaction on both engines (all or nothing), and
 * serialised against other processes doing the same. Safe to call on every start.
 *
 * @example
 * const { applied } = await migrateToLatest(store.db); // ["0001_initial"] the first time, [] after
 */
export async function migrateToLatest(db: Kysely<DB>): Promise<MigrationReport> {
  const migrator = await migratorFor(db);
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r: MigrationResult) => r.status === "Error")?.migrationName;
    throw new StoreError(
      "store.migration_failed",
      `database migration ${failed ?? "(before any migration ran)"} failed: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return { applied: (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName) };
}

/**
 * Names of the migrations already applied, in order.
 *
 * @example
 * await appliedMigrations(store.db); // ["0001_initial"]
 */
export async function appliedMigrations(db: Kysely<DB>): Promise<string[]> {
  const migrations = await (await migratorFor(db)).getMigrations();
  return migrations.filter((m) => m.executedAt !== undefined).map((m) => m.name);
}

/** Names of every migration this code knows, in the order they run. */
export function knownMigrations(): string[] {
  return Object.keys(MIGRATIONS).sort();
}
