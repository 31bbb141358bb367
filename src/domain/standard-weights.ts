import { cm, kg, toCm, toKg } from "./units.ts";

/**
 * Planning constants every load is measured against. Each is an assumption or a published limit;
 * the planner and the verifier both use them, so a change here changes the model, not one side.
 */

/** Passenger with baggage and personal equipment: 300 lb is the usual airlift planning weight (assumption). */
export const PASSENGER_KG = toKg(300, "lb");

/** 463L pallet with its nets: 355 lb (pallet alone 290 lb). */
export const PALLET_TARE_KG = toKg(355, "lb");

/** Maximum gross weight of a 463L pallet: 10,000 lb including tare. */
export const PALLET_MAX_GROSS_KG = toKg(10_000, "lb");

/** Usable surface of a 463L pallet: 104 × 84 in (the 108 × 88 in pallet less the rims). */
export const PALLET_USABLE_LENGTH_CM = toCm(104, "in");
export const PALLET_USABLE_WIDTH_CM = toCm(84, "in");
/** Height limit of a pallet in a full-height position. */
export const PALLET_MAX_HEIGHT_CM = toCm(96, "in");
/** Thickness of the pallet itself. */
export const PALLET_DECK_CM = toCm(2.25, "in");

/** Floor a 463L position covers, 108 × 88 in: rolling stock and loose pieces are counted in these. */
export const POSITION_FOOTPRINT_CM2 = toCm(108, "in") * toCm(88, "in");

/**
 * Pallet positions a loose piece (vehicle, container, outsize) displaces: its floor area over a
 * position's, rounded up, at least one. A simplification until load planning places pieces on the floor.
 */
export function positionEquivalents(dimensions: { length: number; width: number }): number {
  return Math.max(1, Math.ceil((dimensions.length * dimensions.width) / POSITION_FOOTPRINT_CM2 - 1e-9));
}

export const ZERO_KG = kg(0);
export const ZERO_CM = cm(0);
