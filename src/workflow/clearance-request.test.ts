import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "#ledger/canonical-json.ts";
import { formatInstant, type Instant } from "#domain/time.ts";
import type { Actor } from "./actor.ts";
import {
  acceptAmendment,
  amend,
  approve,
  type ClearanceRequest,
  type ClearanceStatus,
  cancel,
  clearanceChangesSchema,
  clearanceDetailsSchema,
  clearanceInvariantViolations,
  createClearanceRequest,
  deny,
  draftsFromPlan,
  expire,
  type FilingContext,
  isExpiredAt,
  leadTimeProblem,
  recordUse,
  resubmit,
  submit,
  submitMany,
  updateDraft,
  approveCommandSchema,
} from "./clearance-request.ts";
import { buildActor, buildContext, buildDetails, buildPlan, NE, NE_RULE, t, US } from "./factories.ts";
import { asClearanceRequestId, asMovementId, counterIds } from "./ids.ts";
import type { Transition } from "./transition.ts";

const usPlanner = buildActor(US, "movement_planner");
const neOfficer = buildActor(NE, "clearance_officer");
const usOfficer = buildActor(US, "clearance_officer");
const nePlanner = buildActor(NE, "movement_planner");
const usObserver = buildActor(US, "observer");
const neObserver = buildActor(NE, "observer");
const neAdmin = buildActor(NE, "administrator");

const EARLY = t("2024-07-10T09:00Z"); // before Friday's filing deadline
const FLIGHT = t("2024-07-16T12:00Z"); // after the aircraft left Niamey
const LATER = t("2024-07-18T00:00Z"); // after the validity window

const filing = (actor: Actor, now: Instant = EARLY): FilingContext => ({ ...buildContext(actor, now), rules: [NE_RULE] });
const APPROVAL = { clearanceNumber: "NE-2024-0716-017", validFrom: t("2024-07-16T02:00Z"), validTo: t("2024-07-17T11:00Z") };

function must<S>(r: Transition<S>): S {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.next;
}

const draft = (id = "CR-1") =>
  must(createClearanceRequest({ id: asClearanceRequestId(id), owner: US, details: buildDetails() }, buildContext(usPlanner, EARLY)));
const submitted = () => must(submit(draft(), {}, filing(usPlanner)));
const amended = () =>
  must(amend(submitted(), { reason: "apron full before 10:00Z", changes: { firstAt: t("2024-07-16T10:00Z") } }, buildContext(neOfficer, EARLY)));
const resubmitted = () => must(acceptAmendment(amended(), {}, buildContext(usPlanner, EARLY)));
const approved = () => must(approve(submitted(), APPROVAL, buildContext(neOfficer, EARLY)));
const used = () => must(recordUse(approved(), { movement: asMovementId("M-1"), at: t("2024-07-16T11:00Z") }, buildContext(usPlanner, FLIGHT)));
const denied = () => must(deny(submitted(), { reason: "airspace closed" }, buildContext(neOfficer, EARLY)));
const cancelled = () => must(cancel(draft(), {}, buildContext(usPlanner, EARLY)));
const expired = () => must(expire(approved(), {}, buildContext(neOfficer, LATER)));

const STATES: Record<string, () => ClearanceRequest> = {
  draft,
  submitted,
  resubmitted,
  amended,
  approved,
  "approved (used)": used,
  denied,
  cancelled,
  expired,
};

type Command = (r: ClearanceRequest) => Transition<ClearanceRequest>;

/** Every command, by the actor entitled to it, at a time that suits it: only the state can refuse it. */
const COMMANDS: Record<string, Command> = {
  update: (r) => updateDraft(r, { passengers: 60 }, buildContext(usPlanner, EARLY)),
  submit: (r) => submit(r, {}, filing(usPlanner)),
  approve: (r) => approve(r, APPROVAL, buildContext(neOfficer, EARLY)),
  deny: (r) => deny(r, { reason: "no slots" }, buildContext(neOfficer, EARLY)),
  amend: (r) => amend(r, { reason: "later", changes: { firstAt: t("2024-07-16T09:00Z") } }, buildContext(neOfficer, EARLY)),
  accept_amendment: (r) => acceptAmendment(r, {}, buildContext(usPlanner, EARLY)),
  resubmit: (r) => resubmit(r, {}, filing(usPlanner)),
  cancel: (r) => cancel(r, { reason: "sortie dropped" }, buildContext(usPlanner, EARLY)),
  record_use: (r) => recordUse(r, { movement: asMovementId("M-2"), at: t("2024-07-16T11:00Z") }, buildContext(usPlanner, FLIGHT)),
  expire: (r) => expire(r, {}, buildContext(neAdmin, LATER)),
};

