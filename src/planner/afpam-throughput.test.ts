import { describe, expect, it } from "vitest";
import { groundMinutes } from "#domain/ground-time.ts";
import type { ScenarioInput } from "#domain/scenario.ts";
import { parseScenarioValue } from "#domain/scenario-file.ts";
import { parseInstant } from "#domain/time.ts";
import { scenarioText } from "#test/scenarios.ts";
import { verifyPlan } from "#verify/verify-plan.ts";
import { planWithdrawal } from "./plan-withdrawal.ts";

const at = (iso: string) => parseInstant(iso) ?? Number.NaN;

/**
 * One airfield (MAIN, open round the clock, `spots` C-17 spots), one type (eight C-17s, more than the
 * spots can turn), crews staged at home, boxed cargo for some sixty sorties, no clearances.
 */
function oneAirfield(spots: number): ScenarioInput {
  const s = JSON.parse(scenarioText("synthetic-small")) as ScenarioInput;
  const main = s.sites.find((x) => x.id === "MAIN");
  if (!main) throw new Error("synthetic-small has no MAIN");
  return {
    ...s,
    id: "afpam-one-airfield",
    agreement: { ...s.agreement, deadline: "2025-06-30T23:59:00Z" },
    sites: [{ ...main, parking: { heavy: spots, medium: 0 }, operatingHours: undefined }, ...s.sites.filter((x) => x.id === "HOME")],
    personnel: [{ id: "main-support", site: "MAIN", unit: "Support squadron", category: "support", count: { value: 20, assumption: true, rationale: "test" } }],
    closingTeams: [],
    cargo: [
      {
        id: "boxes",
        description: "Boxed spares",
        site: "MAIN",
        quantity: 9000,
        unitWeight: 400,
        dimensions: { length: 110, width: 90, height: 80 },
        kind: "box",
      },
    ],
    fleet: [
      {
        id: "C17",
        type: "C-17A",
        count: 8,
        base: "HOME",
        availability: [{ from: "2025-03-03T00:00:00Z", to: "2025-06-30T00:00:00Z" }],
        crew: { staged: [{ site: "HOME", count: 8 }] },
      },
    ],
    commercial: [],
    roadRoutes: [],
    clearanceRules: [],
  };
}

/**
 * AFPAM 10-1403's airfield throughput: tons a day = spots × payload × operating hours / ground time ×
 * 0.85 (queuing efficiency). A schedule on one airfield with more aircraft than its spots can turn must
 * reach that figure, and can never beat it without the 0.85 (each load holds a spot for its ground time).
 * Payload is the schedule's own average load per sortie, so the check is on how it uses the spots.
 */
describe("AFPAM 10-1403 cross-check", () => {
  for (const spots of [1, 2]) {
    it(`${spots} spot(s), 24 h: throughput between the planning factor and the same without the 0.85`, () => {
      const parsed = parseScenarioValue(oneAirfield(spots));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
      const rs = parsed.value;
      const plan = planWithdrawal(rs);
      expect(plan.unplanned).toEqual([]);
      expect(verifyPlan(rs, plan).violations).toEqual([]);
      const loaded = plan.sorties.flatMap((s) => s.legs.filter((l) => l.from === "MAIN" && l.load));
      const arrivals = plan.sorties.flatMap((s) => s.legs.filter((l) => l.to === "MAIN").map((l) => at(l.arriveAt)));
      expect(loaded.length).toBeGreaterThan(40);
      const tons = loaded.reduce((n, l) => n + l.payloadKg / 1000, 0);
      const days = (Math.max(...loaded.map((l) => at(l.departAt))) - Math.min(...arrivals)) / 1440;
      const throughput = tons / days;
      const main = rs.sites.get("MAIN" as never);
      const c17 = rs.types.get("C-17A" as never);
      if (!main || !c17) throw new Error("no MAIN or C-17A");
      const groundHours = groundMinutes(c17, main, { unloading: false, loading: true }) / 60;
      const payload = tons / loaded.length;
      const ideal = (spots * payload * 24) / groundHours;
      expect(throughput).toBeLessThanOrEqual(ideal * 1.000001);
      expect(throughput).toBeGreaterThanOrEqual(ideal * 0.85);
    });
  }
});
