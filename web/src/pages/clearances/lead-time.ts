/**
 * Lead-time warnings of one request at the server's now, with the server's thresholds (the
 * Overview's alerts use the same): a draft whose latest filing time has passed or is near, a
 * filed request still awaiting a decision close to its flight, and one whose flight has begun.
 */
import type { ClearanceView } from "./clearance-view.ts";

/** The server's thresholds, in hours (`GET /api/overview`, `alerts.thresholds`). */
export interface LeadTimeThresholds {
  readonly filingWarningHours: number;
  readonly pendingWarningHours: number;
  readonly pendingCriticalHours: number;
}

/** One warning: what, how serious, and the instant it is about. */
export interface LeadTimeWarning {
  readonly kind: "filing_passed" | "filing_near" | "decision_near" | "flight_passed";
  readonly severity: "critical" | "warning";
  /** The latest filing time, or the flight's entry into the country. */
  readonly due: string;
}

const HOUR = 3_600_000;
const AWAITING = ["submitted", "resubmitted", "amended"];

/**
 * The warning of a request at `now` (ms), or undefined when nothing presses.
 *
 * @example
 * leadTimeWarning(draft, Date.parse("2024-05-28T06:00Z"), thresholds); // { kind: "filing_near", severity: "warning", due: "2024-05-29T00:00:00Z" }
 */
export function leadTimeWarning(v: ClearanceView, now: number, th: LeadTimeThresholds | undefined): LeadTimeWarning | undefined {
  const status = v.request.status;
  const flight = Date.parse(v.details.firstAt);
  if (status === "draft") {
    if (Number.isFinite(flight) && flight <= now) return { kind: "flight_passed", severity: "critical", due: v.details.firstAt };
    const due = v.source?.latestFilingAt;
    if (due === undefined) return undefined;
    const left = Date.parse(due) - now;
    if (left <= 0) return { kind: "filing_passed", severity: "critical", due };
    if (th !== undefined && left <= th.filingWarningHours * HOUR) return { kind: "filing_near", severity: "warning", due };
    return undefined;
  }
  if (AWAITING.includes(status) && Number.isFinite(flight)) {
    const left = flight - now;
    if (left <= 0) return { kind: "flight_passed", severity: "critical", due: v.details.firstAt };
    if (th === undefined) return undefined;
    if (left <= th.pendingCriticalHours * HOUR) return { kind: "decision_near", severity: "critical", due: v.details.firstAt };
    if (left <= th.pendingWarningHours * HOUR) return { kind: "decision_near", severity: "warning", due: v.details.firstAt };
  }
  return undefined;
}