// The expected outcome of each command in each state: the next status, or the refusal's code.
// prettier-ignore
const EXPECTED: Record<string, Record<string, string>> = {
  draft:             { update: "draft", submit: "submitted", approve: "clearance.not_decidable", deny: "clearance.not_decidable", amend: "clearance.not_decidable", accept_amendment: "clearance.not_amended", resubmit: "clearance.not_resubmittable", cancel: "cancelled", record_use: "clearance.not_approved", expire: "clearance.not_expirable" },
  submitted:         { update: "clearance.not_editable", submit: "clearance.not_submittable", approve: "approved", deny: "denied", amend: "amended", accept_amendment: "clearance.not_amended", resubmit: "clearance.not_resubmittable", cancel: "cancelled", record_use: "clearance.not_approved", expire: "clearance.not_expirable" },
  resubmitted:       { update: "clearance.not_editable", submit: "clearance.not_submittable", approve: "approved", deny: "denied", amend: "amended", accept_amendment: "clearance.not_amended", resubmit: "clearance.not_resubmittable", cancel: "cancelled", record_use: "clearance.not_approved", expire: "clearance.not_expirable" },
  amended:           { update: "clearance.not_editable", submit: "clearance.not_submittable", approve: "clearance.not_decidable", deny: "clearance.not_decidable", amend: "clearance.not_decidable", accept_amendment: "resubmitted", resubmit: "resubmitted", cancel: "cancelled", record_use: "clearance.not_approved", expire: "clearance.not_expirable" },
  approved:          { update: "clearance.not_editable", submit: "clearance.not_submittable", approve: "clearance.not_decidable", deny: "clearance.not_decidable", amend: "clearance.not_decidable", accept_amendment: "clearance.not_amended", resubmit: "clearance.not_resubmittable", cancel: "cancelled", record_use: "approved", expire: "expired" },
  "approved (used)": { update: "clearance.not_editable", submit: "clearance.not_submittable", approve: "clearance.not_decidable", deny: "clearance.not_decidable", amend: "clearance.not_decidable", accept_amendment: "clearance.not_amended", resubmit: "clearance.not_resubmittable", cancel: "clearance.used", record_use: "clearance.used", expire: "clearance.used" },
  denied:            { update: "clearance.not_editable", submit: "clearance.not_submittable", approve: "clearance.not_decidable", deny: "clearance.not_decidable", amend: "clearance.not_decidable", accept_amendment: "clearance.not_amended", resubmit: "clearance.not_resubmittable", cancel: "clearance.not_cancellable", record_use: "clearance.not_approved", expire: "clearance.not_expirable" },
  cancelled:         { update: "clearance.not_editable", submit: "clearance.not_submittable", approve: "clearance.not_decidable", deny: "clearance.not_decidable", amend: "clearance.not_decidable", accept_amendment: "clearance.not_amended", resubmit: "clearance.not_resubmittable", cancel: "clearance.not_cancellable", record_use: "clearance.not_approved", expire: "clearance.not_expirable" },
  expired:           { update: "clearance.not_editable", submit: "clearance.not_submittable", approve: "clearance.not_decidable", deny: "clearance.not_decidable", amend: "clearance.not_decidable", accept_amendment: "clearance.not_amended", resubmit: "clearance.not_resubmittable", cancel: "clearance.not_cancellable", record_use: "clearance.not_approved", expire: "clearance.not_expirable" },
};

const outcome = (r: Transition<ClearanceRequest>) => (r.ok ? r.next.status : r.error.code);

