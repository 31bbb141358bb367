import type { Plan } from "#domain/plan.ts";
import { type Instant, parseInstant } from "#domain/time.ts";
import type { HoldingChange } from "./burndown.ts";
import type { Movement } from "./movement.ts";

/**
 * When each host-country site will close, forecast from the baseline and what has happened so
 * far. The forecast is deliberately simple, so both delegations can check it by hand: a site's
 * remaining schedule slips by the delay of its most overdue departure (a planned departure whose
 * time has passed and that has not left), and nothing else changes.
 */

/** Slack under this (72 h) puts a site's closure at risk. */
export const AT_RISK_SLACK_MINUTES = 72 * 60;

/** How a site stands against the deadline. */
export type SiteStatus = "closed" | "on_track" | "at_risk" | "late";

/** One site's forecast. */
export interface SiteForecast {
  readonly site: string;
  /** The baseline's closure of the site (its last departure). */
  readonly plannedClosureAt: Instant | undefined;
  /** The planned closure shifted by the slip; the actual closure once closed. */
  readonly forecastClosureAt: Instant | undefined;
  /** How far the site's remaining schedule has slipped, minutes. */
  readonly slipMinutes: number;
  /** Deadline minus the forecast closure, minutes (negative: late). */
  readonly slackMinutes: number | undefined;
  readonly status: SiteStatus;
}

/** The whole withdrawal's forecast: the last site to close. */
export interface WithdrawalForecast {
  readonly closureAt: Instant | undefined;
  readonly slackMinutes: number | undefined;
  readonly status: SiteStatus;
  readonly sites: readonly SiteForecast[];
}

/** What the forecast reads. */
export interface ForecastInput {
  readonly plan: Plan;
  /** The planned changes by plan movement id ({@link plannedChanges}). */
  readonly planned: ReadonlyMap<string, readonly HoldingChange[]>;
  readonly movements: readonly Movement[];
  readonly sites: readonly string[];
  readonly deadline: Instant;
  readonly at: Instant;
}

const statusOf = (slack: number): SiteStatus => (slack < 0 ? "late" : slack < AT_RISK_SLACK_MINUTES ? "at_risk" : "on_track");

/**
 * Forecasts each site's closure and the withdrawal's.
 *
 * @example
 * const f = forecastClosure({ plan, planned: plannedChanges(…), movements, sites: ["NIAMEY"], deadline, at: now });
 * f.sites[0].status; // "on_track"
 */
export function forecastClosure(input: ForecastInput): WithdrawalForecast {
  const byRef = new Map<string, Movement>();
  for (const m of input.movements) if (m.details.planRef !== undefined) byRef.set(m.details.planRef, m);
  const left = (ref: string) => {
    const m = byRef.get(ref);
    return m !== undefined && (m.status === "departed" || m.status === "arrived") && m.departedAt <= input.at;
  };
  const closures = new Map(input.plan.siteClosures.map((c) => [c.site, parseInstant(c.closedAt)]));

  const sites = input.sites.map((site): SiteForecast => {
    // Departures from the site, by plan movement: which have left and which are still to go.
    let pending = 0;
    let earliestOverdue: Instant | undefined;
    let lastActual: Instant | undefined;
    for (const [ref, changes] of input.planned) {
      for (const c of changes) {
        if (c.site !== site || (c.personnel >= 0 && c.cargoKg >= 0)) continue;
        if (left(ref)) {
          const m = byRef.get(ref);
          const departedAt = m !== undefined && "departedAt" in m ? m.departedAt : undefined;
          if (departedAt !== undefined && (lastActual === undefined || departedAt > lastActual)) lastActual = departedAt;
          continue;
        }
        pending++;
        if (c.at < input.at && (earliestOverdue === undefined || c.at < earliestOverdue)) earliestOverdue = c.at;
      }
    }
    const planned = closures.get(site);
    if (pending === 0 && lastActual !== undefined) {
      const slack = input.deadline - lastActual;
      return { site, plannedClosureAt: planned, forecastClosureAt: lastActual, slipMinutes: 0, slackMinutes: slack, status: slack < 0 ? "late" : "closed" };
    }
    const slip = earliestOverdue === undefined ? 0 : input.at - earliestOverdue;
    const forecast = planned === undefined ? undefined : ((planned + slip) as Instant);
    const slack = forecast === undefined ? undefined : input.deadline - forecast;
    return {
      site,
      plannedClosureAt: planned,
      forecastClosureAt: forecast,
      slipMinutes: slip,
      slackMinutes: slack,
      status: slack === undefined ? "on_track" : statusOf(slack),
    };
  });

  const last = sites.reduce<SiteForecast | undefined>(
    (a, s) => (s.forecastClosureAt !== undefined && (a?.forecastClosureAt === undefined || s.forecastClosureAt > a.forecastClosureAt) ? s : a),
    undefined,
  );
  const slack = last?.forecastClosureAt === undefined ? undefined : input.deadline - last.forecastClosureAt;
  const allClosed = sites.length > 0 && sites.every((s) => s.status === "closed");
  return {
    closureAt: last?.forecastClosureAt,
    slackMinutes: slack,
    status: slack === undefined ? "on_track" : allClosed ? "closed" : sites.some((s) => s.status === "late") ? "late" : statusOf(slack),
    sites,
  };
}
