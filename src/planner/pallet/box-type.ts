import { ALL_ORIENTATIONS, type Orientation, type PalletBox } from "./box.ts";

/** A box's extents along x, y and z in one orientation. */
export interface OrientedDims {
  /** Along x. */
  readonly a: number;
  /** Along y. */
  readonly b: number;
  /** Along z. */
  readonly c: number;
  readonly orientation: Orientation;
}

/**
 * Identical boxes (same size, weight, orientations, stacking rules) grouped: blocks are built from
 * one type, so grouping is what lets the packer lay out 40 cases in one move instead of 40.
 */
export interface BoxType {
  readonly index: number;
  /** Ids of the boxes of this type, in input order. */
  readonly ids: readonly string[];
  readonly weight: number;
  readonly volume: number;
  readonly stackable: boolean;
  /** Most load on top of one box (Infinity: no limit). */
  readonly maxLoad: number;
  /** Allowed orientations with distinct extents (a cube has one). */
  readonly orients: readonly OrientedDims[];
  /** Most boxes of this type in one column: 1 if not stackable, else as many as the limit on top allows. */
  readonly maxStack: number;
}

/** Extents of a box along x, y, z in an orientation. */
export function orientedDims(box: Pick<PalletBox, "length" | "width" | "height">, o: Orientation): [number, number, number] {
  const dim = { l: box.length, w: box.width, h: box.height } as const;
  return [dim[o[0] as "l" | "w" | "h"], dim[o[1] as "l" | "w" | "h"], dim[o[2] as "l" | "w" | "h"]];
}

/** Groups boxes into types, keeping input order of first appearance. */
export function groupBoxTypes(boxes: readonly PalletBox[]): BoxType[] {
  const byKey = new Map<string, { box: PalletBox; ids: string[] }>();
  for (const box of boxes) {
    const allowed = box.orientations ?? ALL_ORIENTATIONS;
    const key = [
      box.length,
      box.width,
      box.height,
      box.weight,
      [...new Set(allowed)].sort().join(","),
      box.stackable ?? true,
      box.maxLoadOnTop ?? Infinity,
    ].join("|");
    const group = byKey.get(key);
    if (group) group.ids.push(box.id);
    else byKey.set(key, { box, ids: [box.id] });
  }
  return [...byKey.values()].map(({ box, ids }, index) => {
    const seen = new Set<string>();
    const orients: OrientedDims[] = [];
    for (const o of ALL_ORIENTATIONS) {
      if (!(box.orientations ?? ALL_ORIENTATIONS).includes(o)) continue;
      const [a, b, c] = orientedDims(box, o);
      const k = `${a}|${b}|${c}`;
      if (seen.has(k)) continue;
      seen.add(k);
      orients.push({ a, b, c, orientation: o });
    }
    const stackable = box.stackable ?? true;
    const maxLoad = box.maxLoadOnTop ?? Infinity;
    // A column of k boxes puts (k − 1) boxes' weight on the lowest one.
    const maxStack = !stackable ? 1 : box.weight > 0 && Number.isFinite(maxLoad) ? Math.floor(maxLoad / box.weight + 1e-9) + 1 : Infinity;
    return {
      index,
      ids,
      weight: box.weight,
      volume: box.length * box.width * box.height,
      stackable,
      maxLoad,
      orients,
      maxStack,
    };
  });
}