describe("clearance request: every command in every state", () => {
  for (const [state, build] of Object.entries(STATES)) {
    for (const [command, run] of Object.entries(COMMANDS)) {
      const want = EXPECTED[state]?.[command];
      it(`${command} on ${state} → ${want}`, () => {
        const before = build();
        const r = run(before);
        expect(outcome(r)).toBe(want);
        if (r.ok) {
          expect(r.next.version).toBe(before.version + 1);
          expect(r.next.history).toEqual([...before.history, r.event]);
          expect(r.event.objectVersion).toBe(r.next.version);
          expect(r.event.data.from).toBe(before.status);
          expect(r.event.data.status).toBe(r.next.status);
          expect(clearanceInvariantViolations(r.next)).toEqual([]);
        }
      });
    }
  }

  it("reaches every status", () => {
    const statuses = new Set(Object.values(STATES).map((b) => b().status));
    expect([...statuses].sort()).toEqual(
      (["draft", "submitted", "resubmitted", "amended", "approved", "denied", "cancelled", "expired"] satisfies ClearanceStatus[]).sort(),
    );
  });
});

describe("clearance request: who may act", () => {
  // prettier-ignore
  const cases: [string, () => Transition<ClearanceRequest>, string][] = [
    ["the requester's own clearance officer approves", () => approve(submitted(), APPROVAL, buildContext(usOfficer, EARLY)), "clearance.own_party_decision"],
    ["the requester's own officer denies", () => deny(submitted(), { reason: "x" }, buildContext(usOfficer, EARLY)), "clearance.own_party_decision"],
    ["the requester's own officer amends", () => amend(submitted(), { reason: "x", changes: { crew: 4 } }, buildContext(usOfficer, EARLY)), "clearance.own_party_decision"],
    ["a US planner who also holds the officer role approves", () => approve(submitted(), APPROVAL, buildContext(buildActor(US, "movement_planner", "clearance_officer"), EARLY)), "clearance.own_party_decision"],
    ["a host planner approves", () => approve(submitted(), APPROVAL, buildContext(nePlanner, EARLY)), "policy.forbidden"],
    ["a host observer denies", () => deny(submitted(), { reason: "x" }, buildContext(neObserver, EARLY)), "policy.forbidden"],
    ["a host commission member approves", () => approve(submitted(), APPROVAL, buildContext(buildActor(NE, "commission_member"), EARLY)), "policy.forbidden"],
    ["a host planner drafts for the departing party", () => createClearanceRequest({ id: asClearanceRequestId("X"), owner: US, details: buildDetails() }, buildContext(nePlanner, EARLY)), "policy.forbidden"],
    ["a host officer submits", () => submit(draft(), {}, filing(neOfficer)), "policy.forbidden"],
    ["a departing observer submits", () => submit(draft(), {}, filing(usObserver)), "policy.forbidden"],
    ["a host officer cancels", () => cancel(submitted(), {}, buildContext(neOfficer, EARLY)), "policy.forbidden"],
    ["a host planner edits a draft", () => updateDraft(draft(), { crew: 3 }, buildContext(nePlanner, EARLY)), "policy.forbidden"],
    ["the host accepts its own amendment", () => acceptAmendment(amended(), {}, buildContext(neOfficer, EARLY)), "policy.forbidden"],
    ["an observer expires", () => expire(approved(), {}, buildContext(usObserver, LATER)), "policy.forbidden"],
  ];
  for (const [name, run, code] of cases) {
    it(`refuses: ${name} (${code})`, () => {
      const r = run();
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe(code);
    });
  }

  it("lets either party's clearance officer run the expiry sweep", () => {
    expect(expire(approved(), {}, buildContext(usOfficer, LATER)).ok).toBe(true);
    expect(expire(approved(), {}, buildContext(neOfficer, LATER)).ok).toBe(true);
  });
});

