/**
 * The Gilmore–Gomory pattern LP of bin packing, solved by column generation:
 * min Σ x_p subject to Σ_p a_tp·x_p ≥ d_t for every item type t (one type per distinct
 * weight, d_t items of it), x ≥ 0, where a pattern p is any bin content.
 *
 * The master is solved by a dense revised simplex (types are few: at most one row per
 * distinct weight); new patterns come from a bounded knapsack over the duals. The master
 * also holds the dual-optimal "exchange" columns e_light − e_heavy of cost 0 (Ben Amor,
 * Desrosiers & Valério de Carvalho 2006): they force a heavier item's price to be at least
 * a lighter one's, which optimal prices satisfy anyway, and cut the number of pivots.
 *
 * Every pricing round yields Farley's bound Σ d·π⁺ / max-pattern-value(π⁺), valid for any
 * prices π⁺ ≥ 0, so bounds stay sound when the simplex is stopped early or rounds badly:
 * only the knapsack has to be exact (or replaced by an upper bound, which it is when cut).
 */
import type { Budget } from "./budget.ts";
import { invertBasis } from "./basis-inverse.ts";
import { maxValueKnapsack } from "./knapsack.ts";

/** A master-problem column: sparse coefficients over item types and a cost. */
export interface Column {
  readonly idx: Int32Array;
  readonly val: Float64Array;
  readonly cost: number;
}

/** Outcome of one {@link PatternLp.solve}. */
export interface LpSolution {
  /** Best Farley lower bound on the LP value (valid even when not converged). */
  readonly farley: number;
  /** Objective of the final primal basis (an upper bound on the LP value). */
  readonly primal: number;
  /** True when no improving pattern exists: `primal` is the LP optimum. */
  readonly converged: boolean;
  /** Basic bin patterns with their (fractional) multiplicities. */
  readonly patterns: readonly { readonly column: Column; readonly x: number }[];
  /** Simplex pivots and knapsack pricing rounds spent. */
  readonly pivots: number;
  readonly pricings: number;
}

/** Column generation over item types; demands may be lowered between solves (diving). */
export class PatternLp {
  /** Weight of each type, falling. */
  readonly typeWeight: readonly number[];
  /** Current demand of each type. */
  readonly demand: number[];
  private readonly typeOf = new Map<number, number>();
  private readonly pool: Column[] = [];
  private readonly seen = new Set<string>();

  /**
   * @param weights item weights (0 < w ≤ capacity); equal weights become one type
   * @example new PatternLp([60, 60, 40], 100).typeWeight // [60, 40]
   */
  constructor(
    weights: readonly number[],
    private readonly capacity: number,
  ) {
    const sorted = weights.filter((x) => x > 0).sort((a, b) => b - a);
    const tw: number[] = [];
    const td: number[] = [];
    for (const x of sorted) {
      if (tw.length > 0 && tw[tw.length - 1] === x) td[td.length - 1]! += 1;
      else {
        this.typeOf.set(x, tw.length);
        tw.push(x);
        td.push(1);
      }
    }
    this.typeWeight = tw;
    this.demand = td;
    const m = tw.length;
    for (let t = 0; t < m; t++) {
      // Surplus of row t, and the exchange column "cover a lighter type with a heavier one".
      this.pool.push({ idx: Int32Array.of(t), val: Float64Array.of(-1), cost: 0 });
      if (t + 1 < m) this.pool.push({ idx: Int32Array.of(t, t + 1), val: Float64Array.of(-1, 1), cost: 0 });
    }
  }

  /** Type index of a weight, or undefined. */
  typeIndex(weight: number): number | undefined {
    return this.typeOf.get(weight);
  }

  /** Adds a bin pattern given as counts per type (capped by nothing); returns null if known. */
  addPattern(counts: ArrayLike<number>): Column | null {
    const idx: number[] = [];
    const val: number[] = [];
    for (let t = 0; t < this.typeWeight.length; t++) {
      const c = counts[t]!;
      if (c > 0) {
        idx.push(t);
        val.push(c);
      }
    }
    const key = `${idx.join(",")}/${val.join(",")}`;
    if (idx.length === 0 || this.seen.has(key)) return null;
    this.seen.add(key);
    const col = { idx: Int32Array.from(idx), val: Float64Array.from(val), cost: 1 };
    this.pool.push(col);
    return col;
  }

