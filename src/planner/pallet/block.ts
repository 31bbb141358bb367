import type { BoxType, OrientedDims } from "./box-type.ts";
import { EPS, type Space } from "./space.ts";

/**
 * A block: nx × ny × nz boxes of one type in one orientation, side by side and stacked in columns.
 * Inside a block every box stands squarely on the one below, so a block is fully supported
 * whenever its base is.
 */
export interface Block {
  readonly type: number;
  readonly dims: OrientedDims;
  readonly nx: number;
  readonly ny: number;
  readonly nz: number;
  /** Extents along x, y, z. */
  readonly l: number;
  readonly w: number;
  readonly h: number;
  readonly count: number;
  readonly volume: number;
  readonly weight: number;
  /** Leftover of the space along each axis, sorted ascending (for the best-fit rule). */
  readonly waste0: number;
  readonly waste1: number;
  readonly waste2: number;
}

/** Called for each block that fits: type, orientation, boxes along x, y, z, and the sorted leftovers. */
type BlockVisitor = (t: BoxType, o: OrientedDims, nx: number, ny: number, nz: number, w0: number, w1: number, w2: number) => void;

/**
 * Visits the blocks that fit space `s`: for each type with boxes left and each orientation, the
 * blocks filled axis by axis in each of six orders (columns, rows, layers and whole walls all
 * appear), at most `limit[t]` boxes of type t (what is left, and what the weight limits allow).
 */
function forEachBlock(
  s: Space,
  types: readonly BoxType[],
  limit: readonly number[],
  visit: BlockVisitor,
  skip?: (t: BoxType, most: number) => boolean,
): void {
  const sx = s.x1 - s.x0;
  const sy = s.y1 - s.y0;
  const sz = s.z1 - s.z0;
  for (const t of types) {
    const q = limit[t.index] ?? 0;
    if (q <= 0) continue;
    for (const o of t.orients) {
      if (o.a > sx + EPS || o.b > sy + EPS || o.c > sz + EPS) continue;
      const mx = Math.floor((sx + EPS) / o.a);
      const my = Math.floor((sy + EPS) / o.b);
      const mz = Math.min(Math.floor((sz + EPS) / o.c), t.maxStack);
      if (skip?.(t, Math.min(q, mx * my * mz))) continue;
      // Six fill orders (x first, then y, then z; and the other five), each giving the first axis
      // as many boxes as fit, then the next. Unrolled, repeats skipped, nothing allocated: this
      // runs for every type, orientation and step of every construction.
      seenCount = 0;
      let n1 = Math.min(mx, q);
      let n2 = Math.min(my, Math.floor(q / n1));
      emit(s, t, o, n1, n2, Math.min(mz, Math.floor(q / (n1 * n2))), visit);
      n1 = Math.min(my, q);
      n2 = Math.min(mx, Math.floor(q / n1));
      emit(s, t, o, n2, n1, Math.min(mz, Math.floor(q / (n1 * n2))), visit);
      n1 = Math.min(mx, q);
      n2 = Math.min(mz, Math.floor(q / n1));
      emit(s, t, o, n1, Math.min(my, Math.floor(q / (n1 * n2))), n2, visit);
      n1 = Math.min(mz, q);
      n2 = Math.min(mx, Math.floor(q / n1));
      emit(s, t, o, n2, Math.min(my, Math.floor(q / (n1 * n2))), n1, visit);
      n1 = Math.min(my, q);
      n2 = Math.min(mz, Math.floor(q / n1));
      emit(s, t, o, Math.min(mx, Math.floor(q / (n1 * n2))), n1, n2, visit);
      n1 = Math.min(mz, q);
      n2 = Math.min(my, Math.floor(q / n1));
      emit(s, t, o, Math.min(mx, Math.floor(q / (n1 * n2))), n2, n1, visit);
    }
  }
}

/** The blocks already emitted for the current orientation (at most six). */
const seenKeys = new Float64Array(6);
let seenCount = 0;