describe("clearance request: submission", () => {
  it("accepts a request filed exactly at the latest filing time and refuses one a minute later", () => {
    // Tuesday 16 July, two working days (Friday, Monday) with a Sat–Sun weekend: Friday 00:00Z.
    expect(submit(draft(), {}, filing(usPlanner, t("2024-07-12T00:00Z"))).ok).toBe(true);
    const late = submit(draft(), {}, filing(usPlanner, t("2024-07-12T00:01Z")));
    expect(late.ok).toBe(false);
    if (!late.ok) {
      expect(late.error.code).toBe("clearance.lead_time");
      expect(late.error.details?.latestFilingAt).toBe("2024-07-12T00:00:00Z");
      expect(late.error.message).toContain("2 working days");
    }
  });

  it("checks the lead time of the request's country and kind", () => {
    const over = buildDetails({ kind: "overflight", firstAt: t("2024-07-16T08:00Z") });
    // 48 hours before 08:00Z on the 16th.
    expect(leadTimeProblem(over, [NE_RULE], t("2024-07-14T08:00Z"))).toBeUndefined();
    expect(leadTimeProblem(over, [NE_RULE], t("2024-07-14T08:01Z"))?.code).toBe("clearance.lead_time");
    // A country without a rule sets no lead time.
    expect(leadTimeProblem(buildDetails({ country: "ML" }), [NE_RULE], t("2024-07-16T07:00Z"))).toBeUndefined();
  });

  it("refuses a request for a flight that has begun, rule or not", () => {
    expect(leadTimeProblem(buildDetails({ country: "ML" }), [], t("2024-07-16T08:00Z"))?.code).toBe("clearance.flight_in_past");
  });

  it("refuses an incomplete request and says what is missing", () => {
    const d = must(
      createClearanceRequest(
        { id: asClearanceRequestId("CR-9"), owner: US, details: buildDetails({ aircraft: { type: "C-17A", tailNumber: "07-7182" }, crew: 0 }) },
        buildContext(usPlanner, EARLY),
      ),
    );
    const r = submit(d, {}, filing(usPlanner));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("clearance.incomplete");
      expect(r.error.details?.missing).toEqual(["aircraft.callSign", "crew"]);
    }
  });

  it("submits in bulk, each request on its own", () => {
    const good = draft("CR-a");
    const late = must(
      createClearanceRequest(
        { id: asClearanceRequestId("CR-b"), owner: US, details: buildDetails({ firstAt: t("2024-07-11T08:00Z"), lastAt: t("2024-07-11T11:00Z") }) },
        buildContext(usPlanner, EARLY),
      ),
    );
    const already = submitted();
    const results = submitMany([good, late, already], filing(usPlanner));
    expect(results.map((x) => x.id)).toEqual(["CR-a", "CR-b", "CR-1"]);
    expect(results.map((x) => outcome(x.result))).toEqual(["submitted", "clearance.lead_time", "clearance.not_submittable"]);
  });
});

describe("clearance request: decisions", () => {
  it("approval carries the clearance number and validity window", () => {
    const r = approve(submitted(), { ...APPROVAL, remarks: "slot 08:00Z" }, buildContext(neOfficer, EARLY));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.next.status === "approved" && r.next.clearance).toEqual({ number: APPROVAL.clearanceNumber, validFrom: APPROVAL.validFrom, validTo: APPROVAL.validTo, remarks: "slot 08:00Z" });
    expect(r.event).toMatchObject({
      type: "clearance.approved",
      objectType: "clearance_request",
      objectId: "CR-1",
      actorId: neOfficer.id,
      actorParty: "NE",
      at: formatInstant(EARLY),
      data: { clearanceNumber: APPROVAL.clearanceNumber, validFrom: "2024-07-16T02:00:00Z", validTo: "2024-07-17T11:00:00Z", from: "submitted", status: "approved" },
    });
  });

  it("refuses a validity window that has passed, is empty or misses the flight", () => {
    const ctx = buildContext(neOfficer, EARLY);
    expect(outcome(approve(submitted(), { ...APPROVAL, validTo: t("2024-07-09T00:00Z"), validFrom: t("2024-07-08T00:00Z") }, ctx))).toBe("clearance.validity_past");
    expect(outcome(approve(submitted(), { ...APPROVAL, validTo: APPROVAL.validFrom }, ctx))).toBe("clearance.invalid_validity");
    expect(outcome(approve(submitted(), { ...APPROVAL, validFrom: t("2024-07-20T00:00Z"), validTo: t("2024-07-21T00:00Z") }, ctx))).toBe("clearance.validity_mismatch");
  });

  it("the approve body schema rejects an inverted window", () => {
    const body = { clearanceNumber: "N1", validFrom: "2024-07-16T02:00Z", validTo: "2024-07-16T01:00Z" };
    expect(approveCommandSchema.safeParse(body).success).toBe(false);
    expect(approveCommandSchema.safeParse({ ...body, validTo: "2024-07-17T01:00Z" }).success).toBe(true);
  });

  it("a denial states its reason", () => {
    expect(outcome(deny(submitted(), { reason: "  " }, buildContext(neOfficer, EARLY)))).toBe("clearance.reason_required");
    const r = denied();
    expect(r.status === "denied" && r.denial.reason).toBe("airspace closed");
  });

  it("an accepted amendment becomes the request and goes back to the host", () => {
    const r = resubmitted();
    expect(r.details.firstAt).toBe(t("2024-07-16T10:00Z"));
    expect(r.history.map((e) => e.type)).toEqual([
      "clearance.drafted",
      "clearance.submitted",
      "clearance.amended",
      "clearance.amendment_accepted",
    ]);
    expect(approve(r, APPROVAL, buildContext(neOfficer, EARLY)).ok).toBe(true);
  });

  it("a counter-proposal is checked like a new submission", () => {
    const changes = { firstAt: t("2024-07-12T08:00Z"), lastAt: t("2024-07-12T11:00Z") };
    expect(outcome(resubmit(amended(), { changes }, filing(usPlanner)))).toBe("clearance.lead_time");
    const r = resubmit(amended(), { changes: { crew: 6 }, remarks: "keep our times" }, filing(usPlanner));
    expect(outcome(r)).toBe("resubmitted");
    if (r.ok) expect(r.next.details.crew).toBe(6);
  });

  it("refuses an amendment that makes the window inconsistent", () => {
    const r = amend(submitted(), { reason: "x", changes: { lastAt: t("2024-07-15T00:00Z") } }, buildContext(neOfficer, EARLY));
    expect(outcome(r)).toBe("clearance.invalid_window");
  });

  it("cancelling an approved request keeps the clearance it had", () => {
    const r = cancel(approved(), {}, buildContext(usPlanner, EARLY));
    expect(r.ok && r.next.status === "cancelled" && r.next.clearance?.number).toBe(APPROVAL.clearanceNumber);
    expect(r.ok && r.next.status === "cancelled" && r.next.cancellation.from).toBe("approved");
  });
});

