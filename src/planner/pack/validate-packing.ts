/**
 * Independent check of a packing, written without any of the packer's code so that tests
 * (and callers who distrust the solver) can verify its output.
 */

/** One way a packing is wrong. */
export interface PackingViolation {
  readonly code: "item_missing" | "item_repeated" | "item_unknown" | "bin_overfull" | "bin_empty";
  readonly message: string;
}

/**
 * Lists every violation of: each index 0..n−1 appears in exactly one bin, no bin is
 * empty, and no bin's total exceeds `capacity`. An empty list means the packing is valid.
 *
 * Bin totals are summed in the bin's order; with non-integer weights a relative slack of
 * 1e-9·capacity absorbs rounding differences between summation orders.
 *
 * @example validatePacking([[0, 1], [2]], [60, 40, 70], 100) // []
 */
export function validatePacking(
  bins: readonly (readonly number[])[],
  weights: readonly number[],
  capacity: number,
): PackingViolation[] {
  const violations: PackingViolation[] = [];
  const seen = new Uint8Array(weights.length);
  const integral = Number.isInteger(capacity) && weights.every((w) => Number.isInteger(w));
  const limit = integral ? capacity : capacity * (1 + 1e-9);
  bins.forEach((bin, b) => {
    if (bin.length === 0) violations.push({ code: "bin_empty", message: `bin ${b} is empty` });
    let total = 0;
    for (const i of bin) {
      if (!Number.isInteger(i) || i < 0 || i >= weights.length) {
        violations.push({ code: "item_unknown", message: `bin ${b} holds unknown item ${i}` });
        continue;
      }
      if (seen[i]) violations.push({ code: "item_repeated", message: `item ${i} is packed more than once` });
      seen[i] = 1;
      total += weights[i]!;
    }
    if (total > limit) {
      violations.push({ code: "bin_overfull", message: `bin ${b} holds ${total}, over the capacity ${capacity}` });
    }
  });
  seen.forEach((s, i) => {
    if (!s) violations.push({ code: "item_missing", message: `item ${i} is in no bin` });
  });
  return violations;
}
