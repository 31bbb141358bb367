import { blockMinutes } from "#domain/air-leg.ts";
import { AIRCRAFT_LIBRARY } from "#domain/aircraft-library.ts";
import type { AircraftType } from "#domain/aircraft-type.ts";
import { allowableLoad } from "#domain/payload-range.ts";
import {
  PALLET_DECK_CM,
  PALLET_MAX_HEIGHT_CM,
  PALLET_USABLE_LENGTH_CM,
  PALLET_USABLE_WIDTH_CM,
  positionEquivalents,
} from "#domain/standard-weights.ts";
import { km } from "#domain/units.ts";

/*
 * A deliberately pessimistic model of the airlift a generated scenario needs, used to size the
 * fleet and the deadline so that the scenario is feasible with room to spare. Every figure here
 * errs towards more sorties and fewer sorties a day than a real plan would achieve.
 */

/** Planning load of a C-17 sortie, well below its allowable load on these legs (~72 t at 4,500 km). */
export const C17_SORTIE_KG = 40_000;
/** Share of pallet positions a sortie really fills: loose pieces leave gaps between them. */
const POSITION_USE = 0.85;
/** Passengers per C-17-equivalent sortie, counted as if people never rode with cargo. */
const PEOPLE_PER_SORTIE = 60;
/** Ceiling on sorties per aircraft per day, whatever the cycle time. */
const MAX_SORTIES_PER_DAY = 1.5;
/** Share of a parking spot's day that loading aircraft really use (arrival gaps, hours, queues). */
const SPOT_USE = 0.5;
/** Volume share of a pallet counted usable (the planner allows 80 %: 0.5 leaves room for awkward boxes). */
const PALLET_VOLUME_USE = 0.5;
/** Net kg counted per pallet (the rated net is about 4,375 kg). */
const PALLET_NET_KG = 3_500;

const PALLET_VOLUME_CM3 =
  PALLET_USABLE_LENGTH_CM * PALLET_USABLE_WIDTH_CM * (PALLET_MAX_HEIGHT_CM - PALLET_DECK_CM);

function libraryType(id: string): AircraftType {
  const t = AIRCRAFT_LIBRARY.find((x) => x.id === id);
  if (!t) throw new Error(`bug: aircraft type ${id} missing from the built-in library`);
  return t;
}

/** The two built-in military types the generator flies. */
export const C17 = libraryType("C-17A");
export const C130 = libraryType("C-130J-30");

/** Dimensions of one piece, cm. */
export interface Dims {
  readonly length: number;
  readonly width: number;
  readonly height: number;
}

/** Whether a loose piece fits the type's cargo floor in some floor orientation. */
export function fitsFloor(type: AircraftType, d: Dims): boolean {
  const f = type.cargoFloor;
  if (!f) return false;
  const lengthWise = d.length <= f.length && d.width <= f.width;
  const crossWise = d.width <= f.length && d.length <= f.width;
  return d.height <= f.height && (lengthWise || crossWise);
}

/** What one site must move: kg and positions of cargo to withdraw, the part only a C-17 can take, people. */
export interface SiteLoad {
  readonly kg: number;
  readonly positions: number;
  readonly c17OnlyKg: number;
  readonly c17OnlyPositions: number;
  readonly people: number;
}

/** Accumulates a site's load line by line, in one pass over the cargo lines (no per-piece loops). */
export class LoadTally {
  private looseKg = 0;
  private loosePositions = 0;
  private c17Kg = 0;
  private c17Positions = 0;
  private boxKg = 0;
  private boxVolume = 0;
  private readonly palletGroups = new Set<string>();
  people = 0;

  /** @param c130Payload the C-130's allowable load on the longest leg: heavier pieces need a C-17. */
  constructor(private readonly c130Payload: number) {}

  /** Boxes: palletised with others of the same priority, sensitivity and hazard class (`group`). */
  addBoxes(quantity: number, d: Dims, kg: number, group: string): void {
    this.boxKg += quantity * kg;
    this.boxVolume += quantity * d.length * d.width * d.height;
    this.palletGroups.add(group);
  }

  /** Pieces that travel on their own floor space: vehicles, containers, outsize, pre-built pallets. */
  addLoose(quantity: number, d: Dims, kg: number, prebuiltPallet: boolean): void {
    const positions = prebuiltPallet ? 1 : positionEquivalents(d);
    this.looseKg += quantity * kg;
    this.loosePositions += quantity * positions;
    if (!fitsFloor(C130, d) || positions > C130.palletPositions || kg > this.c130Payload) {
      this.c17Kg += quantity * kg;
      this.c17Positions += quantity * positions;
    }
  }

  /** The site's load; boxes count as pallets by volume and weight together, plus a part-filled one per group. */
  result(): SiteLoad {
    const pallets =
      this.boxKg > 0
        ? Math.ceil(this.boxVolume / (PALLET_VOLUME_CM3 * PALLET_VOLUME_USE)) +
          Math.ceil(this.boxKg / PALLET_NET_KG) +
          this.palletGroups.size
        : 0;
    return {
      kg: this.looseKg + this.boxKg,
      positions: this.loosePositions + pallets,
      c17OnlyKg: this.c17Kg,
      c17OnlyPositions: this.c17Positions,
      people: this.people,
    };
  }
}

