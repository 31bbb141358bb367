/**
 * Maximal empty spaces (Lai & Chan 1997; Parreño et al. 2008): the empty part of the container as
 * a list of largest empty cuboids, which may overlap. A block is put in one space at one of its
 * bottom corners; every space it cuts is replaced by the largest pieces of that space beside and
 * below the block.
 *
 * Full support is an invariant of the list: the floor of every space rests entirely on the
 * container floor or on the tops of placed blocks at exactly that height. Pieces beside or below a
 * block keep (part of) their parent's floor. Above a block, spaces are made only over the top
 * surface at its height: the union of its own top and the tops of blocks around it at the same
 * height (Parreño et al. cut the space above a block to the block's top for cargo stability; taking
 * the union lets a layer grow across neighbouring blocks of equal height). Nothing goes above a
 * block that is not stackable.
 */

/** An empty cuboid [x0, x1) × [y0, y1) × [z0, z1) and what its floor rests on. */
export interface Space extends Cuboid {
  /** The placed blocks whose tops make up this space's floor; empty for the container floor. */
  readonly floors: readonly number[];
}

/** An axis-aligned cuboid. */
export interface Cuboid {
  readonly x0: number;
  readonly y0: number;
  readonly z0: number;
  readonly x1: number;
  readonly y1: number;
  readonly z1: number;
}

/** The region a placed block takes, and whether anything may stand on it. */
export interface Region extends Cuboid {
  readonly stackable: boolean;
}

/** Tolerance on coordinates: lengths from inches in cm are not exact in binary. */
export const EPS = 1e-9;

/** Whether two cuboids share volume. */
export const intersects = (s: Cuboid, r: Cuboid): boolean =>
  s.x0 < r.x1 - EPS && r.x0 < s.x1 - EPS && s.y0 < r.y1 - EPS && r.y0 < s.y1 - EPS && s.z0 < r.z1 - EPS && r.z0 < s.z1 - EPS;

/** Whether two footprints share area. */
export const footprintsOverlap = (s: Cuboid, r: Cuboid): boolean =>
  s.x0 < r.x1 - EPS && r.x0 < s.x1 - EPS && s.y0 < r.y1 - EPS && r.y0 < s.y1 - EPS;

const contains = (outer: Cuboid, inner: Cuboid): boolean =>
  outer.x0 <= inner.x0 + EPS &&
  outer.y0 <= inner.y0 + EPS &&
  outer.z0 <= inner.z0 + EPS &&
  outer.x1 >= inner.x1 - EPS &&
  outer.y1 >= inner.y1 - EPS &&
  outer.z1 >= inner.z1 - EPS;

/** Smallest extents a space must have to hold anything still to load; smaller spaces are dropped. */
export interface SpaceFilter {
  /** Smallest horizontal extent of any remaining box in any allowed orientation. */
  readonly minSide: number;
  /** Smallest vertical extent of any remaining box. */
  readonly minHeight: number;
}

const usable = (s: Cuboid, f: SpaceFilter): boolean =>
  s.x1 - s.x0 >= f.minSide - EPS && s.y1 - s.y0 >= f.minSide - EPS && s.z1 - s.z0 >= f.minHeight - EPS;

/** Pieces of `s` beside and below `r` (never above: that floor would be `r`'s top, made elsewhere). */
function piecesAround(s: Space, r: Cuboid, out: Space[]): void {
  if (r.x0 > s.x0 + EPS) out.push({ ...s, x1: r.x0 });
  if (r.x1 < s.x1 - EPS) out.push({ ...s, x0: r.x1 });
  if (r.y0 > s.y0 + EPS) out.push({ ...s, y1: r.y0 });
  if (r.y1 < s.y1 - EPS) out.push({ ...s, y0: r.y1 });
  if (r.z0 > s.z0 + EPS) out.push({ ...s, z1: r.z0 });
}

/**
 * Adds spaces to a list, dropping any space inside another (either way): a space inside another
 * adds nothing.
 */
