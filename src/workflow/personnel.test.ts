import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Instant } from "#domain/time.ts";
import { buildActor, buildContext, NE, t, US } from "./factories.ts";
import { asMovementId, asPersonId, asPersonnelEventId, counterIds, type PersonId } from "./ids.ts";
import { createMovement, type Movement } from "./movement.ts";
import {
  entryCommandSchema,
  erasePerson,
  fullView,
  headcount,
  hostView,
  passengerList,
  type Person,
  type PersonnelEvent,
  type Presence,
  type PresenceTransition,
  presenceOf,
  presentPerson,
  reconcile,
  recordEntry,
  recordExit,
  recordTransfer,
  registerPerson,
  registerPersonCommandSchema,
  updatePerson,
} from "./personnel.ts";
import type { WorkflowSettings } from "./settings.ts";
import type { Transition } from "./transition.ts";

const usPlanner = buildActor(US, "movement_planner");
const usObserver = buildActor(US, "observer");
const usMember = buildActor(US, "commission_member");
const nePlanner = buildActor(NE, "movement_planner");
const neOfficer = buildActor(NE, "clearance_officer");
const neObserver = buildActor(NE, "observer");

const START = t("2024-07-01T00:00Z");
const NOW = t("2024-07-20T00:00Z");

function must<S>(r: Transition<S>): S {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.next;
}

const PERSONAL = { name: "Jane Q. Doe", nationality: "US", documentNumber: "X1234567", unit: "724th EABS" };

const person = (id = "P-1"): Person =>
  must(registerPerson({ id: asPersonId(id), owner: US, personal: PERSONAL, group: "main-support" }, buildContext(usPlanner, START)));

/** A movement from Niamey with the given persons on board, in the given status. */
function movement(id: string, persons: readonly string[], status: "departed" | "arrived" | "scheduled" = "departed"): Movement {
  const created = must(
    createMovement(
      {
        id: asMovementId(id),
        owner: US,
        details: {
          kind: "sortie",
          from: "niamey-ab101",
          to: "ramstein",
          departAt: t("2024-07-16T11:00Z"),
          arriveAt: t("2024-07-16T17:00Z"),
          clearances: [],
          plannedPassengers: persons.length,
        },
      },
      buildContext(usPlanner, START),
    ),
  );
  const manifest = { persons: persons.map(asPersonId), items: [], pallets: [] };
  // The movement machine is tested on its own; here only its recorded outcome matters.
  if (status === "scheduled") return { ...created, manifest, status: "scheduled" };
  if (status === "departed") return { ...created, manifest, status: "departed", departedAt: t("2024-07-16T11:05Z") };
  return { ...created, manifest, status: "arrived", departedAt: t("2024-07-16T11:05Z"), arrivedAt: t("2024-07-16T17:05Z") };
}

const ids = counterIds("E");
const evId = () => asPersonnelEventId(ids());
const ctx = (actor = usPlanner, now: Instant = NOW, m?: Movement) => ({ ...buildContext(actor, now), movement: m });

function stepOk(r: PresenceTransition): { next: Presence; record: PersonnelEvent } {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r;
}

const M1 = movement("M-1", ["P-1"]);
const notEntered = () => presenceOf(person(), []);
const inCountry = () => stepOk(recordEntry(notEntered(), { id: evId(), site: "agadez-ab201", at: START }, ctx())).next;
const left = () => stepOk(recordExit(inCountry(), { id: evId(), movement: M1.id }, ctx(usPlanner, NOW, M1))).next;

const STATES: Record<string, () => Presence> = { not_entered: notEntered, in_country: inCountry, left };
const COMMANDS: Record<string, (p: Presence) => PresenceTransition> = {
  entry: (p) => recordEntry(p, { id: evId(), site: "niamey-ab101", at: t("2024-07-17T00:00Z") }, ctx()),
  transfer: (p) => recordTransfer(p, { id: evId(), site: "niamey-ab101", at: t("2024-07-10T00:00Z") }, ctx()),
  exit: (p) => recordExit(p, { id: evId(), movement: M1.id }, ctx(usPlanner, NOW, M1)),
};
// prettier-ignore
const EXPECTED: Record<string, Record<string, string>> = {
  not_entered: { entry: "in_country", transfer: "personnel.not_in_country", exit: "personnel.not_in_country" },
  in_country:  { entry: "personnel.already_in_country", transfer: "in_country", exit: "left" },
  left:        { entry: "in_country", transfer: "personnel.not_in_country", exit: "personnel.not_in_country" },
};
const outcome = (r: PresenceTransition) => (r.ok ? r.next.status : r.error.code);

