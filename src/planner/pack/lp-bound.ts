/**
 * The linear-programming (Gilmore–Gomory) lower bound, by column generation.
 *
 * The LP relaxation of the pattern model is far stronger than L2: on the classic sets
 * ⌈LP⌉ equals the optimum ("integer round-up property"). Every pricing round also yields
 * Farley's bound Σ d·π⁺ / max-pattern-value(π⁺), which is valid for any prices π⁺ ≥ 0,
 * so the bound is sound even when the simplex is stopped early or rounds badly: only the
 * pricing knapsack has to be exact (or replaced by an upper bound, which it is when cut).
 */
import type { Budget } from "./budget.ts";
import { ceilBins } from "./bounds.ts";
import { maxValueKnapsack } from "./knapsack.ts";

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

/** A master-problem column: sparse coefficients and a cost. */
interface Column {
  readonly idx: Int32Array;
  readonly val: Float64Array;
  readonly cost: number;
}

/**
 * Computes ⌈LP relaxation⌉ of the pattern model (or the best Farley bound reached within
 * the budget, or once `target` is proved).
 *
 * The master is min Σx s.t. Σ a·x ≥ d over the patterns found so far, solved by a dense
 * revised simplex (item types are few: at most one row per distinct weight). It also
 * holds the dual-optimal "exchange" columns e_small − e_big of cost 0 (Ben Amor, Desrosiers
 * & Valério de Carvalho 2006): they force a heavier item's price to be at least a lighter
 * one's, which the optimal prices satisfy anyway, and cut the number of pivots a lot.
 *
 * @example lpBound([60, 60, 60, 40, 40, 40], 100, { target: 4, budget }).bound // 3
 */
export function lpBound(weights: readonly number[], capacity: number, opts: LpBoundOptions): LpBoundResult {
  const { budget } = opts;
  // Aggregate equal weights into item types with demands; types by falling weight.
  const sorted = [...weights].filter((x) => x > 0).sort((a, b) => b - a);
  const tw: number[] = [];
  const td: number[] = [];
  const typeOf = new Map<number, number>();
  for (const x of sorted) {
    if (tw.length > 0 && tw[tw.length - 1] === x) td[td.length - 1]! += 1;
    else {
      typeOf.set(x, tw.length);
      tw.push(x);
      td.push(1);
    }
  }
  const m = tw.length;
  if (m === 0) return { bound: 0, value: 0, converged: true, pivots: 0, pricings: 0 };

  const pool: Column[] = [];
  const seen = new Set<string>();
  const addPattern = (counts: ArrayLike<number>): Column | null => {
    const idx: number[] = [];
    const val: number[] = [];
    for (let t = 0; t < m; t++) {
      const c = Math.min(counts[t]!, td[t]!);
      if (c > 0) {
        idx.push(t);
        val.push(c);
      }
    }
    const key = `${idx.join(",")}/${val.join(",")}`;
    if (idx.length === 0 || seen.has(key)) return null;
    seen.add(key);
    const col = { idx: Int32Array.from(idx), val: Float64Array.from(val), cost: 1 };
    pool.push(col);
    return col;
  };
  for (let t = 0; t < m; t++) {
    // Surplus of row t, and the exchange column "cover a lighter type with a heavier one".
    pool.push({ idx: Int32Array.of(t), val: Float64Array.of(-1), cost: 0 });
    if (t + 1 < m) pool.push({ idx: Int32Array.of(t, t + 1), val: Float64Array.of(-1, 1), cost: 0 });
  }
  for (const bin of opts.patterns ?? []) {
    const counts = new Float64Array(m);
    for (const x of bin) {
      const t = typeOf.get(x);
      if (t !== undefined) counts[t] = counts[t]! + 1;
    }
    addPattern(counts);
  }

  // Initial basis: the homogeneous patterns (as many copies of type t as fit) — diagonal.
  const basis: Column[] = [];
  const Binv = new Float64Array(m * m);
  const x = new Float64Array(m);
  for (let t = 0; t < m; t++) {
    const q = Math.max(1, Math.min(td[t]!, Math.floor(capacity / tw[t]! + 1e-12)));
    const col = { idx: Int32Array.of(t), val: Float64Array.of(q), cost: 1 };
    basis.push(col);
    Binv[t * m + t] = 1 / q;
    x[t] = td[t]! / q;
  }

  let bestValue = 0;
  let converged = false;
  const pi = new Float64Array(m);
  const piPlus = new Float64Array(m);
  const u = new Float64Array(m);
  let pivots = 0;
  let pricings = 0;
  const maxPivots = 50 * m + 1000;

  while (!budget.exhausted() && pivots < maxPivots) {
    // Duals π = c_B · B⁻¹.
    pi.fill(0);
    for (let r = 0; r < m; r++) {
      const c = basis[r]!.cost;
      if (c === 0) continue;
      const row = r * m;
      for (let j = 0; j < m; j++) pi[j] = pi[j]! + c * Binv[row + j]!;
    }
    budget.spend(m * m);

    // Price the pool first (cheap), the knapsack only when the pool has nothing to offer.
    let entering: Column | null = null;
    let bestRc = -1e-9;
    for (const col of pool) {
      let rc = col.cost;
      for (let k = 0; k < col.idx.length; k++) rc -= pi[col.idx[k]!]! * col.val[k]!;
      if (rc < bestRc) {
        bestRc = rc;
        entering = col;
      }
    }
    budget.spend(pool.length * 4);
    if (!entering) {
      for (let j = 0; j < m; j++) piPlus[j] = Math.max(0, pi[j]!);
      const ks = maxValueKnapsack(tw, piPlus, td, capacity, 20_000);
      pricings++;
      budget.spend(ks.work);
      let dual = 0;
      for (let j = 0; j < m; j++) dual += td[j]! * piPlus[j]!;
      if (ks.upper > 0) bestValue = Math.max(bestValue, dual / ks.upper);
      if (ceilBins(bestValue) >= opts.target) break;
      if (ks.value <= 1 + 1e-9) {
        converged = ks.upper <= 1 + 1e-9;
        break;
      }
      entering = addPattern(ks.counts);
      if (!entering) break; // the pattern is already in the pool: numerical trouble, stop
    }

    // Direction u = B⁻¹ a.
    for (let r = 0; r < m; r++) {
      let s = 0;
      const row = r * m;
      for (let k = 0; k < entering.idx.length; k++) s += Binv[row + entering.idx[k]!]! * entering.val[k]!;
      u[r] = s;
    }
    // Ratio test; among ties take the largest pivot element for stability.
    let leave = -1;
    let theta = Number.POSITIVE_INFINITY;
    let pivotSize = 0;
    for (let r = 0; r < m; r++) {
      const ur = u[r]!;
      if (ur <= 1e-9) continue;
      const ratio = Math.max(0, x[r]!) / ur;
      if (ratio < theta - 1e-12 || (ratio <= theta + 1e-12 && ur > pivotSize)) {
        theta = Math.min(theta, ratio);
        leave = r;
        pivotSize = ur;
      }
    }
    if (leave < 0) break; // cannot happen for a bounded LP; stop rather than loop
    // Pivot: row `leave` of B⁻¹ is divided by u_leave, the others eliminate.
    const lrow = leave * m;
    const inv = 1 / u[leave]!;
    for (let j = 0; j < m; j++) Binv[lrow + j] = Binv[lrow + j]! * inv;
    x[leave] = theta;
    for (let r = 0; r < m; r++) {
      if (r === leave) continue;
      const ur = u[r]!;
      if (ur === 0) continue;
      const row = r * m;
      for (let j = 0; j < m; j++) Binv[row + j] = Binv[row + j]! - ur * Binv[lrow + j]!;
      x[r] = x[r]! - ur * theta;
    }
    basis[leave] = entering;
    budget.spend(2 * m * m);
    pivots++;
    if (pivots % 200 === 0 && !refactor(Binv, x, basis, td, m)) break;
  }
  return { bound: ceilBins(bestValue), value: bestValue, converged, pivots, pricings };
}

