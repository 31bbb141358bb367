import { type ClearanceRule, clearanceRuleSchema } from "#domain/clearance-rule.ts";
import type { Plan } from "#domain/plan.ts";
import { type Instant, parseInstant } from "#domain/time.ts";
import type { Actor, Context, PartySide, Role } from "./actor.ts";
import type { ClearanceDetails } from "./clearance-request.ts";
import { asPartyCode, asUserId, type PartyCode } from "./ids.ts";

/**
 * Test data builders for the workflows (Outline's `buildUser()` habit): two parties, an actor per
 * role and party, instants from ISO text, a complete request. Pure, so tests and tools share them.
 */

/** The departing party of the test agreement. */
export const US: PartyCode = asPartyCode("US");
/** The host party of the test agreement. */
export const NE: PartyCode = asPartyCode("NE");

/** The side of each test party. */
export const sideOf = (party: PartyCode): PartySide => (party === US ? "departing" : "host");

/**
 * An actor of a party with roles; the id says who it is (`US-movement_planner`).
 *
 * @example
 * buildActor(NE, "clearance_officer");
 */
export function buildActor(party: PartyCode, ...roles: Role[]): Actor {
  return { id: asUserId(`${party}-${roles.join("+") || "none"}`), party, side: sideOf(party), roles };
}

/** Parses an ISO instant, failing loudly on a typo in a test. */
export function t(iso: string): Instant {
  const v = parseInstant(iso);
  if (v === undefined) throw new RangeError(`bad instant in a test: ${iso}`);
  return v;
}

/** A context: actor and time. */
export function buildContext(actor: Actor, now: Instant | string): Context {
  return { actor, now: typeof now === "string" ? t(now) : now };
}

/** Niger's rules as the tests use them: landing needs 2 working days, overflight 48 hours. */
export const NE_RULE: ClearanceRule = clearanceRuleSchema.parse({
  country: "NE",
  landing: {
    leadTime: { value: 2, unit: "working_days" },
    validBefore: { value: 6, unit: "hours" },
    validAfter: { value: 24, unit: "hours" },
  },
  overflight: {
    leadTime: { value: 48, unit: "hours" },
    validBefore: { value: 6, unit: "hours" },
    validAfter: { value: 24, unit: "hours" },
  },
});

/**
 * A complete landing request at Niamey for Tuesday 2024-07-16 08:00Z (filing deadline under
 * {@link NE_RULE}: Friday 2024-07-12 00:00Z).
 */
export function buildDetails(overrides: Partial<ClearanceDetails> = {}): ClearanceDetails {
  return {
    country: "NE",
    kind: "landing",
    airfield: "niamey-ab101",
    aircraft: { type: "C-17A", tailNumber: "07-7182", callSign: "RCH871" },
    itinerary: [
      { from: "ramstein", to: "niamey-ab101", departAt: t("2024-07-16T02:00Z"), arriveAt: t("2024-07-16T08:00Z"), overflies: ["DZ"] },
      { from: "niamey-ab101", to: "ramstein", departAt: t("2024-07-16T11:00Z"), arriveAt: t("2024-07-16T17:00Z"), overflies: ["DZ"] },
    ],
    firstAt: t("2024-07-16T08:00Z"),
    lastAt: t("2024-07-16T11:00Z"),
    passengers: 54,
    crew: 5,
    dangerousCargo: [{ description: "Cartridges for weapons", class: 1, division: "1.4S", unNumber: "UN0012", quantity: 20 }],
    weapons: [{ description: "M4 carbine", quantity: 54 }],
    ...overrides,
  };
}

/**
 * A small plan: sortie S1, a C-17 Ramstein–Niamey on 2024-07-16 and back with 54 passengers, a
 * pallet of cartridges (20, hazardous) and 4 trucks, needing a landing clearance in NE and an
 * overflight of DZ; convoy C1 brings 10 people from Agadez to Niamey; airline seats P1 take 12 out.
 */
export function buildPlan(): Plan {
  return {
    formatVersion: 1,
    scenario: "test",
    planner: { name: "test", version: "0", seed: 1 },
    summary: {
      start: "2024-07-01T00:00:00Z",
      deadline: "2024-09-15T00:00:00Z",
      closureAt: "2024-07-16T11:00:00Z",
      lowerBoundAt: "2024-07-16T11:00:00Z",
      bindingBound: "test",
      closureRatio: 1,
      slackHours: 1,
      meetsDeadline: true,
      sorties: 1,
      sortiesByType: { "C-17A": 1 },
      flyingHours: 12,
      convoys: 0,
      commercialSeats: 0,
      clearanceRequests: 2,
      personnel: 54,
      cargoPieces: 24,
      cargoKg: 1000,
      pallets: 1,
    },
    pallets: [{ id: "PAL-1", site: "niamey-ab101", items: [{ cargo: "ammo", quantity: 20 }], grossWeightKg: 900, heightCm: 100 }],
    sorties: [
      {
        id: "S1",
        aircraft: "C17-1",
        type: "C-17A",
        legs: [
          { from: "ramstein", to: "niamey-ab101", departAt: "2024-07-16T02:00:00Z", arriveAt: "2024-07-16T08:00:00Z", overflies: ["DZ"], positionsUsed: 0, payloadKg: 0 },
          {
            from: "niamey-ab101",
            to: "ramstein",
            departAt: "2024-07-16T11:00:00Z",
            arriveAt: "2024-07-16T17:00:00Z",
            overflies: ["DZ"],
            load: { pallets: ["PAL-1"], items: [{ cargo: "trucks", quantity: 4 }], passengers: [{ group: "g1", count: 30 }, { group: "g2", count: 24 }] },
            positionsUsed: 10,
            payloadKg: 20000,
          },
        ],
      },
    ],
    convoys: [
      {
        id: "C1",
        route: "agadez-niamey",
        from: "agadez-ab201",
        to: "niamey-ab101",
        departAt: "2024-07-14T06:00:00Z",
        arriveAt: "2024-07-15T18:00:00Z",
        trucks: 3,
        load: { pallets: [], items: [], passengers: [{ group: "g3", count: 10 }] },
      },
    ],
    commercial: [{ id: "P1", service: "af-niamey", airport: "niamey-ab101", departAt: "2024-07-17T23:00:00Z", passengers: [{ group: "g4", count: 12 }] }],
    clearanceRequests: [
      { id: "S1-L1-NE", sortie: "S1", country: "NE", kind: "landing", airfield: "niamey-ab101", firstAt: "2024-07-16T02:00:00Z", lastAt: "2024-07-16T17:00:00Z", latestFilingAt: "2024-07-12T00:00:00Z", validFrom: "2024-07-15T20:00:00Z", validTo: "2024-07-17T17:00:00Z" },
      { id: "S1-O2-DZ", sortie: "S1", country: "DZ", kind: "overflight", firstAt: "2024-07-16T02:00:00Z", lastAt: "2024-07-16T17:00:00Z", latestFilingAt: "2024-07-13T02:00:00Z", validFrom: "2024-07-15T20:00:00Z", validTo: "2024-07-17T17:00:00Z" },
    ],
    siteClosures: [],
    bounds: [],
    unplanned: [],
  };
}
