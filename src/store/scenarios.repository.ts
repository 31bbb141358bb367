/** SQL for stored scenarios. The JSON is stored and returned as text; the services validate it. */
import type { Kysely } from "kysely";
import type { DB, NewScenario, Scenario, ScenarioPatch } from "./schema.ts";
import { updateWhereVersion } from "./versioned.ts";

/** A scenario without its (large) JSON, for lists. */
export type ScenarioSummary = Omit<Scenario, "json">;

/**
 * Inserts a scenario (version 1).
 *
 * @example
 * await insertScenario(db, { id: "niger-2024", name: "Niger 2024", json, created_at: now });
 */
export async function insertScenario(db: Kysely<DB>, scenario: NewScenario): Promise<void> {
  await db.insertInto("scenarios").values(scenario).execute();
}

/**
 * One scenario with its JSON, or undefined.
 *
 * @example
 * const s = await findScenario(db, "niger-2024");
 */
export async function findScenario(db: Kysely<DB>, id: string): Promise<Scenario | undefined> {
  return db.selectFrom("scenarios").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Every scenario without its JSON, oldest first.
 *
 * @example
 * (await listScenarios(db)).map((s) => s.name);
 */
export async function listScenarios(db: Kysely<DB>): Promise<ScenarioSummary[]> {
  return db
    .selectFrom("scenarios")
    .select(["id", "name", "created_at", "version"])
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/**
 * Updates a scenario if it still has `expectedVersion`; false on a conflict (or no such scenario).
 *
 * @example
 * await updateScenario(db, s.id, s.version, { name: "Niger 2024 (revised)" });
 */
export async function updateScenario(
  db: Kysely<DB>,
  id: string,
  expectedVersion: number,
  patch: ScenarioPatch,
): Promise<boolean> {
  return (await updateWhereVersion(db, "scenarios", id, expectedVersion, patch)) === 1;
}
