/**
 * The workflow tables: what `src/workflow` needs persisted — clearance requests, movements and
 * their manifests, persons (personal data in a table of its own), personnel events, cargo
 * dispositions, handover lists with lines and signatures, settings — and `workflow_events`, the
 * history of every object, whose UNIQUE (object_type, object_id, object_version) is the
 * optimistic lock: of two writers that read the same version, only one can record the next.
 *
 * Each object row keeps its whole workflow state as JSON (`state_json`, without the history,
 * which `workflow_events` holds) plus the columns lists filter on. Frozen once released.
 */
import { type Kysely, sql } from "kysely";

function isoTimestamp(column: string) {
  return sql<boolean>`${sql.ref(column)} like '____-__-__T__:__:__.___Z'`;
}

function positive(column: string) {
  return sql<boolean>`${sql.ref(column)} >= 1`;
}

/** Creates the tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull().check(isoTimestamp("updated_at")))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema.alterTable("plan_versions").addColumn("digest", "text").execute();
  await db.schema.alterTable("plan_versions").addColumn("note", "text").execute();

  await db.schema
    .createTable("workflow_events")
    .addColumn("object_type", "text", (c) => c.notNull())
    .addColumn("object_id", "text", (c) => c.notNull())
    .addColumn("object_version", "integer", (c) => c.notNull().check(positive("object_version")))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addColumn("actor_party", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("ledger_idx", "integer", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull().check(isoTimestamp("created_at")))
    .addPrimaryKeyConstraint("workflow_events_pkey", ["object_type", "object_id", "object_version"])
    .execute();

  await db.schema
    .createTable("clearance_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("owner", "text", (c) => c.notNull().references("parties.code"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("sortie", "text")
    .addColumn("plan_request", "text")
    .addColumn("plan_version_id", "text", (c) => c.references("plan_versions.id"))
    .addColumn("first_at", "text", (c) => c.notNull())
    .addColumn("state_json", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull().check(isoTimestamp("updated_at")))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("clearance_requests_status_idx").on("clearance_requests").columns(["status", "first_at"]).execute();
  await db.schema.createIndex("clearance_requests_sortie_idx").on("clearance_requests").column("sortie").execute();

  await db.schema
    .createTable("movements")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("owner", "text", (c) => c.notNull().references("parties.code"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("plan_ref", "text")
    .addColumn("from_site", "text", (c) => c.notNull())
    .addColumn("to_site", "text", (c) => c.notNull())
    .addColumn("depart_at", "text", (c) => c.notNull())
    .addColumn("state_json", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull().check(isoTimestamp("updated_at")))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("movements_status_idx").on("movements").columns(["status", "depart_at"]).execute();
  await db.schema.createIndex("movements_plan_ref_idx").on("movements").column("plan_ref").execute();

  await db.schema
    .createTable("movement_clearances")
    .addColumn("movement_id", "text", (c) => c.notNull().references("movements.id").onDelete("cascade"))
    .addColumn("clearance_id", "text", (c) => c.notNull().references("clearance_requests.id"))
    .addPrimaryKeyConstraint("movement_clearances_pkey", ["movement_id", "clearance_id"])
    .execute();
  await db.schema.createIndex("movement_clearances_clearance_idx").on("movement_clearances").column("clearance_id").execute();

  await db.schema
    .createTable("persons")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("owner", "text", (c) => c.notNull().references("parties.code"))
    .addColumn("group_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull().check(isoTimestamp("created_at")))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  // Personal data apart from the person row: the only table with names and document numbers.
  await db.schema
    .createTable("person_details")
    .addColumn("person_id", "text", (c) => c.primaryKey().references("persons.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("nationality", "text", (c) => c.notNull())
    .addColumn("document_number", "text", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("movement_manifest_persons")
    .addColumn("movement_id", "text", (c) => c.notNull().references("movements.id").onDelete("cascade"))
    .addColumn("person_id", "text", (c) => c.notNull().references("persons.id"))
    .addPrimaryKeyConstraint("movement_manifest_persons_pkey", ["movement_id", "person_id"])
    .execute();

  await db.schema
    .createTable("movement_manifest_items")
    .addColumn("movement_id", "text", (c) => c.notNull().references("movements.id").onDelete("cascade"))
    .addColumn("cargo", "text", (c) => c.notNull())
    .addColumn("quantity", "integer", (c) => c.notNull().check(positive("quantity")))
    .addPrimaryKeyConstraint("movement_manifest_items_pkey", ["movement_id", "cargo"])
    .execute();

  // `seq` is the person's presence version: UNIQUE (person_id, seq) is the lock on presence.
  await db.schema
    .createTable("personnel_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("seq", "integer", (c) => c.notNull().check(positive("seq")))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('entry', 'transfer', 'exit')`))
    .addColumn("site", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("movement_id", "text", (c) => c.references("movements.id"))
    .addColumn("created_at", "text", (c) => c.notNull().check(isoTimestamp("created_at")))
    .addUniqueConstraint("personnel_events_person_seq_key", ["person_id", "seq"])
    .execute();
  await db.schema.createIndex("personnel_events_at_idx").on("personnel_events").column("at").execute();

  await db.schema
    .createTable("cargo_dispositions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("owner", "text", (c) => c.notNull().references("parties.code"))
    .addColumn("site", "text", (c) => c.notNull())
    .addColumn("intended", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("state_json", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull().check(isoTimestamp("updated_at")))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable("handover_lists")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("owner", "text", (c) => c.notNull().references("parties.code"))
    .addColumn("recipient", "text", (c) => c.notNull().references("parties.code"))
    .addColumn("site", "text", (c) => c.notNull())
    .addColumn("digest", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("cancel_reason", "text")
    .addColumn("updated_at", "text", (c) => c.notNull().check(isoTimestamp("updated_at")))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable("handover_lines")
    .addColumn("list_id", "text", (c) => c.notNull().references("handover_lists.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("cargo", "text", (c) => c.notNull())
    .addColumn("quantity", "integer", (c) => c.notNull().check(positive("quantity")))
    .addColumn("description", "text")
    .addColumn("condition", "text")
    .addPrimaryKeyConstraint("handover_lines_pkey", ["list_id", "cargo"])
    .execute();

  await db.schema
    .createTable("handover_signatures")
    .addColumn("list_id", "text", (c) => c.notNull().references("handover_lists.id").onDelete("cascade"))
    .addColumn("party", "text", (c) => c.notNull().references("parties.code"))
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("signed_at", "text", (c) => c.notNull())
    .addColumn("digest", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("handover_signatures_pkey", ["list_id", "party"])
    .execute();
}

/** Drops the tables, dependents first. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "handover_signatures",
    "handover_lines",
    "handover_lists",
    "cargo_dispositions",
    "personnel_events",
    "movement_manifest_items",
    "movement_manifest_persons",
    "person_details",
    "persons",
    "movement_clearances",
    "movements",
    "clearance_requests",
    "workflow_events",
    "settings",
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable("plan_versions").dropColumn("note").execute();
  await db.schema.alterTable("plan_versions").dropColumn("digest").execute();
}