describe("clearance request: use and expiry", () => {
  it("records the movement that flew under the approval, inside its window", () => {
    const ctx = buildContext(usPlanner, FLIGHT);
    expect(outcome(recordUse(approved(), { movement: asMovementId("M-1"), at: t("2024-07-15T00:00Z") }, ctx))).toBe("clearance.outside_validity");
    expect(outcome(recordUse(approved(), { movement: asMovementId("M-1"), at: t("2024-07-16T13:00Z") }, ctx))).toBe("clearance.future_time");
    const u = used();
    expect(u.status === "approved" && u.used).toEqual({ movement: "M-1", at: t("2024-07-16T11:00Z") });
  });

  it("expires only after the validity window, and only when unused", () => {
    const a = approved();
    expect(isExpiredAt(a, APPROVAL.validTo)).toBe(false);
    expect(outcome(expire(a, {}, buildContext(neOfficer, APPROVAL.validTo)))).toBe("clearance.still_valid");
    expect(isExpiredAt(a, (APPROVAL.validTo + 1) as Instant)).toBe(true);
    expect(outcome(expire(a, {}, buildContext(neOfficer, (APPROVAL.validTo + 1) as Instant)))).toBe("expired");
    expect(isExpiredAt(used(), LATER)).toBe(false);
  });
});

