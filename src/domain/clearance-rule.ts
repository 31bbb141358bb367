import { z } from "zod";
import { durationSchema, provenanceShape } from "./figure.ts";
import { countryCodeSchema } from "./ids.ts";
import { weekdaySchema, WEEKDAYS } from "./instant-schema.ts";
import { type Instant, dayOfWeek, instant } from "./time.ts";
import type { Minutes } from "./units.ts";

export const leadTimeSchema = z.strictObject({
  value: z.number().nonnegative(),
  unit: z.enum(["working_days", "hours", "days"]),
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
  ...provenanceShape,
});

export type ClearanceRule = z.output<typeof clearanceRuleSchema>;
export type ClearanceKindRule = z.output<typeof clearanceKindRuleSchema>;
export type LeadTime = z.output<typeof leadTimeSchema>;
export type ClearanceKind = "landing" | "overflight";

/**
 * The latest instant a request can be filed for a flight at `flightAt`.
 * Working days: step back whole days, not counting weekend days (a request filed on a Friday at
 * 10:00 for a two-working-day lead covers a flight on Tuesday at 10:00 under a Sat–Sun weekend).
 */
export function latestFilingAt(flightAt: Instant, lead: LeadTime, weekend: readonly string[]): Instant {
  if (lead.unit === "hours") return instant(flightAt - Math.ceil(lead.value * 60));
  if (lead.unit === "days") return instant(flightAt - Math.ceil(lead.value * 1440));
  let t = flightAt;
  let remaining = Math.ceil(lead.value);
  while (remaining > 0) {
    t = instant(t - 1440);
    if (!weekend.includes(WEEKDAYS[dayOfWeek(t)] ?? "")) remaining--;
  }
  return t;
}

/** The validity window an approval for a flight at `firstAt`…`lastAt` will carry. */
export function validityWindow(
  rule: ClearanceKindRule,
  firstAt: Instant,
  lastAt: Instant,
): { from: Instant; to: Instant } {
  return { from: instant(firstAt - (rule.validBefore as Minutes)), to: instant(lastAt + (rule.validAfter as Minutes)) };
}
