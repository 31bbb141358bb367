import type { Brand, Minutes } from "./units.ts";

/**
 * A UTC instant as whole minutes since the Unix epoch. Minutes are the planner's resolution:
 * clearances, slots and ground times are all stated in minutes or coarser.
 */
export type Instant = Brand<number, "instant">;

export const instant = (n: number): Instant => n as Instant;

/** Parses an ISO 8601 instant with an explicit offset (Z or ±hh:mm); seconds are floored to the minute. */
export function parseInstant(iso: string): Instant | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(iso)) return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? instant(Math.floor(ms / 60_000)) : undefined;
}

/** `2024-09-15T23:59:00Z`: the file format of an instant (RFC 3339, UTC, whole minutes). */
export function formatInstant(t: Instant): string {
  return `${new Date(t * 60_000).toISOString().slice(0, 16)}:00Z`;
}

/** `2024-09-15 23:59Z`: for people. */
export function formatHuman(t: Instant): string {
  const s = new Date(t * 60_000).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}Z`;
}

/** `2024-09-15`: the UTC calendar day. */
export function formatDay(t: Instant): string {
  return new Date(t * 60_000).toISOString().slice(0, 10);
}

export const addMinutes = (t: Instant, d: Minutes | number): Instant => instant(t + d);
export const minutesBetween = (from: Instant, to: Instant): Minutes => (to - from) as Minutes;

export const MINUTES_PER_DAY = 1440;

/** Minute of the UTC day, 0..1439. */
export const minuteOfDay = (t: Instant): number => ((t % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;

/** Day of week of a UTC instant, 0 = Sunday … 6 = Saturday (as `Date#getUTCDay`). */
export const dayOfWeek = (t: Instant): number => new Date(t * 60_000).getUTCDay();

/** Start (00:00 UTC) of the day containing t. */
export const startOfDay = (t: Instant): Instant => instant(t - minuteOfDay(t));
