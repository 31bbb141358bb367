import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { parseScenarioValue } from "#domain/scenario-file.ts";
import { generateScenario } from "#generate/generate.ts";
import { verifyPlan } from "#verify/verify-plan.ts";
import { DISPATCH_RULES, type DispatchRule } from "./dispatch-rule.ts";
import type { LoadOrder } from "./load-order.ts";
import { planWithdrawal } from "./plan-withdrawal.ts";

/** Loaded legs of one aircraft type: how many and their mean payload. */
function loadsOf(plan: Plan, type: string) {
  const legs = plan.sorties.filter((s) => s.type === type).flatMap((s) => s.legs.filter((l) => l.load && l.loadPlan));
  const mean = (f: (l: (typeof legs)[number]) => number) => legs.reduce((n, l) => n + f(l), 0) / Math.max(legs.length, 1);
  return { loads: legs.length, payloadKg: mean((l) => l.payloadKg) };
}

describe("load orders", () => {
  // Six sites of mixed cargo, C-17A and C-130J-30: dense and bulky pieces side by side.
  const parsed = parseScenarioValue(generateScenario({ personnel: 500, items: 3000, sites: 6, seed: 1 }));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.slice(0, 2)));
  const rs = parsed.value;
  const rule = DISPATCH_RULES[0] as DispatchRule;
  const planWith = (order: LoadOrder) => planWithdrawal(rs, { dispatchRules: [rule], loadOrders: [order] });
  const balanced = planWith("balanced");
  const queue = planWith("queue");

  it("both move everything in verified plans", () => {
    for (const plan of [balanced, queue]) {
      expect(plan.unplanned).toEqual([]);
      expect(verifyPlan(rs, plan).violations).toEqual([]);
    }
  });

  it("balanced loads carry more per C-17A and need fewer C-130J-30 loads and sorties in all", () => {
    const [b130, q130] = [balanced, queue].map((p) => loadsOf(p, "C-130J-30"));
    const [b17, q17] = [balanced, queue].map((p) => loadsOf(p, "C-17A"));
    expect(b130?.loads).toBeGreaterThan(0);
    expect(b17?.loads).toBeGreaterThan(0);
    // Measured: 45.2 t against 44.7 t per C-17A load, 66 against 68 C-130J-30 loads, 165 against 167 sorties.
    expect(b17?.payloadKg).toBeGreaterThan(q17?.payloadKg ?? Number.POSITIVE_INFINITY);
    expect(b130?.loads).toBeLessThan(q130?.loads ?? 0);
    expect(balanced.sorties.length).toBeLessThan(queue.sorties.length);
    expect(balanced.summary.closureAt <= queue.summary.closureAt).toBe(true);
  });

  it("the planner keeps the better of both where it can afford them", () => {
    const both = planWithdrawal(rs, { dispatchRules: [rule, DISPATCH_RULES[1] as DispatchRule] });
    const closure = (p: Plan) => p.summary.closureAt;
    expect(closure(both) <= closure(balanced) && closure(both) <= closure(queue)).toBe(true);
  });
});
