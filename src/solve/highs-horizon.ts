/**
 * The horizon search of an LP bound problem on HiGHS: the model is loaded once from its CPLEX LP text,
 * then re-solved per horizon with the gate rows after it set to 0. Blocking: run it in a worker thread
 * (tests may call it directly).
 */
import highsModule, { type Highs } from "highs";
import { type HorizonAnswer, smallestFeasibleHorizon } from "#planner/bounds/horizon-search.ts";
import type { LpBoundProblem } from "#planner/bounds/lp-problem.ts";

/**
 * The package's types describe its CommonJS build (the loader under `default`); Node's ESM import gives
 * the loader itself as the default export.
 */
export const loadHighs = ((highsModule as unknown as { default?: unknown }).default ?? highsModule) as () => Promise<Highs>;

/** HiGHS model status codes (`highs.constants.modelStatus`). */
const OPTIMAL = 7;
const TIME_LIMIT = 13;

/** Thrown when the time limit runs out before the search ends. */
export class OutOfTime extends Error {
  constructor() {
    super("the time limit ran out");
  }
}

export interface HorizonRunOptions {
  /** Time left for the search, ms. */
  readonly timeLimitMs: number;
  /** Told of every answer, with the time it took. */
  readonly onAnswer?: (k: number, answer: HorizonAnswer, ms: number) => void;
}

/** The smallest feasible horizon of the problem (`lp.horizons.length` if none), or throws `OutOfTime`. */
export function searchHorizons(highs: Highs, problem: LpBoundProblem, opts: HorizonRunOptions): number {
  const began = performance.now();
  const ask = horizonOracle(highs, problem, () => opts.timeLimitMs - (performance.now() - began));
  return smallestFeasibleHorizon(
    (k) => {
      const t = performance.now();
      const a = ask(k);
      opts.onAnswer?.(k, a, Math.round(performance.now() - t));
      return a;
    },
    { n: problem.lp.horizons.length, start: problem.start },
  );
}

/** The latest closure horizon k stands for: the minute before the next gate, or the grid's last minute. */
export function horizonEnd(problem: LpBoundProblem, k: number): number {
  const next = problem.lp.horizons[k + 1];
  const { grid } = problem.lp;
  return next !== undefined ? next - 1 : grid.t0 + grid.n * grid.step - 1;
}

/**
 * Asks HiGHS about horizon k: gate rows after k get a right-hand side of 0. After the first solve the
 * model is re-solved from its last basis without presolve: by primal simplex when k grows (the last
 * solution stays feasible), by dual simplex when it shrinks (the last basis stays dual feasible).
 */
function horizonOracle(highs: Highs, problem: LpBoundProblem, leftMs: () => number): (k: number) => HorizonAnswer {
  const model = highs.createModel({ format: "lp", data: problem.text });
  const gates = problem.lp.gateRows.map((g) => ({ row: model.getRowByName(g.row), at: g.at })).sort((a, b) => a.row - b.row);
  const horizons = problem.lp.horizons;
  const horizonRows = problem.lp.horizonRows.map((h) => ({ row: model.getRowByName(h.row), rhs: h.rhs })).sort((a, b) => a.row - b.row);
  let last: number | undefined;
  return (k) => {
    const left = leftMs() / 1000;
    if (left <= 0) throw new OutOfTime();
    // Horizon k stands for every closure before the next gate's minute (or the grid's end).
    const end = horizonEnd(problem, k);
    if (horizonRows.length > 0)
      model.changeRowsBounds(
        { kind: "set", indices: horizonRows.map((h) => h.row) },
        horizonRows.map(() => -highs.infinity),
        horizonRows.map((h) => h.rhs(end)),
      );
    const T = horizons[k] ?? Number.POSITIVE_INFINITY;
    const before = last === undefined ? undefined : (horizons[last] ?? Number.POSITIVE_INFINITY);
    const changed = gates.filter((g) => before === undefined || g.at > T !== g.at > before);
    if (changed.length > 0)
      model.changeRowsBounds(
        { kind: "set", indices: changed.map((g) => g.row) },
        changed.map(() => -highs.infinity),
        changed.map((g) => (g.at > T ? 0 : highs.infinity)),
      );
    model.options.set(
      last === undefined
        ? { output_flag: false, time_limit: left }
        : { output_flag: false, time_limit: left, presolve: "off", simplex_strategy: k > last ? 4 : 1 },
    );
    model.zeroAllClocks();
    last = k;
    model.run();
    const status = model.getModelStatus();
    if (status === TIME_LIMIT) throw new OutOfTime();
    if (status !== OPTIMAL) throw new Error(`HiGHS ended with model status ${status} at horizon ${k}`);
    const unmet = Math.max(0, model.getObjectiveValue());
    return { feasible: unmet <= problem.lp.tolerance, unmet };
  };
}
