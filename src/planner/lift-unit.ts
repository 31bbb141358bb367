import type { CargoItem } from "#domain/cargo.ts";
import type { CargoId, SiteId } from "#domain/ids.ts";
import type { PalletBuildUp } from "#domain/plan.ts";

/**
 * What moves as one piece of lift: a 463L pallet built from boxes, or a loose piece
 * (vehicle, container, outsize item, pre-built pallet) that takes floor positions of its own.
 */
export type LiftUnit = PalletUnit | LoosePiece;

interface UnitBase {
  readonly site: SiteId;
  /** Gross weight, kg. */
  readonly weightKg: number;
  /** Pallet positions it takes. */
  readonly positions: number;
  /** 1 moves first. */
  readonly priority: number;
  readonly sensitive: boolean;
}

export interface PalletUnit extends UnitBase {
  readonly kind: "pallet";
  readonly id: string;
  readonly items: readonly { cargo: CargoId; quantity: number }[];
  readonly heightCm: number;
  /** Where each piece sits (the 3-D build-up), as the plan file records it. */
  readonly buildUp?: PalletBuildUp;
}

export interface LoosePiece extends UnitBase {
  readonly kind: "loose";
  readonly cargo: CargoItem;
}
