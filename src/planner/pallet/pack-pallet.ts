import type { PackOptions, PackResult, PalletBox, PalletContainer, Placement, Point3 } from "./box.ts";
import { type BoxType, groupBoxTypes } from "./box-type.ts";
import type { Block } from "./block.ts";
import {
  BuildState,
  type Criterion,
  compareVolume,
  complete,
  nextStep,
  placeInSpace,
  type Problem,
} from "./construct.ts";
import { seededRandom } from "./random.ts";

/** Constructions tried for balance alone once every box is in. */
const BALANCE_TRIES = 30;

/**
 * Share of the time budget the search may use: the rest is left for writing out the packing and
 * for the last construction under way, so that the whole call keeps within the budget.
 */
const SEARCH_SHARE = 0.97;

interface Scored {
  readonly state: BuildState;
  /** Placed volume. */
  readonly volume: number;
  /** How far the load is from the ideal: horizontal centre-of-gravity offset and height, relative. */
  readonly balance: number;
  /** Shift along x and y that centres the load as far as the container allows. */
  readonly shift: readonly [number, number];
}

/**
 * Packs boxes into one container by block building over maximal spaces.
 *
 * - Constructions after Parreño, Alvarez-Valdes, Oliveira and Tamarit, "A maximal-space algorithm
 *   for the container loading problem" (INFORMS J. Computing 20, 2008): take the empty space
 *   nearest a bottom corner of the container, put in it, in its corner nearest the container's,
 *   the best block of identical boxes (largest volume, or best fit), cut the maximal spaces, repeat.
 * - Search: a beam search whose nodes are judged by their greedy completion, with widths doubling
 *   while time remains, as in Araya and Riff, "A beam search approach to the container loading
 *   problem" (Computers & OR 43, 2014) and Zhu and Lim's iterative-doubling greedy lookahead
 *   (EJOR 222, 2012).
 *
 * The packing keeps every rule in {@link PackResult} (full support, stacking, load on top, payload).
 * Among packings of equal volume the one whose centre of gravity is lowest and nearest the floor
 * centre wins, and the finished load is shifted to centre its centre of gravity if there is room.
 *
 * Pure: time comes only from `opts.now`, randomness from `opts.seed`.
 * @example
 * const r = packPallet(
 *   [{ id: "a", length: 50, width: 40, height: 30, weight: 12 }],
 *   { length: 264, width: 213, height: 238, maxPayload: 4375 },
 *   { now: () => clock(), timeLimitMs: 200 },
 * );
 * r.placements[0]; // { boxId: "a", x: …, y: …, z: 0, l: 50, w: 40, h: 30, orientation: "lwh" }
 */
export function packPallet(boxes: readonly PalletBox[], container: PalletContainer, opts: PackOptions = {}): PackResult {
  return packBoxTypes(groupBoxTypes(boxes), container, opts);
}

/**
 * {@link packPallet} on boxes already grouped into types (see `groupBoxTypes`): what a caller packing
 * container after container from one list uses, grouping once rather than once per container.
 * `unplaced` lists every id of the types that did not go in.
 */
export function packBoxTypes(grouped: readonly BoxType[], container: PalletContainer, opts: PackOptions = {}): PackResult {
  // One fit test per type rather than per box.
  const types = grouped.filter((t) => t.ids.length > 0 && fitsSomeWay(t, container)).map((t, index) => ({ ...t, index }));
  const allIds = grouped.flatMap((t) => t.ids);
  const problem: Problem = {
    types,
    length: container.length,
    width: container.width,
    height: container.height,
    maxPayload: container.maxPayload ?? Infinity,
    keepOut: container.keepOut ?? [],
  };
  const random = seededRandom(opts.seed ?? 1);
  const now = opts.now;
  const started = now ? now() : 0;
  const limitMs = opts.timeLimitMs ?? 1000;
  const maxIterations = opts.maxIterations ?? (now ? Infinity : 500);
  const outOfTime = (): boolean => now !== undefined && now() - started >= limitMs * SEARCH_SHARE;
  const boxVolume = types.reduce((v, t) => v + t.volume * t.ids.length, 0);
  const capacity = container.length * container.width * container.height;
  const upper = Math.min(boxVolume, capacity);

  let best: Scored | undefined;
  let iterations = 0;
  const outOfBudget = (): boolean => iterations >= maxIterations || (iterations >= 2 && outOfTime());
  const done = (): boolean => best !== undefined && best.volume >= upper - 1e-9 * capacity;
  const consider = (state: BuildState): void => {
    const s = score(state, problem);
    if (!best || better(s, best, capacity)) best = s;
  };
  const greedy = (state: BuildState, criterion: Criterion, delta = 0): BuildState => {
    complete(state, { criterion, delta, random });
    iterations++;
    consider(state);
    return state;
  };

  greedy(new BuildState(problem), "volume");
  greedy(new BuildState(problem), "fit");
  // Heaviest blocks first, from the floor up: of packings of equal volume, the lower centre of gravity wins.
  greedy(new BuildState(problem), "heavy");
  // Beam search with greedy lookahead (Araya & Riff 2014; Zhu & Lim 2012): a level holds the
  // `beam` most promising partial packings; each grows by its `expand` best blocks, and each child
  // is judged by the volume of its greedy completion. Both widths double while time remains; a
  // run that never had more children than it kept was exhaustive, and the search stops there.
  for (let round = 0, exhaustive = false; !exhaustive && !outOfBudget() && !done(); round++) {
    const beam = 2 ** Math.floor(round / 2);
    const expand = 2 ** Math.ceil((round + 1) / 2);
    exhaustive = true;
    let level: BuildState[] = [new BuildState(problem)];
    while (level.length > 0 && !outOfBudget() && !done()) {
      const children: { state: BuildState; value: number }[] = [];
      for (const node of level) {
        const step = nextStep(node);
        if (!step) continue;
        const ranked = topBlocks(step.candidates, expand);
        if (step.candidates.length > expand) exhaustive = false;
        for (const c of ranked) {
          const child = node.clone();
          placeInSpace(child, step.space, c);
          const trial = greedy(child.clone(), "volume");
          children.push({ state: child, value: trial.volume });
          if (outOfBudget()) break;
        }
        if (outOfBudget()) break;
      }
      children.sort((a, b) => b.value - a.value || b.state.volume - a.state.volume);
      if (children.length > beam) exhaustive = false;
      // Children alike in both volumes are most likely the same packing reached twice: keep one.
      level = [];
      let last: { state: BuildState; value: number } | undefined;
      for (const c of children) {
        if (level.length >= beam) break;
        if (last && Math.abs(last.value - c.value) <= 1e-9 * capacity && Math.abs(last.state.volume - c.state.volume) <= 1e-9 * capacity) continue;
        level.push(c.state);
        last = c;
      }
    }
  }
  // Everything is in: randomised constructions can only improve the balance, a few are enough.
  for (let k = 0; k < BALANCE_TRIES && done() && !outOfBudget(); k++) {
    const criterion = (["volume", "fit", "heavy"] as const)[k % 3] ?? "volume";
    greedy(new BuildState(problem), criterion, k < 3 ? 0 : 0.1 + 0.4 * random());
  }
  return result(best ?? score(new BuildState(problem), problem), allIds, container, iterations);
}

