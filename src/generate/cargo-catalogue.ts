import type { CargoKind } from "#domain/cargo.ts";

/** A closed range [min, max] of a figure; cm for lengths, kg for weights, pieces for quantities. */
export type Range = readonly [number, number];

/** What a generated cargo line may look like: ranges for its piece and how many pieces a line holds. */
export interface CargoTemplate {
  readonly description: string;
  readonly kind: CargoKind;
  readonly length: Range;
  readonly width: Range;
  readonly height: Range;
  readonly weight: Range;
  /** Pieces on one line. */
  readonly quantity: Range;
  /** Relative frequency within its class. */
  readonly share: number;
  readonly hazard?: { readonly class: number; readonly division?: string; readonly unNumber?: string };
}

/**
 * The classes a generated cargo list is drawn from. `box`, `hazardous` and `sensitive` are all
 * palletisable boxes; the split keeps the hazardous and sensitive shares under control.
 */
export const CARGO_CLASSES = [
  "box",
  "hazardous",
  "sensitive",
  "rolling_stock",
  "container",
  "outsize",
  "pallet",
] as const;
/** One class of the cargo mix. */
export type CargoClass = (typeof CARGO_CLASSES)[number];

/** Share of pieces by class; normalised before use, so only ratios matter. */
export type CargoMix = Readonly<Record<CargoClass, number>>;

/**
 * The default mix of a deployed force's materiel by pieces: about 70 % boxes (5 % hazardous,
 * 3 % sensitive), 15 % vehicles, 10 % 20 ft containers, a few outsize items and pre-built pallets.
 */
export const DEFAULT_CARGO_MIX: CargoMix = {
  box: 0.62,
  hazardous: 0.05,
  sensitive: 0.03,
  rolling_stock: 0.15,
  container: 0.1,
  outsize: 0.02,
  pallet: 0.03,
};

/*
 * Boxes stay within 250 × 200 × 200 cm and 800 kg, inside a 463L pallet's usable 104 × 84 in deck
 * and 93.75 in height (96 in less the deck), so every box is palletisable in some orientation.
 */
const BOXES: readonly CargoTemplate[] = [
  {
    description: "Spare parts crate",
    kind: "box",
    length: [60, 180],
    width: [50, 120],
    height: [40, 120],
    weight: [50, 600],
    quantity: [1, 40],
    share: 5,
  },
  {
    description: "Ration cases",
    kind: "box",
    length: [40, 60],
    width: [30, 40],
    height: [25, 35],
    weight: [10, 18],
    quantity: [20, 120],
    share: 3,
  },
  {
    description: "Medical supplies",
    kind: "box",
    length: [40, 80],
    width: [30, 60],
    height: [30, 60],
    weight: [10, 60],
    quantity: [5, 60],
    share: 2,
  },
  {
    description: "IT and communications equipment",
    kind: "box",
    length: [50, 100],
    width: [40, 80],
    height: [30, 80],
    weight: [20, 150],
    quantity: [2, 30],
    share: 2,
  },
  {
    description: "Tentage and camp stores",
    kind: "box",
    length: [80, 200],
    width: [60, 120],
    height: [40, 100],
    weight: [40, 400],
    quantity: [2, 40],
    share: 3,
  },
  {
    description: "Field kitchen module",
    kind: "box",
    length: [150, 240],
    width: [100, 200],
    height: [100, 180],
    weight: [400, 800],
    quantity: [1, 4],
    share: 1,
  },
  {
    description: "Workshop tool chest",
    kind: "box",
    length: [60, 140],
    width: [40, 100],
    height: [40, 100],
    weight: [80, 500],
    quantity: [1, 12],
    share: 2,
  },
  {
    description: "Personal equipment boxes",
    kind: "box",
    length: [80, 100],
    width: [50, 60],
    height: [40, 50],
    weight: [20, 60],
    quantity: [10, 80],
    share: 3,
  },
];

const HAZARDOUS: readonly CargoTemplate[] = [
  {
    description: "Small-arms ammunition",
    kind: "box",
    length: [40, 70],
    width: [25, 40],
    height: [20, 35],
    weight: [20, 45],
    quantity: [10, 100],
    share: 4,
    hazard: { class: 1, division: "1.4S", unNumber: "UN0012" },
  },
  {
    description: "Crated jerrycans (diesel)",
    kind: "box",
    length: [110, 120],
    width: [75, 80],
    height: [50, 70],
    weight: [300, 600],
    quantity: [1, 10],
    share: 3,
    hazard: { class: 3, unNumber: "UN1202" },
  },
  {
    description: "Paints and solvents",
    kind: "box",
    length: [60, 120],
    width: [40, 80],
    height: [40, 80],
    weight: [50, 300],
    quantity: [1, 10],
    share: 1,
    hazard: { class: 3, unNumber: "UN1263" },
  },
  {
    description: "Aviation fuel drums",
    kind: "box",
    length: [58, 62],
    width: [58, 62],
    height: [85, 92],
    weight: [190, 210],
    quantity: [2, 20],
    share: 1,
    hazard: { class: 3, unNumber: "UN1863" },
  },
];

/** Small, heavy-for-size pieces: an escort per sortie is the constraint, so lines stay short. */
const SENSITIVE: readonly CargoTemplate[] = [
  {
    description: "Cryptographic equipment",
    kind: "box",
    length: [50, 80],
    width: [40, 60],
    height: [30, 50],
    weight: [20, 80],
    quantity: [1, 6],
    share: 3,
  },
  {
    description: "Weapons storage rack",
    kind: "box",
    length: [120, 180],
    width: [60, 80],
    height: [100, 160],
    weight: [150, 300],
    quantity: [1, 4],
    share: 2,
  },
  {
    description: "Classified document safe",
    kind: "box",
    length: [60, 90],
    width: [50, 70],
    height: [80, 140],
    weight: [150, 400],
    quantity: [1, 2],
    share: 1,
  },
];

