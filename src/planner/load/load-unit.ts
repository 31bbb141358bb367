import type { CargoItem, Hazard } from "#domain/cargo.ts";
import { PALLET_MAX_HEIGHT_CM } from "#domain/standard-weights.ts";
import { toCm } from "#domain/units.ts";
import type { LiftUnit } from "../lift-unit.ts";

/** Outside size of a 463L pallet, 108 × 88 in: what a position holds. */
export const PALLET_LENGTH_CM = toCm(108, "in");
export const PALLET_WIDTH_CM = toCm(88, "in");

/**
 * One piece of lift as the load planner sees it: a pallet (or a loose piece that rides on a pallet
 * position, such as a pre-built 463L pallet) or a loose piece for the floor, with its hazards.
 */
export interface LoadUnit {
  /** Unique within one load request. */
  readonly key: string;
  readonly kind: "pallet" | "loose";
  /** The pallet id, or the cargo id of a loose piece. */
  readonly ref: string;
  readonly weightKg: number;
  readonly heightCm: number;
  /** Footprint; for a floor piece, either side may lie along the fuselage. */
  readonly lengthCm: number;
  readonly widthCm: number;
  /** Positions the plan file counts for it (a pallet 1; a loose piece its floor area in positions). */
  readonly positionEquivalents: number;
  /** True when it sits on a pallet position; false when it needs floor. */
  readonly onPosition: boolean;
  readonly hazards: readonly Hazard[];
  readonly sensitive: boolean;
}

const EPS = 1e-6;

/** Whether a loose piece sits on a pallet position: a pre-built pallet within the 463L footprint and height. */
export function ridesOnPosition(c: CargoItem): boolean {
  const { length, width, height } = c.dimensions;
  const lengthWise = length <= PALLET_LENGTH_CM + EPS && width <= PALLET_WIDTH_CM + EPS;
  const crossWise = width <= PALLET_LENGTH_CM + EPS && length <= PALLET_WIDTH_CM + EPS;
  return c.kind === "pallet" && (lengthWise || crossWise) && height <= PALLET_MAX_HEIGHT_CM + EPS;
}

/**
 * The load planner's view of a lift unit; `cargo` finds the lines a pallet was built from (for hazards).
 * @example loadUnitOf(unit, (id) => byId.get(id), "u1")
 */
export function loadUnitOf(unit: LiftUnit, cargo: (id: string) => CargoItem | undefined, key: string): LoadUnit {
  if (unit.kind === "pallet") {
    const hazards: Hazard[] = [];
    const seen = new Set<string>();
    for (const i of unit.items) {
      const h = cargo(i.cargo)?.hazard;
      const k = h ? JSON.stringify(h) : "";
      if (h && !seen.has(k)) {
        seen.add(k);
        hazards.push(h);
      }
    }
    return {
      key,
      kind: "pallet",
      ref: unit.id,
      weightKg: unit.weightKg,
      heightCm: unit.heightCm,
      lengthCm: PALLET_LENGTH_CM,
      widthCm: PALLET_WIDTH_CM,
      positionEquivalents: unit.positions,
      onPosition: true,
      hazards,
      sensitive: unit.sensitive,
    };
  }
  const c = unit.cargo;
  return {
    key,
    kind: "loose",
    ref: c.id,
    weightKg: unit.weightKg,
    heightCm: c.dimensions.height,
    lengthCm: c.dimensions.length,
    widthCm: c.dimensions.width,
    positionEquivalents: unit.positions,
    onPosition: ridesOnPosition(c),
    hazards: c.hazard ? [c.hazard] : [],
    sensitive: unit.sensitive,
  };
}
