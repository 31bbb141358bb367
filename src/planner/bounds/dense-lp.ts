/**
 * A small dense simplex for `maximise c·x subject to A·x ≤ b, x ≥ 0` with b ≥ 0 (so the slack basis is
 * feasible and no first phase is needed). Meant for the few-hundred-variable relaxations of the
 * synchronous bounds; larger models go to HiGHS in a worker (`src/solve/`). Its answers are only
 * used through certificates that the caller checks on its own, so rounding can weaken a bound, never
 * make it wrong.
 */

export interface DenseLpResult {
  readonly status: "optimal" | "unbounded" | "pivot_limit";
  readonly value: number;
  readonly x: Float64Array;
  /** Shadow prices of the rows (≥ 0): the dual solution when optimal. */
  readonly duals: Float64Array;
  readonly pivots: number;
}

const EPS = 1e-9;

/**
 * @example
 * // max x + y, x + 2y ≤ 4, 3x + y ≤ 6 → x = 1.6, y = 1.2
 * maximiseDense([1, 1], [[1, 2], [3, 1]], [4, 6]).value; // 2.8
 */
export function maximiseDense(c: readonly number[], rows: readonly (readonly number[])[], b: readonly number[], maxPivots = 20_000): DenseLpResult {
  const m = rows.length;
  const n = c.length;
  const width = n + m + 1;
  // Tableau rows 0…m−1 are the constraints, row m the objective (reduced costs, value in the last column).
  const t = new Float64Array((m + 1) * width);
  const basis = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const row = rows[i] ?? [];
    const bi = b[i] ?? 0;
    if (bi < 0) throw new RangeError("maximiseDense needs b ≥ 0");
    for (let j = 0; j < n; j++) t[i * width + j] = row[j] ?? 0;
    t[i * width + n + i] = 1;
    t[i * width + width - 1] = bi;
    basis[i] = n + i;
  }
  for (let j = 0; j < n; j++) t[m * width + j] = -(c[j] ?? 0);

  let pivots = 0;
  let degenerate = 0;
  let status: DenseLpResult["status"] = "optimal";
  for (;;) {
    // Dantzig's rule, and Bland's (lowest index) after a run of degenerate pivots so it cannot cycle.
    const bland = degenerate > 2 * (m + n);
    let enter = -1;
    let most = -EPS;
    for (let j = 0; j < n + m; j++) {
      const r = t[m * width + j] ?? 0;
      if (r < most) {
        enter = j;
        most = r;
        if (bland) break;
      }
    }
    if (enter < 0) break;
    let leave = -1;
    let ratio = Number.POSITIVE_INFINITY;
    for (let i = 0; i < m; i++) {
      const a = t[i * width + enter] ?? 0;
      if (a <= EPS) continue;
      const q = (t[i * width + width - 1] ?? 0) / a;
      if (q < ratio - EPS || (q <= ratio + EPS && leave >= 0 && (basis[i] ?? 0) < (basis[leave] ?? 0))) {
        ratio = q;
        leave = i;
      }
    }
    if (leave < 0) {
      status = "unbounded";
      break;
    }
    if (++pivots > maxPivots) {
      status = "pivot_limit";
      break;
    }
    degenerate = ratio <= EPS ? degenerate + 1 : 0;
    pivot(t, width, m, leave, enter);
    basis[leave] = enter;
  }
  const x = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    const j = basis[i] ?? 0;
    if (j < n) x[j] = t[i * width + width - 1] ?? 0;
  }
  const duals = new Float64Array(m);
  for (let i = 0; i < m; i++) duals[i] = Math.max(0, t[m * width + n + i] ?? 0);
  return { status, value: t[m * width + width - 1] ?? 0, x, duals, pivots };
}

function pivot(t: Float64Array, width: number, m: number, r: number, col: number): void {
  const p = t[r * width + col] ?? 1;
  for (let j = 0; j < width; j++) t[r * width + j] = (t[r * width + j] ?? 0) / p;
  for (let i = 0; i <= m; i++) {
    if (i === r) continue;
    const f = t[i * width + col] ?? 0;
    if (f === 0) continue;
    for (let j = 0; j < width; j++) {
      const v = t[r * width + j] ?? 0;
      if (v !== 0) t[i * width + j] = (t[i * width + j] ?? 0) - f * v;
    }
  }
}
