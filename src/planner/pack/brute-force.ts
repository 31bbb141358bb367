/**
 * Exact optimum by exhaustive search, for tiny instances only (a dozen items). It shares
 * no code with the packer, so tests use it as an oracle for bounds and solutions.
 */

/**
 * Minimum number of bins for `weights` (each ≤ capacity), by trying every assignment of
 * items to bins, heaviest first, never opening two equal empty bins.
 *
 * @example bruteForceOptimum([6, 6, 6], 10) // 3
 */
export function bruteForceOptimum(weights: readonly number[], capacity: number): number {
  const w = weights.slice().sort((a, b) => b - a);
  let best = w.length;
  const loads: number[] = [];
  const place = (i: number): void => {
    if (loads.length >= best) return;
    if (i === w.length) {
      best = loads.length;
      return;
    }
    for (let b = 0; b < loads.length; b++) {
      if (loads[b]! + w[i]! <= capacity) {
        loads[b] = loads[b]! + w[i]!;
        place(i + 1);
        loads[b] = loads[b]! - w[i]!;
      }
    }
    loads.push(w[i]!);
    place(i + 1);
    loads.pop();
  };
  place(0);
  return best;
}
