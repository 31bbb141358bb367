/**
 * The linear-programming (Gilmore–Gomory) lower bound. Far stronger than L2: on the
 * classic sets ⌈LP⌉ equals the optimum ("integer round-up property").
 */
import { ceilBins } from "./bounds.ts";
import type { Budget } from "./budget.ts";
import { PatternLp } from "./pattern-lp.ts";

/** Inputs of {@link lpBound}. */
export interface LpBoundOptions {
  /** Stop as soon as the bound reaches this many bins (typically the incumbent's size). */
  readonly target: number;
  readonly budget: Budget;
  /** Known bins (each a list of item weights), e.g. the incumbent packing: a warm start. */
  readonly patterns?: readonly (readonly number[])[];
}

/** What the column generation proved. */
export interface LpBoundResult {
  /** A valid lower bound on the number of bins (0 when nothing was proved). */
  readonly bound: number;
  /** Best fractional Farley value seen. */
  readonly value: number;
  /** True when the LP was solved to optimality (so `bound` is ⌈LP⌉). */
  readonly converged: boolean;
  /** Simplex pivots made. */
  readonly pivots: number;
  /** Knapsack pricing rounds. */
  readonly pricings: number;
}

/**
 * Computes ⌈LP relaxation⌉ of the pattern model, or the best Farley bound reached within
 * the budget or once `target` is proved.
 *
 * @example lpBound([60, 60, 60, 40, 40, 40], 100, { target: 4, budget }).bound // 3
 */
export function lpBound(weights: readonly number[], capacity: number, opts: LpBoundOptions): LpBoundResult {
  const lp = new PatternLp(weights, capacity);
  for (const bin of opts.patterns ?? []) lp.addBin(bin);
  const sol = lp.solve(opts.budget, opts.target);
  return {
    bound: ceilBins(sol.farley),
    value: sol.farley,
    converged: sol.converged,
    pivots: sol.pivots,
    pricings: sol.pricings,
  };
}
