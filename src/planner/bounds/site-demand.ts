import type { AircraftType } from "#domain/aircraft-type.ts";
import type { CargoItem } from "#domain/cargo.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import type { Site } from "#domain/site.ts";
import { positionEquivalents } from "#domain/standard-weights.ts";
import { positionsLowerBound } from "../bounds.ts";
import { unitFitsType } from "../fits.ts";
import { fitsPallet } from "../palletise.ts";

/** People of one kind at a site, free to leave from `release` on. */
export interface PeopleRelease {
  readonly count: number;
  readonly release: number;
  /** May take some commercial service's seats (their category is eligible for one). */
  readonly commercial: boolean;
}

/** What must leave one host-country site. */
export interface SiteDemand {
  readonly site: Site;
  /** Cargo weight, tonnes (pallet tare left out: pieces may travel loose). */
  readonly tonnes: number;
  /** Pallet positions no loading can do with less. */
  readonly positions: number;
  readonly people: readonly PeopleRelease[];
}

/**
 * What every complete plan must move out of each host site: cargo to withdraw (weight and the position
 * lower bound of the pallet bounds) and people with their earliest departure. Pieces no aircraft type of
 * the fleet can carry are left out — the planner reports them as unplanned — and so is anything at a site
 * with neither an airfield nor a road: leaving demand out only weakens the bound, it never makes it wrong.
 */
export function siteDemands(rs: ResolvedScenario, types: readonly AircraftType[]): { sites: SiteDemand[]; notes: string[] } {
  const s = rs.scenario;
  const notes: string[] = [];
  const military = types.filter((t) => t.role !== "passenger_charter" && t.palletPositions > 0);
  const eligible = new Set(
    s.commercial.filter((c) => rs.sites.get(c.airport)?.inHostCountry).flatMap((c) => c.eligible as string[]),
  );
  const reachable = (site: Site) => !!site.icao || s.roadRoutes.some((r) => r.from === site.id || r.to === site.id);
  const out: SiteDemand[] = [];
  let left = 0;
  for (const site of s.sites) {
    if (!site.inHostCountry) continue;
    const cargo = s.cargo.filter((c) => c.site === site.id && c.disposition === "withdraw" && c.quantity > 0);
    const kept = cargo.filter((c) => carriable(c, military));
    left += cargo.length - kept.length;
    const people = s.personnel
      .filter((g) => g.site === site.id && g.count > 0)
      .map((g) => ({ count: g.count, release: Math.max(rs.start, g.earliestDeparture ?? rs.start), commercial: eligible.has(g.category) }));
    const d: SiteDemand = {
      site,
      tonnes: kept.reduce((n, c) => n + (c.quantity * c.unitWeight) / 1000, 0),
      positions: kept.length > 0 ? positionsLowerBound(kept) : 0,
      people,
    };
    if (d.tonnes === 0 && d.positions === 0 && people.length === 0) continue;
    if (!reachable(site)) {
      notes.push(`${site.id} has no airfield and no road: its demand is left out`);
      continue;
    }
    out.push(d);
  }
  if (left > 0) notes.push(`${left} cargo line(s) fit no aircraft type of the fleet and are left out`);
  return { sites: out, notes };
}

/** Whether some military type of the fleet could carry a piece of this line (boxes ride on pallets). */
function carriable(c: CargoItem, military: readonly AircraftType[]): boolean {
  if (fitsPallet(c)) return military.length > 0;
  const piece = {
    kind: "loose" as const,
    cargo: c,
    site: c.site,
    weightKg: c.unitWeight,
    positions: positionEquivalents(c.dimensions),
    priority: c.priority,
    sensitive: c.sensitive,
  };
  return military.some((t) => unitFitsType(piece, t));
}
