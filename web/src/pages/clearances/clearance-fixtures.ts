/**
 * Requests shaped as `GET /api/clearances` answers them (from the Niger plan's first sortie), for
 * the page's unit tests. Not part of the app's bundle: only tests import it.
 */
import type { ClearanceRequest } from "../../api/contract.ts";

/**
 * A request; `over` replaces top-level fields, `details` merges into the details.
 *
 * @example
 * buildRequest({ status: "submitted" }, { crew: 0 });
 */
export function buildRequest(over: Partial<ClearanceRequest> = {}, details: Record<string, unknown> = {}): ClearanceRequest {
  return {
    id: "CR-1",
    owner: "US",
    status: "draft",
    country: "NE",
    kind: "landing",
    source: { planRequest: "S0001-L1-NE", sortie: "S0001", latestFilingAt: "2024-05-29T00:00:00Z" },
    details: {
      country: "NE",
      kind: "landing",
      airfield: "AGADEZ",
      aircraft: { type: "C-17A", tailNumber: "C17-1", callSign: "RCH0001" },
      itinerary: [
        { from: "RAMSTEIN", to: "AGADEZ", departAt: "2024-06-03T00:00:00Z", arriveAt: "2024-06-03T05:16:00Z", overflies: ["NE", "DZ", "FR", "DE"] },
        { from: "AGADEZ", to: "RAMSTEIN", departAt: "2024-06-03T09:16:00Z", arriveAt: "2024-06-03T14:32:00Z", overflies: ["NE", "DZ", "FR", "DE"] },
      ],
      firstAt: "2024-06-03T00:00:00Z",
      lastAt: "2024-06-03T14:32:00Z",
      passengers: 54,
      crew: 5,
      dangerousCargo: [{ description: "Air-to-ground missiles in shipping containers", class: 1, division: "1.1E", unNumber: "UN0181", quantity: 24, cargo: "agadez-missiles" }],
      weapons: [],
      ...details,
    },
    version: 1,
    abilities: ["read"],
    ...over,
  };
}
