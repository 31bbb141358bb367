import { expect, it } from "vitest";
import { isUniqueViolation } from "./errors.ts";
import {
  clearBaseline,
  findBaseline,
  findPlanVersion,
  insertPlanVersion,
  latestVersionNumber,
  listPlanVersions,
  markBaseline,
} from "./plan-versions.repository.ts";
import { findScenario, insertScenario, listScenarios, updateScenario } from "./scenarios.repository.ts";
import type { NewPlanVersion } from "./schema.ts";
import { describeEngines } from "./testing/engines.ts";
import { at, seedUsers } from "./testing/factories.ts";
import { inTransaction } from "./transaction.ts";

const SCENARIO = { id: "niger-2024", name: "Niger 2024", json: '{"sites":[]}', created_at: at() };

function plan(n: number, overrides: Partial<NewPlanVersion> = {}): NewPlanVersion {
  return {
    id: `plan-${n}`,
    scenario_id: SCENARIO.id,
    version_number: n,
    plan_json: `{"version":${n}}`,
    published_at: at(n),
    published_by: "u-fr-1",
    ...overrides,
  };
}

describeEngines("scenarios and plan versions", (engine) => {
  it("stores scenarios, lists them without their JSON and updates them by version", async () => {
    const { handle } = await engine.fresh();
    const db = handle.db;
    await insertScenario(db, SCENARIO);
    await insertScenario(db, { ...SCENARIO, id: "mali-2022", name: "Mali 2022", created_at: at(5) });
    expect(await findScenario(db, SCENARIO.id)).toEqual({ ...SCENARIO, version: 1 });
    expect(await listScenarios(db)).toEqual([
      { id: "niger-2024", name: "Niger 2024", created_at: at(), version: 1 },
      { id: "mali-2022", name: "Mali 2022", created_at: at(5), version: 1 },
    ]);
    expect(await updateScenario(db, SCENARIO.id, 1, { name: "Niger 2024 (revised)" })).toBe(true);
    expect(await updateScenario(db, SCENARIO.id, 1, { name: "lost update" })).toBe(false);
    expect(await findScenario(db, SCENARIO.id)).toMatchObject({ name: "Niger 2024 (revised)", version: 2 });
  });

  it("numbers plan versions per scenario and refuses a repeated number", async () => {
    const { handle } = await engine.fresh();
    const db = handle.db;
    await seedUsers(db);
    await insertScenario(db, SCENARIO);
    expect(await latestVersionNumber(db, SCENARIO.id)).toBe(0);
    await insertPlanVersion(db, plan(1));
    await insertPlanVersion(db, plan(2));
    expect(await latestVersionNumber(db, SCENARIO.id)).toBe(2);
    await expect(insertPlanVersion(db, plan(2, { id: "plan-2b" }))).rejects.toSatisfy(isUniqueViolation);
    await expect(insertPlanVersion(db, plan(3, { scenario_id: "nowhere" }))).rejects.toThrow();
    expect(await findPlanVersion(db, "plan-2")).toEqual({ ...plan(2), is_baseline: 0, digest: null, note: null, version: 1 });
    expect((await listPlanVersions(db, SCENARIO.id)).map((p) => [p.version_number, "plan_json" in p])).toEqual([
      [1, false],
      [2, false],
    ]);
  });

  it("keeps at most one baseline per scenario and moves it in one transaction", async () => {
    const { handle } = await engine.fresh();
    const db = handle.db;
    await seedUsers(db);
    await insertScenario(db, SCENARIO);
    await insertPlanVersion(db, plan(1));
    await insertPlanVersion(db, plan(2));
    expect(await findBaseline(db, SCENARIO.id)).toBeUndefined();
    expect(await markBaseline(db, "plan-1", 1)).toBe(true);
    expect((await findBaseline(db, SCENARIO.id))?.id).toBe("plan-1");
    await expect(markBaseline(db, "plan-2", 1)).rejects.toSatisfy(isUniqueViolation);
    await inTransaction(db, async (trx) => {
      expect(await clearBaseline(trx, SCENARIO.id)).toBe(1);
      expect(await markBaseline(trx, "plan-2", 1)).toBe(true);
    });
    expect(await findBaseline(db, SCENARIO.id)).toMatchObject({ id: "plan-2", is_baseline: 1, version: 2 });
    expect(await findPlanVersion(db, "plan-1")).toMatchObject({ is_baseline: 0, version: 3 });
  });
});
