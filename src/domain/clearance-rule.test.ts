import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { earliestFlightFiledAt, type LeadTime, latestFilingAt, validityWindow } from "./clearance-rule.ts";
import { type Instant, instant, parseInstant } from "./time.ts";

const at = (iso: string): Instant => parseInstant(iso) ?? instant(Number.NaN);
const sat_sun = ["sat", "sun"];

describe("clearance lead times", () => {
  it("counts whole working days before the flight's day, skipping the weekend", () => {
    const twoDays: LeadTime = { value: 2, unit: "working_days" };
    // Tuesday flight: Monday and Friday are the two days, so file by Friday 00:00.
    expect(latestFilingAt(at("2024-06-11T10:00Z"), twoDays, sat_sun)).toBe(at("2024-06-07T00:00Z"));
    // Thursday flight: Wednesday and Tuesday.
    expect(latestFilingAt(at("2024-06-13T23:00Z"), twoDays, sat_sun)).toBe(at("2024-06-11T00:00Z"));
    // A Friday–Saturday weekend moves it.
    // Tuesday flight with a Fri–Sat weekend: Monday and Sunday count.
    expect(latestFilingAt(at("2024-06-11T10:00Z"), twoDays, ["fri", "sat"])).toBe(at("2024-06-09T00:00Z"));
  });
  it("counts hours and calendar days exactly", () => {
    expect(latestFilingAt(at("2024-06-11T10:00Z"), { value: 72, unit: "hours" }, sat_sun)).toBe(at("2024-06-08T10:00Z"));
    expect(latestFilingAt(at("2024-06-11T10:00Z"), { value: 1.5, unit: "days" }, sat_sun)).toBe(at("2024-06-09T22:00Z"));
  });
  it("never asks to file later for an earlier flight (monotone), and the inverse is the earliest flight", () => {
    const lead = fc.oneof(
      fc.record({ value: fc.integer({ min: 0, max: 15 }), unit: fc.constant("working_days" as const) }),
      fc.record({ value: fc.integer({ min: 0, max: 400 }), unit: fc.constant("hours" as const) }),
    );
    const t0 = at("2024-01-01T00:00Z");
    fc.assert(
      fc.property(lead, fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 20_000 }), (l, a, d) => {
        const t = instant(t0 + a);
        expect(latestFilingAt(instant(t + d), l, sat_sun)).toBeGreaterThanOrEqual(latestFilingAt(t, l, sat_sun));
        expect(latestFilingAt(t, l, sat_sun)).toBeLessThanOrEqual(t);
        const first = earliestFlightFiledAt(t, l, sat_sun);
        expect(latestFilingAt(first, l, sat_sun)).toBeGreaterThanOrEqual(t);
        if (first > t) expect(latestFilingAt(instant(first - 1), l, sat_sun)).toBeLessThan(t);
      }),
    );
  });
  it("opens the validity window before the first leg and closes it after the last", () => {
    const rule = { leadTime: { value: 1, unit: "hours" as const }, validBefore: 360 as never, validAfter: 1440 as never };
    const w = validityWindow(rule, at("2024-06-11T10:00Z"), at("2024-06-11T20:00Z"));
    expect(w).toEqual({ from: at("2024-06-11T04:00Z"), to: at("2024-06-12T20:00Z") });
  });
});
