/**
 * Search for the smallest feasible horizon of a relaxation that only gets easier with time: if horizon K
 * is infeasible, so is every K' < K. Only infeasibility proves anything (no plan closes before
 * bucket K+1 starts); feasible answers only stop the search.
 */

/** The relaxation at horizon k: feasible, or the share of the demand it must leave behind. */
export interface HorizonAnswer {
  readonly feasible: boolean;
  /** Share of the demand left behind, 0…1 (0 when feasible). */
  readonly unmet: number;
}

export interface HorizonSearchOptions {
  /** Horizons 0 … n−1 may be asked. */
  readonly n: number;
  /** Where to start: a horizon believed to be just short of the answer (e.g. the best other bound). */
  readonly start?: number;
  /** Told of every answer as it comes: lets a caller keep the best proof if the search is cut short. */
  readonly onAnswer?: (k: number, answer: HorizonAnswer) => void;
}

/**
 * The smallest feasible horizon in 0…n−1, or n when even n−1 is infeasible.
 *
 * Steps up from the last infeasible horizon by an estimate from the unmet share (capacity grows about
 * linearly with the horizon), bisecting when the estimates overshoot. Moving up only loosens the
 * relaxation, which a solver re-solves quickly from its last basis; most asks are thus near the answer.
 */
export function smallestFeasibleHorizon(ask: (k: number) => HorizonAnswer, opts: HorizonSearchOptions): number {
  const { n } = opts;
  if (n <= 0) return 0;
  let lo = 0; // every horizon below lo is infeasible
  let hi = n; // hi is feasible (n: none known)
  let k = Math.min(n - 1, Math.max(0, Math.floor(opts.start ?? (n - 1) / 2)));
  let down = 0;
  let walked = 0; // asks in a row just below a feasible horizon
  const infeasible: { k: number; unmet: number }[] = [];
  for (;;) {
    const a = ask(k);
    opts.onAnswer?.(k, a);
    if (a.feasible) hi = k;
    else {
      lo = k + 1;
      infeasible.push({ k, unmet: a.unmet });
    }
    if (lo >= hi) return hi;
    if (infeasible.length === 0) {
      // Feasible from the start: walk down in doubling steps until a proof of infeasibility.
      down = down === 0 ? Math.max(1, Math.ceil(n / 64)) : down * 2;
      k = hi - down;
    } else {
      // Step up by the estimated shortfall from the last infeasible horizon; if that keeps landing
      // just below a feasible one, bisect instead.
      k = lo - 1 + estimateSteps(infeasible, lo);
      walked = k >= hi - 1 ? walked + 1 : 0;
      if (walked > 2) {
        k = Math.floor((lo + hi) / 2);
        walked = 0;
      }
    }
    k = Math.min(Math.max(k, lo), hi - 1);
  }
}

/** Buckets more that should cover the shortfall: from the slope of the last two answers, else from the share alone. */
function estimateSteps(infeasible: readonly { k: number; unmet: number }[], lo: number): number {
  const last = infeasible[infeasible.length - 1];
  const prev = infeasible[infeasible.length - 2];
  if (!last) return 1;
  let steps: number;
  if (prev && prev.unmet > last.unmet && last.k > prev.k) steps = (last.unmet * (last.k - prev.k)) / (prev.unmet - last.unmet);
  else if (last.unmet < 1) steps = (last.unmet / (1 - last.unmet)) * Math.max(1, lo);
  else steps = Math.max(1, lo);
  return Math.max(1, Math.ceil(steps));
}
