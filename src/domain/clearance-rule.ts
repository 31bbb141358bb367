import { z } from "zod";
import { durationSchema, provenanceShape } from "./figure.ts";
import { countryCodeSchema, siteIdSchema } from "./ids.ts";
import { instantSchema, weekdaySchema, WEEKDAYS } from "./instant-schema.ts";
import { type Instant, dayOfWeek, instant, startOfDay } from "./time.ts";
import type { Minutes } from "./units.ts";

export const leadTimeSchema = z.strictObject({
  value: z.number().nonnegative(),
  unit: z.enum(["working_days", "hours", "days"]),
  plus: durationSchema
    .optional()
    .describe(
      "A fixed delay on top of the lead time, counted back exactly after it: `3 working days plus 72 hours`. What-if analysis uses it for a clearance delayed by the host.",
    ),
  ...provenanceShape,
});

export const clearanceKindRuleSchema = z.strictObject({
  leadTime: leadTimeSchema.describe("How long before the flight the request must be filed."),
  validBefore: durationSchema.describe("An approval is valid from this long before the planned time…"),
  validAfter: durationSchema.describe("…until this long after it."),
  ...provenanceShape,
});

/** What one country requires of the departing party's military flights. */
export const clearanceRuleSchema = z.strictObject({
  country: countryCodeSchema,
  landing: clearanceKindRuleSchema.optional().describe("Needed for each landing at an airfield in the country."),
  overflight: clearanceKindRuleSchema.optional().describe("Needed for each flight through its airspace."),
  weekend: z
    .array(weekdaySchema)
    .default(["sat", "sun"])
    .describe("Days that are not working days, for lead times in working days."),
  refusals: z
    .array(
      z.strictObject({
        kind: z.enum(["landing", "overflight"]),
        airfield: siteIdSchema.optional().describe("For a landing: only at this airfield (absent: every airfield of the country)."),
        from: instantSchema.describe("No approval for flights entering the country (their first leg there departing) from this instant…"),
        to: instantSchema.optional().describe("…until this one (a delay); absent: for good (a denial)."),
        reason: z.string().optional(),
        ...provenanceShape,
      }),
    )
    .default([])
    .describe("Clearances the host refuses or delays: no flight needing one may start its legs in the country in the period."),
  ...provenanceShape,
});

export type ClearanceRule = z.output<typeof clearanceRuleSchema>;
export type ClearanceRefusal = ClearanceRule["refusals"][number];

/**
 * The refusal, if any, that keeps a flight needing this clearance (its legs in the country from first
 * departure `first`) from flying: one of the kind, at that airfield for a landing, whose period holds
 * `first`. A flight already under way when the refusal starts keeps the clearance it had.
 */
export function refusalFor(rule: ClearanceRule | undefined, kind: ClearanceKind, airfield: string | undefined, first: number): ClearanceRefusal | undefined {
  return rule?.refusals.find((r) => r.kind === kind && (r.airfield === undefined || r.airfield === airfield) && r.from <= first && (r.to === undefined || first < r.to));
}
export type ClearanceKindRule = z.output<typeof clearanceKindRuleSchema>;
export type LeadTime = z.output<typeof leadTimeSchema>;
export type ClearanceKind = "landing" | "overflight";

/**
 * The latest instant a request can be filed for a flight at `flightAt`.
 * Hours and days count back exactly. Working days mean N whole working days before the flight's
 * UTC day: a request for a Tuesday flight under a two-working-day lead and a Sat–Sun weekend must be
 * in by Friday 00:00Z (Friday and Monday are the two days). Never later for a later flight (monotone).
 * A lead's `plus` (minutes) is then subtracted exactly: 3 working days plus 72 h is Friday 00:00Z − 72 h.
 */
export function latestFilingAt(flightAt: Instant, lead: LeadTime, weekend: readonly string[]): Instant {
  return instant(baseFilingAt(flightAt, lead, weekend) - Math.ceil(lead.plus ?? 0));
}

function baseFilingAt(flightAt: Instant, lead: LeadTime, weekend: readonly string[]): Instant {
  if (lead.unit === "hours") return instant(flightAt - Math.ceil(lead.value * 60));
  if (lead.unit === "days") return instant(flightAt - Math.ceil(lead.value * 1440));
  let day = startOfDay(flightAt);
  let remaining = Math.ceil(lead.value);
  if (remaining === 0) return flightAt;
  while (remaining > 0) {
    day = instant(day - 1440);
    if (!weekend.includes(WEEKDAYS[dayOfWeek(day)] ?? "")) remaining--;
  }
  return day;
}

/** The earliest flight time whose request can still be filed at `now` (inverse of `latestFilingAt`). */
export function earliestFlightFiledAt(now: Instant, lead: LeadTime, weekend: readonly string[]): Instant {
  let lo = now;
  let hi = instant(now + 1440 * (Math.ceil(lead.value) * 3 + 14) + Math.ceil(lead.plus ?? 0));
  while (lo < hi) {
    const mid = instant(Math.floor((lo + hi) / 2));
    if (latestFilingAt(mid, lead, weekend) >= now) hi = mid;
    else lo = instant(mid + 1);
  }
  return lo;
}

/** The validity window an approval for a flight at `firstAt`…`lastAt` will carry. */
export function validityWindow(
  rule: ClearanceKindRule,
  firstAt: Instant,
  lastAt: Instant,
): { from: Instant; to: Instant } {
  return { from: instant(firstAt - (rule.validBefore as Minutes)), to: instant(lastAt + (rule.validAfter as Minutes)) };
}
