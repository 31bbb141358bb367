/**
 * LP diving: a column-generation primal heuristic for tight instances, where every bin
 * must be nearly full and local search wanders (Wäscher's set, Scholl's hardest).
 *
 * Solve the pattern LP, fix the patterns it uses at least once (or, failing that, the most
 * used one), lower the demands and solve again. After every step a greedy packing of the
 * items left completes the packing; the dive succeeds when that reaches the target, and
 * gives up as soon as the LP of what is left proves the target out of reach. Later dives
 * pick among the leading patterns at random.
 */
import { ceilBins } from "./bounds.ts";
import type { Budget } from "./budget.ts";
import { bestFitDecreasing, firstFitDecreasing, minimumBinSlack } from "./heuristics.ts";
import type { Column, LpSolution, PatternLp } from "./pattern-lp.ts";
import type { Rng } from "./prng.ts";

/**
 * A diver that keeps its pattern pool (and the root LP solution) between calls, so the
 * solver can alternate it with local search in short slices without starting over.
 */
export class LpDiver {
  private readonly m: number;
  private readonly itemsOfType: number[][];
  private readonly fullDemand: number[];
  private dives = 0;
  private proved = 0;

  /**
   * @param weights item weights (0 < w ≤ capacity); bins refer to indices into it
   * @param lp the pattern LP over these weights, possibly already solved (shared pool)
   * @param root a converged solution of `lp` at full demand, if the caller has one
   */
  constructor(
    private readonly weights: readonly number[],
    private readonly capacity: number,
    private readonly lp: PatternLp,
    private readonly rng: Rng,
    private root: LpSolution | null = null,
  ) {
    this.m = lp.typeWeight.length;
    this.itemsOfType = Array.from({ length: this.m }, () => []);
    weights.forEach((x, i) => {
      const t = lp.typeIndex(x);
      if (t !== undefined) this.itemsOfType[t]!.push(i);
    });
    this.fullDemand = lp.demand.slice();
  }

  /**
   * Dives until a packing into at most `target` bins turns up or `budget` ends. Returns the
   * best complete packing built in this call (bins of indices into the weights), or null.
   *
   * @example new LpDiver(w, 10_000, new PatternLp(w, 10_000), rng).run(23, budget)
   */
  /** Best lower bound (bins) the root LP has proved so far. */
  get lowerBound(): number {
    return Math.max(this.proved, this.root ? ceilBins(this.root.farley) : 0);
  }

  run(target: number, budget: Budget): number[][] | null {
    try {
      return this.dive(target, budget);
    } finally {
      // The LP is shared with the caller: leave it with the full demands.
      for (let t = 0; t < this.m; t++) this.lp.demand[t] = this.fullDemand[t]!;
    }
  }

  private dive(target: number, budget: Budget): number[][] | null {
    const { lp, m } = this;
    let best: number[][] | null = null;
    while (!budget.exhausted()) {
      const dive = this.dives++;
      for (let t = 0; t < m; t++) lp.demand[t] = this.fullDemand[t]!;
      const fixed: Int32Array[] = [];
      for (let step = 0; ; step++) {
        const done = completeGreedily(this.weights, this.capacity, fixed, this.itemsOfType);
        if (!best || done.length < best.length) best = done;
        if (best.length <= target) return best;
        // The root LP is the same for every dive: solve it once.
        let sol: LpSolution;
        if (step === 0 && this.root) sol = this.root;
        else {
          // Below the root an approximately optimal LP is good enough to pick patterns.
          sol = lp.solve(budget, Number.POSITIVE_INFINITY, step === 0);
          if (budget.exhausted()) break;
          if (step === 0 && sol.converged) this.root = sol;
          if (step === 0) this.proved = Math.max(this.proved, ceilBins(sol.farley));
        }
        if (fixed.length + ceilBins(sol.farley) > target) {
          if (step === 0) return best; // the LP bound itself rules the target out
          break; // this dive cannot succeed
        }
        const chosen = choosePatterns(sol.patterns, m, dive, this.rng);
        if (chosen.length === 0) break;
        for (const { counts, copies } of chosen) {
          for (let c = 0; c < copies; c++) {
            const take = new Int32Array(m);
            let any = false;
            for (let t = 0; t < m; t++) {
              take[t] = Math.min(counts[t]!, lp.demand[t]!);
              lp.demand[t] = lp.demand[t]! - take[t]!;
              if (take[t]! > 0) any = true;
            }
            if (any) fixed.push(take);
          }
        }
      }
    }
    return best;
  }
}

/**
 * Patterns to fix: every pattern the LP uses at least once (as many whole copies as it
 * uses), or else one fractional pattern — the most used on the first dive, a random one
 * of the three most used on later dives.
 */
function choosePatterns(
  patterns: readonly { readonly column: Column; readonly x: number }[],
  m: number,
  dive: number,
  rng: Rng,
): { counts: Int32Array; copies: number }[] {
  const sorted = patterns.slice().sort((a, b) => b.x - a.x);
  const whole = sorted.filter((p) => p.x >= 1 - 1e-6);
  if (whole.length > 0) return whole.map((p) => ({ counts: dense(p.column, m), copies: Math.floor(p.x + 1e-6) }));
  if (sorted.length === 0) return [];
  const pick = dive === 0 ? 0 : rng.int(Math.min(3, sorted.length));
  return [{ counts: dense(sorted[pick]!.column, m), copies: 1 }];
}

function dense(col: Column, m: number): Int32Array {
  const counts = new Int32Array(m);
  for (let k = 0; k < col.idx.length; k++) counts[col.idx[k]!] = col.val[k]!;
  return counts;
}

/**
 * Turns fixed patterns into bins of real items and packs the rest greedily (best of
 * FFD, BFD and MBS'), returning the complete packing.
 */
function completeGreedily(
  weights: readonly number[],
  capacity: number,
  fixed: readonly Int32Array[],
  itemsOfType: readonly (readonly number[])[],
): number[][] {
  const next = new Int32Array(itemsOfType.length);
  const bins: number[][] = [];
  for (const counts of fixed) {
    const bin: number[] = [];
    for (let t = 0; t < counts.length; t++) {
      for (let c = 0; c < counts[t]!; c++) bin.push(itemsOfType[t]![next[t]!++]!);
    }
    bins.push(bin);
  }
  const rest: number[] = [];
  for (let t = 0; t < itemsOfType.length; t++) {
    const items = itemsOfType[t]!;
    for (let k = next[t]!; k < items.length; k++) rest.push(items[k]!);
  }
  if (rest.length === 0) return bins;
  const rw = rest.map((i) => weights[i]!);
  let tail = firstFitDecreasing(rw, capacity);
  const bfd = bestFitDecreasing(rw, capacity);
  if (bfd.length < tail.length) tail = bfd;
  if (rest.length <= 200) {
    const mbs = minimumBinSlack(rw, capacity);
    if (mbs.length < tail.length) tail = mbs;
  }
  for (const b of tail) bins.push(b.map((k) => rest[k]!));
  return bins;
}
