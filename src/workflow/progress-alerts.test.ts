import { describe, expect, it } from "vitest";
import type { Instant } from "#domain/time.ts";
import type { ClearanceRequest } from "./clearance-request.ts";
import type { SiteForecast } from "./closure-forecast.ts";
import { buildDetails, t } from "./factories.ts";
import { asClearanceRequestId, asPartyCode } from "./ids.ts";
import type { Movement } from "./movement.ts";
import { FILING_WARNING_MINUTES, PENDING_CRITICAL_MINUTES, type ProgressAlert, progressAlerts } from "./progress-alerts.ts";
import { buildPlanMovement, buildProgressPlan } from "./progress-fixtures.ts";

const plan = buildProgressPlan();
const filingDue = t("2025-03-01T00:00Z");

/** A stored request for the plan's XH landing request of S1, in a status. */
function request(status: "draft" | "submitted" | "approved" | "cancelled", firstAt: Instant = t("2025-03-03T00:00Z")): ClearanceRequest {
  const base = {
    id: asClearanceRequestId(`CR-${status}`),
    owner: asPartyCode("DP"),
    source: { planRequest: "S1-L1-XH", sortie: "S1", latestFilingAt: filingDue },
    details: buildDetails({ country: "XH", airfield: "MAIN", firstAt, lastAt: t("2025-03-03T10:00Z") }),
    version: 1,
    history: [],
  };
  if (status === "approved")
    return { ...base, status, clearance: { number: "XH-1", validFrom: t("2025-03-02T00:00Z"), validTo: t("2025-03-04T00:00Z") } };
  if (status === "cancelled") return { ...base, status, cancellation: { from: "draft" } };
  return { ...base, status };
}

const alerts = (at: Instant, o: { clearances?: ClearanceRequest[]; movements?: Movement[]; forecasts?: SiteForecast[] } = {}) =>
  progressAlerts({ plan, clearances: o.clearances ?? [], movements: o.movements ?? [], forecasts: o.forecasts ?? [], hostCountry: "XH", at });
const ofKind = (list: ProgressAlert[], kind: ProgressAlert["kind"]) => list.filter((a) => a.kind === kind);

describe("progressAlerts: filing", () => {
  it("warns within 48 h of the latest filing time about a host request nobody drafted, and not earlier", () => {
    const early = (filingDue - FILING_WARNING_MINUTES - 1) as Instant;
    expect(ofKind(alerts(early), "clearance_not_filed")).toEqual([]);
    const soon = (filingDue - 60) as Instant;
    expect(ofKind(alerts(soon), "clearance_not_filed")).toEqual([
      { kind: "clearance_not_filed", severity: "warning", due: filingDue, subject: "S1-L1-XH", sortie: "S1", country: "XH", status: "not_drafted" },
    ]);
  });

  it("is critical once the filing time has passed, naming the draft when there is one", () => {
    const late = t("2025-03-01T06:00Z");
    expect(ofKind(alerts(late, { clearances: [request("draft")] }), "clearance_not_filed")).toMatchObject([
      { severity: "critical", subject: "CR-draft", status: "draft" },
    ]);
    // A cancelled request does not count as filed.
    expect(ofKind(alerts(late, { clearances: [request("cancelled")] }), "clearance_not_filed")).toHaveLength(1);
  });

  it("says nothing once the request is filed, and nothing of requests to third countries", () => {
    const late = t("2025-03-01T06:00Z");
    expect(ofKind(alerts(late, { clearances: [request("submitted")] }), "clearance_not_filed")).toEqual([]);
    expect(alerts(late).every((a) => a.country !== "XY")).toBe(true);
  });
});

describe("progressAlerts: pending decisions", () => {
  it("warns within 72 h of the flight and is critical within 24 h", () => {
    const flight = t("2025-03-03T00:00Z");
    expect(ofKind(alerts(t("2025-02-27T23:00Z"), { clearances: [request("submitted")] }), "clearance_pending")).toEqual([]);
    expect(ofKind(alerts(t("2025-02-28T12:00Z"), { clearances: [request("submitted")] }), "clearance_pending")).toEqual([
      { kind: "clearance_pending", severity: "warning", due: flight, subject: "CR-submitted", sortie: "S1", country: "XH", status: "submitted" },
    ]);
    const near = (flight - PENDING_CRITICAL_MINUTES) as Instant;
    expect(ofKind(alerts(near, { clearances: [request("submitted")] }), "clearance_pending")[0]?.severity).toBe("critical");
  });

  it("says nothing of decided requests or flights that have passed", () => {
    expect(ofKind(alerts(t("2025-03-02T12:00Z"), { clearances: [request("approved")] }), "clearance_pending")).toEqual([]);
    expect(ofKind(alerts(t("2025-03-03T01:00Z"), { clearances: [request("submitted")] }), "clearance_pending")).toEqual([]);
  });
});

describe("progressAlerts: late movements and sites", () => {
  const at = t("2025-03-03T12:00Z");

  it("names every plan movement due that has not left, created or not", () => {
    const late = ofKind(alerts(at, { movements: [buildPlanMovement("S1", { status: "cleared" })] }), "movement_late");
    expect(late).toEqual([
      { kind: "movement_late", severity: "critical", due: t("2025-03-02T06:00Z"), subject: "C1", site: "OUTPOST", status: "not_created" },
      { kind: "movement_late", severity: "critical", due: t("2025-03-03T06:00Z"), subject: "S1", site: "MAIN", movement: "M-S1", status: "cleared" },
    ]);
  });

  it("leaves out movements that left, were cancelled, or were rescheduled to later", () => {
    const movements = [
      buildPlanMovement("C1", { status: "departed", departedAt: t("2025-03-02T07:00Z") }),
      buildPlanMovement("S1", { status: "scheduled" }, {}, { departAt: t("2025-03-03T18:00Z"), arriveAt: t("2025-03-03T22:00Z") }),
    ];
    expect(ofKind(alerts(at, { movements }), "movement_late")).toEqual([]);
    expect(ofKind(alerts(at, { movements: [buildPlanMovement("C1", { status: "cancelled" }), movements[1] as Movement] }), "movement_late")).toEqual([]);
  });

  it("turns sites at risk and late into alerts, late first", () => {
    const f = (site: string, status: SiteForecast["status"], iso: string): SiteForecast => ({
      site,
      plannedClosureAt: t(iso),
      forecastClosureAt: t(iso),
      slipMinutes: 0,
      slackMinutes: 0,
      status,
    });
    const list = alerts(t("2025-02-01T00:00Z"), { forecasts: [f("MAIN", "at_risk", "2025-03-04T00:00Z"), f("OUTPOST", "late", "2025-03-05T00:00Z"), f("X", "on_track", "2025-03-01T00:00Z")] });
    expect(list.map((a) => [a.subject, a.severity])).toEqual([
      ["OUTPOST", "critical"],
      ["MAIN", "warning"],
    ]);
  });
});
