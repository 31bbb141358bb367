import { planWithdrawal } from "#planner/plan-withdrawal.ts";
import { formatPlan } from "./format-plan.ts";
import { type Io, loadScenario, writeTextAtomic } from "./io.ts";
import { progressReporter } from "./progress.ts";

export interface PlanCommandOptions {
  readonly json?: boolean;
  readonly out?: string;
  readonly seed?: number;
}

/** `drawdown plan <scenario>`: plans and prints the summary (or the whole plan as JSON). */
export function planCommand(io: Io, scenarioPath: string, opts: PlanCommandOptions): number {
  const rs = loadScenario(scenarioPath);
  const progress = progressReporter(io);
  const plan = planWithdrawal(rs, { seed: opts.seed ?? 1, onProgress: progress.update });
  progress.stop();
  const json = `${JSON.stringify({ $schema: "https://drawdown.local/schema/plan.schema.json", ...plan }, null, 2)}\n`;
  if (opts.out) writeTextAtomic(opts.out, json);
  if (opts.json) io.out(json);
  else io.out(`${formatPlan(rs, plan)}${opts.out ? `\n\nPlan written to ${opts.out}` : ""}`);
  return plan.unplanned.length > 0 ? 3 : 0;
}