describe("clearance request: events are ledger-ready", () => {
  it("every event of a full history is canonical JSON and carries actor, party and time", () => {
    const r = must(recordUse(must(approve(resubmitted(), APPROVAL, buildContext(neOfficer, EARLY))), { movement: asMovementId("M-1"), at: t("2024-07-16T11:00Z") }, buildContext(usPlanner, FLIGHT)));
    for (const e of r.history) {
      expect(canonicalJson(e).ok).toBe(true);
      expect(e.actorId).toBeTruthy();
      expect(e.actorParty).toMatch(/^(US|NE)$/);
      expect(e.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
    }
  });

  it("the command schemas take ISO times and reject unknown fields", () => {
    const body = {
      country: "NE",
      kind: "landing",
      airfield: "niamey-ab101",
      aircraft: { type: "C-17A", tailNumber: "07-7182", callSign: "RCH871" },
      itinerary: [{ from: "a", to: "b", departAt: "2024-07-16T02:00Z", arriveAt: "2024-07-16T08:00Z" }],
      firstAt: "2024-07-16T08:00Z",
      lastAt: "2024-07-16T11:00Z",
      passengers: 3,
      crew: 5,
    };
    const ok = clearanceDetailsSchema.safeParse(body);
    expect(ok.success).toBe(true);
    if (ok.success) expect(ok.data.firstAt).toBe(t("2024-07-16T08:00Z"));
    expect(clearanceDetailsSchema.safeParse({ ...body, pilotName: "J. Doe" }).success).toBe(false);
    expect(clearanceDetailsSchema.safeParse({ ...body, airfield: undefined }).success).toBe(false);
    expect(clearanceChangesSchema.safeParse({}).success).toBe(false);
    expect(clearanceChangesSchema.safeParse({ crew: 4 }).success).toBe(true);
  });
});

// --- from the plan ---------------------------------------------------------------------------------

const PLAN = buildPlan();

const CARGO = [
  { id: "ammo", description: "Cartridges 5.56 mm", site: "niamey-ab101", quantity: 20, hazard: { class: 1, division: "1.4S", unNumber: "UN0012" } },
  { id: "trucks", description: "Trucks", site: "niamey-ab101", quantity: 4 },
] as unknown as Parameters<typeof draftsFromPlan>[4]["cargo"];

describe("draftsFromPlan", () => {
  const ctx = buildContext(usPlanner, EARLY);

  it("drafts one request per planned clearance with aircraft, itinerary, passengers and dangerous goods", () => {
    const r = draftsFromPlan(PLAN, undefined, counterIds("CR"), ctx, {
      owner: US,
      callSign: () => "RCH871",
      crew: () => 5,
      cargo: CARGO ?? [],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.drafts.map((d) => d.next.id)).toEqual(["CR-1", "CR-2"]);
    const [landing] = r.drafts;
    expect(landing?.next).toMatchObject({
      status: "draft",
      owner: "US",
      source: { planRequest: "S1-L1-NE", sortie: "S1", latestFilingAt: t("2024-07-12T00:00Z") },
      details: {
        country: "NE",
        kind: "landing",
        airfield: "niamey-ab101",
        aircraft: { type: "C-17A", tailNumber: "C17-1", callSign: "RCH871" },
        passengers: 54,
        crew: 5,
        dangerousCargo: [{ description: "Cartridges 5.56 mm", class: 1, division: "1.4S", unNumber: "UN0012", quantity: 20, cargo: "ammo" }],
        weapons: [],
      },
    });
    expect(landing?.next.details.itinerary).toHaveLength(2);
    expect(landing?.event.type).toBe("clearance.drafted");
    for (const d of r.drafts) expect(clearanceInvariantViolations(d.next)).toEqual([]);
    // Drafted from the plan, each submits under its country's rule.
    const results = submitMany(r.drafts.map((d) => d.next), filing(usPlanner));
    expect(results.every((x) => x.result.ok)).toBe(true);
  });

  it("leaves call sign and crew to be completed when the plan does not know them", () => {
    const r = draftsFromPlan(PLAN, ["S1"], counterIds("CR"), ctx, { owner: US });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const first = r.drafts[0]?.next;
    expect(first?.details.aircraft.callSign).toBeUndefined();
    expect(first && outcome(submit(first, {}, filing(usPlanner)))).toBe("clearance.incomplete");
  });

  it("refuses unknown sorties and actors who may not draft", () => {
    expect(outcome(draftsFromPlan(PLAN, ["S9"], counterIds("CR"), ctx, { owner: US }) as Transition<ClearanceRequest>)).toBe("clearance.unknown_sortie");
    const host = draftsFromPlan(PLAN, undefined, counterIds("CR"), buildContext(nePlanner, EARLY), { owner: US });
    expect(host.ok).toBe(false);
    if (!host.ok) expect(host.error.code).toBe("policy.forbidden");
  });

  it("drafts nothing for a sortie list that selects none", () => {
    const r = draftsFromPlan(PLAN, [], counterIds("CR"), ctx, { owner: US });
    expect(r.ok && r.drafts).toEqual([]);
  });
});

// --- random command sequences ----------------------------------------------------------------------

const ACTORS = [usPlanner, neOfficer, usOfficer, nePlanner, usObserver, neAdmin, buildActor(NE, "commission_member")];

const commandArb = fc.oneof(
  fc.record({ kind: fc.constant("update" as const), crew: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ kind: fc.constant("submit" as const) }),
  fc.record({ kind: fc.constant("approve" as const), from: fc.integer({ min: -3000, max: 3000 }), length: fc.integer({ min: -60, max: 6000 }) }),
  fc.record({ kind: fc.constant("deny" as const), reason: fc.constantFrom("", "no slots", "closed") }),
  fc.record({ kind: fc.constant("amend" as const), shift: fc.integer({ min: -600, max: 600 }) }),
  fc.record({ kind: fc.constant("accept" as const) }),
  fc.record({ kind: fc.constant("resubmit" as const) }),
  fc.record({ kind: fc.constant("cancel" as const) }),
  fc.record({ kind: fc.constant("use" as const), at: fc.integer({ min: -2000, max: 3000 }) }),
  fc.record({ kind: fc.constant("expire" as const) }),
);
// Mostly the entitled actors and short steps in time, now and then a long one (to reach expiry).
const actorArb = fc.oneof({ arbitrary: fc.constantFrom(usPlanner, neOfficer), weight: 4 }, { arbitrary: fc.constantFrom(...ACTORS), weight: 1 });
const advanceArb = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 300 }), weight: 9 }, { arbitrary: fc.integer({ min: 0, max: 20_000 }), weight: 1 });
const stepArb = fc.record({ command: commandArb, actor: actorArb, advance: advanceArb });