describe("presence: every command in every state", () => {
  for (const [state, build] of Object.entries(STATES)) {
    for (const [command, run] of Object.entries(COMMANDS)) {
      const want = EXPECTED[state]?.[command];
      it(`${command} when ${state} → ${want}`, () => {
        const before = build();
        const r = run(before);
        expect(outcome(r)).toBe(want);
        if (r.ok) {
          expect(r.next.version).toBe(before.version + 1);
          expect(r.event.type).toBe(`personnel.${r.record.kind}`);
          expect(r.event.data.presenceVersion).toBe(r.next.version);
        }
      });
    }
  }
});

describe("presence: exits and entries are tied to movements", () => {
  it("an exit takes the movement's boarding site and departure time", () => {
    const r = stepOk(recordExit(inCountry(), { id: evId(), movement: M1.id }, ctx(usPlanner, NOW, M1)));
    expect(r.record).toMatchObject({ kind: "exit", site: "niamey-ab101", at: t("2024-07-16T11:05Z"), movement: "M-1" });
  });

  // prettier-ignore
  const refusals: [string, () => PresenceTransition, string][] = [
    ["exit on a movement that has not departed", () => recordExit(inCountry(), { id: evId(), movement: asMovementId("M-2") }, ctx(usPlanner, NOW, movement("M-2", ["P-1"], "scheduled"))), "personnel.movement_not_departed"],
    ["exit on a movement whose manifest lacks the person", () => recordExit(inCountry(), { id: evId(), movement: asMovementId("M-3") }, ctx(usPlanner, NOW, movement("M-3", ["P-9"]))), "personnel.not_on_manifest"],
    ["exit on a movement the store did not find", () => recordExit(inCountry(), { id: evId(), movement: asMovementId("M-4") }, ctx()), "personnel.unknown_movement"],
    ["exit on another movement than the one loaded", () => recordExit(inCountry(), { id: evId(), movement: asMovementId("M-4") }, ctx(usPlanner, NOW, M1)), "personnel.unknown_movement"],
    ["entry on a movement that has not arrived", () => recordEntry(notEntered(), { id: evId(), movement: M1.id }, ctx(usPlanner, NOW, M1)), "personnel.movement_not_arrived"],
    ["entry without site or movement", () => recordEntry(notEntered(), { id: evId() }, ctx()), "personnel.site_required"],
    ["an event before the last one", () => recordTransfer(inCountry(), { id: evId(), site: "niamey-ab101", at: t("2024-06-30T00:00Z") }, ctx()), "personnel.out_of_order"],
    ["an event in the future", () => recordTransfer(inCountry(), { id: evId(), site: "niamey-ab101", at: t("2024-07-21T00:00Z") }, ctx()), "personnel.future_time"],
    ["a transfer to the same site", () => recordTransfer(inCountry(), { id: evId(), site: "agadez-ab201" }, ctx()), "personnel.same_site"],
    ["the host's planner records an exit", () => recordExit(inCountry(), { id: evId(), movement: M1.id }, ctx(nePlanner, NOW, M1)), "policy.forbidden"],
    ["an observer records an entry", () => recordEntry(notEntered(), { id: evId(), site: "x" }, ctx(usObserver)), "policy.forbidden"],
  ];
  for (const [name, run, code] of refusals) it(`refuses ${name}`, () => expect(outcome(run())).toBe(code));

  it("an entry on an arrived movement defaults to its destination and arrival time", () => {
    const inbound = movement("M-5", ["P-1"], "arrived");
    const r = stepOk(recordEntry(notEntered(), { id: evId(), movement: inbound.id }, ctx(usPlanner, NOW, inbound)));
    expect(r.record).toMatchObject({ kind: "entry", site: "ramstein", at: t("2024-07-16T17:05Z"), movement: "M-5" });
  });

  it("the entry body names a movement or a site", () => {
    expect(entryCommandSchema.safeParse({}).success).toBe(false);
    expect(entryCommandSchema.safeParse({ site: "niamey-ab101", at: "2024-07-01T00:00Z" }).success).toBe(true);
  });
});