  /** Adds a bin given as a list of item weights. */
  addBin(weights: readonly number[]): void {
    const counts = new Float64Array(this.typeWeight.length);
    for (const x of weights) {
      const t = this.typeOf.get(x);
      if (t !== undefined) counts[t] = counts[t]! + 1;
    }
    this.addPattern(counts);
  }

  /**
   * Solves the LP for the current demands. The first call starts from the homogeneous
   * patterns (a diagonal, always feasible basis); later calls start from the previous
   * basis, which stays dual feasible when only the demands changed, and restore primal
   * feasibility with dual simplex pivots over the pool — so a dive re-solves in a few
   * pivots. Stops early once the Farley bound reaches `stopAt` bins (⌈farley⌉ ≥ stopAt).
   * Without `exactPricing` the knapsack may miss improving patterns: the LP is then only
   * approximately optimal (bounds stay valid), which is enough for diving.
   */
  solve(budget: Budget, stopAt = Number.POSITIVE_INFINITY, exactPricing = true): LpSolution {
    const m = this.typeWeight.length;
    const tw = this.typeWeight;
    const td = this.demand;
    const C = this.capacity;
    let totalDemand = 0;
    for (const d of td) totalDemand += d;
    if (totalDemand === 0) return { farley: 0, primal: 0, converged: true, patterns: [], pivots: 0, pricings: 0 };
    if (!this.state || !this.warmStart(budget)) this.state = this.coldStart();
    const { x, basis } = this.state;

    let farley = 0;
    let converged = false;
    const pi = new Float64Array(m);
    const piPlus = new Float64Array(m);
    let pivots = 0;
    let pricings = 0;
    const maxPivots = 50 * m + 1000;
    // Price with the quick branch and bound first; the exact dynamic program only at the end.
    let exactNow = false;

    while (!budget.exhausted() && pivots < maxPivots) {
      this.duals(pi);
      budget.spend((m * m) / 4);

      // Price the pool first (cheap), the knapsack only when the pool offers nothing.
      let entering: Column | null = null;
      let bestRc = -1e-9;
      for (const col of this.pool) {
        let rc = col.cost;
        for (let k = 0; k < col.idx.length; k++) rc -= pi[col.idx[k]!]! * col.val[k]!;
        if (rc < bestRc) {
          bestRc = rc;
          entering = col;
        }
      }
      budget.spend(this.pool.length * 2);
      if (!entering) {
        for (let j = 0; j < m; j++) piPlus[j] = Math.max(0, pi[j]!);
        const ks = maxValueKnapsack(tw, piPlus, td, C, 2_000, exactNow);
        pricings++;
        budget.spend(ks.work / 2);
        let dual = 0;
        for (let j = 0; j < m; j++) dual += td[j]! * piPlus[j]!;
        if (ks.upper > 0) farley = Math.max(farley, dual / ks.upper);
        if (farley > stopAt - 1 + 1e-7) break;
        if (ks.value <= 1 + 1e-9) {
          converged = ks.upper <= 1 + 1e-9;
          if (converged || !exactPricing || exactNow) break;
          // The quick pricing ran dry: finish with exact pricing (few rounds remain).
          exactNow = true;
          continue;
        }
        entering = this.addPattern(ks.counts);
        if (!entering) break; // already in the pool yet priced out: numerical trouble, stop
      }

      const u = this.direction(entering);
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
      this.pivot(entering, leave, u);
      budget.spend(m * m);
      pivots++;
    }
    let primal = 0;
    const patterns: { column: Column; x: number }[] = [];
    for (let r = 0; r < m; r++) {
      const col = basis[r]!;
      if (col.cost === 0) continue;
      primal += x[r]!;
      if (x[r]! > 1e-9) patterns.push({ column: col, x: x[r]! });
    }
    return { farley, primal, converged, patterns, pivots, pricings };
  }

  private state: SimplexState | null = null;

