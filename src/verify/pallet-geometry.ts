/**
 * The independent geometry check of a pallet (or container) build-up. It shares no code with the
 * packer in src/planner/pallet: it restates the rules from their definition and checks each
 * placement by brute force, so that a bug in the packer cannot hide itself.
 *
 * The rules:
 * - every placed box is known and placed once; its extents are its own dimensions in the stated
 *   orientation, and that orientation is allowed;
 * - inside the container; no two boxes overlap (touching faces are fine);
 * - fully supported: 100 % of the base rests on the floor or on the tops of boxes whose top is at
 *   the base height (the union of those tops covers the base; no overhang, no bridging a gap);
 * - nothing rests on a box that is not stackable;
 * - the load on a box — the full weight of every box resting on it, directly or through other
 *   boxes — is at most its limit (conservative: a box's weight is not shared among its supports);
 * - the total weight is at most the payload.
 *
 * Orientations are three letters naming which of the box's length (l), width (w) and height (h)
 * runs along the container's x, y and z: `lwh` as described, `wlh` turned about the vertical, …
 */

/** A box as the validator needs it. */
export interface GeometryBox {
  readonly id: string;
  readonly length: number;
  readonly width: number;
  readonly height: number;
  readonly weight: number;
  /** Allowed orientations (default all six). */
  readonly orientations?: readonly string[];
  /** Whether anything may rest on it (default true). */
  readonly stackable?: boolean;
  /** Most weight resting on it, counted transitively in full (default: no limit). */
  readonly maxLoadOnTop?: number;
}

/** A placed box: lowest corner, extents along x, y, z, orientation. */
export interface GeometryPlacement {
  readonly boxId: string;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly l: number;
  readonly w: number;
  readonly h: number;
  readonly orientation: string;
}

/** The container: usable length (x) × width (y) × height (z), and payload. */
export interface GeometryContainer {
  readonly length: number;
  readonly width: number;
  readonly height: number;
  readonly maxPayload?: number;
}

/** What can be wrong with a placement. */
export type GeometryViolationKind =
  | "unknown_box"
  | "duplicate"
  | "size"
  | "orientation"
  | "outside"
  | "overlap"
  | "unsupported"
  | "on_unstackable"
  | "overloaded"
  | "overweight";

/**
 * One broken rule.
 * @example { boxId: "B7", kind: "unsupported", message: "B7: 62.5 % of its base is supported at z = 40" }
 */
export interface GeometryViolation {
  /** The box at fault (for `overweight`: the box with which the running total first passes the payload). */
  readonly boxId: string;
  readonly kind: GeometryViolationKind;
  readonly message: string;
  /** The other box concerned (the one overlapped, or the one underneath). */
  readonly other?: string;
}

/** Options of {@link validatePalletGeometry}. */
export interface GeometryOptions {
  /** Absolute tolerance on lengths, in the caller's unit (default 1e-6). */
  readonly tolerance?: number;
}

const ORIENTATIONS = ["lwh", "wlh", "lhw", "hlw", "whl", "hwl"] as const;

interface Placed {
  readonly p: GeometryPlacement;
  readonly box: GeometryBox | undefined;
  readonly x1: number;
  readonly y1: number;
  readonly z1: number;
}

/**
 * Checks every placement and returns every broken rule (an empty list: the build-up is valid).
 * @example
 * validatePalletGeometry(
 *   [{ id: "a", length: 10, width: 10, height: 10, weight: 1 }],
 *   [{ boxId: "a", x: 0, y: 0, z: 5, l: 10, w: 10, h: 10, orientation: "lwh" }],
 *   { length: 100, width: 100, height: 100 },
 * ); // [{ boxId: "a", kind: "unsupported", … }]
 */
