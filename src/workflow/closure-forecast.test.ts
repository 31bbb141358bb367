import { describe, expect, it } from "vitest";
import type { Instant } from "#domain/time.ts";
import { loadShipped } from "#test/scenarios.ts";
import { plannedChanges } from "./burndown.ts";
import { AT_RISK_SLACK_MINUTES, forecastClosure } from "./closure-forecast.ts";
import { t } from "./factories.ts";
import type { Movement } from "./movement.ts";
import { buildPlanMovement, buildProgressPlan, inSyntheticHost } from "./progress-fixtures.ts";

const { scenario } = loadShipped("synthetic-small");
const plan = buildProgressPlan();
const planned = plannedChanges(scenario, plan, inSyntheticHost);
const deadline = t("2025-03-31T23:59Z");
const forecast = (movements: Movement[], at: Instant, d: Instant = deadline) =>
  forecastClosure({ plan, planned, movements, sites: ["MAIN", "OUTPOST"], deadline: d, at });
const site = (f: ReturnType<typeof forecast>, id: string) => f.sites.find((s) => s.site === id);

describe("forecastClosure", () => {
  it("forecasts the planned closures while nothing is overdue", () => {
    const f = forecast([], t("2025-03-01T12:00Z"));
    expect(site(f, "MAIN")).toEqual({
      site: "MAIN",
      plannedClosureAt: t("2025-03-04T03:00Z"),
      forecastClosureAt: t("2025-03-04T03:00Z"),
      slipMinutes: 0,
      slackMinutes: deadline - t("2025-03-04T03:00Z"),
      status: "on_track",
    });
    expect(f.closureAt).toBe(t("2025-03-04T03:00Z"));
    expect(f.status).toBe("on_track");
  });

  it("slips a site's rest by its most overdue departure", () => {
    // At noon on the 2nd the convoy (06:00) has not left the outpost: six hours late.
    const f = forecast([buildPlanMovement("C1", { status: "cleared" })], t("2025-03-02T12:00Z"));
    expect(site(f, "OUTPOST")?.slipMinutes).toBe(360);
    expect(site(f, "OUTPOST")?.forecastClosureAt).toBe(t("2025-03-02T12:00Z"));
    // MAIN's departures are all still ahead.
    expect(site(f, "MAIN")?.slipMinutes).toBe(0);
  });

  it("closes a site once everything planned from it has left, at its last actual departure", () => {
    const f = forecast([buildPlanMovement("C1", { status: "departed", departedAt: t("2025-03-02T09:00Z") })], t("2025-03-02T12:00Z"));
    expect(site(f, "OUTPOST")).toMatchObject({ status: "closed", forecastClosureAt: t("2025-03-02T09:00Z"), slipMinutes: 0 });
  });

  it("closes the withdrawal when every site is closed", () => {
    const all = [
      buildPlanMovement("C1", { status: "arrived", departedAt: t("2025-03-02T06:00Z"), arrivedAt: t("2025-03-02T18:00Z") }),
      buildPlanMovement("S1", { status: "departed", departedAt: t("2025-03-03T06:00Z") }),
      buildPlanMovement("P1", { status: "departed", departedAt: t("2025-03-04T03:30Z") }),
    ];
    const f = forecast(all, t("2025-03-05T00:00Z"));
    expect(f.status).toBe("closed");
    expect(f.closureAt).toBe(t("2025-03-04T03:30Z"));
  });

  it("puts a site at risk under 72 h of slack and late past the deadline", () => {
    const close = (t("2025-03-04T03:00Z") + AT_RISK_SLACK_MINUTES - 60) as Instant;
    expect(site(forecast([], t("2025-03-01T00:00Z"), close), "MAIN")?.status).toBe("at_risk");
    expect(forecast([], t("2025-03-01T00:00Z"), close).status).toBe("at_risk");
    const past = t("2025-03-03T00:00Z");
    expect(site(forecast([], t("2025-03-01T00:00Z"), past), "MAIN")?.status).toBe("late");
    expect(forecast([], t("2025-03-01T00:00Z"), past).slackMinutes).toBe(past - t("2025-03-04T03:00Z"));
  });

  it("counts a cancelled movement as still to go", () => {
    const f = forecast([buildPlanMovement("C1", { status: "cancelled" })], t("2025-03-02T12:00Z"));
    expect(site(f, "OUTPOST")?.slipMinutes).toBe(360);
  });
});