  /** The homogeneous basis: as many copies of type t as fit, for every t (diagonal). */
  private coldStart(): SimplexState {
    const m = this.typeWeight.length;
    const basis: Column[] = [];
    const Binv = new Float64Array(m * m);
    const x = new Float64Array(m);
    for (let t = 0; t < m; t++) {
      const q = Math.max(1, Math.min(Math.max(1, this.demand[t]!), Math.floor(this.capacity / this.typeWeight[t]! + 1e-12)));
      const col = { idx: Int32Array.of(t), val: Float64Array.of(q), cost: 1 };
      basis.push(col);
      Binv[t * m + t] = 1 / q;
      x[t] = this.demand[t]! / q;
    }
    return { basis, Binv, x, sinceRefactor: 0 };
  }

  /**
   * Re-solves from the last basis after the demands changed: x = B⁻¹d, then dual simplex
   * pivots over the pool until x ≥ 0. Returns false (caller starts cold) if that fails.
   */
  private warmStart(budget: Budget): boolean {
    const st = this.state!;
    const m = this.typeWeight.length;
    if (!invertBasis(st.Binv, st.x, st.basis, this.demand, m)) return false;
    st.sinceRefactor = 0;
    const pi = new Float64Array(m);
    for (let round = 0; round < 4 * m + 50; round++) {
      if (budget.exhausted()) return false;
      let leave = -1;
      let worst = -1e-9;
      for (let r = 0; r < m; r++) {
        if (st.x[r]! < worst) {
          worst = st.x[r]!;
          leave = r;
        }
      }
      if (leave < 0) return true;
      // Entering: among pool columns with a negative entry in row `leave` of B⁻¹A, the one
      // with the smallest reduced cost per unit — keeps every reduced cost ≥ 0.
      this.duals(pi);
      const row = leave * m;
      let entering: Column | null = null;
      let bestRatio = Number.POSITIVE_INFINITY;
      for (const col of this.pool) {
        let alpha = 0;
        let rc = col.cost;
        for (let k = 0; k < col.idx.length; k++) {
          const t = col.idx[k]!;
          alpha += st.Binv[row + t]! * col.val[k]!;
          rc -= pi[t]! * col.val[k]!;
        }
        if (alpha >= -1e-9) continue;
        const ratio = Math.max(0, rc) / -alpha;
        if (ratio < bestRatio) {
          bestRatio = ratio;
          entering = col;
        }
      }
      budget.spend(this.pool.length * 2 + (m * m) / 2);
      if (!entering) return false;
      this.pivot(entering, leave, this.direction(entering));
    }
    return false;
  }

  /** π = c_B · B⁻¹. */
  private duals(pi: Float64Array): void {
    const st = this.state!;
    const m = this.typeWeight.length;
    pi.fill(0);
    for (let r = 0; r < m; r++) {
      const c = st.basis[r]!.cost;
      if (c === 0) continue;
      const row = r * m;
      for (let j = 0; j < m; j++) pi[j] = pi[j]! + c * st.Binv[row + j]!;
    }
  }

  /** u = B⁻¹ a for a column a. */
  private direction(col: Column): Float64Array {
    const st = this.state!;
    const m = this.typeWeight.length;
    const u = new Float64Array(m);
    for (let r = 0; r < m; r++) {
      let s = 0;
      const row = r * m;
      for (let k = 0; k < col.idx.length; k++) s += st.Binv[row + col.idx[k]!]! * col.val[k]!;
      u[r] = s;
    }
    return u;
  }

  /** Basis change: `entering` replaces the column of row `leave`; u = B⁻¹·entering. */
  private pivot(entering: Column, leave: number, u: Float64Array): void {
    const st = this.state!;
    const m = this.typeWeight.length;
    const { Binv, x } = st;
    const lrow = leave * m;
    const inv = 1 / u[leave]!;
    const theta = x[leave]! * inv;
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
    st.basis[leave] = entering;
    // Product-form updates accumulate rounding error: recompute B⁻¹ now and then.
    if (++st.sinceRefactor >= 200) {
      if (invertBasis(Binv, x, st.basis, this.demand, m)) st.sinceRefactor = 0;
      else {
        // Numerically singular: fall back to the homogeneous basis, in place (callers hold the arrays).
        const fresh = this.coldStart();
        st.basis.splice(0, m, ...fresh.basis);
        Binv.set(fresh.Binv);
        x.set(fresh.x);
        st.sinceRefactor = 0;
      }
    }
  }
}

/** The simplex basis kept between solves. */
interface SimplexState {
  basis: Column[];
  Binv: Float64Array;
  x: Float64Array;
  sinceRefactor: number;
}
