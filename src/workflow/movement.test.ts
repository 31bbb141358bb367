import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "#ledger/canonical-json.ts";
import type { Instant } from "#domain/time.ts";
import { approve, type ClearanceRequest, cancel, createClearanceRequest, submit } from "./clearance-request.ts";
import { buildActor, buildContext, buildDetails, buildPlan, NE, NE_RULE, t, US } from "./factories.ts";
import { asClearanceRequestId, asMovementId, asPersonId, counterIds } from "./ids.ts";
import {
  arrive,
  cancelMovement,
  createMovement,
  depart,
  type Manifest,
  leavesHostCountry,
  manifestSchema,
  markCleared,
  type Movement,
  MOVEMENT_STATUSES,
  type MovementDetails,
  movementDetailsSchema,
  movementInvariantViolations,
  movementsFromPlan,
  pendingClearances,
  planMovements,
  recordManifest,
  schedule,
  updateMovement,
  useClearances,
} from "./movement.ts";
import type { Transition } from "./transition.ts";

const usPlanner = buildActor(US, "movement_planner");
const nePlanner = buildActor(NE, "movement_planner");
const neOfficer = buildActor(NE, "clearance_officer");
const usObserver = buildActor(US, "observer");

const EARLY = t("2024-07-10T09:00Z");
const AFTER_DEPARTURE = t("2024-07-16T12:00Z");
const AFTER_ARRIVAL = t("2024-07-16T18:00Z");

function must<S>(r: Transition<S>): S {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.next;
}

const CR = asClearanceRequestId("CR-1");
const requestDraft = (id = CR) =>
  must(createClearanceRequest({ id, owner: US, details: buildDetails() }, buildContext(usPlanner, EARLY)));
const requestSubmitted = (id = CR) => must(submit(requestDraft(id), {}, { ...buildContext(usPlanner, EARLY), rules: [NE_RULE] }));
const requestApproved = (id = CR) =>
  must(
    approve(
      requestSubmitted(id),
      { clearanceNumber: "NE-17", validFrom: t("2024-07-16T02:00Z"), validTo: t("2024-07-17T11:00Z") },
      buildContext(neOfficer, EARLY),
    ),
  );
const APPROVED: readonly ClearanceRequest[] = [requestApproved()];

const DETAILS: MovementDetails = {
  kind: "sortie",
  from: "niamey-ab101",
  to: "ramstein",
  departAt: t("2024-07-16T11:00Z"),
  arriveAt: t("2024-07-16T17:00Z"),
  clearances: [CR],
  planRef: "S1",
  plannedPassengers: 54,
};
const MANIFEST: Manifest = {
  persons: [asPersonId("P-1"), asPersonId("P-2")],
  items: [{ cargo: "trucks", quantity: 4 }],
  pallets: ["PAL-1"],
  payloadKg: 20_000,
};

const ctx = (now: Instant = EARLY, actor = usPlanner) => ({ ...buildContext(actor, now), clearances: APPROVED });

const planned = () => must(createMovement({ id: asMovementId("M-1"), owner: US, details: DETAILS }, buildContext(usPlanner, EARLY)));
const scheduled = () => must(schedule(planned(), {}, ctx()));
const cleared = () => must(markCleared(must(recordManifest(scheduled(), MANIFEST, ctx())), {}, ctx()));
const departed = () => must(depart(cleared(), { at: t("2024-07-16T11:05Z") }, ctx(AFTER_DEPARTURE)));
const arrived = () => must(arrive(departed(), { at: t("2024-07-16T17:10Z") }, ctx(AFTER_ARRIVAL)));
const cancelled = () => must(cancelMovement(scheduled(), { reason: "aircraft unserviceable" }, ctx()));

const STATES: Record<string, () => Movement> = { planned, scheduled, cleared, departed, arrived, cancelled };

const COMMANDS: Record<string, (m: Movement) => Transition<Movement>> = {
  update: (m) => updateMovement(m, { departAt: t("2024-07-16T11:30Z"), arriveAt: t("2024-07-16T17:30Z") }, ctx()),
  schedule: (m) => schedule(m, {}, ctx()),
  mark_cleared: (m) => markCleared(m, {}, ctx()),
  record_manifest: (m) => recordManifest(m, { ...MANIFEST, persons: [asPersonId("P-3")] }, ctx()),
  depart: (m) => depart(m, { at: t("2024-07-16T11:05Z") }, ctx(AFTER_DEPARTURE)),
  arrive: (m) => arrive(m, { at: t("2024-07-16T17:10Z") }, ctx(AFTER_ARRIVAL)),
  cancel: (m) => cancelMovement(m, { reason: "weather" }, ctx()),
};

