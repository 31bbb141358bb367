import type { AircraftType } from "#domain/aircraft-type.ts";
import { compatible } from "#domain/hazard-compatibility.ts";
import { allowableLoad } from "#domain/payload-range.ts";
import { PALLET_MAX_GROSS_KG, PALLET_MAX_HEIGHT_CM, PASSENGER_KG } from "#domain/standard-weights.ts";
import { km } from "#domain/units.ts";
import type { LoadUnit } from "./load-unit.ts";
import { planAircraftLoad } from "./plan-aircraft-load.ts";

/** A lower bound on the number of aircraft loads, with the argument behind each term. */
export interface LoadsBound {
  readonly bound: number;
  readonly terms: {
    /** ⌈load weight / the largest allowable load⌉. */
    readonly weight: number;
    /** ⌈positions needed / the most positions of a type⌉. */
    readonly positions: number;
    /** ⌈passengers / the most seats of a type⌉. */
    readonly seats: number;
    /** Units that fit only one type, bounded per type and summed (those loads cannot be shared across types). */
    readonly onlyOneType: number;
    /** Units heavier than half the largest allowable load (or longer than half the positions): no two share a load. */
    readonly exclusive: number;
    /** The most units whose hazards are pairwise incompatible: each needs its own aircraft. */
    readonly incompatibilities: number;
  };
  /** Units no type can carry: not counted. */
  readonly unplaceable: readonly string[];
}

export interface LoadsBoundOptions {
  readonly passengers?: number;
  /** Shortest leg the loads could fly, km (0: the maximum payload). */
  readonly legDistance?: number;
}

/**
 * No plan moves these units (and passengers) in fewer aircraft loads than this:
 * max(weight / allowable, positions / positions per aircraft, seats, loads of units that fit only
 * one type, units that cannot share, pairwise incompatible hazards).
 * @example loadsLowerBound(units, [c17, c130], { passengers: 120, legDistance: 4000 }).bound
 */
export function loadsLowerBound(units: readonly LoadUnit[], types: readonly AircraftType[], options: LoadsBoundOptions = {}): LoadsBound {
  const passengers = options.passengers ?? 0;
  const distance = options.legDistance ?? 0;
  const allowable = (t: AircraftType) => allowableLoad(t, km(distance)) ?? 0;
  const flying = types.filter((t) => allowableLoad(t, km(distance)) !== undefined);
  const cargoTypes = flying.filter((t) => t.role === "military_airlift" && t.palletPositions > 0);
  const fitsOn = new Map(units.map((u) => [u, cargoTypes.filter((t) => unitFits(u, t, distance))]));
  const placeable = units.filter((u) => (fitsOn.get(u) ?? []).length > 0);
  const unplaceable = units.filter((u) => (fitsOn.get(u) ?? []).length === 0).map((u) => u.ref);

  const maxAllow = Math.max(0, ...flying.map(allowable));
  const maxCargoAllow = Math.max(0, ...cargoTypes.map(allowable));
  const maxPositions = Math.max(0, ...cargoTypes.map((t) => t.palletPositions));
  const maxSeats = Math.max(0, ...flying.map((t) => t.seats.maximum));
  const cargoKg = placeable.reduce((n, u) => n + u.weightKg, 0);
  const positionsNeeded = placeable.reduce((n, u) => n + u.positionEquivalents, 0);
  const ceilDiv = (a: number, b: number) => (a <= 1e-9 ? 0 : b <= 0 ? Number.POSITIVE_INFINITY : Math.ceil(a / b - 1e-9));

  const weight = ceilDiv(cargoKg + passengers * PASSENGER_KG, maxAllow);
  const positions = ceilDiv(positionsNeeded, maxPositions);
  const seats = ceilDiv(passengers, maxSeats);
  const exclusive = Math.max(
    placeable.filter((u) => u.weightKg > maxCargoAllow / 2 + 1e-9).length,
    placeable.filter((u) => u.positionEquivalents > maxPositions / 2).length,
  );

  let onlyOneType = 0;
  for (const t of cargoTypes) {
    const only = placeable.filter((u) => {
      const on = fitsOn.get(u) ?? [];
      return on.length === 1 && on[0] === t;
    });
    if (only.length === 0) continue;
    const a = allowable(t);
    onlyOneType += Math.max(
      ceilDiv(only.reduce((n, u) => n + u.weightKg, 0), a),
      ceilDiv(only.reduce((n, u) => n + u.positionEquivalents, 0), t.palletPositions),
      only.filter((u) => u.weightKg > a / 2 + 1e-9).length,
      only.filter((u) => u.positionEquivalents > t.palletPositions / 2).length,
    );
  }

  const incompatibilities = largestIncompatibleSet(placeable);
  const terms = { weight, positions, seats, onlyOneType, exclusive, incompatibilities };
  const finite = Object.values(terms).map((v) => (Number.isFinite(v) ? v : 0));
  return { bound: Math.max(0, ...finite), terms, unplaceable };
}

/**
 * Whether a unit can ride on a type at all (weight, size; balance aside, since other cargo can
 * trim it): by the load model where the type has one, else by the position limits and cargo floor.
 */
export function unitFits(u: LoadUnit, t: AircraftType, legDistance: number): boolean {
  if (t.role !== "military_airlift" || t.palletPositions === 0) return false;
  if (t.loadModel) {
    const r = planAircraftLoad({ type: t, units: [u], passengers: 0, legDistance });
    return r.ok || r.code === "balance";
  }
  if (u.weightKg > t.maxPayload) return false;
  if (u.onPosition)
    return u.weightKg <= Math.min(PALLET_MAX_GROSS_KG, t.positionMaxWeight ?? PALLET_MAX_GROSS_KG) + 1e-6 && u.heightCm <= (t.positionMaxHeight ?? PALLET_MAX_HEIGHT_CM) + 0.01;
  const f = t.cargoFloor;
  if (!f) return false;
  const lengthWise = u.lengthCm <= f.length && u.widthCm <= f.width;
  const crossWise = u.widthCm <= f.length && u.lengthCm <= f.width;
  return u.heightCm <= f.height && (lengthWise || crossWise);
}

/** The largest set of units whose hazards pairwise may not share an aircraft (a maximum clique over hazard profiles). */
function largestIncompatibleSet(units: readonly LoadUnit[]): number {
  const profiles = new Map<string, LoadUnit["hazards"]>();
  for (const u of units) if (u.hazards.length > 0) profiles.set(JSON.stringify(u.hazards), u.hazards);
  const nodes = [...profiles.values()];
  const clash = (a: LoadUnit["hazards"], b: LoadUnit["hazards"]) => a.some((x) => b.some((y) => !compatible(x, y, "aircraft")));
  const adj = nodes.map((a) => nodes.map((b) => a !== b && clash(a, b)));
  let best = nodes.length > 0 ? 1 : 0;
  const grow = (clique: number[], candidates: number[]) => {
    if (clique.length > best) best = clique.length;
    if (clique.length + candidates.length <= best) return;
    candidates.forEach((c, i) => {
      grow(
        [...clique, c],
        candidates.slice(i + 1).filter((d) => adj[c]?.[d]),
      );
    });
  };
  grow(
    [],
    nodes.map((_, i) => i),
  );
  return best;
}
