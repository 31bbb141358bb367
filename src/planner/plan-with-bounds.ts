import type { Plan } from "#domain/plan.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { type Instant, instant, parseInstant } from "#domain/time.ts";
import { type ClosureBound, formatBound } from "./bounds.ts";
import { type PlanOptions, planWithdrawal } from "./plan-withdrawal.ts";
import { summarise } from "./summary.ts";

/** The name the LP bound carries in `plan.bounds` and `summary.bindingBound`. */
export const LP_BOUND_NAME = "lp-relaxation";

/** What an LP bound solver gives back: a sound bound on the closure, or why there is none. */
export type LpBoundResult = { readonly at: Instant; readonly detail: string } | { readonly unsolved: string };

/** What a plan tells the solver: where to start looking and how far the grid must reach. */
export interface LpBoundHints {
  /** The best bound the planner already has. */
  readonly from: Instant;
  /** The plan's closure when the plan is complete, else the later of closure and deadline. */
  readonly upTo: Instant;
}

/** Solves the LP bound, typically in a worker thread (see `src/solve/`): injected, so the planner stays pure. */
export type LpBoundSolver = (rs: ResolvedScenario, hints: LpBoundHints) => Promise<LpBoundResult>;

export interface PlanWithBoundsOptions extends PlanOptions {
  readonly lpBound: LpBoundSolver;
}

const at = (iso: string): Instant => instant(parseInstant(iso) ?? 0);

/** The solver's hints from a plan. */
export function lpBoundHints(rs: ResolvedScenario, plan: Plan): LpBoundHints {
  const closure = at(plan.summary.closureAt);
  return {
    from: at(plan.summary.lowerBoundAt),
    upTo: plan.unplanned.length === 0 ? closure : instant(Math.max(closure, rs.deadline)),
  };
}

/**
 * A bound that a complete plan already beats: impossible for a sound bound, so a model error. Such a
 * bound is never added to a plan; callers may say so.
 */
export function contradictsPlan(plan: Plan, result: LpBoundResult): boolean {
  return "at" in result && plan.unplanned.length === 0 && result.at > at(plan.summary.closureAt);
}

/**
 * The plan with the LP bound among its bounds and its summary measured again, so that `lowerBoundAt`,
 * `bindingBound` and `closureRatio` name the LP bound when it is the best (ties keep the earlier bound).
 * Pure; an unsolved result or a contradicting one leaves the plan as it was.
 */
export function withLpBound(rs: ResolvedScenario, plan: Plan, result: LpBoundResult): Plan {
  if ("unsolved" in result || contradictsPlan(plan, result)) return plan;
  const bounds: ClosureBound[] = plan.bounds
    .filter((b) => b.name !== LP_BOUND_NAME)
    .map((b) => ({ name: b.name, at: at(b.at), detail: b.detail }));
  bounds.push({ name: LP_BOUND_NAME, at: result.at, detail: result.detail });
  return { ...plan, summary: summarise(rs, plan, bounds), bounds: bounds.map(formatBound) };
}

/**
 * `planWithdrawal`, then the time-space network LP bound beside the other bounds. Asynchronous because
 * the solver runs in a worker thread; the plan itself is the synchronous planner's.
 *
 * @example
 * const plan = await planWithBounds(rs, { seed: 1, lpBound: (rs, hints) => solveLpBound(rs, { ...hints, timeLimitMs: 10_000 }) });
 */
export async function planWithBounds(rs: ResolvedScenario, options: PlanWithBoundsOptions): Promise<Plan> {
  const plan = planWithdrawal(rs, options);
  options.onProgress?.("lp-bound", 0);
  const result = await options.lpBound(rs, lpBoundHints(rs, plan));
  options.onProgress?.("lp-bound", 1);
  return withLpBound(rs, plan, result);
}
