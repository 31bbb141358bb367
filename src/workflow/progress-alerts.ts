import type { Plan } from "#domain/plan.ts";
import { type Instant, parseInstant } from "#domain/time.ts";
import type { ClearanceRequest } from "./clearance-request.ts";
import type { SiteForecast } from "./closure-forecast.ts";
import { type Movement, planMovements } from "./movement.ts";

/**
 * What needs someone's attention now, for the Commission's overview: a clearance request not
 * filed as its lead time runs out, a request still awaiting the host's decision close to its
 * flight, a movement that should have left, a site whose closure is at risk. Each alert carries
 * facts (ids, instants), not sentences: the web app words them in the reader's language.
 */

/** Warn this long (48 h) before a request's latest filing time. */
export const FILING_WARNING_MINUTES = 48 * 60;
/** Warn about an undecided request this long (72 h) before its flight. */
export const PENDING_WARNING_MINUTES = 72 * 60;
/** An undecided request this close (24 h) to its flight is critical. */
export const PENDING_CRITICAL_MINUTES = 24 * 60;

/** The kinds of alert. */
export const ALERT_KINDS = ["clearance_not_filed", "clearance_pending", "movement_late", "site_at_risk"] as const;
/** One kind of alert. */
export type AlertKind = (typeof ALERT_KINDS)[number];

/** One alert. */
export interface ProgressAlert {
  readonly kind: AlertKind;
  readonly severity: "critical" | "warning";
  /** The instant the alert is about: the filing deadline, the flight, the planned departure, the forecast closure. */
  readonly due: Instant;
  /** The plan's request or movement id, the stored request or movement id, or the site. */
  readonly subject: string;
  readonly sortie?: string;
  readonly country?: string;
  readonly site?: string;
  readonly movement?: string;
  readonly status?: string;
}

/** What the alerts read. */
export interface AlertInput {
  readonly plan: Plan;
  /** The requests drafted from this baseline (cancelled ones included). */
  readonly clearances: readonly ClearanceRequest[];
  readonly movements: readonly Movement[];
  readonly forecasts: readonly SiteForecast[];
  /** Only this country's requests are filed through the Commission. */
  readonly hostCountry: string;
  readonly at: Instant;
}

const at = (iso: string): Instant => {
  const t = parseInstant(iso);
  if (t === undefined) throw new RangeError(`not an ISO instant in the plan: ${iso}`);
  return t;
};

const AWAITING: readonly string[] = ["submitted", "resubmitted", "amended"];
const GONE: readonly string[] = ["departed", "arrived", "cancelled"];

/**
 * Every alert at `at`, the most urgent first (critical before warning, then by due time).
 *
 * @example
 * progressAlerts({ plan, clearances, movements, forecasts, hostCountry: "NE", at: now })[0];
 * // { kind: "movement_late", severity: "critical", subject: "S0007", … }
 */
export function progressAlerts(input: AlertInput): ProgressAlert[] {
  const out: ProgressAlert[] = [];
  const now = input.at;

  // Filing: the plan's requests to the host that are not filed (no live request, or a draft).
  const byPlanRequest = new Map<string, ClearanceRequest>();
  for (const c of input.clearances) if (c.source !== undefined && c.status !== "cancelled") byPlanRequest.set(c.source.planRequest, c);
  for (const pr of input.plan.clearanceRequests) {
    if (pr.country !== input.hostCountry) continue;
    const record = byPlanRequest.get(pr.id);
    if (record !== undefined && record.status !== "draft") continue;
    const due = at(pr.latestFilingAt);
    if (at(pr.firstAt) <= now || due - now > FILING_WARNING_MINUTES) continue;
    out.push({
      kind: "clearance_not_filed",
      severity: due <= now ? "critical" : "warning",
      due,
      subject: record?.id ?? pr.id,
      sortie: pr.sortie,
      country: pr.country,
      status: record?.status ?? "not_drafted",
    });
  }

  // Decisions: requests awaiting the host close to their flight.
  for (const c of input.clearances) {
    if (!AWAITING.includes(c.status)) continue;
    const flight = c.details.firstAt;
    const left = flight - now;
    if (left < 0 || left > PENDING_WARNING_MINUTES) continue;
    out.push({
      kind: "clearance_pending",
      severity: left <= PENDING_CRITICAL_MINUTES ? "critical" : "warning",
      due: flight,
      subject: c.id,
      ...(c.source === undefined ? {} : { sortie: c.source.sortie }),
      country: c.details.country,
      status: c.status,
    });
  }

  // Movements: the plan's movements due to have left that have not (recorded or not).
  const byRef = new Map<string, Movement>();
  for (const m of input.movements) if (m.details.planRef !== undefined) byRef.set(m.details.planRef, m);
  for (const p of planMovements(input.plan)) {
    if (p.planRef === undefined || p.departAt >= now) continue;
    const m = byRef.get(p.planRef);
    if (m !== undefined && GONE.includes(m.status)) continue;
    const due = m?.details.departAt ?? p.departAt;
    if (due >= now) continue; // rescheduled to a later time
    out.push({
      kind: "movement_late",
      severity: "critical",
      due,
      subject: p.planRef,
      site: p.from,
      ...(m === undefined ? {} : { movement: m.id }),
      status: m?.status ?? "not_created",
    });
  }

  // Sites.
  for (const f of input.forecasts) {
    if ((f.status !== "at_risk" && f.status !== "late") || f.forecastClosureAt === undefined) continue;
    out.push({ kind: "site_at_risk", severity: f.status === "late" ? "critical" : "warning", due: f.forecastClosureAt, subject: f.site, site: f.site });
  }

  return out.sort((a, b) => (a.severity === b.severity ? a.due - b.due : a.severity === "critical" ? -1 : 1));
}
