import { describe, expect, it } from "vitest";
import { buildRequest } from "./clearance-fixtures.ts";
import { distinct, matches, NO_FILTER, sortViews } from "./clearance-filter.ts";
import { viewOf } from "./clearance-view.ts";

const landing = viewOf(buildRequest({ id: "CR-1" }));
const overflight = viewOf(
  buildRequest(
    { id: "CR-2", kind: "overflight", status: "submitted", source: { planRequest: "S0002-O2-NE", sortie: "S0002", latestFilingAt: "2024-05-30T00:00:00Z" } },
    {
      kind: "overflight",
      airfield: undefined,
      aircraft: { type: "C-130J-30", tailNumber: "C130-4", callSign: "RCH0002" },
      itinerary: [{ from: "NIAMEY", to: "RAMSTEIN", departAt: "2024-06-05T10:00:00Z", arriveAt: "2024-06-05T18:00:00Z", overflies: ["NE", "DZ"] }],
      firstAt: "2024-06-05T10:00:00Z",
      lastAt: "2024-06-05T12:00:00Z",
    },
  ),
);
const approved = viewOf(buildRequest({ id: "CR-3", status: "approved", country: "DZ" }, { firstAt: "2024-06-01T00:00:00Z", lastAt: "2024-06-01T04:00:00Z" }));
const all = [landing, overflight, approved];
const ids = (vs: readonly { request: { id: string } }[]) => vs.map((v) => v.request.id);

describe("matches", () => {
  it("filters by state, awaiting the host meaning submitted or resubmitted", () => {
    expect(ids(all.filter((v) => matches(v, NO_FILTER)))).toEqual(["CR-1", "CR-2", "CR-3"]);
    expect(ids(all.filter((v) => matches(v, { ...NO_FILTER, status: "awaiting_host" })))).toEqual(["CR-2"]);
    expect(ids(all.filter((v) => matches(v, { ...NO_FILTER, status: "draft" })))).toEqual(["CR-1"]);
  });

  it("filters by country, kind and site (the airfield or any airfield of the itinerary)", () => {
    expect(ids(all.filter((v) => matches(v, { ...NO_FILTER, country: "DZ" })))).toEqual(["CR-3"]);
    expect(ids(all.filter((v) => matches(v, { ...NO_FILTER, kind: "overflight" })))).toEqual(["CR-2"]);
    expect(ids(all.filter((v) => matches(v, { ...NO_FILTER, site: "NIAMEY" })))).toEqual(["CR-2"]);
    expect(ids(all.filter((v) => matches(v, { ...NO_FILTER, site: "RAMSTEIN" })))).toEqual(["CR-1", "CR-2", "CR-3"]);
  });

  it("keeps the flights that touch the days asked for (UTC)", () => {
    expect(ids(all.filter((v) => matches(v, { ...NO_FILTER, fromDay: "2024-06-03" })))).toEqual(["CR-1", "CR-2"]);
    expect(ids(all.filter((v) => matches(v, { ...NO_FILTER, toDay: "2024-06-03" })))).toEqual(["CR-1", "CR-3"]);
    expect(ids(all.filter((v) => matches(v, { ...NO_FILTER, fromDay: "2024-06-03", toDay: "2024-06-03" })))).toEqual(["CR-1"]);
  });

  it("finds a request by part of its id, sortie, call sign or tail number, in any case", () => {
    expect(ids(all.filter((v) => matches(v, { ...NO_FILTER, text: "rch0002" })))).toEqual(["CR-2"]);
    expect(ids(all.filter((v) => matches(v, { ...NO_FILTER, text: "S0002" })))).toEqual(["CR-2"]);
    expect(ids(all.filter((v) => matches(v, { ...NO_FILTER, text: "c130" })))).toEqual(["CR-2"]);
  });
});

describe("sortViews", () => {
  it("sorts by a column either way, ties by flight time", () => {
    expect(ids(sortViews(all, "flight", "ascending"))).toEqual(["CR-3", "CR-1", "CR-2"]);
    expect(ids(sortViews(all, "flight", "descending"))).toEqual(["CR-2", "CR-1", "CR-3"]);
    expect(ids(sortViews(all, "status", "ascending"))).toEqual(["CR-1", "CR-2", "CR-3"]);
    expect(ids(sortViews(all, "fileBy", "ascending"))).toEqual(["CR-3", "CR-1", "CR-2"]);
    expect(ids(sortViews(all, "kind", "descending"))).toEqual(["CR-2", "CR-3", "CR-1"]);
  });

  it("lists each value a filter can take", () => {
    expect(distinct(all, (v) => [v.request.country])).toEqual(["DZ", "NE"]);
  });
});
