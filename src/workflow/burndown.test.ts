import { describe, expect, it } from "vitest";
import { loadShipped } from "#test/scenarios.ts";
import { ALL_SITES, burndown, initialHoldings, plannedChanges, sample } from "./burndown.ts";
import { t } from "./factories.ts";
import { buildPlanMovement, buildProgressPlan, inSyntheticHost } from "./progress-fixtures.ts";

const { scenario } = loadShipped("synthetic-small");
const LB = 0.45359237;
// synthetic-small, by hand: MAIN has 80 + 40 + 12 people and boxes 60 × 400 lb, gens 4 × 1800 kg,
// trucks 3 × 7000, crypto 2 × 300, fuel cans 20 × 25 (the furniture is handed over); OUTPOST has
// 15 + 4 people and 20 boxes of 150 kg.
const MAIN_KG = 60 * 400 * LB + 4 * 1800 + 3 * 7000 + 2 * 300 + 20 * 25;
const OUTPOST_KG = 20 * 150;
const S1_KG = 60 * 400 * LB + 4 * 1800;
const start = t("2025-03-01T00:00Z");
const deadline = t("2025-03-31T23:59Z");

describe("initialHoldings", () => {
  it("counts each host site's people and the cargo it must withdraw, not what it hands over", () => {
    const h = initialHoldings(scenario, inSyntheticHost);
    expect([...h.keys()].sort()).toEqual(["MAIN", "OUTPOST"]);
    expect(h.get("MAIN")?.personnel).toBe(132);
    expect(h.get("MAIN")?.cargoKg).toBeCloseTo(MAIN_KG, 3);
    expect(h.get("OUTPOST")).toEqual({ personnel: 19, cargoKg: OUTPOST_KG });
  });
});

describe("plannedChanges", () => {
  const changes = plannedChanges(scenario, buildProgressPlan(), inSyntheticHost);

  it("takes a sortie's load off its site at the loaded leg's departure, and nothing for the positioning leg", () => {
    const s1 = changes.get("S1") ?? [];
    expect(s1).toHaveLength(1);
    expect(s1[0]?.site).toBe("MAIN");
    expect(s1[0]?.at).toBe(t("2025-03-03T06:00Z"));
    expect(s1[0]?.personnel).toBe(-80);
    expect(s1[0]?.cargoKg).toBeCloseTo(-S1_KG, 3);
  });

  it("moves a convoy's load from one host site to another, arriving at its arrival", () => {
    expect(changes.get("C1")).toEqual([
      { site: "OUTPOST", at: t("2025-03-02T06:00Z"), personnel: -15, cargoKg: -OUTPOST_KG, withinCountry: true },
      { site: "MAIN", at: t("2025-03-02T18:00Z"), personnel: 15, cargoKg: OUTPOST_KG, withinCountry: true },
    ]);
  });

  it("takes airline passengers off their airport", () => {
    expect(changes.get("P1")).toEqual([{ site: "MAIN", at: t("2025-03-04T03:00Z"), personnel: -40, cargoKg: -0 }]);
  });
});

describe("sample", () => {
  it("counts a change at the instant it happens, and not before", () => {
    const changes = [{ site: "A", at: t("2025-03-02T00:00Z"), personnel: -5, cargoKg: -10 }];
    const points = sample({ personnel: 10, cargoKg: 20 }, changes, [t("2025-03-01T23:59Z"), t("2025-03-02T00:00Z")]);
    expect(points.map((p) => p.personnel)).toEqual([10, 5]);
    expect(points.map((p) => p.cargoKg)).toEqual([20, 10]);
  });
});

