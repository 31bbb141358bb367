import { formatHuman } from "#domain/time.ts";
import { contradictsPlan, type LpBoundResult, planWithBounds } from "#planner/plan-with-bounds.ts";
import { DEFAULT_LP_TIME_LIMIT_MS, solveLpBound } from "../solve/lp-bound-runner.ts";
import { formatPlan } from "./format-plan.ts";
import { type Io, loadScenario, writeTextAtomic } from "./io.ts";
import { progressReporter } from "./progress.ts";

export interface PlanCommandOptions {
  readonly json?: boolean;
  readonly out?: string;
  readonly seed?: number;
}

/**
 * `drawdown plan <scenario>`: plans, adds the time-space LP bound (HiGHS in a worker thread, kept when
 * it solves within 10 s) and prints the summary with closure / bound and the binding bound's name (or
 * the whole plan as JSON). Progress on stderr once the run passes a second.
 */
export async function planCommand(io: Io, scenarioPath: string, opts: PlanCommandOptions): Promise<number> {
  const rs = loadScenario(scenarioPath);
  const progress = progressReporter(io);
  let lp: LpBoundResult | undefined;
  const plan = await planWithBounds(rs, {
    seed: opts.seed ?? 1,
    onProgress: (phase, fraction, detail) =>
      progress.update(phase, fraction, phase === "lp-bound" && fraction === 0 ? `time-space LP, up to ${DEFAULT_LP_TIME_LIMIT_MS / 1000} s` : detail),
    lpBound: async (r, hints) => {
      lp = await solveLpBound(r, { ...hints, timeLimitMs: DEFAULT_LP_TIME_LIMIT_MS });
      return lp;
    },
  });
  progress.stop();
  const outcome: LpBoundResult | undefined = lp;
  if (outcome && "unsolved" in outcome) io.err(`note: no LP relaxation bound (${outcome.unsolved})`);
  else if (outcome && contradictsPlan(plan, outcome))
    io.err(`warning: the LP bound (${formatHuman(outcome.at)}) is after this plan's closure: a model error, the bound is left out`);
  const json = `${JSON.stringify({ $schema: "https://drawdown.local/schema/plan.schema.json", ...plan }, null, 2)}\n`;
  if (opts.out) writeTextAtomic(opts.out, json);
  if (opts.json) io.out(json);
  else io.out(`${formatPlan(rs, plan)}${opts.out ? `\n\nPlan written to ${opts.out}` : ""}`);
  return plan.unplanned.length > 0 ? 3 : 0;
}
