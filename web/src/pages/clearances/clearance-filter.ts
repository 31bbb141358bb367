/**
 * The queue's filters and sorting, as pure functions of the requests: by state, country, kind,
 * site (the airfield or any airfield of the itinerary), flight days (UTC) and a search text; sorted
 * by any column, ties broken by sortie and id so the order never jumps between refreshes.
 */
import { awaitsHost, type ClearanceView } from "./clearance-view.ts";

/** "All", "awaiting the host's decision", or one state. */
export type StatusFilter = "all" | "awaiting_host" | string;

/** What the reader asked to see. */
export interface ClearanceFilter {
  readonly status: StatusFilter;
  /** A country code, or "all". */
  readonly country: string;
  /** "landing", "overflight" or "all". */
  readonly kind: string;
  /** A site id, or "all". */
  readonly site: string;
  /** First and last UTC day (YYYY-MM-DD) the flight may touch; empty: open. */
  readonly fromDay: string;
  readonly toDay: string;
  /** Part of the id, sortie, call sign or tail number; empty: any. */
  readonly text: string;
}

/** Everything shown. */
export const NO_FILTER: ClearanceFilter = { status: "all", country: "all", kind: "all", site: "all", fromDay: "", toDay: "", text: "" };

/** The columns one can sort by. */
export type SortColumn = "request" | "status" | "country" | "kind" | "aircraft" | "flight" | "fileBy";

/**
 * Whether a request passes the filter.
 *
 * @example
 * matches(view, { ...NO_FILTER, status: "awaiting_host", site: "AGADEZ" });
 */
export function matches(v: ClearanceView, f: ClearanceFilter): boolean {
  const r = v.request;
  if (f.status === "awaiting_host" ? !awaitsHost(r.status) : f.status !== "all" && r.status !== f.status) return false;
  if (f.country !== "all" && r.country !== f.country) return false;
  if (f.kind !== "all" && r.kind !== f.kind) return false;
  if (f.site !== "all" && v.details.airfield !== f.site && !v.details.itinerary.some((l) => l.from === f.site || l.to === f.site)) return false;
  const first = Date.parse(v.details.firstAt);
  const last = Date.parse(v.details.lastAt);
  if (f.fromDay !== "" && !(last >= Date.parse(`${f.fromDay}T00:00:00Z`))) return false;
  if (f.toDay !== "" && !(first < Date.parse(`${f.toDay}T00:00:00Z`) + 86_400_000)) return false;
  const text = f.text.trim().toLowerCase();
  if (text !== "") {
    const hay = [r.id, v.source?.sortie, v.details.aircraft.callSign, v.details.aircraft.tailNumber].filter((x) => x !== undefined).join(" ").toLowerCase();
    if (!hay.includes(text)) return false;
  }
  return true;
}

const STATUS_ORDER = ["draft", "amended", "submitted", "resubmitted", "approved", "denied", "cancelled", "expired"];

function key(v: ClearanceView, c: SortColumn): string | number {
  switch (c) {
    case "request":
      return `${v.source?.sortie ?? ""} ${v.request.id}`;
    case "status":
      return STATUS_ORDER.indexOf(v.request.status);
    case "country":
      return v.request.country;
    case "kind":
      return v.request.kind;
    case "aircraft":
      return v.details.aircraft.callSign ?? v.details.aircraft.tailNumber;
    case "flight":
      return Date.parse(v.details.firstAt) || 0;
    case "fileBy":
      return v.source === undefined ? Number.POSITIVE_INFINITY : Date.parse(v.source.latestFilingAt);
  }
}

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The requests sorted by a column; ties by flight time, sortie and id.
 *
 * @example
 * sortViews(views, "fileBy", "ascending");
 */
export function sortViews(views: readonly ClearanceView[], column: SortColumn, direction: "ascending" | "descending"): ClearanceView[] {
  const sign = direction === "ascending" ? 1 : -1;
  return [...views].sort(
    (a, b) =>
      sign * compare(key(a, column), key(b, column)) ||
      compare(key(a, "flight"), key(b, "flight")) ||
      compare(key(a, "request"), key(b, "request")),
  );
}

/** The options the data offers for a filter: each distinct value, sorted. */
export function distinct(views: readonly ClearanceView[], pick: (v: ClearanceView) => readonly string[]): string[] {
  return [...new Set(views.flatMap(pick))].sort();
}
