/**
 * Runs the LP bound in a worker thread with a time limit. Two ways to wait: `solveLpBound` returns a
 * promise; `solveLpBoundSync` blocks the calling thread (for synchronous callers such as a CLI command)
 * with `Atomics.wait` on a shared counter and reads the worker's messages with `receiveMessageOnPort`.
 * Either way the worker is terminated when the limit runs out.
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { type Instant, instant } from "#domain/time.ts";
import type { LpBoundRequest } from "#planner/bounds/lp-problem.ts";
import type { LpBoundResult } from "#planner/plan-with-bounds.ts";
import type { LpWorkerInput, LpWorkerMessage } from "./lp-bound-protocol.ts";

export interface LpBoundRunOptions {
  /** Wall-clock limit for the whole run, worker start-up included (default 10 s). */
  readonly timeLimitMs?: number;
  /** The best bound known so far: the search starts just below it. */
  readonly from?: Instant;
  /** The grid reaches this instant (default: the deadline). */
  readonly upTo?: Instant;
  readonly maxColumns?: number;
  readonly bucketMinutes?: number;
}

/** Sizes and times of a run, for benchmarks and progress lines (never part of a plan: times vary). */
export interface LpBoundStats {
  readonly columns?: number;
  readonly rows?: number;
  readonly bucketMinutes?: number;
  readonly periodMinutes?: number;
  readonly buckets?: number;
  readonly buildMs?: number;
  /** Horizons asked, with the solver's answer and time. */
  readonly solves: readonly { readonly k: number; readonly feasible: boolean; readonly unmet: number; readonly ms: number }[];
  /** Wall clock of the whole run. */
  readonly totalMs: number;
}

export type LpBoundOutcome = LpBoundResult & { readonly stats: LpBoundStats };

export const DEFAULT_LP_TIME_LIMIT_MS = 10_000;

const BOOT = new URL("./tsx-worker.mjs", import.meta.url);
const ENTRY = new URL("./lp-bound-worker.ts", import.meta.url).href;

/** Collects the worker's messages into an outcome. */
class Run {
  private readonly began = performance.now();
  private model: Extract<LpWorkerMessage, { kind: "model" }> | undefined;
  private readonly solves: { k: number; feasible: boolean; unmet: number; ms: number }[] = [];
  result: LpBoundResult | undefined;

  handle(m: LpWorkerMessage): void {
    if (m.kind === "model") this.model = m;
    else if (m.kind === "answer") this.solves.push({ k: m.k, feasible: m.feasible, unmet: m.unmet, ms: m.ms });
    else if (m.kind === "done") this.result = { at: instant(m.at), detail: m.detail };
    else this.result = { unsolved: m.reason };
  }

  outcome(fallback: string): LpBoundOutcome {
    const model = this.model;
    const stats: LpBoundStats = {
      ...(model
        ? {
            columns: model.columns,
            rows: model.rows,
            bucketMinutes: model.bucketMinutes,
            periodMinutes: model.periodMinutes,
            buckets: model.buckets,
            buildMs: model.buildMs,
          }
        : {}),
      solves: this.solves,
      totalMs: Math.round(performance.now() - this.began),
    };
    return { ...(this.result ?? { unsolved: fallback }), stats };
  }
}

function start(rs: ResolvedScenario, opts: LpBoundRunOptions): { worker: Worker; port: MessagePort; signal: Int32Array; limit: number } {
  const limit = opts.timeLimitMs ?? DEFAULT_LP_TIME_LIMIT_MS;
  const request: LpBoundRequest = {
    upTo: opts.upTo ?? rs.deadline,
    ...(opts.from !== undefined ? { from: opts.from } : {}),
    ...(opts.maxColumns !== undefined ? { maxColumns: opts.maxColumns } : {}),
    ...(opts.bucketMinutes !== undefined ? { bucketMinutes: opts.bucketMinutes } : {}),
  };
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const input: LpWorkerInput = { scenario: rs, request, timeLimitMs: limit, port: port2, signal };
  const worker = new Worker(BOOT, { workerData: { entry: ENTRY, input }, transferList: [port2] });
  // Nothing of the worker may keep the process alive once the caller has its answer.
  worker.unref();
  return { worker, port: port1, signal, limit };
}

const timeUp = (limit: number) => `not solved within ${Math.round(limit / 100) / 10} s`;

/**
 * The LP bound of a scenario, solved in a worker thread within the time limit: `{ at, detail }` when the
 * search completes (a sound bound: no plan closes before `at`), else `{ unsolved: reason }`.
 *
 * @example
 * const r = await solveLpBound(rs, { timeLimitMs: 10_000, from: bestBound, upTo: closure });
 * if ("at" in r) console.log(formatInstant(r.at));
 */
export function solveLpBound(rs: ResolvedScenario, opts: LpBoundRunOptions = {}): Promise<LpBoundOutcome> {
  const run = new Run();
  const { worker, port, limit } = start(rs, opts);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (fallback: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      port.close();
      void worker.terminate();
      resolve(run.outcome(fallback));
    };
    const timer = setTimeout(() => finish(timeUp(limit)), limit);
    port.on("message", (m: LpWorkerMessage) => {
      run.handle(m);
      if (run.result) finish("");
    });
    worker.on("error", (e) => finish(`the solver thread failed: ${e.message}`));
    worker.on("exit", () => setImmediate(() => finish("the solver thread stopped without an answer")));
  });
}

/** As `solveLpBound`, blocking the calling thread until the answer or the time limit. */
export function solveLpBoundSync(rs: ResolvedScenario, opts: LpBoundRunOptions = {}): LpBoundOutcome {
  const run = new Run();
  const { worker, port, signal, limit } = start(rs, opts);
  const deadline = performance.now() + limit;
  let seen = 0;
  try {
    while (!run.result) {
      const left = deadline - performance.now();
      if (left <= 0) break;
      Atomics.wait(signal, 0, seen, left);
      seen = Atomics.load(signal, 0);
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) run.handle(m.message as LpWorkerMessage);
    }
  } finally {
    port.close();
    void worker.terminate();
  }
  return run.outcome(timeUp(limit));
}
