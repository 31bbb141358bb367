import { describe, expect, it } from "vitest";
import { validatePalletGeometry } from "#verify/pallet-geometry.ts";
import type { KeepOut, PalletBox } from "./box.ts";
import { packContainers } from "./pack-containers.ts";
import { packPallet } from "./pack-pallet.ts";

const inside = (k: KeepOut, p: { x: number; y: number; z: number; l: number; w: number; h: number }) =>
  p.x < k.x1 - 1e-9 && k.x0 < p.x + p.l - 1e-9 && p.y < k.y1 - 1e-9 && k.y0 < p.y + p.w - 1e-9 && p.z < k.z1 - 1e-9 && k.z0 < p.z + p.h - 1e-9;

describe("packing around a contour (cuboids kept empty)", () => {
  it("puts no box in a kept-out cuboid, and every box still checks out", () => {
    // A sloping top on one side, as two steps, and a rim along the other.
    const keepOut: KeepOut[] = [
      { x0: 0, x1: 200, y0: 150, y1: 200, z0: 120, z1: 150 },
      { x0: 0, x1: 200, y0: 175, y1: 200, z0: 90, z1: 150 },
      { x0: 0, x1: 200, y0: 0, y1: 5, z0: 0, z1: 5 },
    ];
    const boxes: PalletBox[] = Array.from({ length: 40 }, (_, i) => ({ id: `b${i}`, length: 40 + (i % 3) * 10, width: 30 + (i % 4) * 5, height: 30, weight: 10 }));
    const container = { length: 200, width: 200, height: 150, keepOut };
    const r = packContainers(boxes, container, { maxIterations: 20 });
    expect(r.unplaced).toEqual([]);
    for (const c of r.containers) {
      for (const p of c.placements) for (const k of keepOut) expect(inside(k, p), `${p.boxId} in a kept-out cuboid`).toBe(false);
      expect(validatePalletGeometry(boxes, c.placements, container)).toEqual([]);
    }
  });

  it("chooses the wide low space over the narrow tall one beside a sloping top", () => {
    // Two 219 × 145 × 129 pieces side by side fill the floor of a 317 × 243 pallet only lying across;
    // the sloped corner leaves at one corner a tall space 175 wide, a larger one 218 wide (too narrow for
    // the pieces across) and a wide low one 157 high: only the last takes both.
    const pmcTop: KeepOut[] = [
      { x0: 0, x1: 317, y0: 175, y1: 243, z0: 200, z1: 244 },
      { x0: 0, x1: 317, y0: 218, y1: 243, z0: 157, z1: 244 },
    ];
    const pieces: PalletBox[] = [1, 2].map((n) => ({ id: `p${n}`, length: 219, width: 145, height: 129, weight: 290, orientations: ["lwh", "wlh"] }));
    const r = packPallet(pieces, { length: 317, width: 243, height: 244, keepOut: pmcTop }, { maxIterations: 10 });
    expect(r.placements).toHaveLength(2);
  });
});
