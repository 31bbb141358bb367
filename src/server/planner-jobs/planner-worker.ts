/**
 * The planner's worker thread: runs one job (a plan, or a what-if comparison) off the server's
 * request thread and posts its progress, at most every 100 ms, then its result. The server ends the
 * thread to cancel.
 */
import { parentPort, workerData } from "node:worker_threads";
import { planWithdrawal } from "#planner/plan-withdrawal.ts";
import { compareScenarioVariants } from "./compare-variants.ts";
import { phaseShare, RisingShare } from "./plan-progress.ts";
import type { PlannerJob, PlannerJobMessage } from "./planner-job.ts";

const job = (workerData as { input: PlannerJob }).input;
const post = (m: PlannerJobMessage) => parentPort?.postMessage(m);

let last = 0;
const share = new RisingShare();
const progress = (step: number, steps: number, phase: string, fraction: number, detail?: string) => {
  // Fix searches plan many times with no known end: their share stays where the variant's plan ended.
  const of = phase.startsWith("fixes") ? 1 : phaseShare(phase, fraction);
  const whole = share.next((step + of) / steps);
  const now = performance.now();
  if (now - last < 100 && phase !== "done") return;
  last = now;
  post({ kind: "progress", step, steps, phase, fraction: whole, ...(detail === undefined ? {} : { detail }) });
};

try {
  if (job.kind === "plan") {
    const plan = planWithdrawal(job.scenario, { seed: job.seed, onProgress: (p, f, d) => progress(0, 1, p, f, d) });
    post({ kind: "plan", plan });
  } else {
    const result = compareScenarioVariants(job.scenario, job.variants, { seed: job.seed, fixes: job.fixes, onProgress: progress });
    post({ kind: "whatif", result });
  }
} catch (e) {
  post({ kind: "failed", message: e instanceof Error ? e.message : String(e) });
}
