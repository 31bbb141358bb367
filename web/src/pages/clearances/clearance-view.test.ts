import { describe, expect, it } from "vitest";
import { buildRequest } from "./clearance-fixtures.ts";
import { changesOf, isoOf, viewOf } from "./clearance-view.ts";

describe("viewOf", () => {
  it("reads the details, the source and the aircraft", () => {
    const v = viewOf(buildRequest());
    expect(v.details.aircraft).toEqual({ type: "C-17A", tailNumber: "C17-1", callSign: "RCH0001" });
    expect(v.details.itinerary.map((l) => `${l.from}-${l.to}`)).toEqual(["RAMSTEIN-AGADEZ", "AGADEZ-RAMSTEIN"]);
    expect([v.details.firstAt, v.details.lastAt, v.details.passengers, v.details.crew]).toEqual(["2024-06-03T00:00:00Z", "2024-06-03T14:32:00Z", 54, 5]);
    expect(v.details.dangerousCargo[0]?.unNumber).toBe("UN0181");
    expect(v.source?.sortie).toBe("S0001");
    expect(v.clearance).toBeUndefined();
  });

  it("reads each decision, and turns an amendment's instants (minutes) into ISO text", () => {
    expect(viewOf(buildRequest({ status: "approved", clearance: { number: "NE-7", validFrom: "2024-06-02T00:00:00Z", validTo: "2024-06-05T00:00:00Z" } })).clearance?.number).toBe("NE-7");
    expect(viewOf(buildRequest({ status: "denied", denial: { reason: "apron closed" } })).denial).toEqual({ reason: "apron closed" });
    const firstAt = Date.parse("2024-06-04T06:00:00Z") / 60_000;
    const amended = viewOf(buildRequest({ status: "amended", amendment: { reason: "later", changes: { firstAt, remarks: "day after" } } }));
    expect(amended.amendment).toEqual({ reason: "later", changes: { firstAt: "2024-06-04T06:00:00.000Z", remarks: "day after" } });
    expect(viewOf(buildRequest({ status: "cancelled", cancellation: { from: "draft" } })).cancellation).toEqual({ from: "draft" });
  });

  it("shows missing fields as empty rather than failing on an unexpected answer", () => {
    const v = viewOf(buildRequest({ source: { sortie: 7 } }, { aircraft: "?", itinerary: null }));
    expect(v.source).toBeUndefined();
    expect(v.details.itinerary).toEqual([]);
  });
});

describe("changesOf and isoOf", () => {
  it("keeps only the fields given", () => {
    expect(changesOf({ crew: 4, unknown: 1 })).toEqual({ crew: 4 });
    expect(changesOf("nonsense")).toEqual({});
    expect(isoOf("2024-06-03T00:00:00Z")).toBe("2024-06-03T00:00:00Z");
    expect(isoOf(0)).toBe("1970-01-01T00:00:00.000Z");
  });
});
