import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ScenarioInput } from "#domain/scenario.ts";
import { leg, must, planFrom, resolvedFrom } from "./fixtures/plan-kit.ts";
import { parsePlan } from "./plan-schema.ts";
import { verifyPlan } from "./verify-plan.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, "utf8");
const scenario = resolvedFrom(JSON.parse(read("scenarios/synthetic-small.json")) as ScenarioInput);
const validPlan = () => planFrom(JSON.parse(read("src/verify/fixtures/synthetic-small.plan.json")));

describe("parsePlan", () => {
  it("reports every schema error with its JSON path", () => {
    const r = parsePlan({ formatVersion: 2, scenario: 3 });
    expect(r.ok).toBe(false);
    const messages = r.violations.map((v) => v.message);
    expect(messages).toContain("$.formatVersion: Invalid input: expected 1");
    expect(messages.some((m) => m.startsWith("$.scenario:"))).toBe(true);
    expect(messages.some((m) => m.startsWith("$.summary:"))).toBe(true);
  });

  it("flags an instant that is not at a whole minute, naming its path", () => {
    const p = validPlan();
    leg(p, "S1", 2).arriveAt = "2025-03-06T13:33:30Z";
    const report = verifyPlan(scenario, p);
    expect(report.violations.map((v) => v.code)).toEqual(["plan.schema"]);
    expect(report.violations[0]?.message).toContain("$.sorties[0].legs[1].arriveAt");
  });

  it("flags repeated ids", () => {
    const p = validPlan();
    const c = must(p.convoys[1], "C2");
    c.id = "S1";
    const v = verifyPlan(scenario, p).violations.filter((x) => x.code === "plan.schema");
    expect(v).toHaveLength(1);
    expect(v[0]?.message).toContain('movement id "S1" is already used at $.sorties[0].id');
  });
});

describe("unknown ids", () => {
  it("give ref.unknown rather than a crash", () => {
    const p = validPlan();
    const s1 = must(p.sorties[0], "S1");
    s1.aircraft = "B52-1";
    s1.type = "B-52H";
    const l = leg(p, "S1", 2);
    l.to = "MOON";
    const load = must(l.load, "load");
    load.pallets.push("P-none");
    load.passengers.push({ group: "nobody", count: 1 });
    must(p.convoys[0], "C1").route = "no-road";
    must(p.commercial[0], "P1").service = "no-airline";
    const report = verifyPlan(scenario, p);
    const unknown = report.violations.filter((v) => v.code === "ref.unknown").map((v) => v.subject);
    expect(unknown).toEqual(
      expect.arrayContaining(["B52-1", "B-52H", "MOON", "P-none", "nobody", "no-road", "no-airline"]),
    );
    expect(report.violations.some((v) => v.code === "aircraft.unknown" && v.subject === "B52-1")).toBe(true);
  });
});