/**
 * Recomputes B⁻¹ and x = B⁻¹ d from the basis columns (Gauss–Jordan with partial
 * pivoting), washing out the rounding error that product-form updates accumulate.
 * Returns false if the basis has become numerically singular.
 */
function refactor(Binv: Float64Array, x: Float64Array, basis: readonly Column[], d: readonly number[], m: number): boolean {
  // A = [B | I], reduced to [I | B⁻¹].
  const w = 2 * m;
  const A = new Float64Array(m * w);
  for (let r = 0; r < m; r++) {
    const col = basis[r]!;
    for (let k = 0; k < col.idx.length; k++) A[col.idx[k]! * w + r] = col.val[k]!;
    A[r * w + m + r] = 1;
  }
  for (let c = 0; c < m; c++) {
    let p = c;
    for (let i = c + 1; i < m; i++) if (Math.abs(A[i * w + c]!) > Math.abs(A[p * w + c]!)) p = i;
    const pv = A[p * w + c]!;
    if (Math.abs(pv) < 1e-12) return false;
    if (p !== c) {
      for (let j = 0; j < w; j++) {
        const t = A[c * w + j]!;
        A[c * w + j] = A[p * w + j]!;
        A[p * w + j] = t;
      }
    }
    for (let j = 0; j < w; j++) A[c * w + j] = A[c * w + j]! / pv;
    for (let i = 0; i < m; i++) {
      if (i === c) continue;
      const f = A[i * w + c]!;
      if (f === 0) continue;
      for (let j = 0; j < w; j++) A[i * w + j] = A[i * w + j]! - f * A[c * w + j]!;
    }
  }
  for (let r = 0; r < m; r++) {
    let s = 0;
    for (let j = 0; j < m; j++) {
      const v = A[r * w + m + j]!;
      Binv[r * m + j] = v;
      s += v * d[j]!;
    }
    x[r] = s;
  }
  return true;
}
