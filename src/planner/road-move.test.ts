import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ScenarioInput } from "#domain/scenario.ts";
import { parseScenarioValue } from "#domain/scenario-file.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { formatInstant, instant, parseInstant } from "#domain/time.ts";
import { generateScenario } from "#generate/generate.ts";
import { loadShipped } from "#test/scenarios.ts";
import { verifyPlan } from "#verify/verify-plan.ts";
import { planWithdrawal } from "./plan-withdrawal.ts";
import type { LiftUnit } from "./lift-unit.ts";
import { roadMoveCandidates } from "./road-move.ts";

const at = (iso: string) => parseInstant(iso) ?? Number.NaN;

function resolved(s: ScenarioInput): ResolvedScenario {
  const r = parseScenarioValue(s);
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
  return r.value;
}

/**
 * A generated scenario whose second airfield opens only 09:00–15:00 with one spot a class, with and
 * without a road (200 km, convoys through the day) to the first.
 */
function slowAirfield(): { slow: ScenarioInput; road: ScenarioInput; far: string; main: string } {
  const s = generateScenario({ personnel: 150, items: 900, sites: 3, seed: 4 });
  const [main, far] = s.sites.filter((x) => x.inHostCountry && x.icao);
  if (!main || !far) throw new Error("the generated scenario has fewer than two airfields");
  const slow: ScenarioInput = {
    ...s,
    sites: s.sites.map((x) => (x.id === far.id ? { ...x, operatingHours: { open: "09:00", close: "15:00" }, parking: { heavy: 1, medium: 1 } } : x)),
  };
  const road: ScenarioInput = {
    ...slow,
    roadRoutes: [
      ...(slow.roadRoutes ?? []),
      { id: "far-main", from: far.id, to: main.id, distance: 200, ratePerDay: 400, trucks: 20, truckPayload: 20000, truckPallets: 4, convoysPerDay: 2, escortWindows: [{ start: "05:00", end: "18:00" }] },
    ],
  };
  return { slow, road, far: far.id, main: main.id };
}

describe("cargo by road to a better airfield", () => {
  const { slow, road, far, main } = slowAirfield();
  const rsRoad = resolved(road);
  const withRoad = planWithdrawal(rsRoad);

  it("is used when it gets everything out sooner, and the plan keeps every rule", () => {
    const withoutRoad = planWithdrawal(resolved(slow));
    expect(verifyPlan(rsRoad, withRoad).violations).toEqual([]);
    const moves = withRoad.convoys.filter((c) => c.from === far && c.to === main);
    expect(moves.length).toBeGreaterThan(0);
    expect(at(withRoad.summary.closureAt)).toBeLessThan(at(withoutRoad.summary.closureAt));
    // Cargo only, never sensitive pieces: the people fly from their own airfield.
    for (const c of moves) expect(c.load.passengers).toEqual([]);
  });

  it("tries moving half or all of the more restricted airfield's cargo to the other, only between airfields", () => {
    const rs = loadShipped("niger-2024");
    const piece = { kind: "loose", positions: 2, sensitive: false } as unknown as LiftUnit;
    const lift = new Map(rs.scenario.sites.map((x) => [x.id, [piece]] as const));
    const moves = roadMoveCandidates(rs, lift);
    // Agadez opens 05:00–21:00 with one heavy spot; Niamey round the clock with two.
    expect(moves.map((m) => `${m.from}→${m.to} ${m.positions}`)).toEqual(["AGADEZ→NIAMEY 1", "AGADEZ→NIAMEY 2"]);
  });

  it("is checked by the verifier: cargo cannot fly from the second airfield before its convoy arrives", () => {
    const plan = structuredClone(withRoad) as Plan;
    const convoy = plan.convoys.find((c) => c.from === far && c.to === main);
    if (!convoy) throw new Error("no road move to tamper with");
    // The convoy arrives a month later than planned: what it carries is not there for its flight.
    convoy.arriveAt = formatInstant(instant(at(convoy.arriveAt) + 30 * 1440));
    const codes = verifyPlan(rsRoad, plan).violations.map((v) => v.code);
    expect(codes).toContain("cargo.conservation");
  });

  it("is checked by the verifier: the closing team stays until the last convoy has left", () => {
    const plan = structuredClone(withRoad) as Plan;
    const moves = plan.convoys.filter((c) => c.from === far && c.to === main);
    const last = moves.at(-1);
    if (!last) throw new Error("no road move to tamper with");
    // The last convoy leaves after everybody at the airfield has flown out.
    const closed = at(plan.siteClosures.find((c) => c.site === far)?.closedAt ?? "");
    const shift = closed + 60 - at(last.departAt);
    last.departAt = formatInstant(instant(at(last.departAt) + shift));
    last.arriveAt = formatInstant(instant(at(last.arriveAt) + shift));
    const codes = verifyPlan(rsRoad, plan).violations.map((v) => v.code);
    expect(codes).toContain("closing_team.stays");
  });
});
