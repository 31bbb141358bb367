import { WEEKDAYS } from "./instant-schema.ts";
import type { EscortWindow, RoadRoute } from "./route.ts";
import { type Instant, dayOfWeek, minuteOfDay } from "./time.ts";
import { type Minutes, minutes } from "./units.ts";

/** Days on the road at the route's rate of march, as whole minutes up. */
export function convoyMinutes(route: RoadRoute): Minutes {
  return minutes(Math.ceil((route.distance / route.ratePerDay) * 1440));
}

/** Whether a convoy may leave at `t`: inside one of the host's escort windows (UTC), on an allowed day. */
export function inEscortWindow(windows: readonly EscortWindow[], t: Instant): boolean {
  const m = minuteOfDay(t);
  const day = WEEKDAYS[dayOfWeek(t)];
  return windows.some(
    (w) => (w.weekdays === undefined || (day !== undefined && w.weekdays.includes(day))) && m >= w.start && m <= w.end,
  );
}
