import type { CargoItem } from "#domain/cargo.ts";
import {
  PALLET_DECK_CM,
  PALLET_MAX_GROSS_KG,
  PALLET_MAX_HEIGHT_CM,
  PALLET_TARE_KG,
  PALLET_USABLE_LENGTH_CM,
  PALLET_USABLE_WIDTH_CM,
} from "#domain/standard-weights.ts";
import {
  ALL_ORIENTATIONS,
  type PackOptions,
  type PalletBox,
  type PalletContainer,
  type Placement,
  type Point3,
  THIS_SIDE_UP,
} from "./box.ts";
import { packContainers } from "./pack-containers.ts";

/** The usable box of a 463L pallet in a full-height position: 104 × 84 in, 96 in less the 2.25 in deck, 10,000 lb less 355 lb tare with nets. */
export const PALLET_463L: PalletContainer = {
  length: PALLET_USABLE_LENGTH_CM,
  width: PALLET_USABLE_WIDTH_CM,
  height: PALLET_MAX_HEIGHT_CM - PALLET_DECK_CM,
  maxPayload: PALLET_MAX_GROSS_KG - PALLET_TARE_KG,
};

/** One built 463L pallet (cm, kg; coordinates from the corner of the usable surface, on the deck). */
export interface Built463LPallet {
  readonly placements: readonly Placement[];
  /** Cargo on the pallet. */
  readonly cargoKg: number;
  /** Cargo plus the 355 lb tare of pallet and nets. */
  readonly grossKg: number;
  /** Top of the highest box above the bottom of the pallet (deck included). */
  readonly heightCm: number;
  readonly volumeUtilisation: number;
  /** Centre of gravity of the cargo, in the usable box's axes. */
  readonly cg: Point3;
  /** Centre of gravity less the centre of the usable surface. */
  readonly cgOffset: { readonly x: number; readonly y: number };
}

/** What {@link build463L} returns. */
export interface Build463LResult {
  readonly pallets: readonly Built463LPallet[];
  /** Pieces that fit no 463L pallet (too big, too heavy, or their allowed orientations do not fit). */
  readonly unplaceable: readonly string[];
}

/** Options of {@link build463L}: the packer's, per pallet, and the height allowed. */
export interface Build463LOptions extends PackOptions {
  /**
   * Height above the deck the position allows, cm (default 96 in less the deck): lower for a
   * position under the aircraft's contour.
   */
  readonly usableHeightCm?: number;
}

/**
 * Builds 463L pallets from pieces, one pallet at a time ({@link packContainers}): each pallet is
 * packed from the pieces still left, until every piece that fits a pallet is on one.
 * The time budget and the iteration limit apply per pallet. Keeping incompatible cargo
 * (hazard classes, priorities, sensitive items) on separate pallets is the caller's job: call once
 * per group.
 * @example
 * const { pallets } = build463L(piecesFromCargo(lines), { now: clock, timeLimitMs: 300 });
 * pallets[0]?.grossKg; // ≤ 4535.9 (10,000 lb)
 */
export function build463L(pieces: readonly PalletBox[], opts: Build463LOptions = {}): Build463LResult {
  const container: PalletContainer = { ...PALLET_463L, height: opts.usableHeightCm ?? PALLET_463L.height };
  const packed = packContainers(pieces, container, opts);
  const pallets: Built463LPallet[] = packed.containers.map((r) => ({
    placements: r.placements,
    cargoKg: r.weight,
    grossKg: r.weight + PALLET_TARE_KG,
    heightCm: r.placements.reduce((h, p) => Math.max(h, p.z + p.h), 0) + PALLET_DECK_CM,
    volumeUtilisation: r.volumeUtilisation,
    cg: r.cg,
    cgOffset: r.cgOffset,
  }));
  return { pallets, unplaceable: packed.unplaced };
}

/**
 * One piece per unit of each cargo line that goes on pallets (kind `box`), ids `<line>#<n>`.
 * Dimensions are as the piece travels, so by default a piece only turns about the vertical axis
 * ("this side up"): the cargo list says nothing about which sides may go down, and hazardous or
 * fragile items are usually marked this way. `anyOrientation` lets every piece lie on any side.
 */
export function piecesFromCargo(cargo: readonly CargoItem[], opts: { readonly anyOrientation?: boolean } = {}): PalletBox[] {
  const out: PalletBox[] = [];
  for (const c of cargo) {
    if (c.kind !== "box") continue;
    for (let n = 1; n <= c.quantity; n++) {
      out.push({
        id: `${c.id}#${n}`,
        length: c.dimensions.length,
        width: c.dimensions.width,
        height: c.dimensions.height,
        weight: c.unitWeight,
        orientations: opts.anyOrientation ? ALL_ORIENTATIONS : THIS_SIDE_UP,
        stackable: c.stackable,
      });
    }
  }
  return out;
}
