/**
 * The wire format of the planner runs the Scenario page starts: a plan run (optionally published)
 * and a what-if comparison, both answered as server-sent events (`progress`, then `result` or
 * `failure`). It imports zod only, so the web app can import its types (never its code).
 */
import { z } from "@hono/zod-openapi";
import { codedTextSchema } from "./scenario-page-wire.ts";

const instant = z.string().describe("ISO 8601 instant, UTC.");

export const planRunRequestSchema = z
  .strictObject({
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
    publish: z.boolean().default(false).describe("Publish the plan as the new baseline when it is made."),
    note: z.string().trim().max(2000).optional().describe("The publication's note."),
  })
  .openapi("PlanRunRequest");

/** `event: progress`. */
export const runProgressSchema = z
  .object({
    step: z.number().int().describe("The plan being made, 0 first."),
    steps: z.number().int().describe("Plans in the run."),
    phase: z.string().describe("The planner's phase (bounds, pallets, convoys, sorties, …)."),
    fraction: z.number().min(0).max(1).describe("Of the whole run."),
    detail: z.string().optional(),
  })
  .openapi("RunProgress");

/** `event: failure`: the run stopped; nothing was published. */
export const runFailureSchema = z
  .object({ status: z.number().int(), code: z.string(), title: z.string(), detail: z.string().optional() })
  .openapi("RunFailure");

export const runSummarySchema = z
  .object({
    closureAt: instant,
    deadline: instant,
    slackHours: z.number(),
    meetsDeadline: z.boolean(),
    lowerBoundAt: instant,
    closureRatio: z.number().nullable(),
    sorties: z.number().int(),
    sortiesByType: z.record(z.string(), z.number().int()),
    flyingHours: z.number(),
    convoys: z.number().int(),
    commercialSeats: z.number().int(),
    clearanceRequests: z.number().int(),
    personnel: z.number().int(),
    cargoPieces: z.number().int(),
    cargoKg: z.number(),
    pallets: z.number().int(),
  })
  .openapi("RunSummary");

const unplanned = z.object({ what: z.string(), id: z.string(), reason: z.string() });

/** `event: result` of a plan run. */
export const planRunResultSchema = z
  .object({
    summary: runSummarySchema,
    unplannedCount: z.number().int(),
    unplanned: z.array(unplanned).describe("The first 20."),
    published: z.object({ id: z.string(), number: z.number().int() }).nullable(),
  })
  .openapi("PlanRunResult");

/** One change to the scenario. */
export const variationSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("fleet"), type: z.string().min(1).max(40), delta: z.number().int().min(-64).max(64).refine((n) => n !== 0, "a change of 0 aircraft changes nothing") }),
    z.strictObject({ kind: z.literal("clearance-delay"), target: z.string().min(2).max(40).describe("A country (NE) or an airfield (site id or ICAO)."), hours: z.number().positive().max(24 * 60) }),
    z.strictObject({ kind: z.literal("deny"), country: z.string().regex(/^[A-Z]{2}$/, "a two-letter ISO country code, e.g. DZ") }),
    z.strictObject({ kind: z.literal("deadline"), at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:00)?Z$/, "an instant in UTC, e.g. 2024-09-30T22:59Z") }),
    z.strictObject({ kind: z.literal("deadline-shift"), hours: z.number().min(-24 * 365).max(24 * 365).describe("Hours later (negative: earlier) than the scenario's deadline.") }),
  ])
  .openapi("Variation");

export const whatIfRequestSchema = z
  .strictObject({
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
    fixes: z.boolean().default(false).describe("For a variant that misses the deadline, search what single change would fix it (plans many times)."),
    variants: z
      .array(z.strictObject({ name: z.string().trim().min(1).max(80), variations: z.array(variationSchema).min(1).max(8) }))
      .min(1)
      .max(4),
  })
  .openapi("WhatIfRequest");

const figureValue = z.union([z.number(), z.string(), z.boolean()]).nullable();

/** `event: result` of a what-if comparison. */
export const whatIfResultSchema = z
  .object({
    base: z.object({ summary: runSummarySchema, unplanned: z.number().int(), meets: z.boolean() }),
    variants: z.array(
      z.object({
        name: z.string(),
        variations: z.array(z.string()).describe("Each change, described (English)."),
        rows: z.array(z.object({ key: z.string(), label: z.string(), base: figureValue, variant: figureValue })).describe("Key figures before and after, by stable key."),
        notes: z.array(codedTextSchema).describe("What the variations did, where not obvious, and the sites left without a way out: coded, with the English text."),
        meets: z.boolean().describe("Meets the deadline with everything planned."),
        unplannedCount: z.number().int(),
        unplanned: z.array(unplanned).describe("The first 10."),
        fixes: z
          .object({
            needed: z.boolean(),
            blocked: z.string().nullable(),
            fixes: z.array(z.object({ description: z.string(), closureAt: instant, slackHours: z.number() })),
            noFix: z.array(z.object({ subject: z.string(), reason: z.string() })),
            plansRun: z.number().int(),
          })
          .nullable(),
      }),
    ),
  })
  .openapi("WhatIfResult");
