import type { CargoMix } from "./cargo-catalogue.ts";
import type { GeneratorOptions } from "./generate.ts";

/**
 * A MINUSMA-sized cargo list (the UN mission in Mali, withdrawn in 2023): about 5,500 containers and
 * 1,500 vehicles, with a few boxes. By pieces: 78 % containers, 21 % vehicles, 1 % boxes.
 */
export const MINUSMA_MIX: CargoMix = {
  box: 0.006,
  hazardous: 0.002,
  sensitive: 0.002,
  rolling_stock: 0.21,
  container: 0.78,
  outsize: 0,
  pallet: 0,
};

/** The names of the preset sizes. */
export type GeneratorPresetName = "small" | "medium" | "large" | "minusma" | "xl";

/**
 * Named sizes for tests, benchmarks and demonstrations; override the seed for variants.
 *
 * @example
 * generateScenario({ ...GENERATOR_PRESETS.medium, seed: 3 });
 */
export const GENERATOR_PRESETS: Readonly<Record<GeneratorPresetName, GeneratorOptions>> = {
  small: { label: "small", personnel: 200, items: 1_000, sites: 4, seed: 1 },
  medium: { label: "medium", personnel: 2_000, items: 10_000, sites: 8, seed: 1 },
  large: { label: "large", personnel: 10_000, items: 100_000, sites: 20, seed: 1 },
  // Three of twelve camps reachable only by escorted convoys, as in northern Mali.
  minusma: {
    label: "minusma",
    personnel: 13_000,
    items: 7_000,
    sites: 12,
    seed: 1,
    aircraft: 40,
    days: 180,
    roadSites: 3,
    mix: MINUSMA_MIX,
    types: 4,
  },
  xl: { label: "xl", personnel: 100_000, items: 50_000, sites: 40, seed: 1, aircraft: 300 },
};
