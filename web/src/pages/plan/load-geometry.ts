/**
 * Where things go on the load plan's drawings, without React: the aircraft's floor seen from above
 * (pallet positions by their station, side by side where two share one; floor pieces placed across
 * the floor where their spans overlap, since the plan gives their stations but not their lateral
 * place), the %MAC scale, and a pallet's build-up from the top and from the side.
 */
import type { SortieLoad } from "../../api/contract.ts";

type Model = NonNullable<SortieLoad["model"]>;
type LegPlan = NonNullable<SortieLoad["legs"][number]["plan"]>;
type Piece = NonNullable<SortieLoad["pallets"][number]["buildUp"]>["pieces"][number];

/** A 463L pallet's sides: 108 in × 88 in. */
export const PALLET_LONG_CM = 274.32;
export const PALLET_SHORT_CM = 223.52;
/** Its usable surface, where the build-up's coordinates start: 104 in × 84 in. */
export const USABLE_LENGTH_CM = 264.16;
export const USABLE_WIDTH_CM = 213.36;

/** A rectangle in the floor's plane: x along the fuselage (stations, cm), y across it (cm from one wall). */
export interface FloorRect {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** A pallet position on the floor, with what it holds on this leg. */
export interface PositionRect extends FloorRect {
  readonly id: string;
  readonly pallet: string | null;
  readonly item: string | null;
}

/** A loose piece on the floor. */
export interface FloorPieceRect extends FloorRect {
  readonly item: string;
  /** The piece did not fit across beside the others: it is drawn over them (the plan has no lateral place). */
  readonly overflow: boolean;
}

/** The floor drawing. */
export interface FloorLayout {
  readonly fromCm: number;
  readonly toCm: number;
  readonly widthCm: number;
  readonly positions: readonly PositionRect[];
  readonly pieces: readonly FloorPieceRect[];
}

/**
 * How a pallet lies on a position: along the fuselage it takes the position's length less the
 * spacing; across, the other side of the 463L pallet.
 *
 * @example
 * palletSides(279.4); // { along: 274.32, across: 223.52 } (C-17 two-row logistics rails)
 */
export function palletSides(positionLengthCm: number): { along: number; across: number } {
  const longAlong = Math.abs(positionLengthCm - PALLET_LONG_CM) < Math.abs(positionLengthCm - PALLET_SHORT_CM);
  return longAlong ? { along: PALLET_LONG_CM, across: PALLET_SHORT_CM } : { along: PALLET_SHORT_CM, across: PALLET_LONG_CM };
}

/** Positions at one station from the top of the drawing: right side first (the nose points left, so the right side is up). */
const sideOrder = (id: string) => (/R$/i.test(id) ? 0 : /L$/i.test(id) ? 2 : 1);

/**
 * The floor seen from above, nose to the left: every position of the model (those loaded on this
 * leg with their pallet or piece) and the leg's floor pieces.
 */
export function floorLayout(model: Model, plan: LegPlan | null, cargoFloorWidthCm?: number): FloorLayout {
  const half = model.positionLengthCm / 2;
  const starts = [...model.positions.map((p) => p.stationCm - half), ...model.floorZones.map((z) => z.fromCm)];
  const ends = [...model.positions.map((p) => p.stationCm + half), ...model.floorZones.map((z) => z.toCm)];
  const widthCm = Math.max(cargoFloorWidthCm ?? 0, ...model.floorZones.map((z) => z.widthCm));
  const sides = palletSides(model.positionLengthCm);
  const held = new Map((plan?.positions ?? []).map((p) => [p.position, p]));

  const byStation = new Map<number, Model["positions"][number][]>();
  for (const p of model.positions) {
    const key = Math.round(p.stationCm);
    byStation.set(key, [...(byStation.get(key) ?? []), p]);
  }
  const positions: PositionRect[] = [];
  for (const group of byStation.values()) {
    const sorted = [...group].sort((a, b) => sideOrder(a.id) - sideOrder(b.id));
    const column = widthCm / sorted.length;
    const across = Math.min(sides.across, column);
    sorted.forEach((p, i) => {
      const middle = column * i + column / 2;
      const h = held.get(p.id);
      positions.push({
        id: p.id,
        x0: p.stationCm - sides.along / 2,
        x1: p.stationCm + sides.along / 2,
        y0: middle - across / 2,
        y1: middle + across / 2,
        pallet: h?.pallet ?? null,
        item: h?.item ?? null,
      });
    });
  }
  return { fromCm: Math.min(...starts), toCm: Math.max(...ends), widthCm, positions, pieces: placeAcross(plan?.floor ?? [], widthCm) };
}

/**
 * Places floor pieces across the floor: pieces whose spans overlap go side by side (first fit),
 * and each group of overlapping pieces is centred.
 */
export function placeAcross(floor: LegPlan["floor"], widthCm: number): FloorPieceRect[] {
  const sorted = [...floor].sort((a, b) => a.fromCm - b.fromCm || b.widthCm - a.widthCm);
  const out: FloorPieceRect[] = [];
  let group: { item: string; fromCm: number; toCm: number; widthCm: number; y0: number; overflow: boolean }[] = [];
  let groupEnd = Number.NEGATIVE_INFINITY;
  const flush = () => {
    const used = Math.max(0, ...group.filter((g) => !g.overflow).map((g) => g.y0 + g.widthCm));
    const shift = Math.max(0, (widthCm - used) / 2);
    for (const g of group) out.push({ item: g.item, x0: g.fromCm, x1: g.toCm, y0: g.y0 + shift, y1: g.y0 + shift + g.widthCm, overflow: g.overflow });
    group = [];
  };
  for (const f of sorted) {
    if (f.fromCm >= groupEnd && group.length > 0) flush();
    const overlapping = group.filter((g) => g.fromCm < f.toCm && f.fromCm < g.toCm && !g.overflow).sort((a, b) => a.y0 - b.y0);
    let y = 0;
    for (const g of overlapping) if (y + f.widthCm > g.y0 && y < g.y0 + g.widthCm) y = g.y0 + g.widthCm;
    const overflow = y + f.widthCm > widthCm + 0.5;
    group.push({ item: f.item, fromCm: f.fromCm, toCm: f.toCm, widthCm: f.widthCm, y0: overflow ? 0 : y, overflow });
    groupEnd = Math.max(groupEnd, f.toCm);
  }
  if (group.length > 0) flush();
  return out;
}

/**
 * The %MAC scale's span: the limits and the centre of balance with room either side.
 *
 * @example
 * macScaleDomain({ forwardLimitPercentMac: 16, aftLimitPercentMac: 37, cgPercentMac: 29.7 }); // [11, 42]
 */
export function macScaleDomain(p: Pick<LegPlan, "forwardLimitPercentMac" | "aftLimitPercentMac" | "cgPercentMac">): [number, number] {
  const lo = Math.min(p.forwardLimitPercentMac, p.cgPercentMac);
  const hi = Math.max(p.aftLimitPercentMac, p.cgPercentMac);
  const pad = Math.max(5, (hi - lo) * 0.15);
  return [Math.floor(lo - pad), Math.ceil(hi + pad)];
}

/** A piece as drawn in one view: its rectangle in that view's plane and its depth order. */
export interface PieceView {
  readonly cargo: string;
  readonly index: number;
  readonly a0: number;
  readonly a1: number;
  readonly b0: number;
  readonly b1: number;
}

/**
 * The build-up from the top (x along, y across; lower pieces first so the higher ones are drawn
 * over them) and from the side (x along, z up; the far side first).
 */
export function buildUpViews(pieces: readonly Piece[]): { top: PieceView[]; side: PieceView[]; heightCm: number } {
  const indexed = pieces.map((p, index) => ({ p, index }));
  const top = [...indexed]
    .sort((a, b) => a.p.z + a.p.h - (b.p.z + b.p.h) || a.index - b.index)
    .map(({ p, index }) => ({ cargo: p.cargo, index, a0: p.x, a1: p.x + p.l, b0: p.y, b1: p.y + p.w }));
  const side = [...indexed]
    .sort((a, b) => b.p.y + b.p.w - (a.p.y + a.p.w) || a.index - b.index)
    .map(({ p, index }) => ({ cargo: p.cargo, index, a0: p.x, a1: p.x + p.l, b0: p.z, b1: p.z + p.h }));
  return { top, side, heightCm: Math.max(0, ...pieces.map((p) => p.z + p.h)) };
}

/** Colours for cargo lines, dark enough for a 3:1 contrast with white and told apart by their legend too. */
export const CARGO_COLOURS = ["#1f5fa8", "#b3541e", "#2e7d32", "#7b3fa0", "#a3203c", "#00707a", "#6d5a00", "#4a5563"] as const;

/** A colour for each cargo line, in the order given. */
export function cargoColours(ids: readonly string[]): Map<string, string> {
  return new Map(ids.map((id, i) => [id, CARGO_COLOURS[i % CARGO_COLOURS.length] ?? "#4a5563"]));
}
