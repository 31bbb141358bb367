import { beyondCut, type UldCut, type UldType } from "#domain/uld-type.ts";
import type { KeepOut, PalletContainer } from "../pallet/box.ts";

/** Bands a sloping cut is covered with, besides the breakpoints given. */
const CUT_STEPS = 8;

/**
 * The part of the ULD a cut takes away, as cuboids covering it (the packer only handles cuboids):
 * a staircase of bands across the width, never short of the line. A band's outer edge is exact, so
 * `breakpoints` (across-positions where pieces are likely to end: their widths, and pairs of them)
 * make the staircase exact where it matters; between them it loses a sliver.
 */
export function cutKeepOut(t: UldType, c: UldCut, breakpoints: readonly number[] = [], steps = CUT_STEPS): KeepOut[] {
  const { length: L, width: W, height: H } = t;
  const box = (y0: number, y1: number, z0: number, z1: number): KeepOut[] => {
    const a = Math.max(0, y0);
    const b = Math.min(W, y1);
    const lo = Math.max(0, z0);
    const hi = Math.min(H, z1);
    return b - a > 1e-9 && hi - lo > 1e-9 ? [{ x0: 0, x1: L, y0: a, y1: b, z0: lo, z1: hi }] : [];
  };
  if (c.z1 === c.z2) return beyondCut(t, c, W / 2, c.z1 + 1, 0) ? box(0, W, c.z1, H) : box(0, W, 0, c.z1);
  if (c.y1 === c.y2) return beyondCut(t, c, c.y1 + 1, H / 2, 0) ? box(c.y1, W, 0, H) : box(0, c.y1, 0, H);
  const zAt = (y: number) => c.z1 + ((y - c.y1) * (c.z2 - c.z1)) / (c.y2 - c.y1);
  const yAt = (z: number) => c.y1 + ((z - c.z1) * (c.y2 - c.y1)) / (c.z2 - c.z1);
  // Whether the part taken away lies above the line (else below it).
  const yMid = W / 2;
  const above = beyondCut(t, c, yMid, zAt(yMid) + 1, 0);
  // The stretch of width over which the line crosses the ULD.
  const ya = Math.max(0, Math.min(yAt(0), yAt(H)));
  const yb = Math.min(W, Math.max(yAt(0), yAt(H)));
  const cuts = new Set<number>([0, ya, yb, W]);
  for (let i = 1; i < steps; i++) cuts.add(ya + ((yb - ya) * i) / steps);
  for (const y of breakpoints) if (y > ya + 0.5 && y < yb - 0.5) cuts.add(y);
  const edges = [...cuts].sort((a, b) => a - b);
  const out: KeepOut[] = [];
  const column = (y0: number, y1: number) => {
    const z0 = zAt(y0);
    const z1 = zAt(y1);
    out.push(...(above ? box(y0, y1, Math.min(z0, z1), H) : box(y0, y1, 0, Math.max(z0, z1))));
  };
  // Outside the crossing the line is above or below the ULD: a column there is all lost or all kept.
  for (let i = 1; i < edges.length; i++) column(edges[i - 1] as number, edges[i] as number);
  return out;
}

/**
 * A ULD type as a container for the pallet build-up: its inner box, the payload a position allows
 * (capped by the type's own), and its contour as cuboids to keep empty. `blocks: false` leaves the
 * blocks out (how the instances' reference solutions read them), cuts stay.
 */
export function uldContainer(t: UldType, grossCapKg: number, opts: { readonly blocks?: boolean; readonly breakpoints?: readonly number[] } = {}): PalletContainer {
  const keepOut: KeepOut[] = [...(opts.blocks === false ? [] : t.blocks), ...t.cuts.flatMap((c) => cutKeepOut(t, c, opts.breakpoints))];
  return { length: t.length, width: t.width, height: t.height, maxPayload: Math.max(0, Math.min(grossCapKg, t.maxGross) - t.tare), keepOut };
}
