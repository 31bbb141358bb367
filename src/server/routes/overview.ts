/** The deadline dashboard: days left, burndown per site, forecast closure with slack, alerts. */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Plan } from "#domain/plan.ts";
import { formatInstant, type Instant, MINUTES_PER_DAY } from "#domain/time.ts";
import { listClearanceRequests } from "#store/clearance-requests.repository.ts";
import { listMovements } from "#store/movements.repository.ts";
import { findBaseline } from "#store/plan-versions.repository.ts";
import { burndown, hasDeparted, initialHoldings, plannedChanges } from "#workflow/burndown.ts";
import { AT_RISK_SLACK_MINUTES, forecastClosure } from "#workflow/closure-forecast.ts";
import { planMovements } from "#workflow/movement.ts";
import {
  FILING_WARNING_MINUTES,
  PENDING_CRITICAL_MINUTES,
  PENDING_WARNING_MINUTES,
  type ProgressAlert,
  progressAlerts,
} from "#workflow/progress-alerts.ts";
import { instantOf } from "../clock.ts";
import type { ServerDeps } from "../deps.ts";
import { clearanceOfRow, movementOfRow } from "../persistence.ts";
import { hostCountry, inHostCountry } from "../plan-access.ts";
import { type AppEnv, jsonAnswer, PROBLEMS, requireActor } from "../request.ts";
import { type RouteTable, SESSION } from "../route-table.ts";
import { overviewSchema } from "./overview-wire.ts";

/** Alerts sent at most; the counts cover them all. */
const ALERT_LIMIT = 100;

type Overview = z.infer<typeof overviewSchema>;

const iso = (t: Instant | undefined) => (t === undefined ? null : formatInstant(t));
const kg = (n: number) => Math.round(n);

/** Registers `GET /api/overview`. */
export function registerOverviewRoutes(app: OpenAPIHono<AppEnv>, table: RouteTable, deps: ServerDeps): void {
  // The baseline's plan, parsed once per published version (a large plan is megabytes of JSON).
  let cached: { id: string; plan: Plan } | undefined;

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/overview",
        tags: ["progress"],
        summary: "The deadline dashboard: days left, burndown of personnel and cargo per site (plan and actual), forecast closure with slack, alerts",
        responses: { 200: jsonAnswer(overviewSchema, "The overview"), ...PROBLEMS },
      }),
      SESSION,
    ),
    async (c) => {
      requireActor(c);
      const rs = deps.scenario.resolved;
      const now = instantOf(deps.clock.now());
      const inHost = (site: string) => inHostCountry(deps, site);
      const names = new Map(rs.scenario.sites.map((s) => [s.id as string, s.name]));
      const initial = initialHoldings(rs.scenario, inHost);
      const answer: Overview = {
        at: formatInstant(now),
        scenario: { id: rs.scenario.id, name: rs.scenario.name, start: formatInstant(rs.start), deadline: formatInstant(rs.deadline) },
        daysLeft: Math.ceil((rs.deadline - now) / MINUTES_PER_DAY),
        baseline: null,
        forecast: null,
        sites: [...initial].map(([id, h]) => ({
          id,
          name: names.get(id) ?? id,
          initial: { personnel: h.personnel, cargoKg: kg(h.cargoKg) },
          planned: { personnel: h.personnel, cargoKg: kg(h.cargoKg) },
          actual: { personnel: h.personnel, cargoKg: kg(h.cargoKg) },
          plannedClosureAt: null,
          forecastClosureAt: null,
          slipMinutes: 0,
          slackMinutes: null,
          status: "on_track" as const,
        })),
        burndown: null,
        alerts: { total: 0, counts: {}, items: [], limit: ALERT_LIMIT, thresholds: thresholds() },
        movements: { planned: 0, departed: 0, late: 0 },
      };

      const row = await findBaseline(deps.db, deps.scenario.id);
      if (row === undefined) return c.json(answer, 200);
      if (cached?.id !== row.id) cached = { id: row.id, plan: JSON.parse(row.plan_json) as Plan };
      const plan = cached.plan;

      const movements = (await listMovements(deps.db)).map(movementOfRow);
      const clearances = (await listClearanceRequests(deps.db)).filter((r) => r.plan_version_id === row.id).map(clearanceOfRow);
      const planned = plannedChanges(rs.scenario, plan, inHost);
      const series = burndown({ scenario: rs.scenario, plan, movements, at: now, inHostCountry: inHost }, rs.start, rs.deadline);
      const forecast = forecastClosure({ plan, planned, movements, sites: [...initial.keys()], deadline: rs.deadline, at: now });
      const alerts = progressAlerts({ plan, clearances, movements, forecasts: forecast.sites, hostCountry: hostCountry(deps), at: now });

      const days = series[0]?.plan.map((p) => p.at) ?? [];
      // The plan's value at now: the last day at or before now.
      const today = Math.max(0, days.filter((d) => d <= now).length - 1);
      const counts: Record<string, number> = {};
      for (const a of alerts) counts[a.kind] = (counts[a.kind] ?? 0) + 1;

      return c.json(
        {
          ...answer,
          baseline: {
            id: row.id,
            number: row.version_number,
            publishedAt: row.published_at,
            closureAt: plan.summary.closureAt,
            slackHours: plan.summary.slackHours,
            meetsDeadline: plan.summary.meetsDeadline,
            unplanned: plan.unplanned.length,
          },
          forecast: { closureAt: iso(forecast.closureAt), slackMinutes: forecast.slackMinutes ?? null, status: forecast.status },
          sites: answer.sites.map((s) => {
            const f = forecast.sites.find((x) => x.site === s.id);
            const b = series.find((x) => x.site === s.id);
            const p = b?.plan[today];
            const a = b?.actual.at(-1);
            return {
              ...s,
              planned: p === undefined ? s.planned : { personnel: p.personnel, cargoKg: kg(p.cargoKg) },
              actual: a === undefined ? s.actual : { personnel: a.personnel, cargoKg: kg(a.cargoKg) },
              plannedClosureAt: iso(f?.plannedClosureAt),
              forecastClosureAt: iso(f?.forecastClosureAt),
              slipMinutes: f?.slipMinutes ?? 0,
              slackMinutes: f?.slackMinutes ?? null,
              status: f?.status ?? "on_track",
            };
          }),
          burndown: {
            days: days.map(formatInstant),
            actualAt: formatInstant(now),
            sites: series.map((b) => ({
              site: b.site,
              plan: { personnel: b.plan.map((p) => p.personnel), cargoKg: b.plan.map((p) => kg(p.cargoKg)) },
              actual: { personnel: b.actual.map((p) => p.personnel), cargoKg: b.actual.map((p) => kg(p.cargoKg)) },
            })),
          },
          alerts: { ...answer.alerts, total: alerts.length, counts, items: alerts.slice(0, ALERT_LIMIT).map(presentAlert) },
          movements: {
            planned: planMovements(plan).length,
            departed: movements.filter((m) => hasDeparted(m) && m.departedAt <= now).length,
            late: counts.movement_late ?? 0,
          },
        } satisfies Overview,
        200,
      );
    },
  );
}

function thresholds() {
  return {
    filingWarningHours: FILING_WARNING_MINUTES / 60,
    pendingWarningHours: PENDING_WARNING_MINUTES / 60,
    pendingCriticalHours: PENDING_CRITICAL_MINUTES / 60,
    atRiskSlackHours: AT_RISK_SLACK_MINUTES / 60,
  };
}

function presentAlert(a: ProgressAlert): z.infer<typeof overviewSchema>["alerts"]["items"][number] {
  return { ...a, due: formatInstant(a.due) };
}
