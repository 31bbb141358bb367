import { type Instant, MINUTES_PER_DAY } from "#domain/time.ts";
import type { PersonnelEvent } from "./personnel.ts";

/**
 * The in-country headcount over time, by site: for each UTC day from `from` to `to`, how many
 * people the records place at each site at 00:00 UTC, then at `to` itself (now). One pass over the
 * events in time order, so a long withdrawal with thousands of records costs one sort.
 */

/** The headcount at each point of a series. */
export interface HeadcountSeries {
  /** The instants counted: each day's 00:00 UTC from `from`'s day, then `to`. */
  readonly points: readonly Instant[];
  /** Every site someone was at, in id order, with its count at each point. */
  readonly sites: readonly { readonly site: string; readonly counts: readonly number[] }[];
  /** Everyone in the country at each point. */
  readonly total: readonly number[];
}

/** The most days a series covers: a year of daily points. */
export const MAX_SERIES_DAYS = 366;

/**
 * The headcount by site at each day's start from `from` to `to`, and at `to`.
 *
 * @example
 * headcountSeries(events, t("2024-05-20T00:00Z"), t("2024-05-22T08:00Z")).points.length; // 4: 20, 21, 22 May 00:00 and 22 May 08:00
 */
export function headcountSeries(events: readonly PersonnelEvent[], from: Instant, to: Instant): HeadcountSeries {
  const firstDay = Math.ceil(from / MINUTES_PER_DAY) * MINUTES_PER_DAY;
  const points: Instant[] = [];
  for (let d = firstDay; d < to && points.length < MAX_SERIES_DAYS; d += MINUTES_PER_DAY) points.push(d as Instant);
  points.push(to);

  const sorted = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at - b.e.at || a.i - b.i)
    .map((x) => x.e);
  const siteIds = [...new Set(sorted.filter((e) => e.at <= to && e.kind !== "exit").map((e) => e.site))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const counts = new Map<string, number[]>(siteIds.map((s) => [s, []]));
  const where = new Map<string, string | undefined>();
  const here = new Map<string, number>();
  const total: number[] = [];
  let next = 0;
  for (const point of points) {
    // Every event up to and including the point, as `headcount` counts them.
    for (; next < sorted.length && (sorted[next]?.at ?? Number.POSITIVE_INFINITY) <= point; next++) {
      const e = sorted[next];
      if (e === undefined) break;
      const before = where.get(e.person);
      if (before !== undefined) here.set(before, (here.get(before) ?? 0) - 1);
      const after = e.kind === "exit" ? undefined : e.site;
      if (after !== undefined) here.set(after, (here.get(after) ?? 0) + 1);
      where.set(e.person, after);
    }
    let sum = 0;
    for (const s of siteIds) {
      const n = here.get(s) ?? 0;
      counts.get(s)?.push(n);
      sum += n;
    }
    total.push(sum);
  }
  return { points, sites: siteIds.map((site) => ({ site, counts: counts.get(site) ?? [] })), total };
}