describe("person records keep personal data out of the ledger", () => {
  it("registration, correction, entry and exit events name the person by id only", () => {
    const p = person();
    const updated = updatePerson(p, { personal: { documentNumber: "Y7654321" } }, buildContext(usPlanner, START));
    expect(updated.ok).toBe(true);
    if (!updated.ok) return;
    expect(updated.next.personal?.documentNumber).toBe("Y7654321");
    expect(updated.event.data.fields).toEqual(["personal.documentNumber"]);
    const entry = stepOk(recordEntry(presenceOf(p, []), { id: evId(), site: "agadez-ab201", at: START }, ctx()));
    const exit = recordExit(entry.next, { id: evId(), movement: M1.id }, ctx(usPlanner, NOW, M1));
    const events = [p.history[0], updated.event, exit.ok ? exit.event : undefined];
    const text = JSON.stringify(events);
    for (const secret of ["Jane", "Doe", "X1234567", "Y7654321", "724th"]) expect(text).not.toContain(secret);
    expect(text).toContain("P-1");
  });

  it("only the owning party's planners register and correct persons", () => {
    const r = registerPerson({ id: asPersonId("P-2"), owner: US, personal: PERSONAL }, buildContext(nePlanner, START));
    expect(r.ok).toBe(false);
    expect(updatePerson(person(), { personal: { name: "X" } }, buildContext(usObserver, START)).ok).toBe(false);
  });

  it("the register body keeps personal fields apart and rejects extras", () => {
    expect(registerPersonCommandSchema.safeParse({ personal: PERSONAL }).success).toBe(true);
    expect(registerPersonCommandSchema.safeParse({ personal: { ...PERSONAL, bloodType: "O+" } }).success).toBe(false);
    expect(registerPersonCommandSchema.safeParse({ personal: { ...PERSONAL, nationality: "usa" } }).success).toBe(false);
  });
});

describe("erasing a person's personal data", () => {
  it("removes name, nationality, document number and unit; the event names the fields, never their values", () => {
    const p = person();
    const r = erasePerson(p, presenceOf(p, []), buildContext(usPlanner, NOW));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.next).toMatchObject({ id: p.id, owner: US, group: "main-support", version: 2 });
    expect(r.next.personal).toBeUndefined();
    expect(r.event).toMatchObject({ type: "person.erased", objectId: p.id, objectVersion: 2 });
    expect(r.event.data.fields).toEqual(["personal.name", "personal.nationality", "personal.documentNumber", "personal.unit"]);
    expect(JSON.stringify(r)).not.toMatch(/Jane|Doe|X1234567|724th/);
    // Every view of the erased record shows the id and that it was erased, nothing else.
    expect(fullView(r.next)).toEqual({ id: p.id, name: "", nationality: "", erased: true });
    expect(hostView(r.next, { hostSeesDocumentNumbers: true, hostSeesUnits: true })).toEqual({ id: p.id, name: "", nationality: "", erased: true });
    expect(presentPerson(usPlanner, r.next)).toEqual({ id: p.id, name: "", nationality: "", erased: true });
  });

  it("is refused while the person is in the country, twice, to the other party and to observers", () => {
    const p = person();
    const entered = must(recordEntry(presenceOf(p, []), { id: asPersonnelEventId("E1"), site: "agadez-ab201", at: START }, buildContext(usPlanner, START)));
    const inCountry = erasePerson(p, entered, buildContext(usPlanner, NOW));
    expect(!inCountry.ok && inCountry.error.code).toBe("person.still_in_country");
    expect(!inCountry.ok && inCountry.error.message).toMatch(/agadez-ab201.*record their exit/);
    const left = { ...entered, status: "left" as const };
    const erased = must(erasePerson(p, left, buildContext(usPlanner, NOW)));
    const again = erasePerson(erased, left, buildContext(usPlanner, NOW));
    expect(!again.ok && again.error.code).toBe("person.already_erased");
    const corrected = updatePerson(erased, { personal: { unit: "x" } }, buildContext(usPlanner, NOW));
    expect(!corrected.ok && corrected.error.code).toBe("person.already_erased");
    for (const actor of [usObserver, usMember, nePlanner, neOfficer]) {
      const r = erasePerson(p, left, buildContext(actor, NOW));
      expect(!r.ok && r.error.code, actor.roles.join()).toBe("policy.forbidden");
    }
  });
});

