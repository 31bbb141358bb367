import type { ScenarioInput } from "#domain/scenario.ts";

type TypeInput = NonNullable<ScenarioInput["aircraftTypes"]>[number];

const assumed = (rationale: string) => ({ assumption: true, rationale });

/**
 * A chartered heavy freighter of the Il-76TD class, as UN missions hire them (MINUSMA's withdrawal from
 * Mali in 2023 flew chartered Il-76s and An-124s beside troop-contributing countries' aircraft). No
 * load model: it loads by weight and floor positions only. Every figure is a planning assumption.
 */
export const CHARTER_FREIGHTER: TypeInput = {
  id: "IL-76TD",
  name: "Chartered heavy freighter (Ilyushin Il-76TD class)",
  role: "military_airlift",
  parkingClass: "heavy",
  maxPayload: { value: 48000, unit: "kg", ...assumed("Il-76TD maximum payload about 48–50 t (manufacturer data as commonly quoted).") },
  payloadRange: [
    { range: { value: 0, unit: "km" }, payload: { value: 48000, unit: "kg" }, ...assumed("Maximum payload on short legs.") },
    { range: { value: 3600, unit: "km" }, payload: { value: 40000, unit: "kg" }, ...assumed("About 40 t over 3,600 km, as commonly quoted for the Il-76TD.") },
    { range: { value: 6500, unit: "km" }, payload: { value: 20000, unit: "kg" }, ...assumed("About 20 t over 6,500 km.") },
  ],
  palletPositions: { value: 12, ...assumed("A 24.5 m hold takes about twelve 463L-sized loads on its roller floor.") },
  cargoFloor: { length: { value: 2450, unit: "cm" }, width: { value: 345, unit: "cm" }, height: { value: 340, unit: "cm" }, ...assumed("Il-76 cargo hold about 24.5 × 3.45 × 3.4 m.") },
  seats: {
    withFullPositions: { value: 4, ...assumed("Supercargo seats in the crew compartment.") },
    perFreePosition: 0,
    maximum: { value: 4, ...assumed("Supercargo seats in the crew compartment.") },
  },
  blockSpeed: { value: 741, unit: "km/h", ...assumed("Planning block speed of 400 kn, below its 430–450 kn cruise.") },
  taxiAllowance: { value: 30, unit: "minutes", ...assumed("Taxi, climb and descent allowance per leg.") },
  groundTime: {
    onload: { value: 180, unit: "minutes", ...assumed("Loading through the rear ramp with the aircraft's own winches and hoists.") },
    offload: { value: 180, unit: "minutes", ...assumed("As the onload.") },
    refuel: { value: 90, unit: "minutes", ...assumed("En-route servicing stop without cargo work.") },
  },
  ...assumed("Chartered freighter for generated UN-style withdrawals (MINUSMA preset)."),
};

/** Shares of a four-type fleet: C-17A, C-130J-30, chartered freighter, passenger charter. */
export const FOUR_TYPE_SHARES = { c17: 0.3, c130: 0.35, freighter: 0.2, passenger: 0.15 } as const;

/** Splits `aircraft` into the four types' counts (each at least one when there are four aircraft). */
export function fourTypeCounts(aircraft: number): { c17: number; c130: number; freighter: number; passenger: number } {
  const s = FOUR_TYPE_SHARES;
  const freighter = Math.max(1, Math.round(aircraft * s.freighter));
  const passenger = Math.max(1, Math.round(aircraft * s.passenger));
  const c130 = Math.max(1, Math.round(aircraft * s.c130));
  const c17 = Math.max(1, aircraft - freighter - passenger - c130);
  return { c17, c130, freighter, passenger };
}
