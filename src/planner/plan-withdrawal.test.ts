import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseScenarioValue } from "#domain/scenario-file.ts";
import { parseInstant } from "#domain/time.ts";
import { generateScenario } from "#generate/generate.ts";
import { loadShipped } from "#test/scenarios.ts";
import { verifyPlan } from "#verify/verify-plan.ts";
import { planWithdrawal } from "./plan-withdrawal.ts";

const at = (iso: string) => parseInstant(iso) ?? Number.NaN;

describe("planning a withdrawal end to end", () => {
  for (const name of ["niger-2024", "synthetic-small"]) {
    it(`plans ${name} completely, and the independent verifier accepts it`, () => {
      const rs = loadShipped(name);
      const plan = planWithdrawal(rs);
      expect(plan.unplanned).toEqual([]);
      const report = verifyPlan(rs, plan);
      expect(report.violations).toEqual([]);
      expect(plan.summary.meetsDeadline).toBe(true);
      // The bound is a bound: no plan, this one included, closes before it.
      expect(at(plan.summary.lowerBoundAt)).toBeLessThanOrEqual(at(plan.summary.closureAt));
      expect(plan.summary.closureRatio).toBeGreaterThanOrEqual(1);
    });
  }

  it("is deterministic: the same scenario and seed give the same plan", () => {
    const rs = loadShipped("niger-2024");
    expect(planWithdrawal(rs, { seed: 3 })).toEqual(planWithdrawal(rs, { seed: 3 }));
  });

  it("uses commercial seats for early leavers in Niger and keeps each closing team to the last cargo", () => {
    const rs = loadShipped("niger-2024");
    const plan = planWithdrawal(rs);
    expect(plan.summary.commercialSeats).toBeGreaterThan(0);
    for (const closure of plan.siteClosures) {
      expect(closure.lastCargoAt).toBeDefined();
      expect(at(closure.closedAt)).toBeGreaterThanOrEqual(at(closure.lastCargoAt ?? ""));
    }
  });

  it("plans of generated scenarios always verify (property)", () => {
    fc.assert(
      fc.property(
        fc.record({
          personnel: fc.integer({ min: 0, max: 150 }),
          items: fc.integer({ min: 0, max: 250 }),
          sites: fc.integer({ min: 1, max: 5 }),
          seed: fc.integer({ min: 1, max: 1_000_000 }),
        }),
        (opts) => {
          const parsed = parseScenarioValue(generateScenario(opts));
          if (!parsed.ok) throw new Error(`generator made an invalid scenario: ${JSON.stringify(parsed.issues.slice(0, 2))}`);
          const plan = planWithdrawal(parsed.value, { seed: opts.seed });
          const report = verifyPlan(parsed.value, plan);
          expect(report.violations).toEqual([]);
          expect(plan.unplanned).toEqual([]);
          expect(at(plan.summary.lowerBoundAt)).toBeLessThanOrEqual(at(plan.summary.closureAt));
        },
      ),
      { numRuns: 60 },
    );
  });
});