describe("headcount", () => {
  const ev = (person: string, kind: PersonnelEvent["kind"], site: string, at: string, movement?: string): PersonnelEvent => ({
    id: evId(),
    person: asPersonId(person),
    kind,
    site,
    at: t(at),
    ...(movement ? { movement: asMovementId(movement) } : {}),
  });
  const events = [
    ev("A", "entry", "niamey", "2024-07-01T00:00Z"),
    ev("B", "entry", "niamey", "2024-07-01T00:00Z"),
    ev("C", "entry", "agadez", "2024-07-01T00:00Z"),
    ev("C", "transfer", "niamey", "2024-07-10T12:00Z"),
    ev("A", "exit", "niamey", "2024-07-16T11:05Z", "M-1"),
  ];

  it("counts people by site at any instant", () => {
    expect(headcount(events, t("2024-06-30T00:00Z"))).toEqual({ at: t("2024-06-30T00:00Z"), total: 0, bySite: {} });
    expect(headcount(events, t("2024-07-05T00:00Z")).bySite).toEqual({ agadez: 1, niamey: 2 });
    expect(headcount(events, t("2024-07-10T12:00Z")).bySite).toEqual({ niamey: 3 });
    expect(headcount(events, t("2024-07-16T11:04Z")).total).toBe(3);
    expect(headcount(events, t("2024-07-16T11:05Z"))).toMatchObject({ total: 2, bySite: { niamey: 2 } });
  });

  it("does not depend on the order events are passed in when their times differ", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }), fc.integer({ min: 0, max: 30 * 1440 }), (shuffled, offset) => {
        const at = (t("2024-06-30T00:00Z") + offset) as Instant;
        expect(headcount(shuffled, at)).toEqual(headcount(events, at));
      }),
    );
  });

  it("agrees with each person's presence replayed to the same instant (random valid histories)", () => {
    const historyArb = fc.array(
      fc.record({ person: fc.constantFrom("A", "B", "C", "D"), kind: fc.constantFrom("entry", "transfer", "exit"), site: fc.constantFrom("niamey", "agadez", "ouallam"), gap: fc.integer({ min: 0, max: 600 }) }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 0, max: 20_000 }), (steps, probe) => {
        // Build a valid history through the transitions themselves (invalid steps are refused and skipped).
        const presence = new Map<string, Presence>();
        const recorded: PersonnelEvent[] = [];
        let now = START as number;
        const departedWith = (who: string) => movement(`M-${who}`, [who]);
        for (const s of steps) {
          now += s.gap;
          const p = presence.get(s.person) ?? presenceOf({ id: asPersonId(s.person), owner: US }, []);
          const c = buildContext(usPlanner, now as Instant);
          const r =
            s.kind === "entry" ? recordEntry(p, { id: evId(), site: s.site, at: now as Instant }, c)
            : s.kind === "transfer" ? recordTransfer(p, { id: evId(), site: s.site, at: now as Instant }, c)
            : recordExit(p, { id: evId(), movement: asMovementId(`M-${s.person}`), at: now as Instant }, { ...c, movement: departedWith(s.person) });
          if (r.ok) {
            presence.set(s.person, r.next);
            recorded.push(r.record);
          }
        }
        const at = (START + probe) as Instant;
        const h = headcount(recorded, at);
        const expected: Record<string, number> = {};
        for (const who of ["A", "B", "C", "D"]) {
          const p = presenceOf({ id: asPersonId(who), owner: US }, recorded.filter((e) => e.at <= at));
          if (p.status === "in_country" && p.site) expected[p.site] = (expected[p.site] ?? 0) + 1;
        }
        expect(h.bySite).toEqual(expected);
        expect(h.total).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
      }),
      { numRuns: 300 },
    );
  });
});

