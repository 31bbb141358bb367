/**
 * The first schema: parties, users, sessions, scenarios, plan versions and the ledger.
 * Workflow tables (clearance requests, movements, persons, dispositions) come in later
 * migrations, with their state machines.
 *
 * Written with Kysely's schema builder and only types both engines accept (text, integer,
 * bigint); see `schema.ts` for the conventions. A migration is frozen once released: it takes
 * `Kysely<unknown>`, not `Kysely<DB>`, because `DB` describes the latest schema, not this one.
 */
import { type Kysely, sql } from "kysely";

/** The CHECK every timestamp column gets: the 24-character ISO form whose text order is time order. */
function isoTimestamp(column: string) {
  return sql<boolean>`${sql.ref(column)} like '____-__-__T__:__:__.___Z'`;
}

/** The CHECK of a 0/1 flag. */
function flag(column: string) {
  return sql<boolean>`${sql.ref(column)} in (0, 1)`;
}

/** The CHECK of a hex SHA-256 digest. */
function sha256Hex(column: string) {
  return sql<boolean>`length(${sql.ref(column)}) = 64`;
}

/** Creates the tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("parties")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().unique().check(sql`role in ('departing', 'host')`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("party", "text", (c) => c.notNull().references("parties.code"))
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("roles", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("disabled", "integer", (c) => c.notNull().defaultTo(0).check(flag("disabled")))
    .addColumn("created_at", "text", (c) => c.notNull().check(isoTimestamp("created_at")))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("users_party_idx").on("users").column("party").execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey().check(sha256Hex("id")))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("expires_at", "text", (c) => c.notNull().check(isoTimestamp("expires_at")))
    .addColumn("created_at", "text", (c) => c.notNull().check(isoTimestamp("created_at")))
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();
  await db.schema.createIndex("sessions_expires_idx").on("sessions").column("expires_at").execute();

  await db.schema
    .createTable("scenarios")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("json", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().check(isoTimestamp("created_at")))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable("plan_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("scenario_id", "text", (c) => c.notNull().references("scenarios.id"))
    .addColumn("version_number", "integer", (c) => c.notNull().check(sql`version_number >= 1`))
    .addColumn("plan_json", "text", (c) => c.notNull())
    .addColumn("published_at", "text", (c) => c.notNull().check(isoTimestamp("published_at")))
    .addColumn("published_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("is_baseline", "integer", (c) => c.notNull().defaultTo(0).check(flag("is_baseline")))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("plan_versions_scenario_number_key", ["scenario_id", "version_number"])
    .execute();
  // At most one baseline per scenario: a partial unique index, which both engines support.
  await db.schema
    .createIndex("plan_versions_one_baseline_idx")
    .on("plan_versions")
    .column("scenario_id")
    .unique()
    .where(sql<boolean>`is_baseline = 1`)
    .execute();

  await db.schema
    .createTable("ledger_leaves")
    .addColumn("idx", "integer", (c) => c.primaryKey().check(sql`idx >= 0`))
    .addColumn("leaf_data", "text", (c) => c.notNull())
    .addColumn("leaf_hash", "text", (c) => c.notNull().check(sha256Hex("leaf_hash")))
    .addColumn("created_at", "text", (c) => c.notNull().check(isoTimestamp("created_at")))
    .execute();

  await db.schema
    .createTable("ledger_head")
    .addColumn("id", "integer", (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn("size", "integer", (c) => c.notNull().check(sql`size >= 0`))
    .execute();
  await sql`insert into ledger_head (id, size) values (1, 0)`.execute(db);

  await db.schema
    .createTable("checkpoints")
    .addColumn("tree_size", "integer", (c) => c.primaryKey().check(sql`tree_size >= 0`))
    .addColumn("root_hash", "text", (c) => c.notNull().check(sha256Hex("root_hash")))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("signed_note", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().check(isoTimestamp("created_at")))
    .execute();

  await db.schema
    .createTable("cosignatures")
    .addColumn("tree_size", "integer", (c) => c.notNull().references("checkpoints.tree_size"))
    .addColumn("party", "text", (c) => c.notNull().references("parties.code"))
    .addColumn("key_name", "text", (c) => c.notNull())
    .addColumn("timestamp", "bigint", (c) => c.notNull().check(sql`"timestamp" >= 0`))
    .addColumn("signature", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().check(isoTimestamp("created_at")))
    .addPrimaryKeyConstraint("cosignatures_pkey", ["tree_size", "party"])
    .execute();
}

/** Drops the tables, dependents first. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "cosignatures",
    "checkpoints",
    "ledger_head",
    "ledger_leaves",
    "plan_versions",
    "scenarios",
    "sessions",
    "users",
    "parties",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