/** Adds loads, e.g. a road site's onto the airfield its convoys feed. */
export function addLoads(a: SiteLoad, b: SiteLoad): SiteLoad {
  return {
    kg: a.kg + b.kg,
    positions: a.positions + b.positions,
    c17OnlyKg: a.c17OnlyKg + b.c17OnlyKg,
    c17OnlyPositions: a.c17OnlyPositions + b.c17OnlyPositions,
    people: a.people + b.people,
  };
}

/** The fleet's capacity on the generated legs, in C-17-sortie equivalents. */
export interface AirliftModel {
  /** The longest host–destination leg, km: every figure assumes it. */
  readonly legKm: number;
  /** Sorties a day one C-17 (or one C-130) flies: its round-trip cycle, capped at 1.5. */
  readonly c17PerDay: number;
  readonly c130PerDay: number;
  /** What a C-130 sortie is worth in C-17 sorties: the lesser of its weight and position ratios. */
  readonly c130Worth: number;
  /** The C-130's allowable load on the longest leg, kg. */
  readonly c130PayloadKg: number;
  /** Minutes on the ground to load, per type (onload, or a servicing stop if longer). */
  readonly c17GroundMin: number;
  readonly c130GroundMin: number;
}

function perDay(type: AircraftType, legKm: number): number {
  const g = type.groundTime;
  const cycle =
    2 * blockMinutes(type, km(legKm)) +
    Math.max(g.onload ?? 0, g.refuel ?? 0) +
    Math.max(g.offload ?? 0, g.refuel ?? 0);
  return Math.min(MAX_SORTIES_PER_DAY, 1440 / cycle);
}

/** The airlift model for legs no longer than `legKm`. */
export function airliftModel(legKm: number): AirliftModel {
  const c17Payload = allowableLoad(C17, km(legKm));
  const c130Payload = allowableLoad(C130, km(legKm));
  if (c17Payload === undefined || c130Payload === undefined)
    throw new Error(`bug: ${legKm} km is beyond the fleet's range`);
  const sortieKg = Math.min(C17_SORTIE_KG, c17Payload);
  const ground = (t: AircraftType) => Math.max(t.groundTime.onload ?? 0, t.groundTime.refuel ?? 0);
  return {
    legKm,
    c17PerDay: perDay(C17, legKm),
    c130PerDay: perDay(C130, legKm),
    c130Worth: Math.min(
      Math.min(c130Payload, sortieKg) / sortieKg,
      C130.palletPositions / C17.palletPositions,
    ),
    c130PayloadKg: c130Payload,
    c17GroundMin: ground(C17),
    c130GroundMin: ground(C130),
  };
}

/** C-17 sorties a site's load takes: cargo by the tighter of weight and positions, plus people apart. */
export function sortiesFor(load: SiteLoad): { all: number; c17Only: number } {
  const positionsPerSortie = C17.palletPositions * POSITION_USE;
  const cargo = Math.ceil(Math.max(load.kg / C17_SORTIE_KG, load.positions / positionsPerSortie));
  const c17Only = Math.ceil(
    Math.max(load.c17OnlyKg / C17_SORTIE_KG, load.c17OnlyPositions / positionsPerSortie),
  );
  return { all: cargo + Math.ceil(load.people / PEOPLE_PER_SORTIE), c17Only };
}

/** An airfield as the estimate sees it: what it must move (its own and its road sites') and its apron. */
export interface AirfieldLoad {
  readonly load: SiteLoad;
  readonly heavySpots: number;
  readonly mediumSpots: number;
  /** Minutes a day the field is open. */
  readonly openMinutes: number;
}

/** Aircraft of each generated type. */
export interface FleetSize {
  readonly c17: number;
  readonly c130: number;
}

/**
 * Days of flying the workload needs before any slack: the most of the whole fleet's days, the
 * C-17s' days on what only they can carry, and each airfield's days through its parking spots.
 */
export function flyingDays(
  model: AirliftModel,
  airfields: readonly AirfieldLoad[],
  fleet: FleetSize,
): number {
  let all = 0;
  let c17Only = 0;
  let siteDays = 0;
  for (const a of airfields) {
    const s = sortiesFor(a.load);
    all += s.all;
    c17Only += s.c17Only;
    if (s.all === 0) continue;
    const heavyTurns = (a.heavySpots * a.openMinutes) / model.c17GroundMin;
    const mediumTurns =
      fleet.c130 > 0 ? ((a.mediumSpots * a.openMinutes) / model.c130GroundMin) * model.c130Worth : 0;
    siteDays = Math.max(siteDays, s.all / (SPOT_USE * (heavyTurns + mediumTurns)));
  }
  const daily = fleet.c17 * model.c17PerDay + fleet.c130 * model.c130PerDay * model.c130Worth;
  if (all === 0) return 0;
  if (fleet.c17 === 0 && c17Only > 0) return Number.POSITIVE_INFINITY;
  return Math.max(all / daily, fleet.c17 > 0 ? c17Only / (fleet.c17 * model.c17PerDay) : 0, siteDays);
}

/** Average C-17-sortie equivalents a day one aircraft of a fleet with this C-17 share flies. */
export function dailyWorthPerAircraft(model: AirliftModel, c17Share: number): number {
  return c17Share * model.c17PerDay + (1 - c17Share) * model.c130PerDay * model.c130Worth;
}

/** Total C-17 sorties of a set of airfield loads. */
export function totalSorties(airfields: readonly AirfieldLoad[]): number {
  return airfields.reduce((n, a) => n + sortiesFor(a.load).all, 0);
}
