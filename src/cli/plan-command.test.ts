import { describe, expect, it } from "vitest";
import { planSchema } from "#domain/plan.ts";
import { parseInstant } from "#domain/time.ts";
import { runCli } from "#test/cli-harness.ts";
import { scenarioPath } from "#test/scenarios.ts";

describe("drawdown plan with the LP bound", () => {
  it("adds the time-space LP bound solved in a worker and names the binding bound in the summary", async () => {
    const r = await runCli(["plan", scenarioPath("synthetic-small"), "--json"]);
    expect(r.code).toBe(0);
    const plan = planSchema.parse(JSON.parse(r.out));
    const names = plan.bounds.map((b) => b.name);
    expect(names).toContain("lp-relaxation");
    const latest = Math.max(...plan.bounds.map((b) => parseInstant(b.at) ?? 0));
    expect(parseInstant(plan.summary.lowerBoundAt)).toBe(latest);
    // Ties keep the earlier bound: the binding one is the first listed at the latest instant.
    expect(plan.summary.bindingBound).toBe(plan.bounds.find((b) => parseInstant(b.at) === latest)?.name);
    const start = parseInstant(plan.summary.start) ?? 0;
    const closure = parseInstant(plan.summary.closureAt) ?? 0;
    expect(plan.summary.closureRatio).toBeCloseTo((closure - start) / (latest - start), 3);
  });

  it("prints closure / bound with the binding bound's name", async () => {
    const r = await runCli(["plan", scenarioPath("synthetic-small")]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Lower bound {2}no plan can finish before .* \((first-arrival|fleet-cycle|site-cycle|lp-relaxation)\); closure \/ bound = \d\.\d{3}/);
  });
});