// prettier-ignore
const EXPECTED: Record<string, Record<string, string>> = {
  planned:   { update: "planned", schedule: "scheduled", mark_cleared: "movement.not_clearable", record_manifest: "planned", depart: "movement.not_departable", arrive: "movement.not_arrivable", cancel: "cancelled" },
  scheduled: { update: "scheduled", schedule: "movement.not_schedulable", mark_cleared: "cleared", record_manifest: "scheduled", depart: "movement.not_departable", arrive: "movement.not_arrivable", cancel: "cancelled" },
  cleared:   { update: "movement.not_editable", schedule: "movement.not_schedulable", mark_cleared: "movement.not_clearable", record_manifest: "cleared", depart: "departed", arrive: "movement.not_arrivable", cancel: "cancelled" },
  departed:  { update: "movement.not_editable", schedule: "movement.not_schedulable", mark_cleared: "movement.not_clearable", record_manifest: "movement.manifest_frozen", depart: "movement.not_departable", arrive: "arrived", cancel: "movement.not_cancellable" },
  arrived:   { update: "movement.not_editable", schedule: "movement.not_schedulable", mark_cleared: "movement.not_clearable", record_manifest: "movement.manifest_frozen", depart: "movement.not_departable", arrive: "movement.not_arrivable", cancel: "movement.not_cancellable" },
  cancelled: { update: "movement.not_editable", schedule: "movement.not_schedulable", mark_cleared: "movement.not_clearable", record_manifest: "movement.not_editable", depart: "movement.not_departable", arrive: "movement.not_arrivable", cancel: "movement.not_cancellable" },
};

const outcome = (r: Transition<Movement>) => (r.ok ? r.next.status : r.error.code);

describe("movement: every command in every state", () => {
  for (const [state, build] of Object.entries(STATES)) {
    for (const [command, run] of Object.entries(COMMANDS)) {
      const want = EXPECTED[state]?.[command];
      it(`${command} on ${state} → ${want}`, () => {
        const before = build();
        const r = run(before);
        expect(outcome(r)).toBe(want);
        if (r.ok) {
          expect(r.next.history).toEqual([...before.history, r.event]);
          expect(r.event.data).toMatchObject({ from: before.status, status: r.next.status });
          expect(movementInvariantViolations(r.next)).toEqual([]);
        }
      });
    }
  }

  it("reaches every status", () => {
    expect(Object.values(STATES).map((b) => b().status).sort()).toEqual([...MOVEMENT_STATUSES].sort());
  });
});

describe("movement: who may act", () => {
  // prettier-ignore
  const cases: [string, () => Transition<Movement>][] = [
    ["the host's planner schedules the departing party's movement", () => schedule(planned(), {}, ctx(EARLY, nePlanner))],
    ["the host's clearance officer marks it cleared", () => markCleared(scheduled(), {}, ctx(EARLY, neOfficer))],
    ["an observer records the manifest", () => recordManifest(scheduled(), MANIFEST, ctx(EARLY, usObserver))],
    ["the host's planner records the departure", () => depart(cleared(), {}, ctx(AFTER_DEPARTURE, nePlanner))],
    ["an observer cancels", () => cancelMovement(planned(), { reason: "x" }, ctx(EARLY, usObserver))],
    ["the host's planner creates a movement for the departing party", () => createMovement({ id: asMovementId("M-9"), owner: US, details: DETAILS }, buildContext(nePlanner, EARLY))],
  ];
  for (const [name, run] of cases) {
    it(`refuses: ${name}`, () => expect(outcome(run())).toBe("policy.forbidden"));
  }
});

describe("movement: clearances", () => {
  it("is cleared only when every clearance is approved", () => {
    const pending = markCleared(scheduled(), {}, { ...buildContext(usPlanner, EARLY), clearances: [requestSubmitted()] });
    expect(outcome(pending)).toBe("movement.clearances_pending");
    if (!pending.ok) expect(pending.error.details?.pending).toEqual(["CR-1: submitted"]);
    const missing = markCleared(scheduled(), {}, { ...buildContext(usPlanner, EARLY), clearances: [] });
    if (!missing.ok) expect(missing.error.details?.pending).toEqual(["CR-1: not found"]);
  });

  it("a movement without clearances (a convoy) is cleared at once", () => {
    const m = must(createMovement({ id: asMovementId("M-2"), owner: US, details: { ...DETAILS, kind: "convoy", clearances: [] } }, buildContext(usPlanner, EARLY)));
    expect(outcome(markCleared(must(schedule(m, {}, ctx())), {}, { ...buildContext(usPlanner, EARLY), clearances: [] }))).toBe("cleared");
  });

  it("an approval used by another movement does not clear this one", () => {
    const c = requestApproved();
    const usedElsewhere = { ...c, used: { movement: asMovementId("M-7"), at: t("2024-07-16T03:00Z") } } as ClearanceRequest;
    expect(pendingClearances(scheduled(), [usedElsewhere])).toEqual(["CR-1: used by M-7"]);
  });

  it("the cleared movement records the clearance numbers", () => {
    const e = cleared().history.at(-1);
    expect(e?.type).toBe("movement.cleared");
    expect(e?.data.clearances).toEqual([{ request: "CR-1", number: "NE-17" }]);
  });

  it("cannot depart once a clearance was cancelled, or outside its validity", () => {
    const withdrawn = must(cancel(requestApproved(), {}, buildContext(usPlanner, EARLY)));
    const r = depart(cleared(), { at: t("2024-07-16T11:05Z") }, { ...buildContext(usPlanner, AFTER_DEPARTURE), clearances: [withdrawn] });
    expect(outcome(r)).toBe("movement.clearance_not_valid");
    const late = depart(cleared(), { at: t("2024-07-17T12:00Z") }, ctx(t("2024-07-17T12:00Z")));
    expect(outcome(late)).toBe("movement.clearance_not_valid");
  });
});

