/**
 * Public entry of the one-dimensional bin-packing core.
 */
import { type BoundName, ceilBins, dffBound, l1Bound, l2Bound } from "./bounds.ts";
import { Budget } from "./budget.ts";
import { binCompletion } from "./exact.ts";
import { bestFitDecreasing, firstFitDecreasing, minimumBinSlack } from "./heuristics.ts";
import { improvePacking } from "./improve.ts";
import { LpDiver } from "./lp-dive.ts";
import { PatternLp } from "./pattern-lp.ts";
import { createRng } from "./prng.ts";

/** Instances up to this many items also get an exhaustive search (to prove optimality). */
const EXACT_MAX_ITEMS = 60;
/** Best fit keeps a sorted array of bins (O(n·bins)); beyond this many items only FFD runs. */
const BFD_MAX_ITEMS = 50_000;
/** Minimum Bin Slack rescans the remaining items per bin (O(n·bins)). */
const MBS_MAX_ITEMS = 5_000;
/** The LP keeps a dense basis inverse over item types (distinct weights): m² numbers. */
const LP_MAX_TYPES = 1_000;

/** Options of {@link packBins}. */
export interface PackOptions {
  /** Search time in milliseconds (default 1000); without `now` it is converted to work units. */
  readonly budgetMs?: number;
  /** Clock in milliseconds, e.g. `performance.now`; omit for a reproducible, work-counted budget. */
  readonly now?: () => number;
  /** Seed of the pseudo-random tie-breaking and perturbation (default 1). */
  readonly seed?: number;
}

/** A packing and how far it can be from the optimum. */
export interface PackSolution {
  readonly ok: true;
  /** Bins as lists of indices into the input `weights`; every index appears exactly once. */
  readonly bins: number[][];
  /** A proven lower bound on the number of bins. */
  readonly lowerBound: number;
  /** Which bound proved `lowerBound`. */
  readonly bound: BoundName;
  /** True when `bins.length === lowerBound`: no packing uses fewer bins. */
  readonly provedOptimal: boolean;
}

/** Why an instance cannot be packed; `path` points into the arguments. */
export interface PackIssue {
  readonly code: "pack.capacity_invalid" | "pack.weight_invalid" | "pack.item_over_capacity";
  readonly path: string;
  readonly message: string;
  readonly hint: string;
}

/** The input was rejected; nothing was packed. */
export interface PackFailure {
  readonly ok: false;
  readonly issues: readonly PackIssue[];
}

/** Result of {@link packBins}: a packing, or the list of input problems. */
export type PackResult = PackSolution | PackFailure;

/**
 * Packs items of the given weights into as few bins of `capacity` as it can within the
 * budget, and proves a lower bound.
 *
 * Assumptions: weights and capacity are finite numbers, weights ≥ 0, capacity > 0.
 * Integer weights (e.g. kilograms) are typical and give exact arithmetic; other numbers
 * are accepted, but a bin's fit is then judged on floating-point sums, and bounds forgive
 * rounding noise so they never exceed the optimum. An item heavier than the capacity, a
 * negative or non-finite weight, or a bad capacity is returned as an issue (never thrown).
 *
 * Pure: no I/O, no clock unless `opts.now` is injected, randomness only from `opts.seed`.
 *
 * @example
 * const r = packBins([60, 50, 40, 30, 20], 100, { budgetMs: 50, now: performance.now });
 * if (r.ok) r.bins; // two full bins, 60+40 and 50+30+20: [[0, 2], [1, 3, 4]]; r.provedOptimal
 */
