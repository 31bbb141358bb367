import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ScenarioInput } from "#domain/scenario.ts";
import { formatInstant } from "#domain/time.ts";
import { clearanceNeeds } from "./clearances.ts";
import { buildContext } from "./context.ts";
import { leg, planFrom, resolvedFrom } from "./fixtures/plan-kit.ts";
import { verifyPlan } from "./verify-plan.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, "utf8");
const scenario = resolvedFrom(JSON.parse(read("scenarios/synthetic-small.json")) as ScenarioInput);
const validPlan = (): Plan => planFrom(JSON.parse(read("src/verify/fixtures/synthetic-small.plan.json")));

describe("clearance needs", () => {
  it("are exactly the six requests of the hand-built plan", () => {
    const plan = validPlan();
    const needs = [...clearanceNeeds(buildContext(scenario, plan)).values()].map((n) => ({
      sortie: n.sortie,
      country: n.country,
      kind: n.kind,
      ...(n.airfield ? { airfield: n.airfield } : {}),
      firstAt: formatInstant(n.firstAt),
      lastAt: formatInstant(n.lastAt),
      latestFilingAt: formatInstant(n.latestFilingAt),
      validFrom: formatInstant(n.validFrom),
      validTo: formatInstant(n.validTo),
    }));
    const stated = plan.clearanceRequests.map(({ id: _, ...r }) => r);
    expect(needs).toEqual(expect.arrayContaining(stated));
    expect(needs).toHaveLength(stated.length);
  });

  it("count working days back over a weekend", () => {
    // A Monday flight under three working days: Friday, Thursday, Wednesday — file by Wednesday 00:00Z.
    const plan = validPlan();
    Object.assign(leg(plan, "S1", 1), { departAt: "2025-03-10T02:00:00Z", arriveAt: "2025-03-10T06:03:00Z" });
    Object.assign(leg(plan, "S1", 2), { departAt: "2025-03-10T09:30:00Z", arriveAt: "2025-03-10T13:33:00Z" });
    const landing = [...clearanceNeeds(buildContext(scenario, plan)).values()].find(
      (n) => n.sortie === "S1" && n.kind === "landing",
    );
    expect(landing && formatInstant(landing.latestFilingAt)).toBe("2025-03-05T00:00:00Z");
  });

  it("treat a second request for the same need as an orphan", () => {
    const plan = validPlan();
    const first = plan.clearanceRequests[0];
    if (first) plan.clearanceRequests.push({ ...first, id: "R1b" });
    const v = verifyPlan(scenario, plan).violations.filter((x) => x.code === "clearance.orphan");
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ subject: "R1b", movement: "S1" });
  });

  it("report a request the sortie of which does not exist as an orphan, not a crash", () => {
    const plan = validPlan();
    const first = plan.clearanceRequests[0];
    if (first) plan.clearanceRequests.push({ ...first, id: "R9", sortie: "S99" });
    const codes = verifyPlan(scenario, plan).violations.map((x) => x.code);
    expect(codes).toContain("clearance.orphan");
  });
});