function emit(s: Space, t: BoxType, o: OrientedDims, nx: number, ny: number, nz: number, visit: BlockVisitor): void {
  const key = (nx * 4096 + ny) * 4096 + nz;
  for (let i = 0; i < seenCount; i++) if (seenKeys[i] === key) return;
  seenKeys[seenCount++] = key;
  const a = s.x1 - s.x0 - nx * o.a;
  const b = s.y1 - s.y0 - ny * o.b;
  const c = s.z1 - s.z0 - nz * o.c;
  const lo = Math.min(a, b, c);
  const hi = Math.max(a, b, c);
  visit(t, o, nx, ny, nz, lo, a + b + c - lo - hi, hi);
}

function makeBlock(t: BoxType, o: OrientedDims, nx: number, ny: number, nz: number, w0: number, w1: number, w2: number): Block {
  const count = nx * ny * nz;
  return {
    type: t.index,
    dims: o,
    nx,
    ny,
    nz,
    l: nx * o.a,
    w: ny * o.b,
    h: nz * o.c,
    count,
    volume: count * t.volume,
    weight: count * t.weight,
    waste0: w0,
    waste1: w1,
    waste2: w2,
  };
}

/** Every block that fits space `s` (see {@link forEachBlock}), appended to `out`. */
export function candidateBlocks(s: Space, types: readonly BoxType[], limit: readonly number[], out: Block[]): void {
  forEachBlock(s, types, limit, (t, o, nx, ny, nz, w0, w1, w2) => {
    out.push(makeBlock(t, o, nx, ny, nz, w0, w1, w2));
  });
}

/**
 * The best block for space `s` without building the others: by volume (then fit), by fit
 * (then volume), or by weight (then volume, then fit). Undefined when nothing fits.
 * The same order as the comparators in construct.ts, kept here for speed: greedy completions
 * call this for every step.
 */
export function bestBlockIn(
  s: Space,
  types: readonly BoxType[],
  limit: readonly number[],
  criterion: "volume" | "fit" | "heavy",
): Block | undefined {
  let bt: BoxType | undefined;
  let bo: OrientedDims | undefined;
  let bx = 0;
  let by = 0;
  let bz = 0;
  let bv = 0;
  let bw = 0;
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  const fitBetter = (w0: number, w1: number, w2: number): number => {
    if (Math.abs(w0 - b0) > EPS) return b0 - w0;
    if (Math.abs(w1 - b1) > EPS) return b1 - w1;
    if (Math.abs(w2 - b2) > EPS) return b2 - w2;
    return 0;
  };
  // By volume, a type and orientation whose fullest block is smaller than the best so far can be passed over.
  const skip = criterion === "volume" ? (t: BoxType, most: number) => bt !== undefined && most * t.volume < bv - EPS : undefined;
  forEachBlock(
    s,
    types,
    limit,
    (t, o, nx, ny, nz, w0, w1, w2) => {
    const count = nx * ny * nz;
    const v = count * t.volume;
    const w = count * t.weight;
    let better: boolean;
    if (!bt) better = true;
    else if (criterion === "volume") better = v > bv + EPS || (Math.abs(v - bv) <= EPS && fitBetter(w0, w1, w2) > 0);
    else if (criterion === "fit") {
      const f = fitBetter(w0, w1, w2);
      better = f > 0 || (f === 0 && v > bv + EPS);
    } else
      better =
        w > bw + EPS ||
        (Math.abs(w - bw) <= EPS && (v > bv + EPS || (Math.abs(v - bv) <= EPS && fitBetter(w0, w1, w2) > 0)));
    if (better) {
      bt = t;
      bo = o;
      bx = nx;
      by = ny;
      bz = nz;
      bv = v;
      bw = w;
      b0 = w0;
      b1 = w1;
      b2 = w2;
    }
  },
    skip,
  );
  return bt && bo ? makeBlock(bt, bo, bx, by, bz, b0, b1, b2) : undefined;
}
