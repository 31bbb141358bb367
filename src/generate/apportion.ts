/**
 * Splits `total` whole units in proportion to `weights` by the largest-remainder method: the
 * parts are whole, never negative, and add up to `total` exactly. Ties go to the earlier index,
 * so the split is deterministic.
 *
 * @example
 * apportion(10, [1, 1, 1]); // [4, 3, 3]
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0)
    throw new RangeError(`total must be a whole number ≥ 0, got ${total}`);
  let sum = 0;
  for (const w of weights) {
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weights must be finite and ≥ 0, got ${w}`);
    sum += w;
  }
  if (total === 0) return weights.map(() => 0);
  if (sum === 0) throw new RangeError(`cannot split ${total} over weights that are all zero`);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((n, p) => n + p, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x), w: weights[i] ?? 0 })).filter((o) => o.w > 0);
  order.sort((a, b) => b.r - a.r || a.i - b.i);
  // Floating-point sums can leave `left` a little above the number of remainders: cycle if so.
  for (let k = 0; left > 0; k++, left--) {
    const o = order[k % order.length];
    if (!o) break;
    parts[o.i] = (parts[o.i] ?? 0) + 1;
  }
  return parts;
}
