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
import type { Rng } from "./prng.ts";
import { maxSubsetSum } from "./subset-sum.ts";

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
      best = found;
      attempt = 0;
    } else if (opts.stats) opts.stats.restarts++;
  }
  return best;
}

export const TUNE = { idleBase: 3000, descentEvery: 40, descentNodes: 300, tenureMin: 3, tenureRange: 8, kickMax: 2 };

/**
 * One attempt at packing everything into `target` bins, from a packing with more bins.
 */
class FewerBinsSearch {
  private readonly bins: number[][] = [];
  private readonly load: number[] = [];
  private S: number[] = [];
  private wS = 0;
  /** Iteration until which an item that just entered a bin may not leave it. */
  private readonly tabuUntil: Int32Array;
  private iter = 0;
  private readonly spareBins: number;
  // Subsets of S of size 1 and 2, sorted by weight (rebuilt when S changes).
  private subSum = new Float64Array(0);
  private subX = new Int32Array(0);
  private subY = new Int32Array(0);

  constructor(
    private readonly w: ArrayLike<number>,
    private readonly C: number,
    from: readonly (readonly number[])[],
    target: number,
    attempt: number,
    private readonly opts: ImproveOptions,
  ) {
    const keep = Math.max(0, target - 2);
    this.spareBins = target - keep;
    let maxItem = 0;
    for (const b of from) for (const i of b) maxItem = Math.max(maxItem, i);
    this.tabuUntil = new Int32Array(maxItem + 1);
    // Drop the lightest bins first (their items are the easiest to re-home); later attempts
    // drop random ones so that restarts explore other partial packings.
    const loads = from.map((b) => b.reduce((s, i) => s + w[i]!, 0));
    const order = from.map((_, i) => i);
    if (attempt === 0) order.sort((a, b) => loads[a]! - loads[b]!);
    else shuffle(order, opts.rng);
    const dropCount = from.length - keep;
    for (let r = 0; r < order.length; r++) {
      const b = order[r]!;
      if (r < dropCount) this.S.push(...from[b]!);
      else {
        this.bins.push(from[b]!.slice());
        this.load.push(loads[b]!);
      }
    }
    for (const i of this.S) this.wS += w[i]!;
  }

  run(): number[][] | null | "impossible" {
    const { budget, rng, stats } = this.opts;
    let bestWS = this.wS;
    let idle = 0;
    let lastChecked = Number.NaN;
    const maxIdle = TUNE.idleBase + 10 * (this.bins.length + this.S.length);
    while (!budget.exhausted()) {
      if (this.wS !== lastChecked) {
        lastChecked = this.wS;
        const done = this.finish();
        if (done) return done;
      }
      if (this.bins.length === 0) return "impossible";

      const moved = this.swapStep();
      if ((globalThis as unknown as {TRACE?: boolean}).TRACE && this.iter % 1 === 0) console.error(this.iter, this.wS, this.S.length, this.S.map((i) => this.w[i]).join(","), this.bins.filter((b, i) => this.load[i]! < this.C).map((b, i) => b.map((j) => this.w[j]).join("+")).join(" | "));
      if (moved && stats) stats.swaps++;
      if (this.wS < bestWS) {
        bestWS = this.wS;
        idle = 0;
      } else idle++;

      if (!moved || idle % TUNE.descentEvery === TUNE.descentEvery - 1) {
        if (stats) stats.descents++;
        if (this.descent()) continue;
        if (idle > maxIdle) return null;
        if (stats) stats.kicks++;
        this.kick(rng);
      }
    }
    return null;
  }

  /** A complete packing if S now fits into the spare bins, else null. */
  private finish(): number[][] | null {
    const { w, C } = this;
    if (this.wS <= C) return [...this.bins, ...(this.S.length > 0 ? [this.S.slice()] : [])];
    if (this.spareBins < 2 || this.wS > 2 * C) return null;
    const sorted = this.S.slice().sort((a, b) => w[b]! - w[a]!);
    const res = maxSubsetSum(sorted, w, C, C, 5000);
    this.opts.budget.spend(res.nodes);
    if (res.sum < this.wS - C) return null;
    const first = new Set(res.picked);
    return [...this.bins, res.picked, sorted.filter((i) => !first.has(i))];
  }

  private rebuildSubsets(): void {
    const { w, S } = this;
    const m = S.length;
    const count = m + (m * (m - 1)) / 2;
    const sum = new Float64Array(count);
    const x = new Int32Array(count);
    const y = new Int32Array(count);
    let k = 0;
    for (let i = 0; i < m; i++) {
      const a = S[i]!;
      sum[k] = w[a]!;
      x[k] = a;
      y[k++] = -1;
      for (let j = i + 1; j < m; j++) {
        const b = S[j]!;
        sum[k] = w[a]! + w[b]!;
        x[k] = a;
        y[k++] = b;
      }
    }
    // Sort by weight; singles before pairs of equal weight (S then keeps more items).
    const idx = Array.from({ length: count }, (_, i) => i);
    idx.sort((p, q) => sum[p]! - sum[q]! || (y[p]! < 0 ? 0 : 1) - (y[q]! < 0 ? 0 : 1));
    this.subSum = Float64Array.from(idx, (i) => sum[i]!);
    this.subX = Int32Array.from(idx, (i) => x[i]!);
    this.subY = Int32Array.from(idx, (i) => y[i]!);
    this.opts.budget.spend(count * 4);
  }

