/**
 * The Gantt's rows and what of them is in view, without React: one row per aircraft tail with its
 * sorties, convoys in lanes per road route (two convoys on the road at once take two lanes), and
 * airline seats per airport. Each row's bars are sorted so the ones inside a time window are found
 * by binary search: with 5,000 sorties only the visible few are drawn.
 */
import type { PlanGantt } from "../../api/contract.ts";

/** What a bar stands for. */
export type BarKind = "sortie" | "convoy" | "seats";

/** One bar: a movement from `start` to `end` (ms since the epoch). */
export interface Bar {
  readonly id: string;
  readonly kind: BarKind;
  readonly start: number;
  readonly end: number;
}

/** One row of the chart. */
export interface GanttRow {
  /** Stable key: `tail:C17-1`, `road:agadez-niamey:0`, `seats:NIAMEY`. */
  readonly key: string;
  readonly kind: BarKind;
  /** What the row is: a tail, a route's lane, an airport. */
  readonly subject: string;
  /** For convoy rows, the lane of the route (0 first). */
  readonly lane: number;
  /** By start; within a row bars never overlap, so ends are in order too. */
  readonly bars: readonly Bar[];
}

/** How long an airline-seat bar is drawn (a departure is an instant; a flight takes hours). */
export const SEATS_BAR_MS = 3 * 3_600_000;

const ms = (iso: string) => Date.parse(iso);

/**
 * Puts intervals into as few lanes as possible, first-fit by start: each lane's bars do not overlap.
 *
 * @example
 * packLanes([{ start: 0, end: 10 }, { start: 5, end: 15 }, { start: 12, end: 20 }]).map((l) => l.length); // [2, 1]
 */
export function packLanes<T extends { readonly start: number; readonly end: number }>(items: readonly T[]): T[][] {
  const lanes: T[][] = [];
  for (const item of [...items].sort((a, b) => a.start - b.start)) {
    const lane = lanes.find((l) => (l.at(-1)?.end ?? Number.NEGATIVE_INFINITY) <= item.start);
    if (lane) lane.push(item);
    else lanes.push([item]);
  }
  return lanes;
}

/**
 * The rows of a plan's Gantt: tails in fleet order, then each road route's lanes, then each
 * airport's airline seats.
 */
export function ganttRows(g: PlanGantt): GanttRow[] {
  const byTail = new Map<string, Bar[]>(g.aircraft.map((a) => [a.tail, []]));
  for (const s of g.sorties) {
    const list = byTail.get(s.aircraft) ?? [];
    list.push({ id: s.id, kind: "sortie", start: ms(s.departAt), end: ms(s.arriveAt) });
    byTail.set(s.aircraft, list);
  }
  const rows: GanttRow[] = [...byTail].map(([tail, bars]) => ({
    key: `tail:${tail}`,
    kind: "sortie",
    subject: tail,
    lane: 0,
    bars: bars.sort((a, b) => a.start - b.start),
  }));

  const byRoute = new Map<string, Bar[]>();
  for (const c of g.convoys) {
    const list = byRoute.get(c.route) ?? [];
    list.push({ id: c.id, kind: "convoy", start: ms(c.departAt), end: ms(c.arriveAt) });
    byRoute.set(c.route, list);
  }
  for (const [route, bars] of byRoute)
    packLanes(bars).forEach((lane, i) => rows.push({ key: `road:${route}:${i}`, kind: "convoy", subject: route, lane: i, bars: lane }));

  const byAirport = new Map<string, Bar[]>();
  for (const p of g.seats) {
    const list = byAirport.get(p.airport) ?? [];
    list.push({ id: p.id, kind: "seats", start: ms(p.departAt), end: ms(p.departAt) + SEATS_BAR_MS });
    byAirport.set(p.airport, list);
  }
  for (const [airport, bars] of byAirport)
    packLanes(bars).forEach((lane, i) => rows.push({ key: `seats:${airport}:${i}`, kind: "seats", subject: airport, lane: i, bars: lane }));
  return rows;
}

/**
 * The bars of a row that overlap [from, to], by binary search (bars sorted, not overlapping).
 *
 * @example
 * barsIn(row.bars, Date.parse("2024-06-03T00:00Z"), Date.parse("2024-06-10T00:00Z"));
 */
export function barsIn(bars: readonly Bar[], from: number, to: number): readonly Bar[] {
  // The first bar ending at or after `from`.
  let lo = 0;
  let hi = bars.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((bars[mid]?.end ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < bars.length && (bars[end]?.start ?? Number.POSITIVE_INFINITY) <= to) end++;
  return bars.slice(lo, end);
}

/** How many of a row's bars overlap [from, to], by two binary searches. */
export function countIn(bars: readonly Bar[], from: number, to: number): number {
  const firstEndingAfter = lowerBound(bars, (b) => b.end >= from);
  const firstStartingAfter = lowerBound(bars, (b) => b.start > to);
  return Math.max(0, firstStartingAfter - firstEndingAfter);
}

/** The index of the first bar for which `after` holds (it holds for every bar after it). */
function lowerBound(bars: readonly Bar[], after: (b: Bar) => boolean): number {
  let lo = 0;
  let hi = bars.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const b = bars[mid];
    if (b !== undefined && !after(b)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The bar at instant `at` in a row, or the nearest within `tolerance` ms: what a click on a row
 * drawn too densely to hold one button per bar means.
 */
export function barAt(bars: readonly Bar[], at: number, tolerance: number): Bar | undefined {
  const i = lowerBound(bars, (b) => b.end >= at - tolerance);
  let best: Bar | undefined;
  let distance = Number.POSITIVE_INFINITY;
  for (let j = i; j < bars.length; j++) {
    const b = bars[j];
    if (b === undefined || b.start > at + tolerance) break;
    const d = at < b.start ? b.start - at : at > b.end ? at - b.end : 0;
    if (d < distance) {
      best = b;
      distance = d;
    }
  }
  return best;
}

/** The first and last row (inclusive) seen through a viewport, with `overscan` rows either side. */
export function rowsInView(count: number, rowHeight: number, scrollTop: number, height: number, overscan = 3): { first: number; last: number } {
  if (count === 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return { first, last };
}

/** The whole plan's time span, with a margin: from its start to a day after the latest of closure, deadline and last arrival. */
export function planExtent(g: PlanGantt): [number, number] {
  let start = ms(g.start);
  let end = Math.max(ms(g.closureAt), ms(g.deadline));
  for (const s of g.sorties) {
    start = Math.min(start, ms(s.departAt));
    end = Math.max(end, ms(s.arriveAt));
  }
  for (const c of g.convoys) end = Math.max(end, ms(c.arriveAt));
  return [start - 12 * 3_600_000, end + 24 * 3_600_000];
}
