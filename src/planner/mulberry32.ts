/**
 * Mulberry32: a seeded generator with 32 bits of state, uniform in [0, 1). The planner's randomised
 * searches use it so that a seed repeats exactly (the pure core never uses unseeded randomness).
 * Not for cryptography.
 *
 * @example const next = mulberry32(7); next(); // the same number on every run
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
