/**
 * Lower bounds on the number of bins of a one-dimensional bin-packing instance.
 *
 * All functions take weights that are already validated (finite, 0 ≤ w ≤ capacity) and
 * never over-claim: with non-integer weights a relative tolerance is subtracted before
 * rounding up, so floating-point noise can only weaken a bound, never raise it above the
 * optimum.
 */

/**
 * Names of the lower bounds the packer can prove: L1 (continuous), L2 (Martello–Toth),
 * DFF (Fekete–Schepers dual-feasible functions), LP (column generation) and search (an
 * exhaustive bin-completion search showed that one bin fewer is impossible).
 */
export type BoundName = "L1" | "L2" | "DFF" | "LP" | "search";

/**
 * Rounds a fractional bin count up, forgiving floating-point noise.
 *
 * Why: `ceil(3.0000000000000004)` would claim 4 bins for items that sum to exactly three
 * capacities; a bound must never exceed the optimum, so tiny excesses are discarded.
 *
 * @example ceilBins(2.0000000000001) // 2
 */
export function ceilBins(x: number): number {
  const r = Math.round(x);
  if (Math.abs(x - r) <= 1e-9 * Math.max(1, Math.abs(x))) return r;
  return Math.ceil(x);
}

/**
 * L1: the continuous bound ⌈Σw / C⌉ (items could be split across bins).
 *
 * @example l1Bound([6, 6, 6], 10) // 2
 */
export function l1Bound(weights: readonly number[], capacity: number): number {
  let sum = 0;
  for (const w of weights) sum += w;
  if (sum <= 0) return 0;
  // Any positive weight needs a bin, however tiny (ceilBins would forgive it as noise).
  return Math.max(1, ceilBins(sum / capacity));
}

/**
 * Martello–Toth L2 bound: the maximum over thresholds K ∈ [0, C/2] of
 * |J1| + |J2| + max(0, ⌈(Σ J3 − (|J2|·C − Σ J2)) / C⌉), where
 * J1 = {w > C − K}, J2 = {C − K ≥ w > C/2}, J3 = {C/2 ≥ w ≥ K}.
 *
 * Only K equal to an item weight ≤ C/2 (or K = 0) must be tried: between two such
 * weights J3 is fixed while a larger K only moves items from J2 to J1, which can only
 * raise the bound. Runs in O(n log n).
 *
 * @example l2Bound([6, 6, 6], 10) // 3 (L1 is 2: no two items share a bin)
 */
export function l2Bound(weights: readonly number[], capacity: number): number {
  const n = weights.length;
  if (n === 0) return 0;
  const asc = Float64Array.from(weights).sort();
  // prefix[i] = sum of asc[0..i-1]
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = (prefix[i] ?? 0) + (asc[i] ?? 0);
  const C = capacity;
  // Index of the first item > C/2 (items in [0, half) are the "small" ones, ≤ C/2).
  const half = upperIndex(asc, (w) => 2 * w <= C);
  const large = n - half;
  // K = 0: J1 = ∅ (no item exceeds C), J2 = all large items, J3 = all small items.
  let best = boundFor(0, large, prefix[n]! - prefix[half]!, prefix[half]!, C);
  best = Math.max(best, l1Bound(weights, capacity));
  let i = 0;
  while (i < half) {
    const k = asc[i]!;
    // J3 = items in [k, C/2] = asc[i .. half-1]
    const sumJ3 = prefix[half]! - prefix[i]!;
    // J1 = items > C − k among the large ones.
    const j1Start = upperIndex(asc, (w) => w <= C - k, half);
    const j1 = n - j1Start;
    const j2 = j1Start - half;
    const sumJ2 = prefix[j1Start]! - prefix[half]!;
    best = Math.max(best, boundFor(j1, j2, sumJ2, sumJ3, C));
    // Skip equal weights: same threshold.
    let j = i + 1;
    while (j < half && asc[j] === k) j++;
    i = j;
  }
  return best;
}

function boundFor(j1: number, j2: number, sumJ2: number, sumJ3: number, C: number): number {
  const spare = j2 * C - sumJ2;
  const extra = sumJ3 - spare;
  return j1 + j2 + (extra > 0 ? ceilBins(extra / C) : 0);
}

/** First index in ascending `a` (from `lo`) where `pred` is false; `pred` must be monotone. */
function upperIndex(a: Float64Array, pred: (w: number) => boolean, lo = 0): number {
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(a[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Fekete–Schepers dual-feasible-function bound: for each k in 1..maxK, maps every
 * weight w to u_k(w) = w when (k+1)·w/C is an integer, else ⌊(k+1)·w/C⌋·C/k, and takes
 * ⌈Σ u_k(w) / C⌉. Each u_k is dual feasible (a bin's mapped load never exceeds C), so
 * each value is a valid bound. It catches instances of many medium items (all ≤ C/2)
 * where L2 collapses to L1.
 *
 * @example dffBound([34, 34, 34, 34], 100) // 2 (L1 is 2 as well; u_2 maps 34 → 50)
 */
export function dffBound(weights: readonly number[], capacity: number, maxK = 20): number {
  const C = capacity;
  let best = 0;
  for (let k = 1; k <= maxK; k++) {
    let sum = 0;
    for (const w of weights) {
      const q = ((k + 1) * w) / C;
      sum += Math.abs(q - Math.round(q)) <= 1e-12 ? w : (Math.floor(q) * C) / k;
    }
    best = Math.max(best, ceilBins(sum / C));
  }
  return best;
}
