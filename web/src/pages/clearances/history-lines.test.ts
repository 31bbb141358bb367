import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "../../api/contract.ts";
import { historyLines } from "./history-lines.ts";

const details = {
  country: "NE",
  kind: "landing",
  airfield: "AGADEZ",
  aircraft: { type: "C-17A", tailNumber: "C17-1", callSign: "RCH0001" },
  itinerary: [{ from: "RAMSTEIN", to: "AGADEZ", departAt: "2024-06-03T00:00:00Z", arriveAt: "2024-06-03T05:16:00Z", overflies: ["NE"] }],
  firstAt: "2024-06-03T00:00:00Z",
  lastAt: "2024-06-03T14:32:00Z",
  passengers: 54,
  crew: 0,
  dangerousCargo: [],
  weapons: [],
};
let version = 0;
const entry = (type: string, data: Record<string, unknown>, actorParty = "US"): HistoryEntry => ({
  type,
  at: "2024-05-20T08:00:00Z",
  actorId: "U-1",
  actorParty,
  version: ++version,
  data,
  ledgerIndex: version,
  final: false,
});

describe("historyLines", () => {
  it("says what each event decided or changed", () => {
    const lines = historyLines([
      entry("clearance.drafted", { status: "draft", details, source: { sortie: "S0001", planRequest: "S0001-L1-NE" } }),
      entry("clearance.updated", { changes: { crew: 5 } }),
      entry("clearance.submitted", { details: { ...details, crew: 5 } }),
      entry("clearance.amended", { reason: "apron busy", changes: { firstAt: "2024-06-04T00:00:00Z" } }, "NE"),
      entry("clearance.resubmitted", { details: { ...details, crew: 5, firstAt: "2024-06-03T12:00:00Z" }, remarks: "half a day later" }),
      entry("clearance.approved", { clearanceNumber: "NE-2024-7", validFrom: "2024-06-02T00:00:00Z", validTo: "2024-06-05T00:00:00Z" }, "NE"),
      entry("clearance.used", { movement: "M-1", at: "2024-06-03T12:10:00Z" }),
    ]);
    expect(lines).toEqual([
      [{ field: "sortie", value: { text: "S0001" } }],
      [{ field: "crew", value: { number: 5 } }],
      [],
      [
        { field: "reason", value: { text: "apron busy" } },
        { field: "firstAt", value: { instant: "2024-06-04T00:00:00Z" } },
      ],
      [
        { field: "firstAt", value: { instant: "2024-06-03T12:00:00Z" } },
        { field: "note", value: { text: "half a day later" } },
      ],
      [
        { field: "clearanceNumber", value: { text: "NE-2024-7" } },
        { field: "validFrom", value: { instant: "2024-06-02T00:00:00Z" } },
        { field: "validTo", value: { instant: "2024-06-05T00:00:00Z" } },
      ],
      [
        { field: "movement", value: { text: "M-1" } },
        { field: "departedAt", value: { instant: "2024-06-03T12:10:00Z" } },
      ],
    ]);
  });

  it("gives a denial's and a cancellation's reason, and an expiry's end of validity", () => {
    expect(historyLines([entry("clearance.denied", { reason: "closed" }), entry("clearance.cancelled", {}), entry("clearance.expired", { validTo: "2024-06-05T00:00:00Z" })])).toEqual([
      [{ field: "reason", value: { text: "closed" } }],
      [],
      [{ field: "validTo", value: { instant: "2024-06-05T00:00:00Z" } }],
    ]);
  });
});
