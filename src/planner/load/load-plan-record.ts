import type { LoadPlan } from "#domain/plan.ts";
import type { AircraftLoad } from "./aircraft-load.ts";

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/** A planned load as the plan file records it on the leg (`loadPlan`). */
export function loadPlanRecord(load: AircraftLoad): LoadPlan {
  return {
    positions: load.positions.map((p) => (p.pallet !== undefined ? { position: p.position, pallet: p.pallet } : { position: p.position, item: p.item ?? p.unit.ref })),
    floor: load.floor.map((f) => ({ item: f.item, fromCm: round(f.from, 2), toCm: round(f.to, 2) })),
    seats: load.seats.zones.filter((z) => z.count > 0).map((z) => ({ zone: z.zone, count: z.count })),
    cgPercentMac: round(load.cgPercentMac, 2),
    totalKg: round(load.totalKg, 3),
  };
}
