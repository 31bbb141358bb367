import { describe, expect, it } from "vitest";
import { crewDutySchema, type FleetCrew } from "#domain/crew.ts";
import type { FleetEntry } from "#domain/fleet.ts";
import type { ScenarioInput } from "#domain/scenario.ts";
import { parseScenarioValue } from "#domain/scenario-file.ts";
import { parseInstant } from "#domain/time.ts";
import { generateScenario } from "#generate/generate.ts";
import { verifyPlan } from "#verify/verify-plan.ts";
import { CrewRoster } from "./crew-duty.ts";
import { planWithdrawal } from "./plan-withdrawal.ts";

const H = 60;
const rules = crewDutySchema.parse({});
const entry = (crew: FleetCrew): FleetEntry => ({ id: "C17", type: "C-17A", count: 1, base: "HOME", availability: [], crew }) as unknown as FleetEntry;

describe("the crew roster", () => {
  it("has the US Air Force defaults: 16 h basic, 24 h augmented, C-130 augmented 18 h, 12 h rest", () => {
    expect(rules.basicDutyPeriod).toBe(16 * H);
    expect(rules.augmentedDutyPeriod).toBe(24 * H);
    expect(rules.minimumRest).toBe(12 * H);
    expect(rules.byType.find((t) => t.type === "C-130J-30")?.augmentedDutyPeriod).toBe(18 * H);
  });

  it("lets the own crew go on within its duty period, then makes it rest 12 h", () => {
    const fleet = entry({ complement: "basic", staged: [] });
    const roster = new CrewRoster(rules, [fleet]);
    expect(roster.choose("C17-1", fleet, "C-17A", "HOME", 2 * H, 8 * H)).toEqual({ crew: "C17-1:crew" });
    roster.fly("C17-1", fleet, "C17-1:crew", "HOME", 2 * H, 8 * H, "MAIN");
    // Report at 1:00; a second sortie landing at 16:00 is still within 16 h.
    expect(roster.choose("C17-1", fleet, "C-17A", "MAIN", 10 * H, 16 * H)).toEqual({ crew: "C17-1:crew" });
    // Landing at 18:00 is not: ask again once rested (8:00 + 12 h + 1 h report).
    expect(roster.choose("C17-1", fleet, "C-17A", "MAIN", 10 * H, 18 * H)).toEqual({ retryAt: 21 * H });
    expect(roster.choose("C17-1", fleet, "C-17A", "MAIN", 21 * H, 29 * H)).toEqual({ crew: "C17-1:crew" });
  });

  it("lets a crew on duty turn the aircraft round faster than the report time: it is already aboard", () => {
    const fleet = entry({ complement: "basic", staged: [] });
    const roster = new CrewRoster(rules, [fleet]);
    roster.fly("C17-1", fleet, "C17-1:crew", "HOME", 0, 3 * H, "HOME");
    // 45 min on the ground, under the 1 h report time: the same duty period goes on (report was at −1:00).
    expect(roster.choose("C17-1", fleet, "C-17A", "HOME", 3 * H + 45, 7 * H)).toEqual({ crew: "C17-1:crew" });
    // Never before it has landed.
    expect(roster.choose("C17-1", fleet, "C-17A", "HOME", 3 * H - 1, 7 * H)).toHaveProperty("retryAt");
  });

  it("hands the aircraft to a rested staged crew where it lands, and never plans a sortie longer than a duty period", () => {
    const fleet = entry({ complement: "basic", staged: [{ site: "HOME", count: 1 }] } as FleetCrew);
    const roster = new CrewRoster(rules, [fleet]);
    roster.fly("C17-1", fleet, "C17-1:crew", "HOME", 2 * H, 14 * H, "HOME");
    expect(roster.choose("C17-1", fleet, "C-17A", "HOME", 17 * H, 29 * H)).toEqual({ crew: "C17@HOME:1" });
    roster.fly("C17-1", fleet, "C17@HOME:1", "HOME", 17 * H, 29 * H, "HOME");
    // The relieved own crew rested at HOME from 14:00: it takes the next one.
    expect(roster.choose("C17-1", fleet, "C-17A", "HOME", 32 * H, 40 * H)).toEqual({ crew: "C17-1:crew" });
    expect(roster.choose("C17-1", fleet, "C-17A", "HOME", 32 * H, 48 * H)).toEqual({ never: true });
  });
});

describe("planning with crews", () => {
  const at = (iso: string) => parseInstant(iso) ?? Number.NaN;

  it("without staged crews, every aircraft waits for its crew's rest, and the plan keeps every crew rule", () => {
    const s = generateScenario({ personnel: 200, items: 600, sites: 2, seed: 11 });
    const noStaging: ScenarioInput = { ...s, fleet: s.fleet.map((f) => ({ ...f, crew: { complement: "basic" as const } })) };
    const staged = parseScenarioValue(s);
    const alone = parseScenarioValue(noStaging);
    if (!staged.ok || !alone.ok) throw new Error("scenario does not validate");
    const withCrews = planWithdrawal(staged.value);
    const withoutCrews = planWithdrawal(alone.value);
    expect(verifyPlan(alone.value, withoutCrews).violations).toEqual([]);
    expect(verifyPlan(staged.value, withCrews).violations).toEqual([]);
    // Each crew rests 12 h after a sortie (one sortie is most of a 16-hour duty period), so sorties of one
    // aircraft start at least 12 h after the previous one lands.
    const byTail = new Map<string, { from: number; to: number }[]>();
    for (const sortie of withoutCrews.sorties) {
      const legs = sortie.legs;
      byTail.set(sortie.aircraft, [...(byTail.get(sortie.aircraft) ?? []), { from: at(legs[0]?.departAt ?? ""), to: at(legs.at(-1)?.arriveAt ?? "") }]);
      for (const l of legs) expect(l.crew).toBe(`${sortie.aircraft}:crew`);
    }
    for (const list of byTail.values()) for (let i = 1; i < list.length; i++) expect((list[i]?.from ?? 0) - (list[i - 1]?.to ?? 0)).toBeGreaterThanOrEqual(12 * H);
    expect(at(withoutCrews.summary.closureAt)).toBeGreaterThan(at(withCrews.summary.closureAt));
    expect(withCrews.sorties.some((x) => x.legs.some((l) => l.crew?.includes("@")))).toBe(true);
  });
});
