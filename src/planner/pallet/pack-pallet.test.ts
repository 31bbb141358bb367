import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validatePalletGeometry } from "#verify/pallet-geometry.ts";
import { ALL_ORIENTATIONS, type Orientation, type PalletBox, type PalletContainer, THIS_SIDE_UP } from "./box.ts";
import { packPallet } from "./pack-pallet.ts";

// The verifier is imported here only to check the planner's output: the rule that keeps them apart
// is about the verifier never importing the planner.

const box = (id: string, length: number, width: number, height: number, more: Partial<PalletBox> = {}): PalletBox => ({
  id,
  length,
  width,
  height,
  weight: 1,
  ...more,
});

const boxes = (n: number, make: (i: number) => PalletBox): PalletBox[] => Array.from({ length: n }, (_, i) => make(i));

/** Packs with a fixed work budget (no clock: tests never depend on speed) and validates. */
function packValid(bs: readonly PalletBox[], c: PalletContainer, maxIterations = 60) {
  const r = packPallet(bs, c, { maxIterations, seed: 3 });
  expect(validatePalletGeometry(bs, r.placements, c)).toEqual([]);
  expect([...r.placements.map((p) => p.boxId), ...r.unplaced].sort()).toEqual(bs.map((b) => b.id).sort());
  return r;
}