export function validatePalletGeometry(
  boxes: readonly GeometryBox[],
  placements: readonly GeometryPlacement[],
  container: GeometryContainer,
  options: GeometryOptions = {},
): GeometryViolation[] {
  const tol = options.tolerance ?? 1e-6;
  const out: GeometryViolation[] = [];
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const seen = new Set<string>();
  const placed: Placed[] = placements.map((p) => ({ p, box: byId.get(p.boxId), x1: p.x + p.l, y1: p.y + p.w, z1: p.z + p.h }));
  const fmt = (v: number) => String(Math.round(v * 1000) / 1000);

  // Identity, size and orientation.
  for (const { p, box } of placed) {
    if (seen.has(p.boxId)) out.push({ boxId: p.boxId, kind: "duplicate", message: `${p.boxId} is placed more than once` });
    seen.add(p.boxId);
    if (!box) {
      out.push({ boxId: p.boxId, kind: "unknown_box", message: `${p.boxId} is not among the boxes to load` });
      continue;
    }
    const nums = [p.x, p.y, p.z, p.l, p.w, p.h];
    if (nums.some((v) => !Number.isFinite(v)) || p.l <= 0 || p.w <= 0 || p.h <= 0) {
      out.push({ boxId: p.boxId, kind: "size", message: `${p.boxId} has a non-finite or non-positive coordinate or extent` });
      continue;
    }
    const allowed = box.orientations ?? ORIENTATIONS;
    const known = (ORIENTATIONS as readonly string[]).includes(p.orientation);
    if (!known || !allowed.includes(p.orientation)) {
      out.push({
        boxId: p.boxId,
        kind: "orientation",
        message: `${p.boxId} lies ${p.orientation}, allowed: ${allowed.join(", ")}`,
      });
    } else {
      const dim: Record<string, number> = { l: box.length, w: box.width, h: box.height };
      const want = [...p.orientation].map((c) => dim[c] ?? Number.NaN);
      const got = [p.l, p.w, p.h];
      if (want.some((v, i) => !(Math.abs(v - (got[i] ?? Number.NaN)) <= tol))) {
        out.push({
          boxId: p.boxId,
          kind: "size",
          message: `${p.boxId} lying ${p.orientation} should measure ${want.map(fmt).join(" × ")}, is placed as ${got.map(fmt).join(" × ")}`,
        });
      }
    }
  }

  // Inside the container.
  for (const { p, x1, y1, z1 } of placed) {
    if (p.x < -tol || p.y < -tol || p.z < -tol || x1 > container.length + tol || y1 > container.width + tol || z1 > container.height + tol) {
      out.push({
        boxId: p.boxId,
        kind: "outside",
        message: `${p.boxId} spans [${fmt(p.x)}, ${fmt(x1)}] × [${fmt(p.y)}, ${fmt(y1)}] × [${fmt(p.z)}, ${fmt(z1)}], outside ${fmt(container.length)} × ${fmt(container.width)} × ${fmt(container.height)}`,
      });
    }
  }

  // No overlap: a sweep along x keeps the pairs to compare few.
  const order = placed.map((_, i) => i).sort((a, b) => (placed[a]?.p.x ?? 0) - (placed[b]?.p.x ?? 0));
  for (let ai = 0; ai < order.length; ai++) {
    const a = placed[order[ai] as number] as Placed;
    for (let bi = ai + 1; bi < order.length; bi++) {
      const b = placed[order[bi] as number] as Placed;
      if (b.p.x >= a.x1 - tol) break;
      if (overlap(a.p.y, a.y1, b.p.y, b.y1) > tol && overlap(a.p.z, a.z1, b.p.z, b.z1) > tol) {
        out.push({ boxId: b.p.boxId, kind: "overlap", other: a.p.boxId, message: `${b.p.boxId} overlaps ${a.p.boxId}` });
      }
    }
  }

  // Which boxes rest directly on which: the upper's base at the lower's top, footprints overlapping.
  const restsOn: number[][] = placed.map(() => []);
  for (let i = 0; i < placed.length; i++) {
    const a = placed[i] as Placed;
    if (a.p.z <= tol) continue;
    for (let j = 0; j < placed.length; j++) {
      const b = placed[j] as Placed;
      if (i === j || Math.abs(b.z1 - a.p.z) > tol) continue;
      if (overlap(a.p.x, a.x1, b.p.x, b.x1) > tol && overlap(a.p.y, a.y1, b.p.y, b.y1) > tol) restsOn[i]?.push(j);
    }
  }

  // Full support and stacking.
  for (let i = 0; i < placed.length; i++) {
    const a = placed[i] as Placed;
    if (a.p.z <= tol) continue;
    const under = restsOn[i] ?? [];
    const base = { x0: a.p.x, y0: a.p.y, x1: a.x1, y1: a.y1 };
    const covered = unionArea(
      under.map((j) => {
        const b = placed[j] as Placed;
        return { x0: Math.max(b.p.x, base.x0), y0: Math.max(b.p.y, base.y0), x1: Math.min(b.x1, base.x1), y1: Math.min(b.y1, base.y1) };
      }),
    );
    const area = (base.x1 - base.x0) * (base.y1 - base.y0);
    // Tolerance on area: a sliver of width tol along the base's perimeter.
    if (covered < area - tol * 2 * (base.x1 - base.x0 + base.y1 - base.y0)) {
      out.push({
        boxId: a.p.boxId,
        kind: "unsupported",
        message: `${a.p.boxId}: ${fmt((100 * covered) / area)} % of its base is supported at z = ${fmt(a.p.z)}`,
      });
    }
    for (const j of under) {
      const b = placed[j] as Placed;
      if (b.box && b.box.stackable === false) {
        out.push({
          boxId: a.p.boxId,
          kind: "on_unstackable",
          other: b.p.boxId,
          message: `${a.p.boxId} rests on ${b.p.boxId}, which is not stackable`,
        });
      }
    }
  }

  // Load on top: every box above, directly or through others, in full. Resting goes strictly
  // upwards, so visiting boxes from the highest base down sees each box's uppers finished.
  const above: Set<number>[] = placed.map(() => new Set<number>());
  const down = placed.map((_, i) => i).sort((a, b) => (placed[b]?.p.z ?? 0) - (placed[a]?.p.z ?? 0));
  const restedBy: number[][] = placed.map(() => []);
  restsOn.forEach((unders, i) => {
    for (const j of unders) restedBy[j]?.push(i);
  });
  for (const j of down) {
    const set = above[j] as Set<number>;
    for (const i of restedBy[j] ?? []) {
      set.add(i);
      for (const k of above[i] ?? []) set.add(k);
    }
  }
  for (let j = 0; j < placed.length; j++) {
    const b = placed[j] as Placed;
    const limit = b.box?.maxLoadOnTop;
    if (limit === undefined) continue;
    let load = 0;
    for (const i of above[j] ?? []) load += placed[i]?.box?.weight ?? 0;
    if (load > limit + 1e-9 * Math.max(1, limit)) {
      out.push({
        boxId: b.p.boxId,
        kind: "overloaded",
        message: `${b.p.boxId} carries ${fmt(load)} (every box above it), its limit is ${fmt(limit)}`,
      });
    }
  }

  // Payload.
  if (container.maxPayload !== undefined) {
    let total = 0;
    for (const { p, box } of placed) {
      const before = total;
      total += box?.weight ?? 0;
      if (before <= container.maxPayload + 1e-9 && total > container.maxPayload + 1e-9 * Math.max(1, container.maxPayload)) {
        out.push({
          boxId: p.boxId,
          kind: "overweight",
          message: `with ${p.boxId} the load weighs ${fmt(total)}, more than the payload ${fmt(container.maxPayload)}`,
        });
      }
    }
  }
  return out;
}

/** Length of the overlap of [a0, a1] and [b0, b1] (negative when apart). */
function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.min(a1, b1) - Math.max(a0, b0);
}

interface Rect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Area of a union of rectangles, on the grid of their edges (few rectangles: quadratic is fine). */
function unionArea(rects: readonly Rect[]): number {
  const rs = rects.filter((r) => r.x1 > r.x0 && r.y1 > r.y0);
  if (rs.length === 0) return 0;
  const xs = [...new Set(rs.flatMap((r) => [r.x0, r.x1]))].sort((a, b) => a - b);
  const ys = [...new Set(rs.flatMap((r) => [r.y0, r.y1]))].sort((a, b) => a - b);
  let area = 0;
  for (let i = 0; i + 1 < xs.length; i++) {
    const xa = xs[i] as number;
    const xb = xs[i + 1] as number;
    for (let j = 0; j + 1 < ys.length; j++) {
      const ya = ys[j] as number;
      const yb = ys[j + 1] as number;
      const cx = (xa + xb) / 2;
      const cy = (ya + yb) / 2;
      if (rs.some((r) => r.x0 <= cx && cx <= r.x1 && r.y0 <= cy && cy <= r.y1)) area += (xb - xa) * (yb - ya);
    }
  }
  return area;
}
