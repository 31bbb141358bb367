import { type Block, bestBlockIn, candidateBlocks } from "./block.ts";
import type { BoxType } from "./box-type.ts";
import { type Cuboid, cutSpaces, EPS, footprintsOverlap, type Region, type Space, type SpaceFilter, spacesOutside } from "./space.ts";

/** The fixed data of one packing problem. */
export interface Problem {
  readonly types: readonly BoxType[];
  readonly length: number;
  readonly width: number;
  readonly height: number;
  readonly maxPayload: number;
  /** Cuboids that must stay empty (the container's contour). */
  readonly keepOut: readonly Cuboid[];
}

/** A block where it went, and what it stands on. */
export interface PlacedBlock {
  readonly block: Block;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  /** The blocks it stands on (none: the container floor). */
  readonly supports: readonly number[];
}

/**
 * What a construction ranks blocks by: volume, best fit, or weight (heaviest first, so that heavy
 * boxes go in low: spaces are filled from the floor up).
 */
export type Criterion = "volume" | "fit" | "heavy";

/** How a construction chooses: by a criterion, greedy or at random among the best. */
export interface Policy {
  readonly criterion: Criterion;
  /** Share of the ranked candidates to choose among at random; 0 takes the best. */
  readonly delta: number;
  readonly random: () => number;
}

/**
 * A partial packing: the blocks placed, the empty spaces left, boxes left per type, and for each
 * block the weight it may still carry on top (the least over its boxes).
 */
export class BuildState {
  spaces: Space[];
  readonly remaining: number[];
  readonly placed: PlacedBlock[];
  /** Per placed block: the region it takes. */
  readonly regions: Region[];
  /** Per placed block: more weight it may carry (counting all boxes above it in full). */
  readonly capacity: number[];
  /** Per placed block: the blocks beneath it, directly or through others. */
  readonly below: (readonly number[])[];
  volume = 0;
  weight = 0;

  constructor(readonly problem: Problem, from?: BuildState) {
    if (from) {
      this.spaces = from.spaces.slice();
      this.remaining = from.remaining.slice();
      this.placed = from.placed.slice();
      this.regions = from.regions.slice();
      this.capacity = from.capacity.slice();
      this.below = from.below.slice();
      this.volume = from.volume;
      this.weight = from.weight;
    } else {
      this.spaces = spacesOutside(problem.length, problem.width, problem.height, problem.keepOut);
      this.remaining = problem.types.map((t) => t.ids.length);
      this.placed = [];
      this.regions = [];
      this.capacity = [];
      this.below = [];
    }
  }

  /** An independent copy to try moves on. */
  clone(): BuildState {
    return new BuildState(this.problem, this);
  }

  /** Weight a block standing on these blocks may have: what every block beneath can still carry. */
  floorCapacity(floors: readonly number[]): number {
    let cap = Infinity;
    for (const f of floors) {
      cap = Math.min(cap, this.capacity[f] ?? 0);
      for (const j of this.below[f] ?? []) cap = Math.min(cap, this.capacity[j] ?? 0);
    }
    return cap;
  }

  /**
   * Puts a block with its lowest corner at (x, y, z) on a floor made of the tops of `floors`
   * (none: the container floor); it stands on those of them under its footprint.
   */
  place(block: Block, x: number, y: number, z: number, floors: readonly number[]): void {
    const type = this.problem.types[block.type] as BoxType;
    const index = this.placed.length;
    const region: Region = { x0: x, y0: y, z0: z, x1: x + block.l, y1: y + block.w, z1: z + block.h, stackable: type.stackable };
    const supports = floors.filter((f) => footprintsOverlap(this.regions[f] as Region, region));
    const below = new Set<number>();
    for (const f of supports) {
      below.add(f);
      for (const j of this.below[f] ?? []) below.add(j);
    }
    // Conservative: every block beneath carries this block's full weight.
    for (const j of below) this.capacity[j] = (this.capacity[j] ?? 0) - block.weight;
    this.placed.push({ block, x, y, z, supports });
    this.regions.push(region);
    this.below.push([...below]);
    // The lowest box of a column carries the nz − 1 above it.
    this.capacity.push(type.stackable ? type.maxLoad - (block.nz - 1) * type.weight : 0);
    this.remaining[block.type] = (this.remaining[block.type] ?? 0) - block.count;
    this.volume += block.volume;
    this.weight += block.weight;
    this.spaces = cutSpaces(this.spaces, this.regions, index, this.problem.height, this.filter(), this.problem.keepOut);
  }

