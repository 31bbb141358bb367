import { describe, expect, it } from "vitest";
import {
  type GeometryBox,
  type GeometryContainer,
  type GeometryPlacement,
  type GeometryViolationKind,
  validatePalletGeometry,
} from "./pallet-geometry.ts";

const C: GeometryContainer = { length: 100, width: 80, height: 60, maxPayload: 1000 };

const box = (id: string, length: number, width: number, height: number, more: Partial<GeometryBox> = {}): GeometryBox => ({
  id,
  length,
  width,
  height,
  weight: 10,
  ...more,
});

/** A placement of `b` lying as described (`lwh`) with its corner at (x, y, z). */
const at = (b: GeometryBox, x: number, y: number, z: number, orientation = "lwh"): GeometryPlacement => {
  const dim: Record<string, number> = { l: b.length, w: b.width, h: b.height };
  const [l = 0, w = 0, h = 0] = [...orientation].map((c) => dim[c] ?? 0);
  return { boxId: b.id, x, y, z, l, w, h, orientation };
};

const kinds = (boxes: readonly GeometryBox[], ps: readonly GeometryPlacement[], c = C): [string, GeometryViolationKind][] =>
  validatePalletGeometry(boxes, ps, c).map((v) => [v.boxId, v.kind]);

describe("validatePalletGeometry: valid build-ups", () => {
  it("accepts an empty pallet and a single box on the floor", () => {
    expect(kinds([], [])).toEqual([]);
    const a = box("a", 10, 20, 30);
    expect(kinds([a], [at(a, 0, 0, 0)])).toEqual([]);
  });

  it("accepts touching boxes, a box resting on two others, and a box turned about the vertical", () => {
    const a = box("a", 50, 80, 20);
    const b = box("b", 50, 80, 20);
    const top = box("top", 80, 100, 10, { orientations: ["lwh", "wlh"] });
    expect(kinds([a, b, top], [at(a, 0, 0, 0), at(b, 50, 0, 0), at(top, 0, 0, 20, "wlh")])).toEqual([]);
  });

  it("accepts a load exactly at the limit on top, counted transitively", () => {
    const base = box("base", 10, 10, 10, { maxLoadOnTop: 20 });
    const mid = box("mid", 10, 10, 10);
    const up = box("up", 10, 10, 10);
    expect(kinds([base, mid, up], [at(base, 0, 0, 0), at(mid, 0, 0, 10), at(up, 0, 0, 20)])).toEqual([]);
  });

  it("accepts lengths from inches within the tolerance", () => {
    const a = box("a", 40 * 2.54, 40 * 2.54, 40 * 2.54);
    const b = box("b", 40 * 2.54, 40 * 2.54, 40 * 2.54);
    const c = { length: 104 * 2.54, width: 84 * 2.54, height: 93.75 * 2.54 };
    expect(kinds([a, b], [at(a, 0, 0, 0), at(b, 0, 0, 40 * 2.54)], c)).toEqual([]);
  });
});