describe("packPallet: hand-checked cases", () => {
  it("puts one box on the floor, centred under its centre of gravity", () => {
    const r = packValid([box("a", 10, 20, 30, { weight: 5 })], { length: 100, width: 100, height: 100 });
    expect(r.placements).toHaveLength(1);
    const [p] = r.placements;
    expect(p?.z).toBe(0);
    expect(r.weight).toBe(5);
    expect(Math.abs(r.cgOffset.x)).toBeLessThan(1e-9);
    expect(Math.abs(r.cgOffset.y)).toBeLessThan(1e-9);
    expect(r.volumeUtilisation).toBeCloseTo(6000 / 1e6, 12);
  });

  it("fills a container exactly when the boxes make it up", () => {
    const bs = boxes(8, (i) => box(`c${i}`, 50, 50, 50));
    const r = packValid(bs, { length: 100, width: 100, height: 100 });
    expect(r.unplaced).toEqual([]);
    expect(r.volumeUtilisation).toBeCloseTo(1, 12);
  });

  it("tips boxes over to fill exactly: 4 boxes 5 × 10 × 20 into 20 × 20 × 10", () => {
    const bs = boxes(4, (i) => box(`b${i}`, 5, 10, 20));
    const r = packValid(bs, { length: 20, width: 20, height: 10 });
    expect(r.unplaced).toEqual([]);
    expect(r.volumeUtilisation).toBeCloseTo(1, 12);
    for (const p of r.placements) expect(p.h).not.toBe(20);
  });

  it("keeps a this-side-up box upright: turned about the vertical only", () => {
    const up = box("up", 30, 10, 10, { orientations: THIS_SIDE_UP });
    const r = packValid([up], { length: 10, width: 30, height: 30 });
    expect(r.placements[0]).toMatchObject({ orientation: "wlh", l: 10, w: 30, h: 10 });
    // Upright it is too tall for a 20-high container; allowed to lie down, it fits.
    const tall = box("tall", 10, 10, 30, { orientations: THIS_SIDE_UP });
    expect(packValid([tall], { length: 30, width: 30, height: 20 }).unplaced).toEqual(["tall"]);
    const lying = packValid([{ ...tall, orientations: ALL_ORIENTATIONS }], { length: 30, width: 30, height: 20 });
    expect(lying.placements[0]?.h).toBe(10);
  });

  it("puts nothing on a box that is not stackable", () => {
    const c = { length: 10, width: 10, height: 20 };
    const fragile = box("fragile", 10, 10, 10, { stackable: false });
    const r = packValid([fragile, box("solid", 10, 10, 10)], c);
    expect(r.unplaced).toEqual([]);
    expect(r.placements.find((p) => p.boxId === "fragile")?.z).toBe(10);
    const two = packValid([fragile, { ...fragile, id: "fragile2" }], c);
    expect(two.placements).toHaveLength(1);
  });

  it("supports every box fully: the long box goes under the short one", () => {
    const r = packValid(
      [box("short", 10, 10, 10, { orientations: ["lwh"] }), box("long", 20, 10, 10, { orientations: ["lwh"] })],
      { length: 20, width: 10, height: 20 },
    );
    expect(r.unplaced).toEqual([]);
    expect(r.placements.find((p) => p.boxId === "long")?.z).toBe(0);
    expect(r.placements.find((p) => p.boxId === "short")?.z).toBe(10);
  });

  it("lays a box across several boxes of equal height", () => {
    const cube = (id: string, weight: number) => box(id, 10, 10, 10, { weight, orientations: ["lwh"] });
    const plank = box("plank", 30, 10, 5, { orientations: ["lwh"] });
    // Three different types (different weights): three blocks, and the plank must span all three.
    const r = packValid([cube("a", 1), cube("b", 2), cube("c", 3), plank], { length: 30, width: 10, height: 15 });
    expect(r.unplaced).toEqual([]);
    expect(r.placements.find((p) => p.boxId === "plank")?.z).toBe(10);
  });

  it("respects the load on top: a limit of one box's weight allows columns of two", () => {
    const bs = boxes(3, (i) => box(`k${i}`, 10, 10, 10, { weight: 10, maxLoadOnTop: 10 }));
    const r = packValid(bs, { length: 10, width: 10, height: 30 });
    expect(r.placements).toHaveLength(2);
  });

  it("respects the payload", () => {
    const bs = boxes(5, (i) => box(`p${i}`, 10, 10, 10, { weight: 30 }));
    const r = packValid(bs, { length: 50, width: 10, height: 10, maxPayload: 100 });
    expect(r.placements).toHaveLength(3);
    expect(r.weight).toBe(90);
  });

  it("puts heavy boxes low when everything fits", () => {
    const bs = [
      ...boxes(4, (i) => box(`light${i}`, 10, 10, 10, { weight: 1, orientations: ["lwh"] })),
      ...boxes(4, (i) => box(`heavy${i}`, 10, 10, 10, { weight: 50, orientations: ["lwh"] })),
    ];
    const r = packValid(bs, { length: 20, width: 20, height: 20 });
    for (const p of r.placements) expect(p.z).toBe(p.boxId.startsWith("heavy") ? 0 : 10);
  });

  it("reports boxes too big for the container as unplaced", () => {
    const r = packValid([box("huge", 200, 10, 10), box("ok", 10, 10, 10)], { length: 100, width: 100, height: 100 });
    expect(r.unplaced).toEqual(["huge"]);
  });

  it("gives the same packing for the same seed and budget", () => {
    const bs = boxes(40, (i) => box(`r${i}`, 7 + (i % 5) * 3, 5 + (i % 3) * 4, 4 + (i % 4) * 2, { weight: 1 + (i % 7) }));
    const c = { length: 40, width: 30, height: 25 };
    const a = packPallet(bs, c, { maxIterations: 40, seed: 9 });
    const b = packPallet(bs, c, { maxIterations: 40, seed: 9 });
    expect(a).toEqual(b);
  });

  it("stops on the injected clock", () => {
    let t = 0;
    const r = packPallet(
      boxes(60, (i) => box(`t${i}`, 7 + (i % 5) * 3, 5 + (i % 3) * 4, 4 + (i % 4) * 2)),
      { length: 40, width: 30, height: 25 },
      { now: () => (t += 10), timeLimitMs: 100 },
    );
    // Two constructions always run; after that each clock reading costs 10 "ms".
    expect(r.iterations).toBeLessThan(20);
  });
});

const orientationSets: readonly (readonly Orientation[])[] = [ALL_ORIENTATIONS, THIS_SIDE_UP, ["lwh"], ["lwh", "hwl", "lhw"]];

