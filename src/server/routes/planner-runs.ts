/**
 * Planner runs with progress, for the Scenario page: `POST /api/plans/runs` plans the current
 * scenario in a worker thread (and publishes the plan when asked) and `POST /api/whatif` compares
 * the scenario with variants. Both answer with server-sent events: `progress` as the planner goes,
 * then `result` or `failure`. Closing the connection cancels the run (the worker is ended).
 * Bad input is refused (422) before any planning starts; a busy planner answers 429.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { Plan } from "#domain/plan.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { type Instant, instant, parseInstant } from "#domain/time.ts";
import { applyVariations } from "#planner/whatif/apply-variations.ts";
import type { Variation } from "#planner/whatif/variation.ts";
import { publishPlanVersion } from "../commands/plan-publisher.ts";
import type { ServerDeps } from "../deps.ts";
import { HttpError } from "../http-error.ts";
import type { VariantsComparison } from "../planner-jobs/compare-variants.ts";
import { JobCancelled, type PlannerRun, startPlannerJob } from "../planner-jobs/planner-runner.ts";
import type { JobProgress } from "../planner-jobs/planner-job.ts";
import { validationError } from "../problem.ts";
import { type AppEnv, authorizeOn, jsonBody, PROBLEMS, problem, requireActor } from "../request.ts";
import { policy, type RouteTable } from "../route-table.ts";
import { planRunRequestSchema, type planRunResultSchema, type runFailureSchema, type variationSchema, whatIfRequestSchema, type whatIfResultSchema } from "./planner-runs-wire.ts";

type PlanRunResult = z.infer<typeof planRunResultSchema>;
type WhatIfResult = z.infer<typeof whatIfResultSchema>;

const eventStream = (description: string) => ({
  description: `${description} Events: \`progress\` (RunProgress), then \`result\` or \`failure\` (RunFailure).`,
  content: { "text/event-stream": { schema: z.string() } },
});

/** The wire's variations as the planner takes them (a deadline shift is relative to the scenario's). */
export function toVariations(rs: ResolvedScenario, wire: readonly z.infer<typeof variationSchema>[]): Variation[] {
  return wire.map((v): Variation => {
    switch (v.kind) {
      case "deadline":
        return { kind: "deadline", at: parseInstant(v.at.length === 17 ? v.at.replace("Z", ":00Z") : v.at) ?? (rs.deadline as Instant) };
      case "deadline-shift":
        return { kind: "deadline", at: instant(rs.deadline + Math.round(v.hours * 60)) };
      default:
        return v;
    }
  });
}

const summaryOf = (plan: Plan) => {
  const s = plan.summary;
  return {
    closureAt: s.closureAt,
    deadline: s.deadline,
    slackHours: s.slackHours,
    meetsDeadline: s.meetsDeadline,
    lowerBoundAt: s.lowerBoundAt,
    closureRatio: s.closureRatio,
    sorties: s.sorties,
    sortiesByType: s.sortiesByType,
    flyingHours: s.flyingHours,
    convoys: s.convoys,
    commercialSeats: s.commercialSeats,
    clearanceRequests: s.clearanceRequests,
    personnel: s.personnel,
    cargoPieces: s.cargoPieces,
    cargoKg: s.cargoKg,
    pallets: s.pallets,
  };
};

/** A failure as the `failure` event says it. */
function failureOf(e: unknown): z.infer<typeof runFailureSchema> {
  if (e instanceof HttpError) return { status: e.status, code: e.code, title: e.title, ...(e.detail === undefined ? {} : { detail: e.detail }) };
  return { status: 500, code: "planner.failed", title: "The planner failed", detail: "the planner stopped on an error; the server's log has it" };
}

/**
 * Streams a run: its progress, then what `finish` makes of its result. A closed connection cancels it.
 */