export function packBins(weights: readonly number[], capacity: number, opts: PackOptions = {}): PackResult {
  const issues = checkInput(weights, capacity);
  if (issues.length > 0) return { ok: false, issues };

  // Zero-weight items fit anywhere: set them aside and add them to the first bin at the end.
  const zeros: number[] = [];
  const items: number[] = [];
  weights.forEach((w, i) => (w === 0 ? zeros : items).push(i));
  if (items.length === 0) {
    const bins = zeros.length > 0 ? [zeros] : [];
    return { ok: true, bins, lowerBound: bins.length, bound: "L1", provedOptimal: true };
  }
  items.sort((a, b) => weights[b]! - weights[a]! || a - b);
  const w = items.map((i) => weights[i]!);

  const budget = Budget.start(opts.budgetMs ?? 1000, opts.now);
  const rng = createRng(opts.seed ?? 1);

  let lowerBound = l1Bound(w, capacity);
  let bound: BoundName = "L1";
  const raise = (value: number, name: BoundName): void => {
    if (value > lowerBound) {
      lowerBound = value;
      bound = name;
    }
  };
  raise(l2Bound(w, capacity), "L2");

  let best = firstFitDecreasing(w, capacity);
  const consider = (bins: number[][]): void => {
    if (bins.length < best.length) best = bins;
  };
  if (best.length > lowerBound && w.length <= BFD_MAX_ITEMS) consider(bestFitDecreasing(w, capacity));
  if (best.length > lowerBound) raise(dffBound(w, capacity), "DFF");
  if (best.length > lowerBound && w.length <= MBS_MAX_ITEMS) consider(minimumBinSlack(w, capacity));
  if (best.length > lowerBound) {
    // A short search first: most instances reach the L2 bound here.
    consider(improvePacking(w, capacity, best, { lowerBound, budget: budget.slice(0.05), rng }));
  }
  const lpFits = new Set(w).size <= LP_MAX_TYPES;
  if (best.length > lowerBound && !lpFits) {
    // Too many distinct weights for the LP: local search alone.
    consider(improvePacking(w, capacity, best, { lowerBound, budget, rng }));
  }
  if (best.length > lowerBound && lpFits) {
    // Then the LP bound, which often shows the incumbent is already optimal. The pattern
    // pool it builds is kept for diving.
    const lp = new PatternLp(w, capacity);
    for (const bin of best) lp.addBin(bin.map((i) => w[i]!));
    const root = lp.solve(budget.slice(0.3), best.length);
    raise(ceilBins(root.farley), "LP");
    // Small instances: an exhaustive search can settle what the LP bound leaves open.
    if (w.length <= EXACT_MAX_ITEMS) {
      const exact = budget.slice(0.3);
      while (best.length > lowerBound && !exact.exhausted()) {
        const res = binCompletion(w, capacity, { target: lowerBound, budget: exact });
        if (res.status === "found") consider(res.bins);
        else if (res.status === "infeasible") raise(lowerBound + 1, "search");
        else break;
      }
    }
    // Alternate the two improvement methods with growing time slices: local search is
    // strong when bins have slack to trade, LP diving when every bin must be nearly full.
    const diver = new LpDiver(w, capacity, lp, rng, root.converged ? root : null);
    for (let share = 0.1; best.length > lowerBound && !budget.exhausted(); share = Math.min(0.5, share * 2)) {
      const spent = budget.spent;
      const dived = diver.run(best.length - 1, budget.slice(share));
      if (dived) consider(dived);
      raise(diver.lowerBound, "LP");
      if (best.length <= lowerBound) break;
      consider(improvePacking(w, capacity, best, { lowerBound, budget: budget.slice(share * 2), rng }));
      if (budget.spent === spent) break; // neither method can do anything more
    }
  }

  const bins = best.map((b) => b.map((i) => items[i]!));
  if (zeros.length > 0) bins[0]!.push(...zeros);
  return { ok: true, bins, lowerBound, bound, provedOptimal: bins.length === lowerBound };
}

function checkInput(weights: readonly number[], capacity: number): PackIssue[] {
  if (!Number.isFinite(capacity) || capacity <= 0) {
    return [
      {
        code: "pack.capacity_invalid",
        path: "capacity",
        message: `capacity must be a finite number > 0, got ${capacity}`,
        hint: "pass the bin's limit in the same unit as the weights",
      },
    ];
  }
  const issues: PackIssue[] = [];
  weights.forEach((w, i) => {
    if (!Number.isFinite(w) || w < 0) {
      issues.push({
        code: "pack.weight_invalid",
        path: `weights[${i}]`,
        message: `weight must be a finite number ≥ 0, got ${w}`,
        hint: "check the item's unit conversion",
      });
    } else if (w > capacity) {
      issues.push({
        code: "pack.item_over_capacity",
        path: `weights[${i}]`,
        message: `item weighs ${w}, more than the capacity ${capacity}`,
        hint: "split the item or carry it on a larger unit",
      });
    }
  });
  return issues;
}