describe("validatePalletGeometry: crafted invalid build-ups", () => {
  it("rejects overlapping boxes", () => {
    const a = box("a", 20, 20, 20);
    const b = box("b", 20, 20, 20);
    expect(kinds([a, b], [at(a, 0, 0, 0), at(b, 19, 0, 0)])).toEqual([["b", "overlap"]]);
  });

  it("rejects boxes outside the container, on every side", () => {
    const a = box("a", 20, 20, 20);
    expect(kinds([a], [at(a, 90, 0, 0)])).toEqual([["a", "outside"]]);
    expect(kinds([a], [at(a, 0, 70, 0)])).toEqual([["a", "outside"]]);
    expect(kinds([a], [at(a, -1, 0, 0)])).toEqual([["a", "outside"]]);
    // Too tall: 50 + 20 > 60 (and it floats).
    expect(kinds([a], [at(a, 0, 0, 50)])).toContainEqual(["a", "outside"]);
  });

  it("rejects a floating box and a partly supported one (even 99 %)", () => {
    const a = box("a", 20, 20, 20);
    const b = box("b", 20, 20, 20);
    expect(kinds([a], [at(a, 0, 0, 5)])).toEqual([["a", "unsupported"]]);
    expect(kinds([a, b], [at(a, 0, 0, 0), at(b, 0.2, 0, 20)])).toEqual([["b", "unsupported"]]);
  });

  it("rejects a box bridging a gap between two supports", () => {
    const a = box("a", 10, 20, 20);
    const b = box("b", 10, 20, 20);
    const top = box("top", 30, 20, 5);
    expect(kinds([a, b, top], [at(a, 0, 0, 0), at(b, 20, 0, 0), at(top, 0, 0, 20)])).toEqual([["top", "unsupported"]]);
  });

  it("rejects an orientation not allowed, an unknown one, and extents that do not match it", () => {
    const up = box("up", 30, 20, 10, { orientations: ["lwh", "wlh"] });
    expect(kinds([up], [at(up, 0, 0, 0, "lhw")])).toEqual([["up", "orientation"]]);
    expect(kinds([up], [{ ...at(up, 0, 0, 0), orientation: "xyz" }])).toEqual([["up", "orientation"]]);
    expect(kinds([up], [{ ...at(up, 0, 0, 0), l: 20, w: 30 }])).toEqual([["up", "size"]]);
  });

  it("rejects a box on top of a non-stackable box", () => {
    const fragile = box("fragile", 20, 20, 20, { stackable: false });
    const a = box("a", 20, 20, 20);
    expect(kinds([fragile, a], [at(fragile, 0, 0, 0), at(a, 0, 0, 20)])).toEqual([["a", "on_unstackable"]]);
  });

  it("rejects a load over the limit on top, counting boxes above transitively", () => {
    const base = box("base", 10, 10, 10, { maxLoadOnTop: 15 });
    const mid = box("mid", 10, 10, 10);
    const up = box("up", 10, 10, 10);
    // 'base' carries 'mid' (10) and, through it, 'up' (10): 20 > 15.
    expect(kinds([base, mid, up], [at(base, 0, 0, 0), at(mid, 0, 0, 10), at(up, 0, 0, 20)])).toEqual([
      ["base", "overloaded"],
    ]);
  });

  it("counts the full weight on each support, however many there are", () => {
    const left = box("left", 10, 10, 10, { maxLoadOnTop: 15 });
    const right = box("right", 10, 10, 10, { maxLoadOnTop: 15 });
    const top = box("top", 20, 10, 10, { weight: 20 });
    expect(kinds([left, right, top], [at(left, 0, 0, 0), at(right, 10, 0, 0), at(top, 0, 0, 10)])).toEqual([
      ["left", "overloaded"],
      ["right", "overloaded"],
    ]);
  });

  it("rejects a load over the payload, naming the box that passes it", () => {
    const bs = [0, 1, 2].map((i) => box(`w${i}`, 10, 10, 10, { weight: 400 }));
    expect(kinds(bs, bs.map((b, i) => at(b, i * 10, 0, 0)))).toEqual([["w2", "overweight"]]);
  });

  it("rejects unknown boxes and boxes placed twice", () => {
    const a = box("a", 10, 10, 10);
    expect(kinds([a], [at(a, 0, 0, 0), at(a, 50, 0, 0)])).toEqual([["a", "duplicate"]]);
    expect(kinds([], [at(a, 0, 0, 0)])).toEqual([["a", "unknown_box"]]);
  });

  it("rejects non-finite and empty extents", () => {
    const a = box("a", 10, 10, 10);
    expect(kinds([a], [{ ...at(a, 0, 0, 0), x: Number.NaN }])).toContainEqual(["a", "size"]);
    expect(kinds([a], [{ ...at(a, 0, 0, 0), h: 0 }])).toContainEqual(["a", "size"]);
  });

  it("says what is wrong in words", () => {
    const a = box("a", 20, 20, 20);
    const [v] = validatePalletGeometry([a], [at(a, 0, 0, 10)], C);
    expect(v?.message).toBe("a: 0 % of its base is supported at z = 10");
  });
});
