/**
 * The wire format of `GET /api/overview`: the deadline dashboard in one answer. It imports zod
 * only, so the web app can import its types (never its code).
 */
import { z } from "@hono/zod-openapi";

const instant = z.string().describe("ISO 8601 instant, UTC.");
const holding = z.object({ personnel: z.number().int(), cargoKg: z.number().int().describe("Cargo to withdraw, kg.") });
const status = z.enum(["closed", "on_track", "at_risk", "late"]);
const series = z.object({ personnel: z.array(z.number().int()), cargoKg: z.array(z.number().int()) });

export const overviewSiteSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    initial: holding.describe("Before the withdrawal."),
    planned: holding.describe("What the baseline says the site holds now."),
    actual: holding.describe("What it holds now by the departed movements."),
    plannedClosureAt: instant.nullable(),
    forecastClosureAt: instant.nullable(),
    slipMinutes: z.number().int(),
    slackMinutes: z.number().int().nullable(),
    status,
  })
  .openapi("OverviewSite");

export const overviewAlertSchema = z
  .object({
    kind: z.enum(["clearance_not_filed", "clearance_pending", "movement_late", "site_at_risk"]),
    severity: z.enum(["critical", "warning"]),
    due: instant.describe("The filing deadline, the flight, the planned departure or the forecast closure."),
    subject: z.string().describe("The request, movement (plan id) or site the alert is about."),
    sortie: z.string().optional(),
    country: z.string().optional(),
    site: z.string().optional(),
    movement: z.string().optional().describe("The stored movement's id, when there is one."),
    status: z.string().optional().describe("The subject's status (not_drafted, not_created for what does not exist yet)."),
  })
  .openapi("OverviewAlert");

export const overviewSchema = z
  .object({
    at: instant.describe("The server's now."),
    scenario: z.object({ id: z.string(), name: z.string(), start: instant, deadline: instant }),
    daysLeft: z.number().int().describe("Whole days from now to the deadline, rounded up (negative once it has passed)."),
    baseline: z
      .object({
        id: z.string(),
        number: z.number().int(),
        publishedAt: instant,
        closureAt: instant,
        slackHours: z.number(),
        meetsDeadline: z.boolean(),
        unplanned: z.number().int().describe("What the planner could not move (people groups, cargo lines): the plan is incomplete when above 0."),
      })
      .nullable()
      .describe("The published plan the overview compares with; null until one is published."),
    forecast: z.object({ closureAt: instant.nullable(), slackMinutes: z.number().int().nullable(), status }).nullable(),
    sites: z.array(overviewSiteSchema),
    burndown: z
      .object({
        days: z.array(instant).describe("00:00 UTC of each day, from the start to a day after the later of deadline, closure and now."),
        actualAt: instant.describe("The instant of each actual series' last value."),
        sites: z.array(
          z.object({
            site: z.string().describe('A site id, or "*" for all host-country sites.'),
            plan: series.describe("One value per day of `days`."),
            actual: series.describe("One value per day of `days` before now, then one at `actualAt`."),
          }),
        ),
      })
      .nullable(),
    alerts: z.object({
      total: z.number().int(),
      counts: z.record(z.string(), z.number().int()).describe("Alerts by kind."),
      items: z.array(overviewAlertSchema).describe("The most urgent first, at most `limit`."),
      limit: z.number().int(),
      thresholds: z.object({
        filingWarningHours: z.number(),
        pendingWarningHours: z.number(),
        pendingCriticalHours: z.number(),
        atRiskSlackHours: z.number(),
      }),
    }),
    movements: z.object({
      planned: z.number().int(),
      departed: z.number().int(),
      late: z.number().int(),
    }),
  })
  .openapi("Overview");
