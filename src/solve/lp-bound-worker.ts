/**
 * Worker thread entry (started through `tsx-worker.mjs`): builds the LP bound model with the planner's
 * pure builder and runs the horizon search on HiGHS, posting every step to the parent. HiGHS blocks
 * while it solves, hence the thread.
 */
import { workerData } from "node:worker_threads";
import { lpBoundAt, lpBoundDetail, prepareLpBound } from "#planner/bounds/lp-problem.ts";
import { loadHighs, OutOfTime, searchHorizons } from "./highs-horizon.ts";
import type { LpWorkerInput, LpWorkerMessage } from "./lp-bound-protocol.ts";

const input = (workerData as { input: LpWorkerInput }).input;
const began = performance.now();
const post = (m: LpWorkerMessage) => {
  input.port.postMessage(m);
  Atomics.add(input.signal, 0, 1);
  Atomics.notify(input.signal, 0);
};

try {
  const problem = prepareLpBound(input.scenario, input.request);
  const { lp } = problem;
  post({
    kind: "model",
    columns: lp.model.columns,
    rows: lp.model.rows.length,
    nonzeros: lp.model.nonzeros,
    bucketMinutes: lp.grid.step,
    periodMinutes: lp.grid.step * lp.periodBuckets,
    buckets: lp.grid.n,
    buildMs: Math.round(performance.now() - began),
    notes: lp.notes,
  });
  const highs = await loadHighs();
  const k = searchHorizons(highs, problem, {
    timeLimitMs: input.timeLimitMs - (performance.now() - began),
    onAnswer: (j, a, ms) => post({ kind: "answer", k: j, feasible: a.feasible, unmet: a.unmet, ms }),
  });
  post({ kind: "done", k, at: lpBoundAt(problem, k), detail: lpBoundDetail(problem, k) });
} catch (e) {
  post({ kind: "failed", reason: e instanceof OutOfTime ? e.message : `the solver failed: ${(e as Error).message}` });
}
