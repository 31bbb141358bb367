/**
 * Dense basis inversion for the pattern LP's revised simplex.
 */
import type { Column } from "./pattern-lp.ts";

/**
 * Recomputes B⁻¹ and x = B⁻¹ d from the basis columns (Gauss–Jordan with partial
 * pivoting), washing out the rounding error that product-form updates accumulate.
 * Returns false if the basis has become numerically singular.
 *
 * @param Binv receives B⁻¹ (row-major m × m); column r of B is `basis[r]`
 * @param x receives B⁻¹·d, the values of the basic variables
 * @example invertBasis(Binv, x, basis, demand, demand.length) // true unless singular
 */
export function invertBasis(
  Binv: Float64Array,
  x: Float64Array,
  basis: readonly Column[],
  d: readonly number[],
  m: number,
): boolean {
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
