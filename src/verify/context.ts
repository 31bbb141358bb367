import type { AircraftType } from "#domain/aircraft-type.ts";
import type { CargoItem } from "#domain/cargo.ts";
import type { ClearanceRule } from "#domain/clearance-rule.ts";
import type { CommercialService, FleetEntry } from "#domain/fleet.ts";
import type { PersonnelGroup } from "#domain/personnel.ts";
import type { Load, Pallet, Plan } from "#domain/plan.ts";
import type { RoadRoute } from "#domain/route.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import type { Site } from "#domain/site.ts";
import { type Instant, parseInstant } from "#domain/time.ts";

/**
 * Where people carried by a commercial movement end up: the service flies them out of the country,
 * and the scenario names no destination. Site ids cannot contain parentheses, so this never clashes.
 */
export const ABROAD = "(abroad)";

/** A loose cargo line on a load: cargo id and quantity. */
export type ItemLoad = Load["items"][number];
/** People of one group on a load. */
export type PassengerLoad = Load["passengers"][number];

/**
 * One departure and arrival of anything that carries load: a sortie's leg, a convoy or a commercial
 * movement, in one shape so that conservation, closure and escort rules treat all three alike.
 */
export interface Movement {
  /** The plan's id of the sortie, convoy or commercial movement. */
  readonly id: string;
  readonly kind: "leg" | "convoy" | "commercial";
  /** For people: `S3 leg 2 MAIN→HOME`, `C1 OUTPOST→MAIN`, `P2 from MAIN`. */
  readonly label: string;
  /** Index of the leg in its sortie (0-based); 0 for convoys and commercial movements. */
  readonly legIndex: number;
  readonly from: string;
  /** A site id, or `ABROAD` for a commercial movement. */
  readonly to: string;
  readonly departAt: Instant;
  readonly arriveAt: Instant;
  readonly pallets: readonly string[];
  readonly items: readonly ItemLoad[];
  readonly passengers: readonly PassengerLoad[];
}

/** The scenario and a schema-valid plan, indexed once for every rule. Unknown ids simply miss in the maps. */
export interface VerifyContext {
  readonly scenario: ResolvedScenario;
  readonly plan: Plan;
  readonly sites: ReadonlyMap<string, Site>;
  readonly cargo: ReadonlyMap<string, CargoItem>;
  readonly groups: ReadonlyMap<string, PersonnelGroup>;
  readonly fleet: ReadonlyMap<string, FleetEntry>;
  readonly types: ReadonlyMap<string, AircraftType>;
  readonly routes: ReadonlyMap<string, RoadRoute>;
  readonly services: ReadonlyMap<string, CommercialService>;
  readonly clearanceRules: ReadonlyMap<string, ClearanceRule>;
  /** The plan's pallets by id (the first one when an id is repeated). */
  readonly pallets: ReadonlyMap<string, Pallet>;
  /** Every leg, convoy and commercial movement, in plan order (sorties, convoys, commercial). */
  readonly movements: readonly Movement[];
  /** An instant of the plan as minutes; the schema step guarantees it parses. */
  at(iso: string): Instant;
  /** Whether the id is a site of the host country (an unknown id is not). */
  inHost(siteId: string): boolean;
  /** Whether things at this location have left the host country (a non-host site, or abroad). */
  outside(location: string): boolean;
}

/** Map by id keeping the first of a repeated id (duplicates are reported by the schema step). */
function byId<T extends { readonly id: string }>(list: readonly T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const x of list) if (!m.has(x.id)) m.set(x.id, x);
  return m;
}

/**
 * Indexes a scenario and a plan for the rules.
 * @example const ctx = buildContext(resolved, planSchema.parse(json));
 */
export function buildContext(scenario: ResolvedScenario, plan: Plan): VerifyContext {
  const s = scenario.scenario;
  const sites = new Map<string, Site>(s.sites.map((x) => [x.id, x]));
  const cache = new Map<string, Instant>();
  const at = (iso: string): Instant => {
    const hit = cache.get(iso);
    if (hit !== undefined) return hit;
    const t = parseInstant(iso);
    if (t === undefined) throw new Error(`bug: instant "${iso}" passed the schema step but does not parse`);
    cache.set(iso, t);
    return t;
  };
  const rules = new Map<string, ClearanceRule>();
  for (const r of s.clearanceRules) if (!rules.has(r.country)) rules.set(r.country, r);

  const movements: Movement[] = [];
  for (const sortie of plan.sorties) {
    sortie.legs.forEach((leg, i) => {
      movements.push({
        id: sortie.id,
        kind: "leg",
        label: `${sortie.id} leg ${i + 1} ${leg.from}→${leg.to}`,
        legIndex: i,
        from: leg.from,
        to: leg.to,
        departAt: at(leg.departAt),
        arriveAt: at(leg.arriveAt),
        pallets: leg.load?.pallets ?? [],
        items: leg.load?.items ?? [],
        passengers: leg.load?.passengers ?? [],
      });
    });
  }
  for (const c of plan.convoys) {
    movements.push({
      id: c.id,
      kind: "convoy",
      label: `${c.id} ${c.from}→${c.to}`,
      legIndex: 0,
      from: c.from,
      to: c.to,
      departAt: at(c.departAt),
      arriveAt: at(c.arriveAt),
      pallets: c.load.pallets,
      items: c.load.items,
      passengers: c.load.passengers,
    });
  }
  for (const p of plan.commercial) {
    const t = at(p.departAt);
    movements.push({
      id: p.id,
      kind: "commercial",
      label: `${p.id} from ${p.airport}`,
      legIndex: 0,
      from: p.airport,
      to: ABROAD,
      departAt: t,
      arriveAt: t,
      pallets: [],
      items: [],
      passengers: p.passengers,
    });
  }

  return {
    scenario,
    plan,
    sites,
    cargo: byId(s.cargo),
    groups: byId(s.personnel),
    fleet: byId(s.fleet),
    types: new Map<string, AircraftType>(scenario.types),
    routes: byId(s.roadRoutes),
    services: byId(s.commercial),
    clearanceRules: rules,
    pallets: byId(plan.pallets),
    movements,
    at,
    inHost: (id) => sites.get(id)?.inHostCountry === true,
    outside: (loc) => loc === ABROAD || sites.get(loc)?.inHostCountry === false,
  };
}

/** Whether a movement carries anything (cargo or people): what counts for closure and ground time. */
export function isLoaded(m: Pick<Movement, "pallets" | "items" | "passengers">): boolean {
  return m.pallets.length > 0 || m.items.length > 0 || m.passengers.length > 0;
}

/** Whether a movement carries cargo (pallets or loose pieces). */
export function carriesCargo(m: Pick<Movement, "pallets" | "items">): boolean {
  return m.pallets.length > 0 || m.items.length > 0;
}
