import { type Instant, minuteOfDay } from "./time.ts";

/** Whether `t` lies in opening hours (UTC minutes of the day); a close before the open spans midnight. Absent: 24 h. */
export function withinHours(hours: { open: number; close: number } | undefined, t: Instant): boolean {
  if (!hours) return true;
  const m = minuteOfDay(t);
  return hours.open <= hours.close ? m >= hours.open && m <= hours.close : m >= hours.open || m <= hours.close;
}
