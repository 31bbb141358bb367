import type { AircraftType } from "./aircraft-type.ts";
import { type Kg, type Km, kg } from "./units.ts";

/**
 * Allowable load for a leg of this distance: linear between the type's payload–range points,
 * capped by the maximum payload; `undefined` beyond the last point (the leg cannot be flown).
 */
export function allowableLoad(type: AircraftType, distance: Km): Kg | undefined {
  const pts = type.payloadRange;
  const last = pts[pts.length - 1];
  if (!last || distance > last.range) return undefined;
  let payload: number = pts[0]?.payload ?? 0;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1];
    const b = pts[i];
    if (!a || !b) continue;
    if (distance <= b.range) {
      const f = distance <= a.range ? 0 : (distance - a.range) / (b.range - a.range);
      payload = a.payload + f * (b.payload - a.payload);
      break;
    }
  }
  return kg(Math.min(type.maxPayload, payload));
}

/** Seats available when `positionsUsed` pallet positions are loaded (centreline seats cost positions). */
export function seatsAvailable(type: AircraftType, positionsUsed: number): number {
  const free = Math.max(0, type.palletPositions - positionsUsed);
  return Math.min(type.seats.maximum, type.seats.withFullPositions + free * type.seats.perFreePosition);
}