describe("clearance request: random command sequences", () => {
  it("never reach an invalid state; history grows by exactly one per success; inputs are never modified", () => {
    const taken = new Set<string>();
    const startArb = fc.constantFrom(...Object.keys(STATES));
    fc.assert(
      fc.property(startArb, fc.array(stepArb, { minLength: 5, maxLength: 40 }), (start, steps) => {
        let r = (STATES[start] ?? draft)();
        let now = (r.status === "draft" ? t("2024-07-09T00:00Z") : r.history.length > 3 ? FLIGHT : EARLY) as number;
        let successes = r.history.length;
        const base = t("2024-07-16T08:00Z");
        for (const s of steps) {
          now += s.advance;
          const ctx = { ...buildContext(s.actor, now as Instant), rules: [NE_RULE] };
          const c = s.command;
          const snapshot = structuredClone(r);
          const result: Transition<ClearanceRequest> =
            c.kind === "update" ? updateDraft(r, { crew: c.crew }, ctx)
            : c.kind === "submit" ? submit(r, {}, ctx)
            : c.kind === "approve" ? approve(r, { clearanceNumber: "N-1", validFrom: (base + c.from) as Instant, validTo: (base + c.from + c.length) as Instant }, ctx)
            : c.kind === "deny" ? deny(r, { reason: c.reason }, ctx)
            : c.kind === "amend" ? amend(r, { reason: "shift", changes: { firstAt: (r.details.firstAt + c.shift) as Instant } }, ctx)
            : c.kind === "accept" ? acceptAmendment(r, {}, ctx)
            : c.kind === "resubmit" ? resubmit(r, {}, ctx)
            : c.kind === "cancel" ? cancel(r, {}, ctx)
            : c.kind === "use" ? recordUse(r, { movement: asMovementId("M-1"), at: (base + c.at) as Instant }, ctx)
            : expire(r, {}, ctx);
          expect(r).toEqual(snapshot);
          if (result.ok) {
            successes++;
            taken.add(result.event.type);
            expect(result.next.history.at(-1)).toBe(result.event);
            r = result.next;
          }
          expect(clearanceInvariantViolations(r)).toEqual([]);
          expect(r.history).toHaveLength(successes);
        }
      }),
      { numRuns: 1000 },
    );
    // The random walks are only worth something if they take every kind of transition.
    expect([...taken].sort()).toEqual(
      [
        "clearance.updated",
        "clearance.submitted",
        "clearance.approved",
        "clearance.denied",
        "clearance.amended",
        "clearance.amendment_accepted",
        "clearance.resubmitted",
        "clearance.cancelled",
        "clearance.used",
        "clearance.expired",
      ].sort(),
    );
  });
});
