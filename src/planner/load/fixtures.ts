import { AIRCRAFT_LIBRARY } from "#domain/aircraft-library.ts";
import { type AircraftType, aircraftTypeSchema } from "#domain/aircraft-type.ts";
import type { Hazard } from "#domain/cargo.ts";
import { PALLET_MAX_HEIGHT_CM, positionEquivalents } from "#domain/standard-weights.ts";
import { type LoadUnit, PALLET_LENGTH_CM, PALLET_WIDTH_CM } from "./load-unit.ts";

/** Test data for the load planner (used by its tests only). */

/** A library type by id; throws if missing. */
export function libraryType(id: string): AircraftType {
  const t = AIRCRAFT_LIBRARY.find((x) => x.id === id);
  if (!t) throw new Error(`no ${id} in the library`);
  return t;
}

let counter = 0;

/** A built 463L pallet. */
export function buildPallet(weightKg: number, opts: { ref?: string; heightCm?: number; hazards?: Hazard[] } = {}): LoadUnit {
  const n = ++counter;
  return {
    key: `p${n}`,
    kind: "pallet",
    ref: opts.ref ?? `PAL-${n}`,
    weightKg,
    heightCm: opts.heightCm ?? PALLET_MAX_HEIGHT_CM,
    lengthCm: PALLET_LENGTH_CM,
    widthCm: PALLET_WIDTH_CM,
    positionEquivalents: 1,
    onPosition: true,
    hazards: opts.hazards ?? [],
    sensitive: false,
  };
}

/** A loose piece for the floor (vehicle, container, outsize). */
export function buildPiece(weightKg: number, dims: { length: number; width: number; height: number }, opts: { ref?: string; hazards?: Hazard[] } = {}): LoadUnit {
  const n = ++counter;
  return {
    key: `f${n}`,
    kind: "loose",
    ref: opts.ref ?? `PIECE-${n}`,
    weightKg,
    heightCm: dims.height,
    lengthCm: dims.length,
    widthCm: dims.width,
    positionEquivalents: positionEquivalents(dims),
    onPosition: false,
    hazards: opts.hazards ?? [],
    sensitive: false,
  };
}

/**
 * A small made-up type whose four positions all lie forward of its narrow envelope (20–24 %MAC):
 * a heavy pallet cannot be balanced on it, a light one can.
 */
export function noseHeavyType(): AircraftType {
  return aircraftTypeSchema.parse({
    id: "TEST-NOSE",
    name: "Test aircraft with its cargo floor forward of the wing",
    role: "military_airlift",
    parkingClass: "medium",
    maxPayload: 20000,
    payloadRange: [
      { range: 0, payload: 20000 },
      { range: 5000, payload: 20000 },
    ],
    palletPositions: 4,
    seats: { withFullPositions: 4, perFreePosition: 10, maximum: 44 },
    blockSpeed: 500,
    groundTime: { onload: 60, offload: 60, refuel: 60 },
    loadModel: {
      datum: "test frame, cm",
      positionLength: 230,
      positions: [
        { id: "1", station: 300, maxWeight: 4536, maxHeight: 244 },
        { id: "2", station: 530, maxWeight: 4536, maxHeight: 244 },
        { id: "3", station: 760, maxWeight: 4536, maxHeight: 244 },
        { id: "4", station: 990, maxWeight: 4536, maxHeight: 244 },
      ],
      mac: { lemac: 1400, length: 400 },
      envelope: { forwardPercentMac: 20, aftPercentMac: 24 },
      operating: { weight: 30000, arm: 1488 },
      seatZones: [
        { id: "side", seats: 4, arm: 1500 },
        { id: "P1", seats: 10, arm: 300, positions: ["1"] },
        { id: "P2", seats: 10, arm: 530, positions: ["2"] },
        { id: "P3", seats: 10, arm: 760, positions: ["3"] },
        { id: "P4", seats: 10, arm: 990, positions: ["4"] },
      ],
      floorZones: [{ id: "main", from: 185, to: 1105, width: 300, height: 260, maxLinearLoad: 50 }],
    },
  });
}
