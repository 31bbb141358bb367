/**
 * A small seeded pseudo-random generator (mulberry32): the packer's randomised constructions must
 * repeat exactly for a seed, and the pure core may not use unseeded randomness.
 * @example const rnd = seededRandom(7); rnd(); // a number in [0, 1)
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
