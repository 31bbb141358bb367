import type { AircraftType } from "#domain/aircraft-type.ts";
import type { AircraftTypeId } from "#domain/ids.ts";
import type { Leg, Plan } from "#domain/plan.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { looseUnitOf, palletUnitOf, planLegDistance } from "./from-plan.ts";
import type { LoadUnit } from "./load-unit.ts";
import { type LoadsBound, loadsLowerBound } from "./lower-bound.ts";

/** The loads of one aircraft type boarding at one site, against the bound for just those. */
export interface LoadGroup {
  readonly type: string;
  readonly origin: string;
  readonly loads: number;
  readonly bound: LoadsBound;
}

/**
 * How many aircraft loads a plan uses against two lower bounds:
 * - `anyTypes`: no plan whatever moves the same cargo and passengers in fewer loads, flying any
 *   type of the fleet (every load may be the largest type, from the shortest leg): the bound of
 *   the issue, and the one to beat with a single type;
 * - `givenTypes`: no plan that sends each piece and passenger from the same site on the same type
 *   as this one, each load boarding at one site (as every load of this planner), needs fewer loads:
 *   the sum of the bounds of each (type, site) group. It judges how well each load is packed once
 *   the schedule has chosen the aircraft, which is what the load planner controls; with a mixed
 *   fleet `anyTypes` also counts the choice of smaller aircraft (a C-130J-30 carries 8 positions,
 *   a C-17A 18) against the loads.
 */
export interface LoadQuality {
  /** Loaded legs of sorties (cargo or passengers). */
  readonly loads: number;
  readonly loadsByType: Readonly<Record<string, number>>;
  readonly anyTypes: LoadsBound;
  readonly givenTypes: { readonly bound: number; readonly groups: readonly LoadGroup[] };
}

interface LegLoad {
  readonly type: AircraftType;
  readonly origin: string;
  readonly units: LoadUnit[];
  readonly passengers: number;
  readonly distance: number;
}

/** The units and passengers of a loaded leg (ids the plan or scenario does not know are left out). */
function legLoad(rs: ResolvedScenario, plan: Plan, leg: Leg, type: AircraftType, key: () => string): LegLoad {
  const pallets = new Map(plan.pallets.map((p) => [p.id, p]));
  const cargo = new Map(rs.scenario.cargo.map((c) => [c.id as string, c]));
  const units: LoadUnit[] = [];
  for (const id of leg.load?.pallets ?? []) {
    const rec = pallets.get(id);
    if (rec) units.push(palletUnitOf(rec, cargo, key()));
  }
  for (const it of leg.load?.items ?? []) {
    const c = cargo.get(it.cargo);
    if (c) for (let i = 0; i < it.quantity; i++) units.push(looseUnitOf(c, key()));
  }
  const passengers = (leg.load?.passengers ?? []).reduce((n, p) => n + p.count, 0);
  return { type, origin: leg.from, units, passengers, distance: planLegDistance(rs, leg) };
}

const isLoaded = (leg: Leg) => (leg.load?.pallets.length ?? 0) + (leg.load?.items.length ?? 0) + (leg.load?.passengers.length ?? 0) > 0;

/**
 * Measures a plan's aircraft loads against the load bounds (see {@link LoadQuality}).
 * @example const q = loadQuality(rs, plan); q.loads / q.givenTypes.bound // 1.04 on Niger
 */
export function loadQuality(rs: ResolvedScenario, plan: Plan): LoadQuality {
  let n = 0;
  const key = () => `q${n++}`;
  const loads: LegLoad[] = [];
  for (const s of plan.sorties) {
    const type = rs.types.get(s.type as AircraftTypeId);
    if (!type) continue;
    for (const leg of s.legs) if (isLoaded(leg)) loads.push(legLoad(rs, plan, leg, type, key));
  }
  const loadsByType: Record<string, number> = {};
  for (const l of loads) loadsByType[l.type.id] = (loadsByType[l.type.id] ?? 0) + 1;

  const fleetTypes = [...new Set(rs.scenario.fleet.filter((f) => f.count > 0).map((f) => f.type))].flatMap((t) => rs.types.get(t) ?? []);
  const shortest = loads.length > 0 ? Math.min(...loads.map((l) => l.distance)) : 0;
  const anyTypes = loadsLowerBound(
    loads.flatMap((l) => l.units),
    fleetTypes,
    { passengers: loads.reduce((s, l) => s + l.passengers, 0), legDistance: shortest },
  );

  const byGroup = new Map<string, LegLoad[]>();
  for (const l of loads) {
    const k = `${l.type.id}\u0000${l.origin}`;
    const g = byGroup.get(k);
    if (g) g.push(l);
    else byGroup.set(k, [l]);
  }
  const groups: LoadGroup[] = [];
  for (const g of byGroup.values()) {
    const first = g[0];
    if (!first) continue;
    const bound = loadsLowerBound(
      g.flatMap((l) => l.units),
      [first.type],
      { passengers: g.reduce((s, l) => s + l.passengers, 0), legDistance: Math.min(...g.map((l) => l.distance)) },
    );
    groups.push({ type: first.type.id, origin: first.origin, loads: g.length, bound });
  }
  groups.sort((a, b) => a.type.localeCompare(b.type) || a.origin.localeCompare(b.origin));
  return { loads: loads.length, loadsByType, anyTypes, givenTypes: { bound: groups.reduce((s, g) => s + g.bound.bound, 0), groups } };
}
