import type { Pallet } from "#domain/plan.ts";
import { PALLET_TARE_KG, PASSENGER_KG, positionEquivalents } from "#domain/standard-weights.ts";
import type { ItemLoad, PassengerLoad, VerifyContext } from "./context.ts";

/** Weight of the cargo on a pallet, from the scenario's unit weights (unknown lines count 0). */
export function palletCargoKg(ctx: VerifyContext, pallet: Pallet): number {
  return pallet.items.reduce((kg, it) => kg + it.quantity * (ctx.cargo.get(it.cargo)?.unitWeight ?? 0), 0);
}

/** Gross weight a pallet really has: cargo plus tare and nets. */
export function palletTrueGrossKg(ctx: VerifyContext, pallet: Pallet): number {
  return palletCargoKg(ctx, pallet) + PALLET_TARE_KG;
}

/**
 * What a load weighs and occupies. Limits are checked against `limitKg`, the larger of the weight the
 * plan states (pallets at their stated gross) and the true one, so a mis-stated pallet cannot make an
 * overloaded aircraft pass; a mis-stated pallet itself is `pallet.build`'s business.
 */
export interface LoadMeasure {
  /** Pallets at their stated gross + loose pieces + passengers. */
  readonly statedKg: number;
  /** Pallets at cargo + tare + loose pieces + passengers. */
  readonly trueKg: number;
  readonly limitKg: number;
  /** Cargo only (pallets and loose pieces), by the larger of stated and true pallet weights. */
  readonly cargoLimitKg: number;
  readonly pallets: number;
  /** Position equivalents of the loose pieces. */
  readonly looseEquivalents: number;
  readonly positions: number;
  readonly passengers: number;
  /** Ids of sensitive cargo lines aboard, loose or on a pallet. */
  readonly sensitive: readonly string[];
}

/** Measures a load; ids the scenario or plan does not know are left out (`ref.unknown` reports them). */
export function measureLoad(
  ctx: VerifyContext,
  load: {
    readonly pallets: readonly string[];
    readonly items: readonly ItemLoad[];
    readonly passengers: readonly PassengerLoad[];
  },
): LoadMeasure {
  let statedPallets = 0;
  let truePallets = 0;
  let limitPallets = 0;
  let pallets = 0;
  const sensitive = new Set<string>();
  for (const id of load.pallets) {
    const p = ctx.pallets.get(id);
    if (!p) continue;
    pallets++;
    const gross = palletTrueGrossKg(ctx, p);
    statedPallets += p.grossWeightKg;
    truePallets += gross;
    limitPallets += Math.max(gross, p.grossWeightKg);
    for (const it of p.items) if (ctx.cargo.get(it.cargo)?.sensitive) sensitive.add(it.cargo);
  }
  let looseKg = 0;
  let looseEquivalents = 0;
  for (const it of load.items) {
    const c = ctx.cargo.get(it.cargo);
    if (!c) continue;
    looseKg += it.quantity * c.unitWeight;
    looseEquivalents += it.quantity * positionEquivalents(c.dimensions);
    if (c.sensitive) sensitive.add(c.id);
  }
  const passengers = load.passengers.reduce((n, g) => n + g.count, 0);
  const peopleKg = passengers * PASSENGER_KG;
  return {
    statedKg: statedPallets + looseKg + peopleKg,
    trueKg: truePallets + looseKg + peopleKg,
    limitKg: limitPallets + looseKg + peopleKg,
    cargoLimitKg: limitPallets + looseKg,
    pallets,
    looseEquivalents,
    positions: pallets + looseEquivalents,
    passengers,
    sensitive: [...sensitive],
  };
}

/** Float slack for comparing sums of converted units against limits (far below any kg that matters). */
export const EPSILON = 1e-6;

/** `1 234.5 kg` for messages. */
export const fmtKg = (kg: number): string => `${Math.round(kg * 10) / 10} kg`;
