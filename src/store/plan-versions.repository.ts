/**
 * SQL for published plans. A plan version's content never changes after publication; only its
 * baseline flag does. At most one baseline per scenario is enforced by a partial unique index,
 * so moving the baseline is `clearBaseline` then `markBaseline` in one transaction.
 */
import type { Kysely } from "kysely";
import type { DB, NewPlanVersion, PlanVersion } from "./schema.ts";
import { updateWhereVersion } from "./versioned.ts";

/** A plan version without its (large) plan JSON, for lists. */
export type PlanVersionSummary = Omit<PlanVersion, "plan_json">;

const SUMMARY_COLUMNS = [
  "id",
  "scenario_id",
  "version_number",
  "published_at",
  "published_by",
  "is_baseline",
  "digest",
  "note",
  "version",
] as const;

/**
 * Inserts a plan version. A repeated (scenario, version number) fails with a unique violation,
 * which is how two concurrent publications of "the next version" are told apart.
 *
 * @example
 * const n = (await latestVersionNumber(trx, scenarioId)) + 1;
 * await insertPlanVersion(trx, { id, scenario_id: scenarioId, version_number: n, plan_json, published_at, published_by });
 */
export async function insertPlanVersion(db: Kysely<DB>, plan: NewPlanVersion): Promise<void> {
  await db.insertInto("plan_versions").values(plan).execute();
}

/**
 * One plan version with its plan, or undefined.
 *
 * @example
 * const plan = await findPlanVersion(db, id);
 */
export async function findPlanVersion(db: Kysely<DB>, id: string): Promise<PlanVersion | undefined> {
  return db.selectFrom("plan_versions").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * A scenario's plan versions without their plans, in version order.
 *
 * @example
 * await listPlanVersions(db, "niger-2024");
 */
export async function listPlanVersions(db: Kysely<DB>, scenarioId: string): Promise<PlanVersionSummary[]> {
  return db
    .selectFrom("plan_versions")
    .select(SUMMARY_COLUMNS)
    .where("scenario_id", "=", scenarioId)
    .orderBy("version_number")
    .execute();
}

/**
 * The scenario's baseline plan with its plan, or undefined.
 *
 * @example
 * const baseline = await findBaseline(db, "niger-2024");
 */
export async function findBaseline(db: Kysely<DB>, scenarioId: string): Promise<PlanVersion | undefined> {
  return db
    .selectFrom("plan_versions")
    .selectAll()
    .where("scenario_id", "=", scenarioId)
    .where("is_baseline", "=", 1)
    .executeTakeFirst();
}

/**
 * The highest version number published for a scenario, 0 if none.
 *
 * @example
 * const next = (await latestVersionNumber(trx, scenarioId)) + 1;
 */
export async function latestVersionNumber(db: Kysely<DB>, scenarioId: string): Promise<number> {
  const row = await db
    .selectFrom("plan_versions")
    .select((eb) => eb.fn.max("version_number").as("latest"))
    .where("scenario_id", "=", scenarioId)
    .executeTakeFirst();
  return Number(row?.latest ?? 0);
}

/**
 * Unmarks the scenario's baseline, if any (bumping its version); returns how many rows changed.
 *
 * @example
 * await inTransaction(db, async (trx) => { await clearBaseline(trx, s); await markBaseline(trx, id, v); });
 */
export async function clearBaseline(db: Kysely<DB>, scenarioId: string): Promise<number> {
  const result = await db
    .updateTable("plan_versions")
    .set((eb) => ({ is_baseline: 0, version: eb("version", "+", 1) }))
    .where("scenario_id", "=", scenarioId)
    .where("is_baseline", "=", 1)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Marks a plan version as its scenario's baseline if it still has `expectedVersion`; false on a
 * conflict. Fails with a unique violation if another baseline is still marked.
 *
 * @example
 * await markBaseline(trx, plan.id, plan.version);
 */
export async function markBaseline(db: Kysely<DB>, id: string, expectedVersion: number): Promise<boolean> {
  return (await updateWhereVersion(db, "plan_versions", id, expectedVersion, { is_baseline: 1 })) === 1;
}
