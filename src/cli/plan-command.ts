import { planWithdrawal } from "#planner/plan-withdrawal.ts";
import { contradictsPlan, lpBoundHints, withLpBound } from "#planner/plan-with-bounds.ts";
import { formatHuman } from "#domain/time.ts";
import { DEFAULT_LP_TIME_LIMIT_MS, solveLpBoundSync } from "../solve/lp-bound-runner.ts";
import { formatPlan } from "./format-plan.ts";
import { type Io, loadScenario, writeTextAtomic } from "./io.ts";
import { progressReporter } from "./progress.ts";

export interface PlanCommandOptions {
  readonly json?: boolean;
  readonly out?: string;
  readonly seed?: number;
}

/**
 * `drawdown plan <scenario>`: plans, adds the LP bound (solved in a worker thread within 10 s) and
 * prints the summary (or the whole plan as JSON).
 *
 * The command is synchronous (its caller does not await actions), so it waits for the worker with
 * `solveLpBoundSync`; `planWithBounds` is the asynchronous equivalent for callers that can await.
 */
export function planCommand(io: Io, scenarioPath: string, opts: PlanCommandOptions): number {
  const rs = loadScenario(scenarioPath);
  const progress = progressReporter(io);
  const planned = planWithdrawal(rs, { seed: opts.seed ?? 1, onProgress: progress.update });
  progress.update("lp-bound", 0, `time-space LP, up to ${DEFAULT_LP_TIME_LIMIT_MS / 1000} s`);
  const lp = solveLpBoundSync(rs, { ...lpBoundHints(rs, planned), timeLimitMs: DEFAULT_LP_TIME_LIMIT_MS });
  progress.update("lp-bound", 1);
  progress.stop();
  if ("unsolved" in lp) io.err(`note: no LP relaxation bound (${lp.unsolved})`);
  else if (contradictsPlan(planned, lp))
    io.err(`warning: the LP bound (${formatHuman(lp.at)}) is after this plan's closure: a model error, the bound is left out`);
  const plan = withLpBound(rs, planned, lp);
  const json = `${JSON.stringify({ $schema: "https://drawdown.local/schema/plan.schema.json", ...plan }, null, 2)}\n`;
  if (opts.out) writeTextAtomic(opts.out, json);
  if (opts.json) io.out(json);
  else io.out(`${formatPlan(rs, plan)}${opts.out ? `\n\nPlan written to ${opts.out}` : ""}`);
  return plan.unplanned.length > 0 ? 3 : 0;
}
