import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ScenarioInput } from "#domain/scenario.ts";
import { leg, planFrom, resolvedFrom, site } from "./fixtures/plan-kit.ts";
import { verifyPlan } from "./verify-plan.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, "utf8");
const scenarioWith = (change: (s: ScenarioInput) => void) => {
  const s = JSON.parse(read("scenarios/synthetic-small.json")) as ScenarioInput;
  change(s);
  return resolvedFrom(s);
};
const validPlan = (): Plan => planFrom(JSON.parse(read("src/verify/fixtures/synthetic-small.plan.json")));

/** S2 flying HOME→MAIN over `[depart, arrive]`, then back over `[leave, back]` (block time 243 min). */
function secondSortie(depart: string, arrive: string, leave: string, back: string): Plan {
  const p = validPlan();
  const at = (hhmm: string) => `2025-03-06T${hhmm}:00Z`;
  Object.assign(leg(p, "S2", 1), { departAt: at(depart), arriveAt: at(arrive) });
  Object.assign(leg(p, "S2", 2), { departAt: at(leave), arriveAt: at(back) });
  return p;
}

describe("site.parking", () => {
  const oneSpot = scenarioWith((s) => {
    site(s, "MAIN").parking = { heavy: 1 };
  });
  const parking = (p: Plan) => verifyPlan(oneSpot, p).violations.filter((v) => v.code === "site.parking");

  it("frees a spot at the minute an aircraft leaves", () => {
    expect(parking(secondSortie("05:27", "09:30", "12:45", "16:48"))).toEqual([]);
  });

  it("counts an aircraft landing one minute before the other leaves", () => {
    const v = parking(secondSortie("05:26", "09:29", "12:45", "16:48"));
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ subject: "MAIN", movement: "S2" });
    expect(v[0]?.message).toContain("C17-1, C17-2");
  });

  it("counts aircraft waiting at their base from the start of their window", () => {
    const smallHome = scenarioWith((s) => {
      site(s, "HOME").parking = { heavy: 1 };
    });
    const v = verifyPlan(smallHome, validPlan()).violations.filter((x) => x.code === "site.parking");
    // Once while both wait for their first flight, once when both are back for good.
    expect(v).toHaveLength(2);
    expect(v[0]?.message).toContain("from 2025-03-03T00:00:00Z 2 heavy aircraft are on the ground at HOME");
    expect(v[1]?.message).toContain("from 2025-03-06T14:33:00Z 2 heavy aircraft");
  });

  it("treats a class a site leaves out as no spots", () => {
    const mediumOnly = scenarioWith((s) => {
      site(s, "MAIN").parking = { medium: 2 };
    });
    expect(verifyPlan(mediumOnly, validPlan()).violations.some((x) => x.code === "site.parking")).toBe(true);
  });
});