/*
 * Vehicles within a C-17's floor (88 ft × 18 ft × 148 in); all but the last three also within a
 * C-130J-30's (55 ft × 123 in × 108 in = 1676 × 312 × 274 cm), by share about three in four.
 */
const VEHICLES: readonly CargoTemplate[] = [
  {
    description: "Light utility vehicle",
    kind: "rolling_stock",
    length: [480, 500],
    width: [210, 220],
    height: [180, 200],
    weight: [2300, 4500],
    quantity: [1, 10],
    share: 5,
  },
  {
    description: "Light trailer",
    kind: "rolling_stock",
    length: [300, 400],
    width: [180, 210],
    height: [120, 160],
    weight: [1500, 2500],
    quantity: [1, 8],
    share: 3,
  },
  {
    description: "Protected patrol vehicle",
    kind: "rolling_stock",
    length: [550, 620],
    width: [230, 250],
    height: [230, 265],
    weight: [7000, 11000],
    quantity: [1, 6],
    share: 4,
  },
  {
    description: "Field ambulance",
    kind: "rolling_stock",
    length: [520, 560],
    width: [220, 235],
    height: [240, 265],
    weight: [4000, 6000],
    quantity: [1, 4],
    share: 1,
  },
  {
    description: "Rough-terrain forklift",
    kind: "rolling_stock",
    length: [450, 550],
    width: [200, 240],
    height: [230, 260],
    weight: [5000, 9000],
    quantity: [1, 3],
    share: 1,
  },
  {
    description: "Medium cargo truck",
    kind: "rolling_stock",
    length: [690, 800],
    width: [240, 250],
    height: [285, 320],
    weight: [8000, 12000],
    quantity: [1, 6],
    share: 3,
  },
  {
    description: "Mine-resistant vehicle",
    kind: "rolling_stock",
    length: [640, 700],
    width: [250, 260],
    height: [280, 300],
    weight: [10000, 12000],
    quantity: [1, 4],
    share: 1,
  },
  {
    description: "Fuel tanker truck (empty)",
    kind: "rolling_stock",
    length: [700, 800],
    width: [245, 250],
    height: [290, 310],
    weight: [9000, 12000],
    quantity: [1, 3],
    share: 1,
  },
];

/** ISO 1C (20 ft): 6.06 × 2.44 × 2.59 m, kept within 10 t gross. */
const CONTAINERS: readonly CargoTemplate[] = [
  {
    description: "20 ft container, general stores",
    kind: "container",
    length: [606, 606],
    width: [244, 244],
    height: [259, 259],
    weight: [2300, 10000],
    quantity: [1, 20],
    share: 6,
  },
  {
    description: "20 ft workshop container",
    kind: "container",
    length: [606, 606],
    width: [244, 244],
    height: [259, 259],
    weight: [4000, 9000],
    quantity: [1, 6],
    share: 2,
  },
  {
    description: "20 ft refrigerated container",
    kind: "container",
    length: [606, 606],
    width: [244, 244],
    height: [259, 259],
    weight: [3000, 8000],
    quantity: [1, 4],
    share: 1,
  },
];

/** Too big for a pallet; the last two fit only a C-17. */
const OUTSIZE: readonly CargoTemplate[] = [
  {
    description: "Generator set",
    kind: "outsize",
    length: [300, 420],
    width: [140, 180],
    height: [180, 230],
    weight: [2500, 5000],
    quantity: [1, 4],
    share: 4,
  },
  {
    description: "Water purification unit",
    kind: "outsize",
    length: [450, 550],
    width: [230, 245],
    height: [240, 260],
    weight: [5000, 8000],
    quantity: [1, 2],
    share: 2,
  },
  {
    description: "Expandable shelter",
    kind: "outsize",
    length: [600, 610],
    width: [245, 250],
    height: [255, 265],
    weight: [6000, 9000],
    quantity: [1, 3],
    share: 2,
  },
  {
    description: "Radar on trailer",
    kind: "outsize",
    length: [850, 950],
    width: [280, 300],
    height: [320, 350],
    weight: [10000, 14000],
    quantity: [1, 1],
    share: 1,
  },
  {
    description: "Light helicopter, rotors folded",
    kind: "outsize",
    length: [1000, 1150],
    width: [220, 260],
    height: [300, 330],
    weight: [2000, 3500],
    quantity: [1, 2],
    share: 1,
  },
];

/** 463L pallets built up in theatre: 108 × 88 in footprint, at most 96 in and 10,000 lb gross. */
const PALLETS: readonly CargoTemplate[] = [
  {
    description: "Pre-built 463L pallet",
    kind: "pallet",
    length: [274, 274],
    width: [223, 223],
    height: [100, 240],
    weight: [800, 4400],
    quantity: [1, 10],
    share: 1,
  },
];

/** The templates of each class. */
export const CARGO_TEMPLATES: Readonly<Record<CargoClass, readonly CargoTemplate[]>> = {
  box: BOXES,
  hazardous: HAZARDOUS,
  sensitive: SENSITIVE,
  rolling_stock: VEHICLES,
  container: CONTAINERS,
  outsize: OUTSIZE,
  pallet: PALLETS,
};
