import type { SiteId } from "#domain/ids.ts";
import type { RoadRoute } from "#domain/route.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import type { Site } from "#domain/site.ts";
import type { LiftUnit } from "./lift-unit.ts";

/**
 * Cargo sent by road from one host airfield to another before it flies out (Agadez → Niamey): worth
 * it when the first airfield holds the withdrawal back (opening hours, few spots, a long onload, a
 * short runway) and the road and the second airfield have room.
 */
export interface RoadMove {
  readonly route: RoadRoute;
  readonly from: SiteId;
  readonly to: SiteId;
  /** Pallet positions of cargo to move, lowest priority first (sensitive pieces always fly). */
  readonly positions: number;
}

/** Shares of an airfield's movable cargo the planner tries to send by road. */
const SHARES = [0.5, 1] as const;

/**
 * The road moves worth trying, best guess first: for each road route between two host airfields, from
 * the more restricted one (opening hours, fewer heavy spots) to the other, half of the cargo a convoy
 * may take or all of it.
 */
export function roadMoveCandidates(rs: ResolvedScenario, lift: ReadonlyMap<SiteId, readonly LiftUnit[]>): RoadMove[] {
  const out: RoadMove[] = [];
  const airfield = (id: string) => {
    const s = rs.sites.get(id as SiteId);
    return s?.inHostCountry === true && !!s.icao;
  };
  for (const route of rs.scenario.roadRoutes) {
    if (!airfield(route.from) || !airfield(route.to) || route.trucks === 0 || route.convoysPerDay === 0) continue;
    for (const [from, to] of [
      [route.from, route.to],
      [route.to, route.from],
    ] as const) {
      if (!moreRestricted(rs.sites.get(from as SiteId), rs.sites.get(to as SiteId))) continue;
      const movable = (lift.get(from) ?? []).filter((u) => !u.sensitive).reduce((n, u) => n + u.positions, 0);
      if (movable === 0) continue;
      for (const share of SHARES) out.push({ route, from, to, positions: Math.ceil(movable * share) });
    }
  }
  return out;
}

/** Whether airfield a holds sorties back more than b: shorter opening hours, else fewer heavy spots. */
function moreRestricted(a: Site | undefined, b: Site | undefined): boolean {
  if (!a || !b) return false;
  const open = (s: Site) => (s.operatingHours ? (s.operatingHours.close - s.operatingHours.open + 1440) % 1440 : 1440);
  if (open(a) !== open(b)) return open(a) < open(b);
  const heavy = (s: Site) => (s.parking ? (s.parking.heavy ?? 0) : Number.POSITIVE_INFINITY);
  return heavy(a) < heavy(b);
}
