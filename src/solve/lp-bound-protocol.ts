import type { MessagePort } from "node:worker_threads";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import type { LpBoundRequest } from "#planner/bounds/lp-problem.ts";

/** What the parent hands the LP bound worker (structured-cloned; the port is transferred). */
export interface LpWorkerInput {
  readonly scenario: ResolvedScenario;
  readonly request: LpBoundRequest;
  /** Time the worker may spend, from its own start (the parent enforces its limit too). */
  readonly timeLimitMs: number;
  /** Where the worker posts `LpWorkerMessage`s. */
  readonly port: MessagePort;
  /** Bumped after every message, so a parent blocked in `Atomics.wait` wakes up. */
  readonly signal: Int32Array;
}

/** What the worker reports, in order: the model, each answer of the search, then done or failed. */
export type LpWorkerMessage =
  | {
      readonly kind: "model";
      readonly columns: number;
      readonly rows: number;
      readonly nonzeros: number;
      readonly bucketMinutes: number;
      readonly periodMinutes: number;
      readonly buckets: number;
      readonly buildMs: number;
      readonly notes: readonly string[];
    }
  | { readonly kind: "answer"; readonly k: number; readonly feasible: boolean; readonly unmet: number; readonly ms: number }
  | { readonly kind: "done"; readonly k: number; readonly at: number; readonly detail: string }
  | { readonly kind: "failed"; readonly reason: string };