describe("movement: clearances used", () => {
  it("records on each of the movement's approvals that it flew under it", () => {
    const d = departed();
    if (d.status !== "departed") throw new Error("not departed");
    const used = useClearances(d, [...APPROVED, requestApproved(asClearanceRequestId("CR-other"))], buildContext(usPlanner, AFTER_DEPARTURE));
    expect(used.map((u) => u.id)).toEqual(["CR-1"]);
    const r = used[0]?.result;
    expect(r?.ok && r.next.status === "approved" && r.next.used).toEqual({ movement: "M-1", at: t("2024-07-16T11:05Z") });
  });
});

describe("movement: times and manifest", () => {
  it("refuses a departure or arrival in the future, and an arrival before the departure", () => {
    expect(outcome(depart(cleared(), { at: t("2024-07-16T13:00Z") }, ctx(AFTER_DEPARTURE)))).toBe("movement.future_time");
    expect(outcome(arrive(departed(), { at: t("2024-07-16T11:00Z") }, ctx(AFTER_ARRIVAL)))).toBe("movement.arrival_before_departure");
    expect(outcome(arrive(departed(), {}, ctx(AFTER_ARRIVAL)))).toBe("arrived");
  });

  it("departure defaults to now and freezes the manifest in the ledger event", () => {
    const r = depart(cleared(), {}, ctx(t("2024-07-16T11:02Z")));
    expect(r.ok).toBe(true);
    if (!r.ok || r.next.status !== "departed") return;
    expect(r.next.departedAt).toBe(t("2024-07-16T11:02Z"));
    expect(r.event.data.manifest).toEqual({ persons: ["P-1", "P-2"], passengers: 2, items: [{ cargo: "trucks", quantity: 4 }], pallets: ["PAL-1"], payloadKg: 20_000 });
    expect(canonicalJson(r.event).ok).toBe(true);
  });

  it("a departed movement's manifest is frozen", () => {
    const r = recordManifest(departed(), { persons: [], items: [], pallets: [] }, ctx(AFTER_ARRIVAL));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: "movement.manifest_frozen", details: { status: "departed" } });
  });

  it("refuses a person twice on a manifest, in the schema and in the transition", () => {
    expect(manifestSchema.safeParse({ persons: ["P-1", "P-1"] }).success).toBe(false);
    expect(outcome(recordManifest(scheduled(), { ...MANIFEST, persons: [asPersonId("P-1"), asPersonId("P-1")] }, ctx()))).toBe("movement.duplicate_person");
  });

  it("refuses times that arrive before departing", () => {
    expect(outcome(updateMovement(planned(), { arriveAt: t("2024-07-16T10:00Z") }, ctx()))).toBe("movement.invalid_times");
    expect(movementDetailsSchema.safeParse({ kind: "convoy", from: "a", to: "b", departAt: "2024-07-16T10:00Z", arriveAt: "2024-07-16T09:00Z" }).success).toBe(false);
  });
});

