/**
 * The vocabulary of the three-dimensional build-up: boxes, the container they go into, and where
 * each one ends up. Unit-free: lengths in one unit and weights in another, whatever the caller uses
 * (the 463L build-up passes cm and kg).
 *
 * Axes: x runs along the container's length, y along its width, z up from the floor (or pallet deck).
 */

/**
 * How a box lies: the three letters name which of the box's own dimensions (length, width, height)
 * runs along the container's x, y and z axes. `lwh` is the box as described; `wlh` is the same box
 * turned a quarter about the vertical axis. The other four tip it onto a side or an end.
 * This is the same convention as the `xyz`/`yxz`/… flags of the Bischoff–Ratcliff JSON files.
 */
export type Orientation = "lwh" | "wlh" | "lhw" | "hlw" | "whl" | "hwl";

/** All six orientations, in the order the packer tries them. */
export const ALL_ORIENTATIONS: readonly Orientation[] = ["lwh", "wlh", "lhw", "hlw", "whl", "hwl"];

/** "This side up": only turns about the vertical axis, the box's height stays vertical. */
export const THIS_SIDE_UP: readonly Orientation[] = ["lwh", "wlh"];

/**
 * A box to load.
 * @example { id: "GEN-1", length: 120, width: 80, height: 90, weight: 310, orientations: THIS_SIDE_UP, stackable: false }
 */
export interface PalletBox {
  readonly id: string;
  readonly length: number;
  readonly width: number;
  readonly height: number;
  readonly weight: number;
  /** Orientations allowed (default: all six). */
  readonly orientations?: readonly Orientation[];
  /** Whether anything may rest on it (default true). */
  readonly stackable?: boolean;
  /**
   * Most weight that may rest on it, counting every box above it transitively in full
   * (default: no limit). See {@link PackResult} for the exact rule.
   */
  readonly maxLoadOnTop?: number;
}

/** A cuboid [x0, x1) × [y0, y1) × [z0, z1) inside the container that must stay empty. */
export interface KeepOut {
  readonly x0: number;
  readonly y0: number;
  readonly z0: number;
  readonly x1: number;
  readonly y1: number;
  readonly z1: number;
}

/** What the boxes go into: usable length × width × height and the most payload it takes. */
export interface PalletContainer {
  readonly length: number;
  readonly width: number;
  readonly height: number;
  /** Most total weight of the boxes (default: no limit). */
  readonly maxPayload?: number;
  /**
   * Parts of the box that must stay empty: a ULD's contour (the slope of a container's base, the
   * curve of the fuselage over a pallet, a rim). Nothing rests on them. Default none.
   */
  readonly keepOut?: readonly KeepOut[];
}

/** Where one box went: its lowest corner (x, y, z), its extent along each axis, and how it lies. */
export interface Placement {
  readonly boxId: string;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  /** Extent along x. */
  readonly l: number;
  /** Extent along y. */
  readonly w: number;
  /** Extent along z. */
  readonly h: number;
  readonly orientation: Orientation;
}

/** A point in the container's axes. */
export interface Point3 {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/**
 * A packing. The rules every packing keeps (the independent validator in src/verify checks them):
 * - inside the container, no two boxes overlap, each box in one of its allowed orientations;
 * - fully supported: 100 % of a box's base area rests on the floor or on the tops of boxes whose
 *   top is exactly at its base height (no overhang at all, not even a bridged gap);
 * - nothing rests on a box that is not stackable;
 * - the load on a box — the full weight of every box resting on it, directly or through other
 *   boxes (transitively) — is at most its `maxLoadOnTop` (conservative: it does not share a
 *   box's weight out among several supports);
 * - the total weight is at most the container's payload.
 */
export interface PackResult {
  readonly placements: readonly Placement[];
  /** Ids of the boxes that did not go in. */
  readonly unplaced: readonly string[];
  /** Volume of the placed boxes over the container's volume, 0–1. */
  readonly volumeUtilisation: number;
  /** Total weight of the placed boxes. */
  readonly weight: number;
  /** Centre of gravity of the placed boxes (each box's weight at its centre); the floor centre if empty. */
  readonly cg: Point3;
  /** Centre of gravity less the centre of the floor: how far off balance the load is along x and y. */
  readonly cgOffset: { readonly x: number; readonly y: number };
  /** Greedy constructions tried within the budget. */
  readonly iterations: number;
}

/** Options of `packPallet`. */
export interface PackOptions {
  /** A clock in milliseconds (e.g. the caller's `performance.now`); without it the budget is iterations only. */
  readonly now?: () => number;
  /** Time budget in ms, measured with `now` (default 1000); the search stops at 97 % of it. */
  readonly timeLimitMs?: number;
  /** Most greedy constructions (default: unlimited with a clock, 500 without). */
  readonly maxIterations?: number;
  /**
   * Seed of the pseudo-random generator (default 1). Without a clock the same seed and
   * `maxIterations` give the same packing; with one, how far the search gets depends on the machine.
   */
  readonly seed?: number;
}
