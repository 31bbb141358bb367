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
  let state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n) };
}
