import { describe, expect, it } from "vitest";
import { buildRequest } from "./clearance-fixtures.ts";
import { viewOf } from "./clearance-view.ts";
import { leadTimeWarning } from "./lead-time.ts";

const th = { filingWarningHours: 48, pendingWarningHours: 72, pendingCriticalHours: 24 };
const at = (iso: string) => Date.parse(iso);
// Files by 2024-05-29 00:00Z; enters the country 2024-06-03 00:00Z.
const draft = viewOf(buildRequest());
const submitted = viewOf(buildRequest({ status: "submitted" }));

describe("leadTimeWarning", () => {
  it("says nothing of a draft far from its filing time", () => {
    expect(leadTimeWarning(draft, at("2024-05-20T08:00:00Z"), th)).toBeUndefined();
  });

  it("warns of a draft within 48 hours of its filing time, and says when it has passed", () => {
    expect(leadTimeWarning(draft, at("2024-05-27T00:00:00Z"), th)).toEqual({ kind: "filing_near", severity: "warning", due: "2024-05-29T00:00:00Z" });
    expect(leadTimeWarning(draft, at("2024-05-26T23:59:00Z"), th)).toBeUndefined();
    expect(leadTimeWarning(draft, at("2024-05-29T00:00:00Z"), th)).toEqual({ kind: "filing_passed", severity: "critical", due: "2024-05-29T00:00:00Z" });
    expect(leadTimeWarning(draft, at("2024-06-03T00:00:00Z"), th)?.kind).toBe("flight_passed");
  });

  it("warns of a request awaiting the host as its flight nears: 72 hours, then critical at 24", () => {
    expect(leadTimeWarning(submitted, at("2024-05-30T23:59:00Z"), th)).toBeUndefined();
    expect(leadTimeWarning(submitted, at("2024-05-31T00:00:00Z"), th)).toEqual({ kind: "decision_near", severity: "warning", due: "2024-06-03T00:00:00Z" });
    expect(leadTimeWarning(submitted, at("2024-06-02T00:00:00Z"), th)).toEqual({ kind: "decision_near", severity: "critical", due: "2024-06-03T00:00:00Z" });
    expect(leadTimeWarning(submitted, at("2024-06-03T00:01:00Z"), th)?.kind).toBe("flight_passed");
  });

  it("says nothing of decided requests, and only what needs no threshold while the thresholds are unknown", () => {
    for (const status of ["approved", "denied", "cancelled", "expired"]) expect(leadTimeWarning(viewOf(buildRequest({ status })), at("2024-06-02T12:00:00Z"), th)).toBeUndefined();
    expect(leadTimeWarning(draft, at("2024-05-28T00:00:00Z"), undefined)).toBeUndefined();
    expect(leadTimeWarning(draft, at("2024-05-30T00:00:00Z"), undefined)?.kind).toBe("filing_passed");
  });
});