function addMaximal(list: Space[], added: readonly Space[]): Space[] {
  const fresh: Space[] = [];
  for (let i = 0; i < added.length; i++) {
    const p = added[i] as Space;
    let inside = false;
    for (const k of list) {
      if (contains(k, p)) {
        inside = true;
        break;
      }
    }
    for (let j = 0; !inside && j < added.length; j++) {
      const q = added[j] as Space;
      // Of two equal pieces keep the first.
      if (j !== i && contains(q, p) && (!contains(p, q) || j < i)) inside = true;
    }
    if (!inside) fresh.push(p);
  }
  return fresh.length === 0 ? list : [...list, ...fresh];
}

/**
 * The empty container as maximal spaces on its floor, around cuboids that must stay empty (a
 * contour): pieces beside and below each, none above (nothing rests on a contour).
 */
export function spacesOutside(length: number, width: number, height: number, keepOut: readonly Cuboid[]): Space[] {
  let spaces: Space[] = [{ x0: 0, y0: 0, z0: 0, x1: length, y1: width, z1: height, floors: [] }];
  for (const k of keepOut) {
    const next: Space[] = [];
    for (const s of spaces) {
      if (!intersects(s, k)) next.push(s);
      else piecesAround(s, k, next);
    }
    spaces = dropContained(next);
  }
  return spaces;
}

/**
 * The spaces left after a block takes region `regions[index]` (all placed regions so far, this one
 * last), including the new spaces on the top surface at its height. `height` is the container's;
 * `keepOut` the cuboids that must stay empty.
 */
export function cutSpaces(
  spaces: readonly Space[],
  regions: readonly Region[],
  index: number,
  height: number,
  filter: SpaceFilter,
  keepOut: readonly Cuboid[] = [],
): Space[] {
  const r = regions[index] as Region;
  const kept: Space[] = [];
  const pieces: Space[] = [];
  for (const s of spaces) {
    if (!intersects(s, r)) {
      if (usable(s, filter)) kept.push(s);
    } else piecesAround(s, r, pieces);
  }
  // Pieces of one space never contain a space that was not cut (it would have been inside their
  // parent), so they are only checked against the rest.
  const cut = addMaximal(
    kept,
    pieces.filter((p) => usable(p, filter)),
  );
  const above = spacesAbove(regions, index, height, filter, keepOut);
  if (above.length === 0) return cut;
  // A new space on top may hold an older one (the top of a neighbour of the same height).
  const rest = cut.filter((s) => !above.some((a) => contains(a, s)));
  return addMaximal(rest, above);
}

/**
 * The empty spaces standing on the top surface at the height of block `index`: the largest
 * rectangles of the union of the tops of stackable blocks at that height that are connected to
 * this block's top and overlap it, each raised to the container's height and cut around every
 * block in the way.
 */
function spacesAbove(regions: readonly Region[], index: number, height: number, filter: SpaceFilter, keepOut: readonly Cuboid[]): Space[] {
  const r = regions[index] as Region;
  const z = r.z1;
  if (!r.stackable || height - z < filter.minHeight - EPS) return [];
  // The tops at this height connected to this one (sharing an edge or area).
  const level: number[] = [];
  for (let j = 0; j < regions.length; j++) {
    const q = regions[j] as Region;
    if (q.stackable && Math.abs(q.z1 - z) <= EPS) level.push(j);
  }
  const group = [index];
  const inGroup = new Set(group);
  for (let k = 0; k < group.length; k++) {
    const a = regions[group[k] as number] as Region;
    for (const j of level) {
      if (inGroup.has(j)) continue;
      const b = regions[j] as Region;
      const ox = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const oy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if ((ox > EPS && oy >= -EPS) || (oy > EPS && ox >= -EPS)) {
        inGroup.add(j);
        group.push(j);
      }
    }
  }
  const rects = group.length === 1 ? [r] : maximalRectangles(group.map((j) => regions[j] as Region), r);
  const out: Space[] = [];
  for (const m of rects) {
    let parts: Cuboid[] = [{ x0: m.x0, y0: m.y0, z0: z, x1: m.x1, y1: m.y1, z1: height }];
    for (const o of [...regions, ...keepOut]) {
      if (o.z1 <= z + EPS) continue;
      const next: Cuboid[] = [];
      let changed = false;
      for (const p of parts) {
        if (!intersects(p, o)) {
          next.push(p);
          continue;
        }
        changed = true;
        const tmp: Space[] = [];
        piecesAround({ ...p, floors: [] }, o, tmp);
        for (const t of tmp) if (usable(t, filter)) next.push(t);
      }
      if (changed) parts = dropContained(next);
    }
    for (const p of parts) {
      if (!usable(p, filter)) continue;
      const floors = group.filter((j) => footprintsOverlap(regions[j] as Region, p));
      out.push({ ...p, floors });
    }
  }
  return dropContained(out);
}

