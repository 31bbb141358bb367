import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { appliedMigrations, knownMigrations, migrateToLatest } from "./migrate.ts";
import { MIGRATIONS } from "./migrations/index.ts";
import { ledgerSize } from "./ledger.repository.ts";
import { describeEngines } from "./testing/engines.ts";

const TABLES = [
  "cargo_dispositions",
  "checkpoints",
  "clearance_requests",
  "cosignatures",
  "handover_lines",
  "handover_lists",
  "handover_signatures",
  "ledger_head",
  "ledger_leaves",
  "movement_clearances",
  "movement_manifest_items",
  "movement_manifest_persons",
  "movements",
  "parties",
  "person_details",
  "personnel_events",
  "persons",
  "plan_versions",
  "scenarios",
  "sessions",
  "settings",
  "users",
  "workflow_events",
];
const ALL = ["0001_initial", "0002_workflow"];

describe("migration names", () => {
  it("sort in the order they run: four digits, an underscore, a name", () => {
    const names = Object.keys(MIGRATIONS);
    for (const name of names) expect(name).toMatch(/^\d{4}_[a-z0-9_]+$/);
    expect(knownMigrations()).toEqual([...names].sort());
  });
});

describeEngines("migrations", (engine) => {
  it("apply on a fresh database and create every table", async () => {
    const { handle } = await engine.fresh({ migrate: false });
    expect(await migrateToLatest(handle.db)).toEqual({ applied: ALL });
    const tables = (await handle.db.introspection.getTables())
      .filter((t) => handle.engine.kind !== "postgres" || t.schema === handle.engine.schema)
      .map((t) => t.name)
      .sort();
    expect(tables).toEqual(TABLES);
    expect(await ledgerSize(handle.db)).toBe(0);
    expect(await appliedMigrations(handle.db)).toEqual(ALL);
  });

  it("are idempotent: a second run, or a run from a new handle, applies nothing", async () => {
    const { handle, location } = await engine.fresh();
    expect(await migrateToLatest(handle.db)).toEqual({ applied: [] });
    const again = await engine.open(location);
    expect(await migrateToLatest(again.db)).toEqual({ applied: [] });
    expect(await ledgerSize(again.db)).toBe(0);
  });

  it("leave every column as the schema file describes (spot check of types both engines read alike)", async () => {
    const { handle } = await engine.fresh();
    const columns = (await handle.db.introspection.getTables())
      .filter((t) => handle.engine.kind !== "postgres" || t.schema === handle.engine.schema)
      .find((t) => t.name === "cosignatures")
      ?.columns.map((c) => `${c.name}:${c.dataType}`);
    expect(columns).toEqual([
      "tree_size:" + (engine.name === "sqlite" ? "INTEGER" : "int4"),
      "party:" + (engine.name === "sqlite" ? "TEXT" : "text"),
      "key_name:" + (engine.name === "sqlite" ? "TEXT" : "text"),
      "timestamp:" + (engine.name === "sqlite" ? "bigint" : "int8"),
      "signature:" + (engine.name === "sqlite" ? "TEXT" : "text"),
      "created_at:" + (engine.name === "sqlite" ? "TEXT" : "text"),
    ]);
  });

  it("run in one transaction: a failing migration leaves nothing of itself", async () => {
    const { handle } = await engine.fresh({ migrate: false });
    // Simulate a half-done run: a table the first migration creates already exists, so the
    // migration fails midway; the tables it created before failing must be gone.
    await sql`create table ledger_head (x integer)`.execute(handle.db);
    await expect(migrateToLatest(handle.db)).rejects.toMatchObject({ code: "store.migration_failed" });
    const tables = (await handle.db.introspection.getTables())
      .filter((t) => handle.engine.kind !== "postgres" || t.schema === handle.engine.schema)
      .map((t) => t.name);
    expect(tables).toEqual(["ledger_head"]);
  });
});

describeEngines("introspection", (engine) => {
  it("sees only the database's own schema, so another schema dropped meanwhile cannot fail a migration", async () => {
    const { handle } = await engine.fresh({ migrate: false });
    if (handle.engine.kind === "postgres") {
      // A neighbour schema (another tenant or test run) with a serial column: Kysely's stock
      // introspector would list it and look its sequence up by name.
      const neighbour = `drawdown_neighbour_${handle.engine.schema.slice(-12)}`;
      await sql`create schema ${sql.id(neighbour)}`.execute(handle.db);
      await sql`create table ${sql.id(neighbour, "t")} (id serial primary key)`.execute(handle.db);
      try {
        const seen = (await handle.db.introspection.getTables()).map((t) => t.schema);
        expect(new Set(seen)).toEqual(new Set());
        // Drop the neighbour while migrations introspect: nothing of it is asked about.
        const [applied] = await Promise.all([
          migrateToLatest(handle.db),
          sql`drop schema ${sql.id(neighbour)} cascade`.execute(handle.db),
        ]);
        expect(applied.applied).toEqual(ALL);
        const schemas = new Set((await handle.db.introspection.getTables()).map((t) => t.schema));
        expect(schemas).toEqual(new Set([handle.engine.schema]));
      } finally {
        await sql`drop schema if exists ${sql.id(neighbour)} cascade`.execute(handle.db);
      }
    } else {
      expect(await migrateToLatest(handle.db)).toEqual({ applied: ALL });
    }
  });
});
