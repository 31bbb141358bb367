/**
 * Constructive bin-packing heuristics: first-fit decreasing, best-fit decreasing and
 * Minimum Bin Slack (Gupta & Ho 1999, in Fleszar & Hindi's MBS' form).
 *
 * Each takes weights and a capacity and returns bins as lists of indices into `weights`.
 * Weights must already be validated (0 ≤ w ≤ capacity); see `packBins` for the checks.
 */
import { maxSubsetSum } from "./subset-sum.ts";

/** Indices of `weights` sorted by non-increasing weight (ties keep input order). */
export function sortDecreasing(weights: readonly number[]): number[] {
  const order = weights.map((_, i) => i);
  order.sort((a, b) => weights[b]! - weights[a]! || a - b);
  return order;
}

/**
 * First-fit decreasing: items from heaviest to lightest, each into the first open bin
 * with room. Uses a max-tree over bin residuals, so it is O(n log n).
 *
 * @example firstFitDecreasing([5, 7, 3, 5], 10) // [[1, 3], [0, 2]]
 */
export function firstFitDecreasing(weights: readonly number[], capacity: number): number[][] {
  const order = sortDecreasing(weights);
  const n = weights.length;
  let size = 1;
  while (size < Math.max(1, n)) size <<= 1;
  // tree[size + b] = residual of bin b (−1 while not open); inner nodes hold the max.
  const tree = new Float64Array(2 * size).fill(-1);
  const bins: number[][] = [];
  const set = (b: number, value: number): void => {
    let i = size + b;
    tree[i] = value;
    for (i >>= 1; i >= 1; i >>= 1) tree[i] = Math.max(tree[2 * i]!, tree[2 * i + 1]!);
  };
  for (const item of order) {
    const w = weights[item]!;
    let b: number;
    if (tree[1]! >= w) {
      // Walk down to the leftmost leaf with residual ≥ w.
      let i = 1;
      while (i < size) i = tree[2 * i]! >= w ? 2 * i : 2 * i + 1;
      b = i - size;
    } else {
      b = bins.length;
      bins.push([]);
      tree[size + b] = capacity;
    }
    bins[b]!.push(item);
    set(b, tree[size + b]! - w);
  }
  return bins;
}

/**
 * Best-fit decreasing: items from heaviest to lightest, each into the open bin it
 * fills most tightly. Keeps bins sorted by residual and binary-searches them.
 *
 * @example bestFitDecreasing([5, 7, 3, 5], 10) // [[1, 2], [0, 3]]
 */
export function bestFitDecreasing(weights: readonly number[], capacity: number): number[][] {
  const order = sortDecreasing(weights);
  const bins: number[][] = [];
  // Open bins sorted by ascending residual: parallel arrays.
  const residual: number[] = [];
  const binId: number[] = [];
  for (const item of order) {
    const w = weights[item]!;
    let lo = 0;
    let hi = residual.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (residual[mid]! < w) lo = mid + 1;
      else hi = mid;
    }
    let b: number;
    let r: number;
    if (lo < residual.length) {
      b = binId[lo]!;
      r = residual[lo]! - w;
      residual.splice(lo, 1);
      binId.splice(lo, 1);
    } else {
      b = bins.length;
      bins.push([]);
      r = capacity - w;
    }
    bins[b]!.push(item);
    let at = 0;
    let top = residual.length;
    while (at < top) {
      const mid = (at + top) >>> 1;
      if (residual[mid]! < r) at = mid + 1;
      else top = mid;
    }
    residual.splice(at, 0, r);
    binId.splice(at, 0, b);
  }
  return bins;
}

/** Options of {@link minimumBinSlack}. */
export interface MbsOptions {
  /** Search nodes per bin before settling for the best subset found (default 5000). */
  readonly nodesPerBin?: number;
  /** Accept a bin as soon as its slack is at most this (default 0: look for a full bin). */
  readonly slackAllowance?: number;
}

/**
 * Minimum Bin Slack, MBS' variant: fill one bin at a time, always with the largest
 * remaining item, completed by the subset of remaining items that leaves the least
 * slack (a bounded subset-sum search). Much stronger than FFD when several items must
 * combine to fill a bin exactly (e.g. Falkenauer triplets).
 *
 * @example minimumBinSlack([50, 30, 20, 40, 60], 100) // [[4, 3], [0, 1, 2]]
 */
export function minimumBinSlack(weights: readonly number[], capacity: number, opts: MbsOptions = {}): number[][] {
  const nodesPerBin = opts.nodesPerBin ?? 5000;
  const allowance = opts.slackAllowance ?? 0;
  let remaining = sortDecreasing(weights);
  const bins: number[][] = [];
  while (remaining.length > 0) {
    const first = remaining[0]!;
    const cap = capacity - weights[first]!;
    const rest = remaining.slice(1);
    const found = maxSubsetSum(rest, weights, cap, cap - allowance, nodesPerBin);
    const bin = [first, ...found.picked];
    bins.push(bin);
    const taken = new Set(found.picked);
    remaining = rest.filter((i) => !taken.has(i));
  }
  return bins;
}
