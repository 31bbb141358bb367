import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ScenarioInput } from "#domain/scenario.ts";
import { leg, must, planFrom, resolvedFrom } from "./fixtures/plan-kit.ts";
import { verifyPlan } from "./verify-plan.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const scenarioJson = (): ScenarioInput => JSON.parse(readFileSync(`${root}scenarios/synthetic-small.json`, "utf8")) as ScenarioInput;
const validPlan = () => planFrom(JSON.parse(readFileSync(`${root}src/verify/fixtures/synthetic-small.plan.json`, "utf8")));

describe("crew rules", () => {
  it("counts too short a rest as the same duty period, and says so", () => {
    const p = validPlan();
    // The second C-17's sortie flown by the first aircraft and its crew, 2.5 h after it lands.
    must(p.sorties[1], "S2").aircraft = "C17-1";
    Object.assign(leg(p, "S2", 1), { departAt: "2025-03-06T17:00:00Z", arriveAt: "2025-03-06T21:03:00Z" });
    Object.assign(leg(p, "S2", 2), { departAt: "2025-03-07T00:30:00Z", arriveAt: "2025-03-07T04:33:00Z" });
    const report = verifyPlan(resolvedFrom(scenarioJson()), p);
    const duty = report.violations.filter((v) => v.code === "crew.duty");
    expect(duty.length).toBeGreaterThan(0);
    expect(duty[0]?.subject).toBe("C17-1:crew");
    expect(duty[0]?.message).toMatch(/under the 720 min minimum rest/);
  });

  it("accepts a staged crew taking an aircraft over at its staging site, and numbers staged crews from 1", () => {
    const s = scenarioJson();
    const c17 = must(s.fleet.find((f) => f.id === "C17"), "C17");
    c17.crew = { staged: [{ site: "HOME", count: 1 }] };
    const p = validPlan();
    for (const n of [1, 2]) leg(p, "S2", n).crew = "C17@HOME:1";
    expect(verifyPlan(resolvedFrom(s), p).violations).toEqual([]);
    for (const n of [1, 2]) leg(p, "S2", n).crew = "C17@HOME:2";
    expect(verifyPlan(resolvedFrom(s), p).violations.map((v) => v.code)).toContain("crew.unknown");
  });

  it("lets an augmented crew fly what a basic one may not", () => {
    const s = scenarioJson();
    s.crewDuty = { basicDutyPeriod: 600 };
    expect(verifyPlan(resolvedFrom(s), validPlan()).violations.map((v) => v.code)).toContain("crew.duty");
    must(s.fleet.find((f) => f.id === "C17"), "C17").crew = { complement: "augmented" };
    expect(verifyPlan(resolvedFrom(s), validPlan()).violations).toEqual([]);
  });
});
