/**
 * A seeded pseudo-random source: the same seed and stream give the same sequence on every
 * platform (32-bit integer arithmetic only), so a generated scenario is reproducible from its seed.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform whole number in [min, max], both included. */
  int(min: number, max: number): number;
  /** Uniform real number in [min, max). */
  real(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element, uniformly; the list must not be empty. */
  pick<T>(items: readonly T[]): T;
  /** One value, with probability proportional to its weight; weights must not all be zero. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
}

/** splitmix32: spreads a seed's bits so that neighbouring seeds start far apart. */
function splitmix32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

/**
 * Creates a generator (sfc32, seeded through splitmix32). `stream` picks an independent sequence
 * for the same seed, so one part of a scenario can draw more numbers without shifting the others.
 *
 * @example
 * const rng = createRng(42);
 * rng.int(1, 6); // the same die roll for seed 42, every time
 */
export function createRng(seed: number, stream = 0): Rng {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  if (!Number.isSafeInteger(stream)) throw new RangeError(`stream must be a safe integer, got ${stream}`);
  const lo = seed >>> 0;
  // The high word keeps seeds that differ only above 2^32 (and negative seeds) apart.
  const hi = Math.floor(seed / 4294967296) >>> 0;
  const init = splitmix32(lo);
  let a = init();
  let b = init();
  let c = init() ^ hi;
  let d = init() ^ (stream >>> 0);
  const next32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm-up: the first outputs of sfc32 still echo the seed words.
  for (let i = 0; i < 15; i++) next32();

  const next = () => next32() / 4294967296;
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    real: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError("pick from an empty list");
      return item;
    },
    weighted: <T>(choices: readonly (readonly [T, number])[]): T => {
      let total = 0;
      for (const [, w] of choices) total += w;
      let r = next() * total;
      for (const [value, w] of choices) {
        if (r < w) return value;
        r -= w;
      }
      // Only reached through rounding at the top end: the last choice with any weight.
      const last = [...choices].reverse().find(([, w]) => w > 0);
      if (!last) throw new RangeError("weighted pick with no positive weight");
      return last[0];
    },
  };
  return rng;
}
