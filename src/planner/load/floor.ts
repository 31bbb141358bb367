import type { FloorZone, LoadModel } from "#domain/load-model.ts";
import type { FloorAssignment } from "./aircraft-load.ts";
import type { LoadUnit } from "./load-unit.ts";

/** Lengths within this many cm are equal (stations come from inches). */
export const GEOMETRY_EPS = 0.01;

export interface Interval {
  readonly from: number;
  readonly to: number;
}

export const overlaps = (a: Interval, b: Interval): boolean => a.from < b.to - GEOMETRY_EPS && b.from < a.to - GEOMETRY_EPS;

/** The floor zones under a stretch of floor, forward to aft; `undefined` unless they cover all of it without a gap. */
export function zonesUnder(model: LoadModel, iv: Interval): FloorZone[] | undefined {
  const zones = model.floorZones.filter((z) => overlaps(z, iv)).sort((a, b) => a.from - b.from);
  let cursor = iv.from;
  for (const z of zones) {
    if (z.from > cursor + GEOMETRY_EPS) return undefined;
    cursor = Math.max(cursor, z.to);
  }
  return cursor >= iv.to - GEOMETRY_EPS ? zones : undefined;
}

/** The two ways a piece can lie: its length or its width along the fuselage. */
export function orientations(unit: LoadUnit): { along: number; across: number }[] {
  const a = { along: unit.lengthCm, across: unit.widthCm };
  const b = { along: unit.widthCm, across: unit.lengthCm };
  return Math.abs(a.along - b.along) < GEOMETRY_EPS ? [a] : [a, b];
}

/** The width a placed piece takes across the floor (the side not along the fuselage). */
export function acrossOf(f: FloorAssignment): number {
  const along = f.toCm - f.fromCm;
  return Math.abs(along - f.unit.lengthCm) <= Math.abs(along - f.unit.widthCm) ? f.unit.widthCm : f.unit.lengthCm;
}

/**
 * Why a piece may not lie on this stretch of floor (with `others` already there), or `undefined` if it may:
 * zones must cover it, be tall and wide enough (pieces side by side add their widths) and bear its
 * weight per unit of length.
 */
export function floorProblem(model: LoadModel, f: FloorAssignment, others: readonly FloorAssignment[]): string | undefined {
  const iv = { from: f.fromCm, to: f.toCm };
  const along = f.toCm - f.fromCm;
  if (!orientations(f.unit).some((o) => Math.abs(o.along - along) <= 1)) return `${f.unit.ref} is ${fmt(f.unit.lengthCm)} × ${fmt(f.unit.widthCm)} cm, not ${fmt(along)} cm long on the floor`;
  const zones = zonesUnder(model, iv);
  if (!zones) return `${f.unit.ref} at ${fmt(f.fromCm)}–${fmt(f.toCm)} cm is not on the cargo floor`;
  for (const z of zones) {
    if (f.unit.heightCm > z.height + GEOMETRY_EPS) return `${f.unit.ref} is ${fmt(f.unit.heightCm)} cm high; floor zone ${z.id} takes ${fmt(z.height)}`;
    if (f.unit.weightKg / along > z.maxLinearLoad + 1e-9)
      return `${f.unit.ref} puts ${(f.unit.weightKg / along).toFixed(1)} kg/cm on floor zone ${z.id}, limit ${z.maxLinearLoad.toFixed(1)}`;
  }
  const all = [...others, f];
  for (const g of all) {
    if (g !== f && !overlaps({ from: g.fromCm, to: g.toCm }, iv)) continue;
    const giv = { from: g.fromCm, to: g.toCm };
    const gZones = zonesUnder(model, giv) ?? [];
    const width = Math.min(...gZones.map((z) => z.width));
    const beside = all.filter((h) => overlaps({ from: h.fromCm, to: h.toCm }, giv)).reduce((n, h) => n + acrossOf(h), 0);
    if (beside > width + GEOMETRY_EPS) return `pieces side by side at ${fmt(g.fromCm)}–${fmt(g.toCm)} cm are ${fmt(beside)} cm wide; the floor is ${fmt(width)}`;
  }
  return undefined;
}

const sortedZones = new WeakMap<LoadModel, FloorZone[]>();
const zonesOf = (model: LoadModel): FloorZone[] => {
  let z = sortedZones.get(model);
  if (!z) {
    z = [...model.floorZones].sort((a, b) => a.from - b.from);
    sortedZones.set(model, z);
  }
  return z;
};

/** Narrowest zone under a stretch, or `undefined` if the zones do not cover it, are too low or too weak for `unit`. */
function floorWidthFor(model: LoadModel, from: number, to: number, unit?: LoadUnit): number | undefined {
  const along = to - from;
  let cursor = from;
  let width = Number.POSITIVE_INFINITY;
  for (const z of zonesOf(model)) {
    if (z.to <= from + GEOMETRY_EPS || z.from >= to - GEOMETRY_EPS) continue;
    if (z.from > cursor + GEOMETRY_EPS) return undefined;
    cursor = Math.max(cursor, z.to);
    if (unit && (unit.heightCm > z.height + GEOMETRY_EPS || unit.weightKg / along > z.maxLinearLoad + 1e-9)) return undefined;
    width = Math.min(width, z.width);
  }
  return cursor >= to - GEOMETRY_EPS ? width : undefined;
}

/**
 * The same test as `floorProblem`, fast and without a reason, for a piece lying `along` its
 * orientation (the caller's): zones, height, linear load, and widths side by side.
 */
export function floorFits(model: LoadModel, unit: LoadUnit, from: number, to: number, across: number, others: readonly FloorAssignment[]): boolean {
  const width = floorWidthFor(model, from, to, unit);
  if (width === undefined) return false;
  let beside = across;
  for (const o of others) if (o.fromCm < to - GEOMETRY_EPS && from < o.toCm - GEOMETRY_EPS) beside += acrossOf(o);
  if (beside > width + GEOMETRY_EPS) return false;
  for (const g of others) {
    if (!(g.fromCm < to - GEOMETRY_EPS && from < g.toCm - GEOMETRY_EPS)) continue;
    const gWidth = floorWidthFor(model, g.fromCm, g.toCm) ?? 0;
    let sum = across;
    for (const h of others) if (h.fromCm < g.toCm - GEOMETRY_EPS && g.fromCm < h.toCm - GEOMETRY_EPS) sum += acrossOf(h);
    if (sum > gWidth + GEOMETRY_EPS) return false;
  }
  return true;
}

/** Ids of the positions whose floor a stretch covers. */
export function positionsCovered(model: LoadModel, iv: Interval): string[] {
  const half = model.positionLength / 2;
  const out: string[] = [];
  for (const p of model.positions) if (p.station - half < iv.to - GEOMETRY_EPS && iv.from < p.station + half - GEOMETRY_EPS) out.push(p.id);
  return out;
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);
