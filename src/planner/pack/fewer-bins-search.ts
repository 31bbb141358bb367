/**
 * The search state of the consistent-neighbourhood local search (see improve.ts): target − 2
 * feasible bins plus the set S of unpacked items, and the moves on them — swaps between a
 * bin and S under a short tabu, exact bin refills, kicks, and a three-bin end game.
 */
import type { ImproveOptions } from "./improve.ts";
import type { Rng } from "./prng.ts";
import { packInto } from "./small-exact.ts";
import { maxSubsetSum } from "./subset-sum.ts";

/** Iterations without a lighter S before an attempt restarts (plus 10 per bin and S item). */
const IDLE_BASE = 3000;
/** Run the exact refill descent (and a kick) every this many iterations without a lighter S. */
const DESCENT_EVERY = 40;
/** Search nodes of each bin's refill in the descent. */
const DESCENT_NODES = 300;
/** An item that entered a bin stays there for 1 + rand(4) iterations. */
const TENURE_MIN = 1;
const TENURE_RANGE = 4;
/** A kick moves up to this many items of one bin into S. */
const KICK_MAX = 4;
/** In the end game (S light enough for two bins), try the three-bin repack this often. */
const END_EVERY = 5;
/** Search nodes of each three-bin repack. */
const END_NODES = 500;

/**
 * One attempt at packing everything into `target` bins, starting from a valid packing
 * with more bins: keep target − 2 of its bins, put the rest into S, and search.
 */
export class FewerBinsSearch {
  private readonly bins: number[][] = [];
  private readonly load: number[] = [];
  private S: number[] = [];
  /** Items over half the capacity in S: no two share a bin, so S may keep at most `spareBins`. */
  private bigS = 0;
  private wS = 0;
  /** Iteration until which an item that just entered a bin may not leave it. */
  private readonly tabuUntil: Int32Array;
  private iter = 0;
  /** Bumped whenever S changes, so the cheap "does S fit now?" check runs once per change. */
  private version = 0;
  private readonly spareBins: number;
  // Subsets of S of size 1 and 2, sorted by weight (rebuilt when S changes).
  private subSum = new Float64Array(64);
  private subX = new Int32Array(64);
  private subY = new Int32Array(64);
  private subCount = 0;

