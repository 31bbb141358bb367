import { type CargoFlightProblem, cargoFlightProblemSchema, type PieceOrientation } from "#domain/cargo-flight.ts";
import type { z } from "zod";
import { freighterOf } from "./aclpp-aircraft.ts";
import type { AclppAircraft, AclppUldType } from "./aclpp-schema.ts";
import type { AclppData, FlightProblem, SegmentProblem } from "./read-aclpp.ts";

/**
 * The problem half of what was read, and nothing else: the [S] attributes of flights and segments
 * are not in this type, so a solver given it (or what is built from it) cannot see them.
 */
export interface AclppProblemData {
  readonly aircraft: ReadonlyMap<string, AclppAircraft>;
  readonly uldTypes: ReadonlyMap<string, AclppUldType>;
  readonly separation: readonly (readonly [string, string])[];
  readonly flights: ReadonlyMap<string, FlightProblem>;
  readonly segments: ReadonlyMap<string, SegmentProblem>;
}

/** Drops the solution half. */
export function problemData(data: AclppData): AclppProblemData {
  return {
    aircraft: data.aircraft,
    uldTypes: data.uldTypes,
    separation: data.separation,
    flights: new Map([...data.flights].map(([id, f]) => [id, f.problem])),
    segments: new Map([...data.segments].map(([id, s]) => [id, s.problem])),
  };
}

/** ACLPP's rotation bits (format.md): 4 is the turn about the vertical ("tilting forbidden is 5"), 8 about the width. */
const ROTATION_BITS: readonly (readonly [number, PieceOrientation])[] = [
  [1, "lwh"],
  [2, "lhw"],
  [4, "wlh"],
  [8, "hwl"],
  [16, "hlw"],
  [32, "whl"],
];

/** The orientations an `allowed_rotations` bit field allows. */
export function orientationsOf(bits: number): PieceOrientation[] {
  return ROTATION_BITS.filter(([b]) => (bits & b) !== 0).map(([, o]) => o);
}

/** ACLPP's code of express cargo (format.md: kept off ULDs of standard cargo). */
export const EXPRESS_CODE = "ZXF";

export type ProblemBuild =
  | { readonly ok: true; readonly problem: CargoFlightProblem; readonly notes: readonly string[] }
  | { readonly ok: false; readonly issues: readonly { path: string; message: string }[] };

/**
 * One flight's problem in Drawdown's terms: its legs (fuel, cost per cm of CG, segments aboard), its
 * segments' bookings, the aircraft as a load model with its ULD types, and the separation table.
 * Reads only problem attributes (this function is given no others).
 */
export function aclppProblem(data: AclppProblemData, flightId: string): ProblemBuild {
  const flight = data.flights.get(flightId);
  if (!flight) return { ok: false, issues: [{ path: `flights.${flightId}`, message: `no flight ${flightId} was read` }] };
  const aircraft = data.aircraft.get(flight.aircraftType);
  if (!aircraft)
    return { ok: false, issues: [{ path: `flights.${flightId}.aircraft_type`, message: `aircraft type ${flight.aircraftType} is not among the master data read (${[...data.aircraft.keys()].join(", ") || "none"})` }] };
  const mapped = freighterOf(flight.aircraftType, aircraft, data.uldTypes);
  if (!mapped.ok) return mapped;
  const segmentIds = [...new Set(flight.legs.flatMap((l) => l.segments))];
  const missing = segmentIds.filter((s) => !data.segments.has(s));
  if (missing.length > 0) return { ok: false, issues: missing.map((s) => ({ path: `flights.${flightId}.legs`, message: `segment ${s} is not among the segments read` })) };
  const input: z.input<typeof cargoFlightProblemSchema> = {
    flight: {
      id: flightId,
      aircraftType: flight.aircraftType,
      departure: flight.departure,
      legs: flight.legs.map((l) => ({ id: l.id, sequence: l.sequence, fuelKg: l.est_fuel_weight, fuelCostPerCm: l.extra_fuel_cost_factor, segments: l.segments })),
      segments: segmentIds.map((id) => {
        const s = data.segments.get(id) as SegmentProblem;
        return {
          id,
          departure: s.std_timestamp,
          pieces: Object.entries(s.shipments).flatMap(([shipment, sh]) =>
            Object.entries(sh.pieces).map(([pid, p]) => ({
              id: pid,
              shipment,
              count: p.amount,
              length: p.lng,
              width: p.lat,
              height: p.height,
              weight: p.weight,
              orientations: orientationsOf(p.allowed_rotations),
              bearing: {
                ...(p.stack_lng !== undefined ? { length: p.stack_lng } : {}),
                ...(p.stack_lat !== undefined ? { width: p.stack_lat } : {}),
                ...(p.stack_height !== undefined ? { height: p.stack_height } : {}),
              },
              handlingCodes: (p.specials ?? "").split(/\s+/).filter((c) => c.length > 0),
              availableAt: p.avail,
              offloadPenalty: p.offload_penalty,
            })),
          ),
        };
      }),
    },
    aircraft: mapped.freighter,
    separation: { notOnOneUnit: data.separation.map(([a, b]) => [a, b] as [string, string]), source: "ACLPP masterdata/separation.yaml" },
    expressCode: EXPRESS_CODE,
  };
  const parsed = cargoFlightProblemSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: `flights.${flightId} (as ${i.path.join(".")})`, message: i.message })) };
  const notes = mapped.undefinedUldTypes.length > 0 ? [`positions name ULD types the master data does not define, left out: ${mapped.undefinedUldTypes.join(", ")}`] : [];
  return { ok: true, problem: parsed.data, notes };
}