function dropContained<T extends Cuboid>(list: readonly T[]): T[] {
  return list.filter((p, i) => !list.some((q, j) => j !== i && contains(q, p) && (!contains(p, q) || j < i)));
}

interface Rect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * The largest rectangles inside a union of rectangles that overlap `must`: on the grid of their
 * edges, every run of covered cells that cannot grow in any direction.
 */
function maximalRectangles(rects: readonly Rect[], must: Rect): Rect[] {
  const xs = uniqueSorted(rects.flatMap((q) => [q.x0, q.x1]));
  const ys = uniqueSorted(rects.flatMap((q) => [q.y0, q.y1]));
  const nx = xs.length - 1;
  const ny = ys.length - 1;
  const covered: boolean[] = new Array<boolean>(nx * ny).fill(false);
  for (let i = 0; i < nx; i++) {
    const cx = ((xs[i] as number) + (xs[i + 1] as number)) / 2;
    for (let j = 0; j < ny; j++) {
      const cy = ((ys[j] as number) + (ys[j + 1] as number)) / 2;
      covered[i * ny + j] = rects.some((q) => q.x0 < cx && cx < q.x1 && q.y0 < cy && cy < q.y1);
    }
  }
  const cell = (i: number, j: number): boolean => covered[i * ny + j] === true;
  const colRun = (i: number, j0: number, j1: number): boolean => {
    for (let j = j0; j < j1; j++) if (!cell(i, j)) return false;
    return true;
  };
  const out: Rect[] = [];
  for (let i0 = 0; i0 < nx; i0++) {
    for (let i1 = i0 + 1; i1 <= nx; i1++) {
      // Rows covered across columns i0..i1−1, in runs.
      let j = 0;
      while (j < ny) {
        let all = true;
        for (let i = i0; i < i1 && all; i++) all = cell(i, j);
        if (!all) {
          j++;
          continue;
        }
        const j0 = j;
        for (;;) {
          j++;
          if (j >= ny) break;
          let ok = true;
          for (let i = i0; i < i1 && ok; i++) ok = cell(i, j);
          if (!ok) break;
        }
        const j1 = j;
        const growsLeft = i0 > 0 && colRun(i0 - 1, j0, j1);
        const growsRight = i1 < nx && colRun(i1, j0, j1);
        if (!growsLeft && !growsRight) {
          const rect = { x0: xs[i0] as number, x1: xs[i1] as number, y0: ys[j0] as number, y1: ys[j1] as number };
          if (rect.x0 < must.x1 - EPS && must.x0 < rect.x1 - EPS && rect.y0 < must.y1 - EPS && must.y0 < rect.y1 - EPS) out.push(rect);
        }
      }
    }
  }
  return out;
}

function uniqueSorted(values: readonly number[]): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of s) if (out.length === 0 || v - (out[out.length - 1] as number) > EPS) out.push(v);
  return out;
}
