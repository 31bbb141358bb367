import type { CargoFlightProblem, PieceOrientation } from "#domain/cargo-flight.ts";
import type { BuiltUld, UldLoadPlan } from "#domain/uld-load-plan.ts";
import type { AclppData } from "./read-aclpp.ts";

/** The reference solution of a flight as a Drawdown load plan, and what had to be read into it. */
export interface ReferenceLoad {
  readonly plan: UldLoadPlan;
  /** Reference ULDs whose type the master data does not define (`pmc_md11f_md_cad`), mapped to the base type. */
  readonly undefinedTypes: ReadonlyMap<string, number>;
  /** The extra fuel cost each leg states, for a cross-check of the measure. */
  readonly statedFuelCost: readonly number[];
}

const ORIENTATIONS: readonly PieceOrientation[] = ["lwh", "wlh", "lhw", "hlw", "whl", "hwl"];

/** The orientation whose extents are (l, w, h) for a piece of these dimensions, allowed ones first. */
function orientationOf(dims: { length: number; width: number; height: number }, allowed: readonly PieceOrientation[], l: number, w: number, h: number): PieceOrientation {
  const of: Record<string, number> = { l: dims.length, w: dims.width, h: dims.height };
  const matches = (o: PieceOrientation) => [l, w, h].every((v, i) => Math.abs((of[o[i] ?? "l"] ?? Number.NaN) - v) < 1e-6);
  return allowed.find(matches) ?? ORIENTATIONS.find(matches) ?? "lwh";
}

/**
 * The authors' solution of a flight (the [S] attributes) as a `UldLoadPlan`, so that the same
 * verifier and the same measures judge it and Drawdown's plan. Used by the benchmark only; the
 * solver never sees it. ULD ids are `<segment>/<label>`. A ULD type the master data lacks but whose
 * name extends a defined one (`pge_md11f_md_cad`) is read as that one and counted.
 */
export function referenceLoad(data: AclppData, problem: CargoFlightProblem): ReferenceLoad {
  const flight = data.flights.get(problem.flight.id);
  const pieces = new Map(problem.flight.segments.flatMap((s) => s.pieces.map((p) => [p.id, p] as const)));
  const defined = new Set(problem.aircraft.uldTypes.map((t) => t.id));
  const undefinedTypes = new Map<string, number>();
  const ulds: BuiltUld[] = [];
  for (const seg of problem.flight.segments) {
    const built = data.segments.get(seg.id)?.solution.built_ulds ?? {};
    for (const [label, u] of Object.entries(built)) {
      let type = u.uld_type;
      if (!defined.has(type)) {
        undefinedTypes.set(type, (undefinedTypes.get(type) ?? 0) + 1);
        type = [...defined].filter((d) => type.startsWith(d)).sort((a, b) => b.length - a.length)[0] ?? type;
      }
      ulds.push({
        id: `${seg.id}/${label}`,
        type,
        segment: seg.id,
        grossKg: u.total_weight,
        pieces: u.loaded.map((it) => {
          const p = pieces.get(it.piece);
          const orientation = p ? orientationOf(p, p.orientations, it.lng, it.lat, it.height) : "lwh";
          return { piece: it.piece, x: it.start_lng, y: it.start_lat, z: it.start_height, l: it.lng, w: it.lat, h: it.height, orientation };
        }),
      });
    }
  }
  const legs = (flight?.solution ?? []).map((l) => ({
    leg: l.id,
    positions: Object.entries(l.loaded_ulds ?? {}).map(([position, ref]) => ({ position, uld: `${ref.segment}/${ref.uld}` })),
  }));
  return {
    plan: { flight: problem.flight.id, ulds, legs },
    undefinedTypes,
    statedFuelCost: (flight?.solution ?? []).map((l) => l.extra_fuel_cost ?? Number.NaN),
  };
}
