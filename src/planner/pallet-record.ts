import type { Pallet } from "#domain/plan.ts";
import type { PalletUnit } from "./lift-unit.ts";

/** A built pallet as the plan file lists it. */
export function palletRecord(p: PalletUnit): Pallet {
  return {
    id: p.id,
    site: p.site,
    items: p.items.map((i) => ({ cargo: i.cargo, quantity: i.quantity })),
    grossWeightKg: Math.round(p.weightKg * 1000) / 1000,
    heightCm: Math.round(p.heightCm * 100) / 100,
    ...(p.buildUp ? { buildUp: p.buildUp } : {}),
  };
}
