/**
 * Runs planner jobs in worker threads, so a long plan never blocks the server's other requests:
 * progress comes as it is made, the result as a promise, and `cancel()` ends the thread at once.
 * At most {@link MAX_PLANNER_JOBS} run together (the machine's cores are shared with the requests);
 * another is refused with 429 and a Retry-After.
 */
import { Worker } from "node:worker_threads";
import type { Plan } from "#domain/plan.ts";
import { HttpError } from "../http-error.ts";
import type { VariantsComparison } from "./compare-variants.ts";
import type { JobProgress, PlannerJob, PlannerJobMessage } from "./planner-job.ts";

/** Planner jobs running at once, at most. */
export const MAX_PLANNER_JOBS = 2;

const BOOT = new URL("../../solve/tsx-worker.mjs", import.meta.url);
const ENTRY = new URL("./planner-worker.ts", import.meta.url).href;

let running = 0;
let cancelledRuns = 0;

/** A job under way. */
export interface PlannerRun<T> {
  readonly result: Promise<T>;
  /** Ends the worker; the result rejects with {@link JobCancelled}. */
  cancel(): void;
}

/** The job was cancelled (the client went away or asked to stop). */
export class JobCancelled extends Error {
  constructor() {
    super("the planner run was cancelled");
  }
}

/** Planner jobs running now (for tests and health). */
export const plannerJobsRunning = (): number => running;
/** Planner jobs ended by `cancel()` before they finished, since the server started. */
export const plannerJobsCancelled = (): number => cancelledRuns;

type Outcome<J extends PlannerJob> = J extends { kind: "plan" } ? Plan : VariantsComparison;

/**
 * Starts a job in a worker thread, or throws a 429 when {@link MAX_PLANNER_JOBS} already run.
 *
 * @example
 * const run = startPlannerJob({ kind: "plan", scenario: rs, seed: 1 }, (p) => console.log(p.phase, p.fraction));
 * const plan = await run.result;
 */
export function startPlannerJob<J extends PlannerJob>(job: J, onProgress: (p: JobProgress) => void): PlannerRun<Outcome<J>> {
  if (running >= MAX_PLANNER_JOBS)
    throw new HttpError(429, "planner.busy", "The planner is busy", `${running} planner runs are under way; try again when one has finished`, {}, { "retry-after": "10" });
  running++;
  const worker = new Worker(BOOT, { workerData: { entry: ENTRY, input: job } });
  let settled = false;
  let cancelled = false;
  const result = new Promise<Outcome<J>>((resolve, reject) => {
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      running--;
      f();
      void worker.terminate();
    };
    worker.on("message", (m: PlannerJobMessage) => {
      if (m.kind === "progress") {
        if (!settled) onProgress(m);
      } else if (m.kind === "failed") finish(() => reject(new Error(m.message)));
      else finish(() => resolve((m.kind === "plan" ? m.plan : m.result) as Outcome<J>));
    });
    worker.on("error", (e) => finish(() => reject(e)));
    worker.on("exit", (code) =>
      finish(() => {
        if (cancelled) cancelledRuns++;
        reject(cancelled ? new JobCancelled() : new Error(`the planner worker stopped (exit ${code})`));
      }),
    );
  });
  return {
    result,
    cancel: () => {
      if (settled) return;
      cancelled = true;
      void worker.terminate();
    },
  };
}