  /** Smallest extents among the boxes left: spaces smaller than these are of no use. */
  filter(): SpaceFilter {
    let minSide = Infinity;
    let minHeight = Infinity;
    const payloadLeft = this.problem.maxPayload - this.weight;
    for (const t of this.problem.types) {
      if ((this.remaining[t.index] ?? 0) <= 0 || t.weight > payloadLeft + EPS) continue;
      for (const o of t.orients) {
        minSide = Math.min(minSide, o.a, o.b);
        minHeight = Math.min(minHeight, o.c);
      }
    }
    return { minSide, minHeight };
  }
}

/** Chooses the space to fill next: the one nearest a bottom corner of the container (Parreño et al.). */
function pickSpace(spaces: readonly Space[], length: number, width: number): number {
  let best = -1;
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  let bVol = 0;
  for (let i = 0; i < spaces.length; i++) {
    const s = spaces[i] as Space;
    const dx = Math.min(s.x0, length - s.x1);
    const dy = Math.min(s.y0, width - s.y1);
    const dz = s.z0;
    // The three distances sorted ascending, compared lexicographically.
    const d0 = Math.min(dx, dy, dz);
    const d2 = Math.max(dx, dy, dz);
    const d1 = dx + dy + dz - d0 - d2;
    const vol = (s.x1 - s.x0) * (s.y1 - s.y0) * (s.z1 - s.z0);
    const better =
      best < 0 ||
      d0 < b0 - EPS ||
      (Math.abs(d0 - b0) <= EPS &&
        (d1 < b1 - EPS || (Math.abs(d1 - b1) <= EPS && (d2 < b2 - EPS || (Math.abs(d2 - b2) <= EPS && vol > bVol)))));
    if (better) {
      best = i;
      b0 = d0;
      b1 = d1;
      b2 = d2;
      bVol = vol;
    }
  }
  return best;
}

/**
 * {@link pickSpace}, and in a container with a contour, of the spaces that start at the same
 * distances from the corner (a contour splits the empty container into several overlapping ones),
 * the one whose best block is best by the criterion: the narrow tall space beside a sloping top
 * would otherwise win on volume and waste the wide low one.
 */
function pickSpaceFor(state: BuildState, criterion: Criterion): number {
  const { length, width } = state.problem;
  const si = pickSpace(state.spaces, length, width);
  if (si < 0 || state.problem.keepOut.length === 0) return si;
  const key = (s: Space) => [Math.min(s.x0, length - s.x1), Math.min(s.y0, width - s.y1), s.z0];
  const k0 = key(state.spaces[si] as Space);
  const compare = criterion === "volume" ? compareVolume : criterion === "fit" ? compareFit : compareHeavy;
  let best = si;
  let bestBlock: Block | undefined;
  state.spaces.forEach((s, i) => {
    const k = key(s);
    if (!k.every((v, j) => Math.abs(v - (k0[j] ?? 0)) <= EPS)) return;
    const b = bestBlockIn(s, state.problem.types, limits(state, s), criterion);
    if (b && (!bestBlock || compare(b, bestBlock) < 0)) {
      best = i;
      bestBlock = b;
    }
  });
  return best;
}