function streamRun<T>(c: Context<AppEnv>, deps: ServerDeps, start: (onProgress: (p: JobProgress) => void) => PlannerRun<T>, finish: (value: T) => Promise<unknown>): Response {
  const queue: JobProgress[] = [];
  let wake: (() => void) | undefined;
  const run = start((p) => {
    queue.push(p);
    wake?.();
  });
  return streamSSE(c, async (stream) => {
    stream.onAbort(() => run.cancel());
    let done = false;
    const outcome = run.result.then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    void outcome.then(() => {
      done = true;
      wake?.();
    });
    while (!done || queue.length > 0) {
      const p = queue.shift();
      if (p !== undefined) {
        await stream.writeSSE({ event: "progress", data: JSON.stringify(p) });
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
    const o = await outcome;
    if (stream.aborted) return;
    if (!o.ok) {
      if (o.error instanceof JobCancelled) return;
      deps.logger.error("planner.run_failed", { message: o.error instanceof Error ? o.error.message.slice(0, 300) : String(o.error) });
      await stream.writeSSE({ event: "failure", data: JSON.stringify(failureOf(o.error)) });
      return;
    }
    try {
      await stream.writeSSE({ event: "result", data: JSON.stringify(await finish(o.value)) });
    } catch (e) {
      await stream.writeSSE({ event: "failure", data: JSON.stringify(failureOf(e)) });
    }
  });
}

/** Registers the planner runs. */
export function registerPlannerRunRoutes(app: OpenAPIHono<AppEnv>, table: RouteTable, deps: ServerDeps): void {
  app.openapi(
    table.add(
      createRoute({
        method: "post",
        path: "/api/plans/runs",
        tags: ["plans"],
        summary: "Plan the current scenario off the request thread with progress (server-sent events); publish the plan when asked",
        request: { body: jsonBody(planRunRequestSchema) },
        responses: { 200: eventStream("The run."), ...PROBLEMS, 429: problem("The planner is busy: try again later") },
      }),
      policy("plan_version", "publish"),
    ),
    async (c) => {
      const actor = requireActor(c);
      authorizeOn(deps, actor, "publish", { type: "plan_version", owner: deps.parties.departing });
      const body = c.req.valid("json");
      const seed = body.seed ?? 1;
      const scenario = deps.scenario;
      return streamRun(
        c,
        deps,
        (onProgress) => startPlannerJob({ kind: "plan", scenario: scenario.resolved, seed }, onProgress),
        async (plan: Plan): Promise<PlanRunResult> => {
          let published: PlanRunResult["published"] = null;
          if (body.publish) {
            // A cargo import while planning: this plan is of the scenario as it was.
            if (deps.scenario !== scenario)
              throw new HttpError(409, "plan.scenario_changed", "The scenario changed", "the scenario changed while the planner ran; run it again to publish");
            const { version } = await publishPlanVersion(deps, { actor, seed, note: body.note, plan });
            published = { id: version.id, number: version.number };
          }
          return { summary: summaryOf(plan), unplannedCount: plan.unplanned.length, unplanned: plan.unplanned.slice(0, 20), published };
        },
      );
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "post",
        path: "/api/whatif",
        tags: ["plans"],
        summary: "Compare the scenario with what-if variants (fleet, clearance delay, denied country, deadline), planned off the request thread with progress (server-sent events); nothing is stored",
        request: { body: jsonBody(whatIfRequestSchema) },
        responses: { 200: eventStream("The comparison."), ...PROBLEMS, 429: problem("The planner is busy: try again later") },
      }),
      policy("plan_version", "read"),
    ),
    async (c) => {
      const actor = requireActor(c);
      authorizeOn(deps, actor, "read", { type: "plan_version", owner: deps.parties.departing });
      const body = c.req.valid("json");
      const rs = deps.scenario.resolved;
      const variants = body.variants.map((v) => ({ name: v.name, variations: toVariations(rs, v.variations) }));
      // Every variation is checked before any planning: the answer names each bad one.
      const issues = variants.flatMap((v, i) => {
        const r = applyVariations(rs, v.variations);
        return r.ok ? [] : r.issues.map((x) => ({ path: `$.variants[${i}].${x.path.map((p) => (typeof p === "number" ? `[${p}]` : p)).join(".").replace(/\.\[/g, "[")}`, message: `${x.message}; ${x.hint}` }));
      });
      if (issues.length > 0) throw validationError("body", issues);
      return streamRun(
        c,
        deps,
        (onProgress) => startPlannerJob({ kind: "whatif", scenario: rs, seed: body.seed ?? 1, variants, fixes: body.fixes }, onProgress),
        async (r: VariantsComparison): Promise<WhatIfResult> => ({
          base: { summary: summaryOf({ summary: r.base.summary } as Plan), unplanned: r.base.unplanned, meets: r.base.meets },
          variants: r.variants.map((v) => ({
            name: v.name,
            variations: [...v.variations],
            rows: v.rows.map((row) => ({ key: row.key, label: row.label, base: numberOrText(row.base), variant: numberOrText(row.variant) })),
            notes: [...v.notes],
            meets: v.meets,
            unplannedCount: v.unplanned.length,
            unplanned: v.unplanned.slice(0, 10),
            fixes:
              v.fixes === null
                ? null
                : {
                    needed: v.fixes.needed,
                    blocked: v.fixes.blocked ?? null,
                    fixes: v.fixes.fixes.map((f) => ({ description: f.description, closureAt: f.closureAt, slackHours: f.slackHours })),
                    noFix: v.fixes.noFix.map((f) => ({ subject: f.subject, reason: f.reason })),
                    plansRun: v.fixes.plansRun,
                  },
          })),
        }),
      );
    },
  );
}

/** A figure as JSON carries it: NaN (no ratio) becomes null. */
const numberOrText = (v: number | string | boolean | null): number | string | boolean | null => (typeof v === "number" && !Number.isFinite(v) ? null : v);

