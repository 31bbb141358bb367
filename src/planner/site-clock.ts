import { withinHours } from "#domain/operating-hours.ts";
import type { Site } from "#domain/site.ts";
import { type Instant, instant, minuteOfDay } from "#domain/time.ts";

/** The first instant at or after `t` when the site is open. */
export function nextOpen(site: Site, t: Instant): Instant {
  const hours = site.operatingHours;
  if (!hours || withinHours(hours, t)) return t;
  return instant(t + ((hours.open - minuteOfDay(t) + 1440) % 1440));
}
