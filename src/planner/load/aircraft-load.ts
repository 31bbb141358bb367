import type { LoadUnit } from "./load-unit.ts";

/** Why no load was found. */
export type LoadFailure = "model" | "range" | "payload" | "hazard" | "fit" | "positions" | "seats" | "balance";

export interface PositionAssignment {
  readonly position: string;
  readonly unit: LoadUnit;
}

export interface FloorAssignment {
  readonly unit: LoadUnit;
  /** Fuselage stations of its forward and aft ends, cm. */
  readonly fromCm: number;
  readonly toCm: number;
}

/**
 * Where everything goes: units on positions, units on the floor, and the order in which passengers
 * fill seat zones (sidewall zones, then the centreline zones kept free for them).
 */
export interface Placement {
  readonly positions: readonly PositionAssignment[];
  readonly floor: readonly FloorAssignment[];
  readonly seatSequence: readonly string[];
}

/** A planned (or checked) aircraft load with its balance and the margin to every limit. */
export interface AircraftLoad {
  readonly ok: boolean;
  readonly code?: LoadFailure;
  readonly reason?: string;
  /** Loaded positions in station order: a pallet id or the cargo id of a piece. */
  readonly positions: readonly { position: string; pallet?: string; item?: string; unit: LoadUnit }[];
  /** Floor pieces in station order. */
  readonly floor: readonly { item: string; from: number; to: number; unit: LoadUnit }[];
  readonly seats: { readonly available: number; readonly used: number; readonly zones: readonly { zone: string; count: number }[] };
  readonly placement: Placement;
  /** Cargo and passengers, kg. */
  readonly totalKg: number;
  /** With the operating weight, kg. */
  readonly grossKg: number;
  readonly allowableKg: number;
  /** Centre of balance with every passenger aboard, %MAC. */
  readonly cgPercentMac: number;
  readonly envelope: { readonly forward: number; readonly aft: number };
  readonly margins: {
    readonly payloadKg: number;
    /** %MAC above the forward limit (the least over every passenger count up to the load's). */
    readonly cgLow: number;
    /** %MAC below the aft limit (the least over every passenger count up to the load's). */
    readonly cgHigh: number;
    /** Positions neither loaded, nor under a floor piece, nor seating passengers. */
    readonly positions: number;
    /** Seats of the boarding sequence left empty. */
    readonly seats: number;
  };
}
