import { findAirLeg, legDistance } from "#domain/air-leg.ts";
import { greatCircleKm } from "#domain/geo.ts";
import type { Leg } from "#domain/plan.ts";
import type { AirLeg } from "#domain/route.ts";
import type { Km } from "#domain/units.ts";
import type { VerifyContext } from "./context.ts";

/**
 * The scenario's air leg for a plan leg and its flown distance. When the leg is not listed
 * (`leg.route` reports it) the distance is still the great circle, so block time and range are checked.
 */
export function legGeometry(
  ctx: VerifyContext,
  leg: Pick<Leg, "from" | "to">,
): { airLeg: AirLeg | undefined; distance: Km | undefined } {
  const a = ctx.sites.get(leg.from);
  const b = ctx.sites.get(leg.to);
  const airLeg = findAirLeg(ctx.scenario.scenario, leg.from, leg.to);
  if (!a || !b) return { airLeg, distance: undefined };
  return { airLeg, distance: airLeg ? legDistance(airLeg, a, b) : greatCircleKm(a.location, b.location) };
}

/** The countries a leg crosses: the scenario's list for a listed leg (the data decides), else the plan's. */
export function legOverflies(
  ctx: VerifyContext,
  leg: Pick<Leg, "from" | "to" | "overflies">,
): readonly string[] {
  return findAirLeg(ctx.scenario.scenario, leg.from, leg.to)?.overflies ?? leg.overflies;
}