  /**
   * Applies the best trade between one bin and S that does not make S heavier: up to two
   * items leave the bin, one or two items of S enter. Ranked by weight moved into the bin,
   * then by how many more (hence smaller) items S keeps; ties broken at random.
   */
  private swapStep(): boolean {
    const { w, C, bins, load, tabuUntil, iter } = this;
    const rng = this.opts.rng;
    this.rebuildSubsets();
    const sums = this.subSum;
    const nSub = sums.length;
    if (nSub === 0) return false;
    let bGain = -1;
    let bCount = 0;
    let bBin = -1;
    let bA1 = -1;
    let bA2 = -1;
    let bK = -1;
    let ties = 0;
    let evals = 0;
    for (let b = 0; b < bins.length; b++) {
      const items = bins[b]!;
      const free = C - load[b]!;
      const len = items.length;
      // a1/a2 index into items; −1 = none. Enumerate ∅, singles, pairs.
      for (let p = -1; p < len; p++) {
        const a1 = p < 0 ? -1 : items[p]!;
        if (a1 >= 0 && tabuUntil[a1]! > iter) continue;
        for (let q = p; q < len; q++) {
          // q === p: A = {a1} (or ∅ when p = −1); q > p: A = {a1, items[q]}.
          if (p < 0 && q > p) break;
          const a2 = q === p ? -1 : items[q]!;
          if (a2 >= 0 && tabuUntil[a2]! > iter) continue;
          const wA = (a1 >= 0 ? w[a1]! : 0) + (a2 >= 0 ? w[a2]! : 0);
          const nA = (a1 >= 0 ? 1 : 0) + (a2 >= 0 ? 1 : 0);
          evals++;
          // Largest S-subset weight ≤ free + wA.
          const hi = free + wA;
          let lo = 0;
          let top = nSub;
          while (lo < top) {
            const mid = (lo + top) >>> 1;
            if (sums[mid]! <= hi) lo = mid + 1;
            else top = mid;
          }
          let k = lo - 1;
          if (k < 0) continue;
          const s = sums[k]!;
          if (s < wA) continue;
          while (k > 0 && sums[k - 1] === s && this.subY[k]! >= 0) k--;
          const nB = this.subY[k]! >= 0 ? 2 : 1;
          const gain = s - wA;
          const countGain = nA - nB;
          if (gain === 0) {
            // Equal weight back and forth helps only if S gains items or the mix changes.
            if (countGain < 0) continue;
            if (countGain === 0) {
              if (nA === 1) continue;
              const minA = Math.min(w[a1]!, w[a2]!);
              const minB = Math.min(w[this.subX[k]!]!, w[this.subY[k]!]!);
              if (minA === minB) continue;
            }
          }
          if (gain < bGain || (gain === bGain && countGain < bCount)) continue;
          if (gain === bGain && countGain === bCount) {
            ties++;
            if (rng.int(ties + 1) !== 0) continue;
          } else ties = 0;
          bGain = gain;
          bCount = countGain;
          bBin = b;
          bA1 = a1;
          bA2 = a2;
          bK = k;
        }
      }
    }
    this.opts.budget.spend(evals * 2);
    if (bBin < 0) return false;

    // Apply: A leaves the bin for S, B enters the bin from S.
    const s1 = this.subX[bK]!;
    const s2 = this.subY[bK]!;
    let bin = bins[bBin]!;
    if (bA1 >= 0) bin = bin.filter((i) => i !== bA1 && i !== bA2);
    bin.push(s1);
    if (s2 >= 0) bin.push(s2);
    bins[bBin] = bin;
    load[bBin] = load[bBin]! + bGain;
    this.S = this.S.filter((i) => i !== s1 && i !== s2);
    if (bA1 >= 0) this.S.push(bA1);
    if (bA2 >= 0) this.S.push(bA2);
    this.wS -= bGain;
    // Items just packed may not leave again for a while: stops the search undoing itself.
    const tenure = TUNE.tenureMin + rng.int(TUNE.tenureRange);
    tabuUntil[s1] = iter + tenure;
    if (s2 >= 0) tabuUntil[s2] = iter + tenure;
    this.iter++;
    return true;
  }

  /**
   * For each bin in random order, repacks it with the heaviest subset of (bin ∪ S) that
   * fits, when that beats its current load. Returns whether S got lighter.
   */
  private descent(): boolean {
    const { w, C, bins, load } = this;
    const { budget, rng } = this.opts;
    const order = bins.map((_, i) => i);
    shuffle(order, rng);
    let pool = this.S.slice().sort((x, y) => w[y]! - w[x]!);
    let gained = 0;
    for (const b of order) {
      if (budget.exhausted()) break;
      const ids = mergeDesc(bins[b]!.slice().sort((x, y) => w[y]! - w[x]!), pool, w);
      const res = maxSubsetSum(ids, w, C, C, TUNE.descentNodes);
      budget.spend(res.nodes + ids.length);
      if (res.sum > load[b]!) {
        const inBin = new Set(res.picked);
        pool = ids.filter((i) => !inBin.has(i));
        gained += res.sum - load[b]!;
        bins[b] = res.picked;
        load[b] = res.sum;
      }
    }
    this.S = pool;
    this.wS -= gained;
    return gained > 0;
  }

  /** Perturbation: pushes one or two random items of a random bin back into S. */
  private kick(rng: Rng): void {
    const { w, bins, load } = this;
    const b = rng.int(bins.length);
    const bin = bins[b]!;
    const kick = 1 + rng.int(Math.min(TUNE.kickMax, bin.length));
    for (let k = 0; k < kick && bin.length > 0; k++) {
      const at = rng.int(bin.length);
      const item = bin[at]!;
      bin.splice(at, 1);
      load[b] = load[b]! - w[item]!;
      this.S.push(item);
      this.wS += w[item]!;
    }
  }
}

/** Merges two id lists sorted by falling weight. */
function mergeDesc(a: readonly number[], b: readonly number[], w: ArrayLike<number>): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && w[a[i]!]! >= w[b[j]!]!)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

function shuffle(a: number[], rng: Rng): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
}