const boxArb = fc.record({
  length: fc.integer({ min: 1, max: 40 }),
  width: fc.integer({ min: 1, max: 40 }),
  height: fc.integer({ min: 1, max: 40 }),
  weight: fc.integer({ min: 0, max: 50 }),
  orientations: fc.constantFrom(...orientationSets),
  stackable: fc.boolean(),
  maxLoadOnTop: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
  copies: fc.integer({ min: 1, max: 6 }),
});

describe("packPallet: every packing passes the independent validator", () => {
  it("random boxes, orientations, stacking rules and load limits", () => {
    fc.assert(
      fc.property(
        fc.array(boxArb, { minLength: 1, maxLength: 8 }),
        fc.record({
          length: fc.integer({ min: 10, max: 80 }),
          width: fc.integer({ min: 10, max: 80 }),
          height: fc.integer({ min: 10, max: 80 }),
          maxPayload: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
        }),
        fc.integer({ min: 1, max: 1000 }),
        (lines, container, seed) => {
          const bs: PalletBox[] = lines.flatMap((l, i) =>
            boxes(l.copies, (k) => ({
              id: `L${i}-${k}`,
              length: l.length,
              width: l.width,
              height: l.height,
              weight: l.weight,
              orientations: l.orientations,
              stackable: l.stackable,
              ...(l.maxLoadOnTop !== undefined ? { maxLoadOnTop: l.maxLoadOnTop } : {}),
            })),
          );
          const c: PalletContainer = {
            length: container.length,
            width: container.width,
            height: container.height,
            ...(container.maxPayload !== undefined ? { maxPayload: container.maxPayload } : {}),
          };
          const r = packPallet(bs, c, { maxIterations: 12, seed });
          expect(validatePalletGeometry(bs, r.placements, c)).toEqual([]);
          expect(r.placements.length + r.unplaced.length).toBe(bs.length);
          const volume = r.placements.reduce((v, p) => v + p.l * p.w * p.h, 0);
          expect(r.volumeUtilisation).toBeCloseTo(volume / (c.length * c.width * c.height), 9);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("non-integer sizes (inches in cm) pass too", () => {
    fc.assert(
      fc.property(fc.array(boxArb, { minLength: 1, maxLength: 6 }), (lines) => {
        const bs: PalletBox[] = lines.flatMap((l, i) =>
          boxes(l.copies, (k) => ({
            id: `L${i}-${k}`,
            length: l.length * 2.54,
            width: l.width * 2.54,
            height: l.height * 2.54,
            weight: l.weight * 0.45359237,
            orientations: l.orientations,
            stackable: l.stackable,
          })),
        );
        const c = { length: 104 * 2.54, width: 84 * 2.54, height: 93.75 * 2.54 };
        const r = packPallet(bs, c, { maxIterations: 8 });
        expect(validatePalletGeometry(bs, r.placements, c)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("the validator notices any box of a packing lifted off its support", () => {
    fc.assert(
      fc.property(fc.array(boxArb, { minLength: 1, maxLength: 5 }), fc.nat(), (lines, pick) => {
        const bs: PalletBox[] = lines.flatMap((l, i) =>
          boxes(l.copies, (k) => ({ id: `L${i}-${k}`, length: l.length, width: l.width, height: l.height, weight: 1 })),
        );
        const c = { length: 60, width: 50, height: 40 };
        const r = packPallet(bs, c, { maxIterations: 6 });
        fc.pre(r.placements.length > 0);
        const i = pick % r.placements.length;
        // Integer sizes never make up a fraction: the lifted box floats (or sticks out of the top).
        const lifted = r.placements.map((p, j) => (j === i ? { ...p, z: p.z + 0.37 } : p));
        const id = r.placements[i]?.boxId;
        expect(validatePalletGeometry(bs, lifted, c).some((v) => v.boxId === id && (v.kind === "unsupported" || v.kind === "outside"))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