describe("burndown", () => {
  const plan = buildProgressPlan();
  const at = t("2025-03-03T12:00Z");
  const series = (movements: Parameters<typeof burndown>[0]["movements"], now = at) =>
    burndown({ scenario, plan, movements, at: now, inHostCountry: inSyntheticHost }, start, deadline);
  const point = (s: ReturnType<typeof series>, site: string, which: "plan" | "actual", iso: string) =>
    s.find((x) => x.site === site)?.[which].find((p) => p.at === t(iso));

  it("gives the plan day by day from the start to a day after the deadline, per site and for all sites", () => {
    const s = series([]);
    expect(s.map((x) => x.site)).toEqual([ALL_SITES, "MAIN", "OUTPOST"]);
    const main = s.find((x) => x.site === "MAIN");
    expect(main?.plan[0]?.at).toBe(start);
    expect(main?.plan.at(-1)?.at).toBe(t("2025-04-01T00:00Z"));
    expect(point(s, "MAIN", "plan", "2025-03-03T00:00Z")?.personnel).toBe(132 + 15);
    expect(point(s, "MAIN", "plan", "2025-03-04T00:00Z")?.personnel).toBe(132 + 15 - 80);
    expect(point(s, "MAIN", "plan", "2025-03-05T00:00Z")).toEqual({ at: t("2025-03-05T00:00Z"), personnel: 132 + 15 - 80 - 40, cargoKg: Math.round((MAIN_KG + OUTPOST_KG - S1_KG) * 1000) / 1000 });
    expect(point(s, "OUTPOST", "plan", "2025-03-03T00:00Z")).toEqual({ at: t("2025-03-03T00:00Z"), personnel: 4, cargoKg: 0 });
    expect(point(s, ALL_SITES, "plan", "2025-03-05T00:00Z")?.personnel).toBe(151 - 80 - 40);
  });

  it("keeps a load moving between host sites in the all-sites total while it is on the road", () => {
    const s = series([buildPlanMovement("C1", { status: "departed", departedAt: t("2025-03-02T06:00Z") })], t("2025-03-02T12:00Z"));
    // Mid-convoy: gone from the outpost, not yet at MAIN, still in the country.
    expect(s.find((x) => x.site === "OUTPOST")?.actual.at(-1)?.personnel).toBe(4);
    expect(s.find((x) => x.site === "MAIN")?.actual.at(-1)?.personnel).toBe(132);
    expect(s.find((x) => x.site === ALL_SITES)?.actual.at(-1)?.personnel).toBe(151);
    const planned = series([]).find((x) => x.site === ALL_SITES)?.plan ?? [];
    // The plan's total only ever falls: nothing leaves the country before S1 on the 3rd.
    for (let i = 1; i < planned.length; i++) expect(planned[i]?.personnel).toBeLessThanOrEqual(planned[i - 1]?.personnel ?? 0);
    expect(point(series([]), ALL_SITES, "plan", "2025-03-03T00:00Z")?.personnel).toBe(151);
  });

  it("ends the actual at `at`, and nothing moved while nothing departed", () => {
    const s = series([]);
    const main = s.find((x) => x.site === "MAIN");
    expect(main?.actual.at(-1)).toEqual({ at, personnel: 132, cargoKg: Math.round(MAIN_KG * 1000) / 1000 });
    expect(main?.actual.every((p) => p.at <= at)).toBe(true);
  });

  it("moves a departed movement's planned load at its actual departure, and its arrival with it", () => {
    const late = buildPlanMovement("C1", { status: "departed", departedAt: t("2025-03-03T08:00Z") });
    const s = series([late]);
    // Planned on the 2nd; it left on the 3rd, so on the 3rd at 00:00 the outpost still had everyone.
    expect(point(s, "OUTPOST", "actual", "2025-03-03T00:00Z")?.personnel).toBe(19);
    expect(s.find((x) => x.site === "OUTPOST")?.actual.at(-1)?.personnel).toBe(4);
    // Shifted by the same 26 hours, it reaches MAIN on the 3rd at 20:00, after `at`.
    expect(s.find((x) => x.site === "MAIN")?.actual.at(-1)?.personnel).toBe(132);
  });

  it("adds an arrival at a host site at its recorded time", () => {
    const arrived = buildPlanMovement("C1", { status: "arrived", departedAt: t("2025-03-03T08:00Z"), arrivedAt: t("2025-03-03T11:00Z") });
    expect(series([arrived]).find((x) => x.site === "MAIN")?.actual.at(-1)?.personnel).toBe(147);
  });

  it("counts the recorded manifest instead of the plan when there is one", () => {
    const m = buildPlanMovement("S1", { status: "departed", departedAt: t("2025-03-03T07:00Z") }, { persons: ["PE-1", "PE-2", "PE-3"], items: [{ cargo: "gens", quantity: 1 }] });
    const main = series([m]).find((x) => x.site === "MAIN");
    expect(main?.actual.at(-1)?.personnel).toBe(129);
    expect(main?.actual.at(-1)?.cargoKg).toBeCloseTo(MAIN_KG - 1800, 3);
  });

  it("ignores movements that have not departed, or departed after `at`", () => {
    const s = series([
      buildPlanMovement("S1", { status: "cleared" }),
      buildPlanMovement("P1", { status: "departed", departedAt: t("2025-03-04T03:00Z") }),
    ]);
    expect(s.find((x) => x.site === "MAIN")?.actual.at(-1)?.personnel).toBe(132);
  });

  it("has no actuals before the start", () => {
    expect(series([], t("2025-02-20T00:00Z")).every((x) => x.actual.length === 0)).toBe(true);
  });
});
