import type { AircraftType } from "./aircraft-type.ts";
import { greatCircleKm } from "./geo.ts";
import type { Scenario } from "./scenario.ts";
import type { AirLeg } from "./route.ts";
import type { Site } from "./site.ts";
import { type Km, type Minutes, minutes } from "./units.ts";

/** The scenario's air leg between two sites, in either direction; `undefined` when none is listed. */
export function findAirLeg(scenario: Scenario, from: string, to: string): AirLeg | undefined {
  return scenario.airLegs.find((l) => (l.from === from && l.to === to) || (l.from === to && l.to === from));
}

/** Flown distance of a leg: as stated, or the great circle between the sites. */
export function legDistance(leg: AirLeg, a: Site, b: Site): Km {
  return leg.distance ?? greatCircleKm(a.location, b.location);
}

/** Block time, brakes off to brakes on: distance at block speed plus the taxi allowance, whole minutes up. */
export function blockMinutes(type: AircraftType, distance: Km): Minutes {
  return minutes(Math.ceil((distance / type.blockSpeed) * 60 + (type.taxiAllowance ?? 0)));
}