/** Best fit (Parreño et al.): the leftover along each axis, sorted ascending, smallest first; then volume. */
export function compareFit(a: Block, b: Block): number {
  if (Math.abs(a.waste0 - b.waste0) > EPS) return a.waste0 - b.waste0;
  if (Math.abs(a.waste1 - b.waste1) > EPS) return a.waste1 - b.waste1;
  if (Math.abs(a.waste2 - b.waste2) > EPS) return a.waste2 - b.waste2;
  return b.volume - a.volume;
}

/** Heaviest first; among equals, the larger volume. */
export function compareHeavy(a: Block, b: Block): number {
  const d = b.weight - a.weight;
  return Math.abs(d) > EPS ? d : compareVolume(a, b);
}

/** Largest volume first; among equals, the better fit. */
export function compareVolume(a: Block, b: Block): number {
  const d = b.volume - a.volume;
  return Math.abs(d) > EPS ? d : compareFit(a, b);
}

/** The space to fill next and the blocks that fit it, or none when the packing is finished. */
export interface Step {
  readonly space: Space;
  readonly candidates: Block[];
}

/**
 * The next step of a construction: the space nearest a container corner that holds something, and
 * every block that fits it (spaces that hold nothing are dropped on the way).
 */
export function nextStep(state: BuildState): Step | undefined {
  for (;;) {
    const si = pickSpaceFor(state, "volume");
    if (si < 0) return undefined;
    const s = state.spaces[si] as Space;
    const candidates: Block[] = [];
    candidateBlocks(s, state.problem.types, limits(state, s), candidates);
    if (candidates.length > 0) return { space: s, candidates };
    state.spaces.splice(si, 1);
  }
}

/** Boxes of each type a block in space `s` may take: what is left, within payload and load limits. */
function limits(state: BuildState, s: Space): number[] {
  const { problem } = state;
  const cap = Math.min(problem.maxPayload - state.weight, state.floorCapacity(s.floors));
  return problem.types.map((t) => {
    const left = state.remaining[t.index] ?? 0;
    return t.weight > 0 ? Math.min(left, Math.floor(cap / t.weight + 1e-9)) : left;
  });
}

/** Like {@link nextStep}, but only the best block of the step by a criterion (no other is built). */
function nextBest(state: BuildState, criterion: Criterion): { space: Space; block: Block } | undefined {
  for (;;) {
    const si = pickSpaceFor(state, criterion);
    if (si < 0) return undefined;
    const s = state.spaces[si] as Space;
    const block = bestBlockIn(s, state.problem.types, limits(state, s), criterion);
    if (block) return { space: s, block };
    state.spaces.splice(si, 1);
  }
}

/** Puts a block in the corner of the space nearest the container's: the load grows from the walls in. */
export function placeInSpace(state: BuildState, s: Space, block: Block): void {
  const { length, width } = state.problem;
  const x = s.x0 <= length - s.x1 ? s.x0 : s.x1 - block.l;
  const y = s.y0 <= width - s.y1 ? s.y0 : s.y1 - block.w;
  state.place(block, x, y, s.z0, s.floors);
}

/**
 * Fills the state until no space holds anything: take the space nearest a container corner,
 * rank the blocks that fit it, take one (the best, or one of the best δ share at random), put it
 * in the space's corner nearest the container's, and cut the spaces.
 */
export function complete(state: BuildState, policy: Policy): void {
  if (policy.delta <= 0) {
    for (;;) {
      const best = nextBest(state, policy.criterion);
      if (!best) return;
      placeInSpace(state, best.space, best.block);
    }
  }
  for (;;) {
    const step = nextStep(state);
    if (!step) return;
    step.candidates.sort(policy.criterion === "volume" ? compareVolume : policy.criterion === "fit" ? compareFit : compareHeavy);
    const k = Math.max(1, Math.ceil(policy.delta * step.candidates.length));
    placeInSpace(state, step.space, step.candidates[Math.floor(policy.random() * k)] as Block);
  }
}