describe("movements from the plan", () => {
  it("makes one planned movement per sortie, convoy and airline departure, linked to the sortie's clearances", () => {
    const plan = buildPlan();
    const drafts = [
      { ...requestDraft(asClearanceRequestId("CR-a")), source: { planRequest: "S1-L1-NE", sortie: "S1", latestFilingAt: t("2024-07-12T00:00Z") } },
      { ...requestDraft(asClearanceRequestId("CR-b")), source: { planRequest: "S1-O2-DZ", sortie: "S1", latestFilingAt: t("2024-07-13T02:00Z") } },
    ] as ClearanceRequest[];
    const r = movementsFromPlan(plan, drafts, counterIds("M"), buildContext(usPlanner, EARLY), US);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.movements.map((m) => [m.next.id, m.next.details.kind, m.next.details.planRef, m.next.details.clearances])).toEqual([
      ["M-1", "sortie", "S1", ["CR-a", "CR-b"]],
      ["M-2", "convoy", "C1", []],
      ["M-3", "commercial", "P1", []],
    ]);
    // The sortie's movement is its loaded leg: Niamey → Ramstein.
    expect(r.movements[0]?.next.details).toMatchObject({ from: "niamey-ab101", to: "ramstein", departAt: t("2024-07-16T11:00Z"), plannedPassengers: 54 });
    expect(planMovements(plan)).toHaveLength(3);
  });

  it("takes its passengers out of the country when it boards there and ends abroad, or is an airline departure", () => {
    const host = (site: string) => site === "niamey-ab101" || site === "agadez-ab201";
    const [sortie, convoy, airline] = planMovements(buildPlan());
    expect(sortie && leavesHostCountry(sortie, host)).toBe(true); // Niamey → Ramstein
    expect(convoy && leavesHostCountry(convoy, host)).toBe(false); // Agadez → Niamey: still in the country
    // The plan names only the airport an airline seat leaves from, so from and to are the same.
    expect(airline).toMatchObject({ kind: "commercial" });
    expect(airline && airline.from === airline.to && leavesHostCountry(airline, host)).toBe(true);
    expect(leavesHostCountry({ kind: "commercial", from: "ramstein", to: "ramstein" }, host)).toBe(false);
    expect(leavesHostCountry({ kind: "sortie", from: "ramstein", to: "niamey-ab101" }, host)).toBe(false);
  });

  it("refuses an actor who may not plan for the party", () => {
    const r = movementsFromPlan(buildPlan(), [], counterIds("M"), buildContext(nePlanner, EARLY), US);
    expect(r.ok).toBe(false);
  });
});

const commandArb = fc.oneof(
  fc.record({ kind: fc.constant("update" as const), shift: fc.integer({ min: -120, max: 120 }) }),
  fc.record({ kind: fc.constant("schedule" as const) }),
  fc.record({ kind: fc.constant("clear" as const) }),
  fc.record({ kind: fc.constant("manifest" as const), persons: fc.uniqueArray(fc.constantFrom("P-1", "P-2", "P-3", "P-4"), { maxLength: 4 }) }),
  fc.record({ kind: fc.constant("depart" as const), at: fc.option(fc.integer({ min: -600, max: 1800 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant("arrive" as const), at: fc.option(fc.integer({ min: -600, max: 1800 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant("cancel" as const) }),
);

describe("movement: random command sequences", () => {
  it("never reach an invalid state, and never change a manifest after departure", () => {
    const taken = new Set<string>();
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(STATES)),
        fc.array(fc.record({ command: commandArb, actor: fc.constantFrom(usPlanner, usPlanner, usPlanner, nePlanner, usObserver), advance: fc.integer({ min: 0, max: 240 }) }), { minLength: 3, maxLength: 30 }),
        (start, steps) => {
          let m = (STATES[start] ?? planned)();
          let now = AFTER_DEPARTURE as number;
          let frozen: Manifest | undefined;
          const base = t("2024-07-16T11:00Z");
          for (const s of steps) {
            now += s.advance;
            const c = { ...buildContext(s.actor, now as Instant), clearances: APPROVED };
            const k = s.command;
            const snapshot = structuredClone(m);
            const r: Transition<Movement> =
              k.kind === "update" ? updateMovement(m, { departAt: (m.details.departAt + k.shift) as Instant }, c)
              : k.kind === "schedule" ? schedule(m, {}, c)
              : k.kind === "clear" ? markCleared(m, {}, c)
              : k.kind === "manifest" ? recordManifest(m, { persons: k.persons.map(asPersonId), items: [], pallets: [] }, c)
              : k.kind === "depart" ? depart(m, k.at === undefined ? {} : { at: (base + k.at) as Instant }, c)
              : k.kind === "arrive" ? arrive(m, k.at === undefined ? {} : { at: (base + k.at) as Instant }, c)
              : cancelMovement(m, { reason: "x" }, c);
            expect(m).toEqual(snapshot);
            if (r.ok) {
              taken.add(r.event.type);
              m = r.next;
            }
            if (m.status === "departed" || m.status === "arrived") {
              frozen ??= m.manifest;
              expect(m.manifest).toBe(frozen);
            }
            expect(movementInvariantViolations(m)).toEqual([]);
          }
        },
      ),
      { numRuns: 500 },
    );
    expect([...taken].sort()).toEqual(
      ["movement.updated", "movement.scheduled", "movement.cleared", "movement.manifest_recorded", "movement.departed", "movement.arrived", "movement.cancelled"].sort(),
    );
  });
});
