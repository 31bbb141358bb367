/**
 * Improvement phase: a consistent-neighbourhood local search after Buljubasic & Vasquez
 * (2016, "Consistent neighborhood search for one-dimensional bin packing").
 *
 * To find a packing into m bins it keeps m − 2 bins that are always feasible plus a set S
 * of unpacked items, and trades items between bins and S to make S lighter until S fits
 * into the two missing bins. "Consistent" means no bin is ever overfull: every state is a
 * valid partial packing, and the search only has to care about S.
 */
import type { Budget } from "./budget.ts";
import { FewerBinsSearch } from "./fewer-bins-search.ts";
import type { Rng } from "./prng.ts";

/** Inputs of {@link improvePacking}. */
export interface ImproveOptions {
  /** Stop once a packing with this many bins is found (a proven lower bound). */
  readonly lowerBound: number;
  readonly budget: Budget;
  readonly rng: Rng;
  /** Counters filled in as the search runs (for benchmarks and tuning). */
  readonly stats?: ImproveStats;
}

/** Effort counters of {@link improvePacking}. */
export interface ImproveStats {
  swaps: number;
  descents: number;
  kicks: number;
  restarts: number;
}

/**
 * Tries to reduce the number of bins of a complete, valid packing, one bin at a time,
 * until `lowerBound` is reached or the budget is spent. Returns the best packing found
 * (a copy of the input when nothing better turns up). Items are indices into `w`; items
 * of weight 0 should be left out by the caller (they fit anywhere).
 *
 * @example improvePacking(w, 150, ffdBins, { lowerBound: 40, budget, rng })
 */
export function improvePacking(
  w: ArrayLike<number>,
  capacity: number,
  initial: readonly (readonly number[])[],
  opts: ImproveOptions,
): number[][] {
  let best = initial.map((b) => b.slice());
  let attempt = 0;
  while (best.length > opts.lowerBound && !opts.budget.exhausted()) {
    const search = new FewerBinsSearch(w, capacity, best, best.length - 1, attempt++, opts);
    const found = search.run();
    if (found === "impossible") break;
    if (found) {
      if (found.length >= best.length) break; // cannot happen with a valid lower bound; never loop on it
      best = found;
      attempt = 0;
    } else if (opts.stats) opts.stats.restarts++;
  }
  return best;
}
