import { findAirLeg, legDistance } from "#domain/air-leg.ts";
import type { AircraftType } from "#domain/aircraft-type.ts";
import type { CargoItem, Hazard } from "#domain/cargo.ts";
import type { SiteId } from "#domain/ids.ts";
import type { Leg, Pallet, Plan } from "#domain/plan.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { positionEquivalents } from "#domain/standard-weights.ts";
import type { Placement } from "./aircraft-load.ts";
import { type LoadUnit, PALLET_LENGTH_CM, PALLET_WIDTH_CM, ridesOnPosition } from "./load-unit.ts";

/** The load planner's view of one loose piece of a cargo line. */
export function looseUnitOf(c: CargoItem, key: string): LoadUnit {
  return {
    key,
    kind: "loose",
    ref: c.id,
    weightKg: c.unitWeight,
    heightCm: c.dimensions.height,
    lengthCm: c.dimensions.length,
    widthCm: c.dimensions.width,
    positionEquivalents: positionEquivalents(c.dimensions),
    onPosition: ridesOnPosition(c),
    hazards: c.hazard ? [c.hazard] : [],
    sensitive: c.sensitive,
  };
}

/** The load planner's view of a pallet the plan file lists (its hazards from the lines it holds). */
export function palletUnitOf(rec: Pallet, cargo: ReadonlyMap<string, CargoItem>, key: string): LoadUnit {
  const hazards: Hazard[] = rec.items.flatMap((i) => {
    const h = cargo.get(i.cargo)?.hazard;
    return h ? [h] : [];
  });
  return {
    key,
    kind: "pallet",
    ref: rec.id,
    weightKg: rec.grossWeightKg,
    heightCm: rec.heightCm,
    lengthCm: PALLET_LENGTH_CM,
    widthCm: PALLET_WIDTH_CM,
    positionEquivalents: 1,
    onPosition: true,
    hazards: dedupe(hazards),
    sensitive: rec.items.some((i) => cargo.get(i.cargo)?.sensitive === true),
  };
}

/** The flown distance of a plan's leg, km (0 when the scenario lists no such air leg). */
export function planLegDistance(rs: ResolvedScenario, leg: Pick<Leg, "from" | "to">): number {
  const from = rs.sites.get(leg.from as SiteId);
  const to = rs.sites.get(leg.to as SiteId);
  const air = findAirLeg(rs.scenario, leg.from, leg.to);
  return air && from && to ? legDistance(air, from, to) : 0;
}

/** A leg's recorded load plan read back as a placement, with what it needs to be checked again. */
export interface LegLoad {
  readonly placement: Placement;
  readonly passengers: number;
  readonly legDistance: number;
}

/**
 * Reads a leg's `loadPlan` back into a placement (units from the plan's pallets and the scenario's
 * cargo lines), to check it again or draw it; `undefined` when the leg has none or names unknown things.
 */
export function legLoadOf(rs: ResolvedScenario, plan: Plan, leg: Leg, type: AircraftType): LegLoad | undefined {
  const lp = leg.loadPlan;
  if (!lp || !type.loadModel) return undefined;
  const pallets = new Map(plan.pallets.map((p) => [p.id, p]));
  const cargo = new Map(rs.scenario.cargo.map((c) => [c.id as string, c]));
  let n = 0;
  const positions: Placement["positions"][number][] = [];
  for (const p of lp.positions) {
    if (p.pallet !== undefined) {
      const rec = pallets.get(p.pallet);
      if (!rec) return undefined;
      positions.push({ position: p.position, unit: palletUnitOf(rec, cargo, `u${n++}`) });
    } else {
      const c = p.item === undefined ? undefined : cargo.get(p.item);
      if (!c) return undefined;
      positions.push({ position: p.position, unit: looseUnitOf(c, `u${n++}`) });
    }
  }
  const floor: Placement["floor"][number][] = [];
  for (const f of lp.floor) {
    const c = cargo.get(f.item);
    if (!c) return undefined;
    floor.push({ unit: looseUnitOf(c, `u${n++}`), fromCm: f.fromCm, toCm: f.toCm });
  }
  const passengers = (leg.load?.passengers ?? []).reduce((s, p) => s + p.count, 0);
  return { placement: { positions, floor, seatSequence: lp.seats.map((z) => z.zone) }, passengers, legDistance: planLegDistance(rs, leg) };
}

function dedupe(hs: readonly Hazard[]): Hazard[] {
  const seen = new Set<string>();
  return hs.filter((h) => {
    const k = JSON.stringify(h);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
