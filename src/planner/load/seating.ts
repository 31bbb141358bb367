import type { AircraftType } from "#domain/aircraft-type.ts";
import type { Placement } from "./aircraft-load.ts";
import { positionsCovered } from "./floor.ts";

/**
 * Seats a load could give with this many positions left free: the sidewall zones, and the
 * centreline zones richest in seats per position that fit in them (a cap to search below).
 */
export function seatsWithin(type: AircraftType, freePositions: number): number {
  const zones = type.loadModel?.seatZones ?? [];
  let seats = zones.filter((z) => z.positions.length === 0).reduce((n, z) => n + z.seats, 0);
  let left = freePositions;
  for (const z of zones.filter((z) => z.positions.length > 0).sort((a, b) => b.seats / b.positions.length - a.seats / a.positions.length)) {
    if (z.positions.length > left) continue;
    left -= z.positions.length;
    seats += z.seats;
  }
  return seats;
}

/** A placement whose passengers may use every seat zone it leaves free: sidewall first, then centreline zones in listed order. */
export function withFreeSeats(type: AircraftType, p: Placement): Placement {
  const zones = type.loadModel?.seatZones ?? [];
  const held = new Set(p.positions.map((a) => a.position));
  const model = type.loadModel;
  if (model) for (const f of p.floor) for (const id of positionsCovered(model, { from: f.fromCm, to: f.toCm })) held.add(id);
  const free = zones.filter((z) => z.positions.length > 0 && z.positions.every((id) => !held.has(id)));
  return { ...p, seatSequence: [...zones.filter((z) => z.positions.length === 0), ...free].map((z) => z.id) };
}
