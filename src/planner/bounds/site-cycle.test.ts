import { describe, expect, it } from "vitest";
import type { ScenarioInput } from "#domain/scenario.ts";
import { parseScenarioValue } from "#domain/scenario-file.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { instant, parseInstant } from "#domain/time.ts";
import { generateScenario } from "#generate/generate.ts";
import { verifyPlan } from "#verify/verify-plan.ts";
import { closureBounds } from "../bounds.ts";
import { ClearanceGate } from "../clearance-gate.ts";
import { planWithdrawal } from "../plan-withdrawal.ts";
import { SITE_CYCLE_BOUND_NAME, siteCycleBound } from "./site-cycle.ts";

const at = (iso: string) => parseInstant(iso) ?? Number.NaN;

function resolved(s: ScenarioInput): ResolvedScenario {
  const r = parseScenarioValue(s);
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
  return r.value;
}

const bound = (rs: ResolvedScenario) =>
  siteCycleBound(rs, new ClearanceGate(rs.scenario, rs.start), rs.start, instant(rs.start + 5 * 365 * 1440));

describe("the site-cycle bound", () => {
  it("is never after the closure of a verified plan (generated scenarios, public seeds)", () => {
    for (const [personnel, items, sites, seed] of [
      [200, 1000, 4, 1],
      [500, 3000, 6, 2],
      [168, 454, 5, 4],
      [1000, 5000, 6, 3],
    ] as const) {
      const rs = resolved(generateScenario({ personnel, items, sites, seed }));
      const plan = planWithdrawal(rs);
      expect(verifyPlan(rs, plan).violations).toEqual([]);
      const b = bound(rs);
      expect(b, `${personnel}/${items}/${sites}/${seed}`).toBeDefined();
      expect(b?.at ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(at(plan.summary.closureAt));
    }
  });

  it("sees that a far site costs more aircraft time than a near one (stronger than the fleet-cycle bound)", () => {
    const s = generateScenario({ personnel: 500, items: 3000, sites: 6, seed: 2 });
    const rs = resolved(s);
    const bounds = closureBounds(rs, new ClearanceGate(rs.scenario, rs.start));
    const fleet = bounds.find((b) => b.name === "fleet-cycle");
    const site = bounds.find((b) => b.name === SITE_CYCLE_BOUND_NAME);
    expect(site && fleet && site.at > fleet.at).toBe(true);
  });

  it("moves the way the problem does: more aircraft, earlier; twice the cargo, later", () => {
    const s = generateScenario({ personnel: 300, items: 2000, sites: 4, seed: 5 });
    const base = bound(resolved(s))?.at ?? Number.NaN;
    const more: ScenarioInput = { ...s, fleet: s.fleet.map((f) => ({ ...f, count: (typeof f.count === "number" ? f.count : f.count.value) * 2 })) };
    const heavier: ScenarioInput = { ...s, cargo: s.cargo.map((c) => ({ ...c, quantity: c.quantity * 2 })) };
    expect(bound(resolved(more))?.at ?? Number.NaN).toBeLessThan(base);
    expect(bound(resolved(heavier))?.at ?? Number.NaN).toBeGreaterThan(base);
  });
});