describe("reconcile", () => {
  it("finds who is in the country, who left, who left unrecorded, and records that disagree", () => {
    const persons = ["A", "B", "C", "D"].map((id) => ({ id: asPersonId(id), owner: US }));
    const m1 = movement("M-1", ["A", "B"]);
    const m2 = movement("M-2", ["C"], "scheduled");
    const e = (person: string, kind: PersonnelEvent["kind"], at: string, movementId?: string): PersonnelEvent => ({
      id: evId(),
      person: asPersonId(person),
      kind,
      site: "niamey-ab101",
      at: t(at),
      ...(movementId ? { movement: asMovementId(movementId) } : {}),
    });
    const events = [
      e("A", "entry", "2024-07-01T00:00Z"),
      e("B", "entry", "2024-07-01T00:00Z"),
      e("C", "entry", "2024-07-01T00:00Z"),
      e("A", "exit", "2024-07-16T11:05Z", "M-1"),
      e("X", "exit", "2024-07-16T11:05Z", "M-1"),
    ];
    const r = reconcile(persons, events, [m1, m2]);
    const ids = (xs: readonly { person: PersonId }[]) => xs.map((x) => x.person);
    expect(ids(r.inCountry)).toEqual(["B", "C"]);
    expect(r.left).toEqual([{ person: "A", movement: "M-1", at: t("2024-07-16T11:05Z") }]);
    expect(r.leftUnrecorded).toEqual([{ person: "B", movement: "M-1" }]);
    expect(r.exitWithoutManifest).toEqual([{ person: "X", movement: "M-1" }]);
    expect(r.neverEntered).toEqual(["D"]);
    expect(r.unknownPersons).toEqual(["X"]);
  });
});

describe("what each side sees of a person", () => {
  const p = person();
  const disclose = (doc: boolean, unit: boolean): WorkflowSettings => ({ hostSeesDocumentNumbers: doc, hostSeesUnits: unit });

  it("the host sees name and nationality, and more only by agreement", () => {
    expect(hostView(p)).toEqual({ id: "P-1", name: "Jane Q. Doe", nationality: "US" });
    expect(hostView(p, disclose(true, true))).toEqual({ id: "P-1", name: "Jane Q. Doe", nationality: "US", unit: "724th EABS", documentNumber: "X1234567" });
  });

  it("chooses the view by the policy", () => {
    expect(presentPerson(usPlanner, p)).toMatchObject({ documentNumber: "X1234567", unit: "724th EABS", owner: "US" });
    expect(presentPerson(usMember, p)).toHaveProperty("documentNumber");
    expect(presentPerson(usObserver, p)).toEqual({ id: "P-1", name: "Jane Q. Doe", nationality: "US" });
    expect(presentPerson(neOfficer, p)).toEqual({ id: "P-1", name: "Jane Q. Doe", nationality: "US" });
    expect(presentPerson(neOfficer, p, disclose(true, false))).toEqual({ id: "P-1", name: "Jane Q. Doe", nationality: "US", documentNumber: "X1234567" });
    // Disclosure goes to the host's officers and commission, not to every host user.
    expect(presentPerson(neObserver, p, disclose(true, false))).toEqual({ id: "P-1", name: "Jane Q. Doe", nationality: "US" });
    expect(presentPerson(neObserver, p, disclose(false, true))).toEqual({ id: "P-1", name: "Jane Q. Doe", nationality: "US", unit: "724th EABS" });
  });

  it("a flight's passenger list gives the host counts and names", () => {
    const list = passengerList(neOfficer, movement("M-1", ["P-1"]), new Map([["P-1", p]]));
    expect(list).toEqual({ movement: "M-1", count: 1, persons: [{ id: "P-1", name: "Jane Q. Doe", nationality: "US" }] });
  });
});
