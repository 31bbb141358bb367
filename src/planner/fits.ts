import type { AircraftType } from "#domain/aircraft-type.ts";
import { PALLET_MAX_GROSS_KG, PALLET_MAX_HEIGHT_CM } from "#domain/standard-weights.ts";
import type { LiftUnit } from "./lift-unit.ts";

/** Whether a unit can ride on this aircraft type at all (position limits, cargo floor, charter). */
export function unitFitsType(unit: LiftUnit, type: AircraftType): boolean {
  if (type.role === "passenger_charter" || type.palletPositions === 0) return false;
  if (unit.positions > type.palletPositions || unit.weightKg > type.maxPayload) return false;
  if (unit.kind === "pallet") {
    return (
      unit.weightKg <= Math.min(PALLET_MAX_GROSS_KG, type.positionMaxWeight ?? PALLET_MAX_GROSS_KG) &&
      unit.heightCm <= (type.positionMaxHeight ?? PALLET_MAX_HEIGHT_CM)
    );
  }
  const floor = type.cargoFloor;
  if (!floor) return false;
  const d = unit.cargo.dimensions;
  const lengthWise = d.length <= floor.length && d.width <= floor.width;
  const crossWise = d.width <= floor.length && d.length <= floor.width;
  return d.height <= floor.height && (lengthWise || crossWise);
}