/** Whether a box type fits the empty container in some allowed orientation and within the payload. */
function fitsSomeWay(t: BoxType, c: PalletContainer): boolean {
  if (t.weight > (c.maxPayload ?? Infinity)) return false;
  return t.orients.some((o) => o.a <= c.length + 1e-9 && o.b <= c.width + 1e-9 && o.c <= c.height + 1e-9);
}

/** The `k` best blocks by volume (then fit), best first. */
function topBlocks(candidates: readonly Block[], k: number): Block[] {
  return [...candidates].sort(compareVolume).slice(0, k);
}

function better(a: Scored, b: Scored, capacity: number): boolean {
  const tol = 1e-9 * capacity;
  if (a.volume > b.volume + tol) return true;
  if (a.volume < b.volume - tol) return false;
  return a.balance < b.balance - 1e-12;
}

/** Scores a packing: volume, and balance after the centring shift. */
function score(state: BuildState, problem: Problem): Scored {
  let w = 0;
  let mx = 0;
  let my = 0;
  let mz = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of state.placed) {
    const b = p.block;
    w += b.weight;
    mx += b.weight * (p.x + b.l / 2);
    my += b.weight * (p.y + b.w / 2);
    mz += b.weight * (p.z + b.h / 2);
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + b.l);
    maxY = Math.max(maxY, p.y + b.w);
  }
  if (state.placed.length === 0 || w <= 0) return { state, volume: state.volume, balance: 0, shift: [0, 0] };
  const cx = mx / w;
  const cy = my / w;
  const cz = mz / w;
  // Move the whole load (every box keeps its support: the floor is flat) towards the centre;
  // not in a contoured container, where the move could cross the contour.
  if (problem.keepOut.length > 0) return { state, volume: state.volume, balance: Math.hypot(cx / problem.length - 0.5, cy / problem.width - 0.5) + cz / problem.height, shift: [0, 0] };
  const sx = clamp(problem.length / 2 - cx, -minX, problem.length - maxX);
  const sy = clamp(problem.width / 2 - cy, -minY, problem.width - maxY);
  const offX = (cx + sx - problem.length / 2) / problem.length;
  const offY = (cy + sy - problem.width / 2) / problem.width;
  return { state, volume: state.volume, balance: Math.hypot(offX, offY) + cz / problem.height, shift: [sx, sy] };
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** Expands blocks into boxes, shifted, with ids; centre of gravity and the boxes left out. */
function result(best: Scored, ids: readonly string[], container: PalletContainer, iterations: number): PackResult {
  const { state } = best;
  const [sx, sy] = best.shift;
  const next = state.problem.types.map(() => 0);
  const placements: Placement[] = [];
  const placedIds = new Set<string>();
  let weight = 0;
  let mx = 0;
  let my = 0;
  let mz = 0;
  let volume = 0;
  for (const p of state.placed) {
    const b = p.block;
    const t = state.problem.types[b.type] as BoxType;
    const { a, b: bb, c, orientation } = b.dims;
    for (let k = 0; k < b.nz; k++) {
      for (let j = 0; j < b.ny; j++) {
        for (let i = 0; i < b.nx; i++) {
          const n = next[b.type] ?? 0;
          next[b.type] = n + 1;
          const id = t.ids[n] as string;
          const x = p.x + sx + i * a;
          const y = p.y + sy + j * bb;
          const z = p.z + k * c;
          placements.push({ boxId: id, x, y, z, l: a, w: bb, h: c, orientation });
          placedIds.add(id);
          weight += t.weight;
          mx += t.weight * (x + a / 2);
          my += t.weight * (y + bb / 2);
          mz += t.weight * (z + c / 2);
          volume += a * bb * c;
        }
      }
    }
  }
  const cg: Point3 =
    weight > 0
      ? { x: mx / weight, y: my / weight, z: mz / weight }
      : { x: container.length / 2, y: container.width / 2, z: 0 };
  return {
    placements,
    unplaced: ids.filter((id) => !placedIds.has(id)),
    volumeUtilisation: volume / (container.length * container.width * container.height),
    weight,
    cg,
    cgOffset: { x: cg.x - container.length / 2, y: cg.y - container.width / 2 },
    iterations,
  };
}
