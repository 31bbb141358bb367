import type { Plan } from "#domain/plan.ts";
import type { Instant } from "#domain/time.ts";
import { t } from "./factories.ts";
import { asMovementId, asPartyCode, asPersonId } from "./ids.ts";
import type { Movement, MovementDetails } from "./movement.ts";

/**
 * Test data for the progress read models (burndown, forecast, alerts), on the sites of the
 * shipped `synthetic-small` scenario (MAIN and OUTPOST in the host country XH, HOME outside):
 *
 * - convoy C1 brings the OUTPOST team (15) and its boxes (20) to MAIN on 2025-03-02;
 * - sortie S1 positions HOME → MAIN and takes pallet PAL-1 (60 boxes), 4 generators and 80
 *   people MAIN → HOME on 2025-03-03 06:00Z;
 * - airline seats P1 take 40 people out of MAIN on 2025-03-04 03:00Z;
 * - the plan files an XH landing request and an XY overflight request for S1.
 */
export function buildProgressPlan(): Plan {
  return {
    formatVersion: 1,
    scenario: "synthetic-small",
    planner: { name: "test", version: "0", seed: 1 },
    summary: {
      start: "2025-03-01T00:00:00Z",
      deadline: "2025-03-31T23:59:00Z",
      closureAt: "2025-03-04T03:00:00Z",
      lowerBoundAt: "2025-03-04T03:00:00Z",
      bindingBound: "test",
      closureRatio: 1,
      slackHours: 644.98,
      meetsDeadline: true,
      sorties: 1,
      sortiesByType: { "C-17A": 1 },
      flyingHours: 8,
      convoys: 1,
      commercialSeats: 40,
      clearanceRequests: 2,
      personnel: 120,
      cargoPieces: 64,
      cargoKg: 18086,
      pallets: 1,
    },
    pallets: [{ id: "PAL-1", site: "MAIN", items: [{ cargo: "boxes", quantity: 60 }], grossWeightKg: 11000, heightCm: 200 }],
    sorties: [
      {
        id: "S1",
        aircraft: "C17-1",
        type: "C-17A",
        legs: [
          { from: "HOME", to: "MAIN", departAt: "2025-03-03T00:00:00Z", arriveAt: "2025-03-03T04:00:00Z", overflies: ["XY", "XH"], positionsUsed: 0, payloadKg: 0 },
          {
            from: "MAIN",
            to: "HOME",
            departAt: "2025-03-03T06:00:00Z",
            arriveAt: "2025-03-03T10:00:00Z",
            overflies: ["XH", "XY"],
            load: { pallets: ["PAL-1"], items: [{ cargo: "gens", quantity: 4 }], passengers: [{ group: "main-support", count: 80 }] },
            positionsUsed: 6,
            payloadKg: 30000,
          },
        ],
      },
    ],
    convoys: [
      {
        id: "C1",
        route: "outpost-main",
        from: "OUTPOST",
        to: "MAIN",
        departAt: "2025-03-02T06:00:00Z",
        arriveAt: "2025-03-02T18:00:00Z",
        trucks: 2,
        load: { pallets: [], items: [{ cargo: "outpost-boxes", quantity: 20 }], passengers: [{ group: "outpost-team", count: 15 }] },
      },
    ],
    commercial: [{ id: "P1", service: "airline", airport: "MAIN", departAt: "2025-03-04T03:00:00Z", passengers: [{ group: "main-security", count: 40 }] }],
    clearanceRequests: [
      {
        id: "S1-L1-XH",
        sortie: "S1",
        country: "XH",
        kind: "landing",
        airfield: "MAIN",
        firstAt: "2025-03-03T00:00:00Z",
        lastAt: "2025-03-03T10:00:00Z",
        latestFilingAt: "2025-03-01T00:00:00Z",
        validFrom: "2025-03-02T18:00:00Z",
        validTo: "2025-03-04T10:00:00Z",
      },
      {
        id: "S1-O1-XY",
        sortie: "S1",
        country: "XY",
        kind: "overflight",
        firstAt: "2025-03-03T00:00:00Z",
        lastAt: "2025-03-03T10:00:00Z",
        latestFilingAt: "2025-03-01T00:00:00Z",
        validFrom: "2025-03-02T18:00:00Z",
        validTo: "2025-03-04T10:00:00Z",
      },
    ],
    siteClosures: [
      { site: "OUTPOST", lastCargoAt: "2025-03-02T06:00:00Z", closedAt: "2025-03-02T06:00:00Z" },
      { site: "MAIN", lastCargoAt: "2025-03-03T06:00:00Z", closedAt: "2025-03-04T03:00:00Z" },
    ],
    bounds: [],
    unplanned: [],
  };
}

/** Whether a synthetic-small site is in the host country. */
export const inSyntheticHost = (site: string): boolean => site === "MAIN" || site === "OUTPOST";

/** The details of the plan movement `ref` of {@link buildProgressPlan}, as `planMovements` gives them. */
const DETAILS: Record<string, MovementDetails> = {
  S1: { kind: "sortie", from: "MAIN", to: "HOME", departAt: t("2025-03-03T06:00Z"), arriveAt: t("2025-03-03T10:00Z"), clearances: [], planRef: "S1", plannedPassengers: 80 },
  C1: { kind: "convoy", from: "OUTPOST", to: "MAIN", departAt: t("2025-03-02T06:00Z"), arriveAt: t("2025-03-02T18:00Z"), clearances: [], planRef: "C1", plannedPassengers: 15 },
  P1: { kind: "commercial", from: "MAIN", to: "MAIN", departAt: t("2025-03-04T03:00Z"), arriveAt: t("2025-03-04T03:00Z"), clearances: [], planRef: "P1", plannedPassengers: 40 },
};

/**
 * A stored movement of the plan in a given state (departed or arrived at the instants given).
 *
 * @example
 * buildPlanMovement("S1", { status: "departed", departedAt: t("2025-03-03T08:00Z") });
 */
export function buildPlanMovement(
  ref: "S1" | "C1" | "P1",
  state:
    | { status: "planned" | "scheduled" | "cleared" }
    | { status: "departed"; departedAt: Instant }
    | { status: "arrived"; departedAt: Instant; arrivedAt: Instant }
    | { status: "cancelled" },
  manifest: { persons?: string[]; items?: { cargo: string; quantity: number }[]; pallets?: string[] } = {},
  details: Partial<MovementDetails> = {},
): Movement {
  const d = DETAILS[ref];
  if (d === undefined) throw new RangeError(`no plan movement ${ref}`);
  const base = {
    id: asMovementId(`M-${ref}`),
    owner: asPartyCode("DP"),
    details: { ...d, ...details },
    manifest: { persons: (manifest.persons ?? []).map(asPersonId), items: manifest.items ?? [], pallets: manifest.pallets ?? [] },
    version: 1,
    history: [],
  };
  if (state.status === "cancelled") return { ...base, status: "cancelled", cancellation: { from: "planned", reason: "test" } };
  return { ...base, ...state };
}
