import { mulberry32 } from "../mulberry32.ts";

/**
 * The packer's seeded generator: its randomised constructions must repeat exactly for a seed.
 * @example const rnd = seededRandom(7); rnd(); // a number in [0, 1)
 */
export const seededRandom = (seed: number): (() => number) => mulberry32(seed);
