import { describe, expect, it } from "vitest";
import { validatePalletGeometry } from "#verify/pallet-geometry.ts";
import type { PalletBox } from "./box.ts";
import { packContainers } from "./pack-containers.ts";

const cube = (id: string, side: number): PalletBox => ({ id, length: side, width: side, height: side, weight: 1 });
const container = { length: 10, width: 10, height: 10 };

describe("packContainers", () => {
  it("fills containers one after another until every box that fits is in one, each packing valid", () => {
    const boxes = [...Array.from({ length: 19 }, (_, i) => cube(`c${i}`, 5)), cube("huge", 11)];
    const r = packContainers(boxes, container, { maxIterations: 20 });
    // Eight 5 cm cubes to a container: 8 + 8 + 3; the 11 cm cube fits none.
    expect(r.containers.map((c) => c.placements.length)).toEqual([8, 8, 3]);
    expect(r.unplaced).toEqual(["huge"]);
    for (const c of r.containers) expect(validatePalletGeometry(boxes, c.placements, container)).toEqual([]);
    const ids = r.containers.flatMap((c) => c.placements.map((p) => p.boxId));
    expect(new Set(ids).size).toBe(19);
  });

  it("stops at maxContainers and lists the boxes left", () => {
    const boxes = Array.from({ length: 10 }, (_, i) => cube(`c${i}`, 5));
    const r = packContainers(boxes, container, { maxIterations: 20, maxContainers: 1 });
    expect(r.containers).toHaveLength(1);
    expect(r.unplaced).toHaveLength(2);
  });
});
