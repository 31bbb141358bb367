import { mulberry32 } from "../mulberry32.ts";

/**
 * A small seeded pseudo-random generator, so the packer stays reproducible: the same
 * seed and the same work budget give the same packing.
 */

/** A source of uniform numbers in [0, 1) plus the integer helpers the packer needs. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n); `n` must be ≥ 1. */
  int(n: number): number;
}

/**
 * Mulberry32: 32 bits of state, period 2^32, good enough for tie-breaking and
 * perturbation (it is not for cryptography).
 *
 * @example const rng = createRng(42); rng.int(6) // 0..5, the same on every run
 */
export function createRng(seed: number): Rng {
  const next = mulberry32((Math.trunc(seed) ^ 0x9e3779b9) >>> 0);
  return { next, int: (n) => Math.floor(next() * n) };
}