  /**
   * @param w weight of each item id
   * @param C bin capacity
   * @param from a valid packing with more than `target` bins
   * @param attempt 0 drops the lightest bins into S; later attempts drop random ones
   * @example new FewerBinsSearch(w, 150, packing, packing.length - 1, 0, opts).run()
   */
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
    for (const i of this.S) {
      this.wS += w[i]!;
      if (this.isBig(i)) this.bigS++;
    }
  }

  private isBig(i: number): boolean {
    return 2 * this.w[i]! > this.C;
  }

  /** Whether S may end up with `big` large items: never above the spare bins, unless it already was. */
  private bigOk(big: number): boolean {
    return big <= Math.max(this.spareBins, this.bigS);
  }

  /**
   * Searches until S fits the spare bins (returns the complete packing), the attempt stalls
   * (null: the caller restarts), the budget ends (null), or no bins are left to trade with
   * ("impossible": only the direct check could have succeeded, and it did not).
   */
  run(): number[][] | null | "impossible" {
    const { budget, rng, stats } = this.opts;
    let bestWS = this.wS;
    let idle = 0;
    let lastChecked = -1;
    const maxIdle = IDLE_BASE + 10 * (this.bins.length + this.S.length);
    while (!budget.exhausted()) {
      if (this.version !== lastChecked) {
        lastChecked = this.version;
        const done = this.finish();
        if (done) return done;
      }
      if (this.spareBins === 2 && this.wS <= 2 * this.C && idle % END_EVERY === 0) {
        const done = this.endGame();
        if (done) return done;
      }
      if (this.bins.length === 0) return "impossible";

      const moved = this.swapStep();
      if (moved && stats) stats.swaps++;
      if (this.wS < bestWS) {
        bestWS = this.wS;
        idle = 0;
      } else idle++;

      if (!moved || idle % DESCENT_EVERY === DESCENT_EVERY - 1) {
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
    this.opts.budget.spend(2 * res.nodes + 10 * sorted.length + 100);
    if (res.sum < this.wS - C) return null;
    const first = new Set(res.picked);
    return [...this.bins, res.picked, sorted.filter((i) => !first.has(i))];
  }

  /**
   * End game, once S would fit two bins by weight but not by shape: for each bin, try to
   * pack S plus that bin's items into three bins exactly (a dozen items or so).
   */
  private endGame(): number[][] | null {
    const { w, C, bins, load } = this;
    const budget = this.opts.budget;
    for (let b = 0; b < bins.length; b++) {
      if (this.wS + load[b]! > 3 * C) continue;
      const ids = [...bins[b]!, ...this.S];
      const res = packInto(ids, w, 3, C, END_NODES);
      budget.spend(END_NODES);
      if (res) return [...bins.filter((_, i) => i !== b), ...res];
      if (budget.exhausted()) break;
    }
    return null;
  }

  /**
   * Lists the subsets of S of size 1 and 2 by ascending weight, singles before pairs of
   * equal weight (S then keeps more items). Insertion into the sorted prefix: S is small,
   * so this beats a general sort, and it reuses its buffers (it runs every iteration).
   */
  private rebuildSubsets(): void {
    const { w, S } = this;
    const m = S.length;
    const count = m + (m * (m - 1)) / 2;
    if (this.subSum.length < count) {
      const size = Math.max(count, 2 * this.subSum.length);
      this.subSum = new Float64Array(size);
      this.subX = new Int32Array(size);
      this.subY = new Int32Array(size);
    }
    const sum = this.subSum;
    const xs = this.subX;
    const ys = this.subY;
    let k = 0;
    const insert = (s: number, x: number, y: number): void => {
      let j = k++;
      // Shift heavier entries (and pairs of equal weight when inserting a single) up.
      while (j > 0 && (sum[j - 1]! > s || (sum[j - 1] === s && y < 0 && ys[j - 1]! >= 0))) {
        sum[j] = sum[j - 1]!;
        xs[j] = xs[j - 1]!;
        ys[j] = ys[j - 1]!;
        j--;
      }
      sum[j] = s;
      xs[j] = x;
      ys[j] = y;
    };
    for (let i = 0; i < m; i++) {
      const a = S[i]!;
      insert(w[a]!, a, -1);
      for (let j = i + 1; j < m; j++) insert(w[a]! + w[S[j]!]!, a, S[j]!);
    }
    this.subCount = count;
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
    const nSub = this.subCount;
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
          const bigA = (a1 >= 0 && this.isBig(a1) ? 1 : 0) + (a2 >= 0 && this.isBig(a2) ? 1 : 0);
          if (bigA > 0) {
            const bigB = (this.isBig(this.subX[k]!) ? 1 : 0) + (nB === 2 && this.isBig(this.subY[k]!) ? 1 : 0);
            if (!this.bigOk(this.bigS + bigA - bigB)) continue;
          }
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
    this.opts.budget.spend(3 * evals + 10 * bins.length);
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
    this.bigS = this.countBig(this.S);
    this.wS -= bGain;
    this.version++;
    // Items just packed may not leave again for a while: stops the search undoing itself.
    const tenure = TENURE_MIN + rng.int(TENURE_RANGE);
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
      const res = maxSubsetSum(ids, w, C, C, DESCENT_NODES);
      budget.spend(2 * res.nodes + 10 * ids.length + 100);
      const bigAfter = this.countBig(ids) - this.countBig(res.picked);
      if (res.sum > load[b]! && bigAfter <= Math.max(this.spareBins, this.countBig(pool))) {
        const inBin = new Set(res.picked);
        pool = ids.filter((i) => !inBin.has(i));
        gained += res.sum - load[b]!;
        bins[b] = res.picked;
        load[b] = res.sum;
      }
    }
    this.S = pool;
    this.bigS = this.countBig(pool);
    this.wS -= gained;
    if (gained > 0) this.version++;
    return gained > 0;
  }

  private countBig(items: readonly number[]): number {
    let n = 0;
    for (const i of items) if (this.isBig(i)) n++;
    return n;
  }

  /** Perturbation: pushes one or two random items of a random bin back into S. */
  private kick(rng: Rng): void {
    const { w, bins, load } = this;
    const b = rng.int(bins.length);
    const bin = bins[b]!;
    const kick = 1 + rng.int(Math.min(KICK_MAX, bin.length));
    for (let k = 0; k < kick && bin.length > 0; k++) {
      const at = rng.int(bin.length);
      const item = bin[at]!;
      if (this.isBig(item) && !this.bigOk(this.bigS + 1)) continue;
      bin.splice(at, 1);
      load[b] = load[b]! - w[item]!;
      this.S.push(item);
      this.wS += w[item]!;
      if (this.isBig(item)) this.bigS++;
      this.version++;
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
