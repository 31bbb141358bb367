import { describe, expect, it } from "vitest";
import { canonicalJsonBytes } from "#ledger/canonical-json.ts";
import { leafHash } from "#ledger/hash.ts";
import { MerkleTree } from "#ledger/tree.ts";
import { type Instant, parseInstant } from "#domain/time.ts";
import { planWithdrawal } from "#planner/plan-withdrawal.ts";
import { loadShipped } from "#test/scenarios.ts";
import type { Actor } from "./actor.ts";
import { approve, type ClearanceRequest, deny, draftsFromPlan, submitMany } from "./clearance-request.ts";
import type { WorkflowEvent } from "./event.ts";
import { asPartyCode, asPersonId, asPersonnelEventId, asUserId, counterIds, type PersonId } from "./ids.ts";
import { depart, markCleared, type Movement, movementsFromPlan, recordManifest, schedule, useClearances } from "./movement.ts";
import { headcount, type PersonnelEvent, type Presence, presenceOf, recordEntry, recordExit, reconcile, registerPerson } from "./personnel.ts";
import { baseline, emptyRegister, publishPlan } from "./plan-version.ts";
import type { Transition } from "./transition.ts";

/**
 * The whole decision flow on a planned scenario, in memory: what the server will do with a store
 * and a ledger around each step. Plan → publish → clearance drafts → bulk submit → the host
 * approves one sortie's requests and denies another's → the cleared movement departs → exits are
 * recorded → the headcount drops; every decision is a canonical-JSON ledger leaf without personal data.
 */

const at = (iso: string): Instant => parseInstant(iso) ?? (0 as Instant);
function must<S>(r: Transition<S>): S {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.next;
}

describe("the whole flow on synthetic-small", () => {
  it("runs from the plan to a lower headcount, every step a ledger leaf", () => {
    const rs = loadShipped("synthetic-small");
    const parties = rs.scenario.agreement.parties;
    const dp = asPartyCode(parties.find((p) => p.role === "departing")?.code ?? "");
    const hp = asPartyCode(parties.find((p) => p.role === "host")?.code ?? "");
    const user = (party: typeof dp, side: Actor["side"], ...roles: Actor["roles"][number][]): Actor => ({ id: asUserId(`${party}-${roles[0]}`), party, side, roles });
    const planner = user(dp, "departing", "movement_planner");
    const member = user(dp, "departing", "commission_member");
    const officer = user(hp, "host", "clearance_officer");
    const ledger: WorkflowEvent[] = [];
    const log = <S>(r: Transition<S>): S => {
      const next = must(r);
      if (r.ok) ledger.push(r.event);
      return next;
    };

    const plan = planWithdrawal(rs);
    const sorties = plan.sorties.map((s) => s.id);
    expect(sorties.length).toBeGreaterThanOrEqual(2);
    const firstFlight = Math.min(...plan.sorties.map((s) => at(s.legs[0]?.departAt ?? "")));
    let now = (firstFlight - 8 * 1440) as Instant; // a week ahead: every lead time can be met

    // 1. The departing party publishes the plan as the baseline.
    const register = log(publishPlan(emptyRegister(dp), { id: "PV-1" as never, plan }, { actor: member, now }));
    expect(baseline(register)?.number).toBe(1);

    // 2. Drafts from the plan, completed with call signs and crews, submitted in bulk.
    const drafted = draftsFromPlan(plan, undefined, counterIds("CR"), { actor: planner, now }, {
      owner: dp,
      callSign: (s) => `RCH${s.id.replace(/\D/g, "").slice(-4)}`,
      crew: () => 5,
      cargo: rs.scenario.cargo,
    });
    if (!drafted.ok) throw new Error(drafted.error.message);
    for (const d of drafted.drafts) ledger.push(d.event);
    const submitted = submitMany(
      drafted.drafts.map((d) => d.next),
      { actor: planner, now, rules: rs.scenario.clearanceRules },
    ).map((x) => log(x.result));
    expect(submitted.every((r) => r.status === "submitted")).toBe(true);

    // 3. The host approves the first sortie's requests and denies one of the second's.
    const [s1, s2] = sorties as [string, string];
    now = (now + 60) as Instant;
    const decided: ClearanceRequest[] = submitted.map((r) => {
      if (r.source?.sortie === s1) {
        const validFrom = (r.details.firstAt - 360) as Instant;
        const validTo = (r.details.lastAt + 1440) as Instant;
        return log(approve(r, { clearanceNumber: `${hp}-${r.id}`, validFrom, validTo }, { actor: officer, now }));
      }
      return r;
    });
    const refused = decided.find((r) => r.source?.sortie === s2);
    if (!refused) throw new Error("the second sortie needs a clearance");
    decided[decided.indexOf(refused)] = log(deny(refused, { reason: "apron closed for works" }, { actor: officer, now }));

    // 4. Movements from the plan; the first sortie's is scheduled, loaded and cleared.
    const made = movementsFromPlan(plan, decided, counterIds("M"), { actor: planner, now }, dp);
    if (!made.ok) throw new Error(made.error.message);
    for (const m of made.movements) ledger.push(m.event);
    const byRef = new Map(made.movements.map((m) => [m.next.details.planRef, m.next]));
    let m1 = byRef.get(s1) as Movement;
    const m2 = byRef.get(s2) as Movement;

    // 5. The people at the first sortie's boarding site are registered and present.
    const boarding = m1.details.from;
    const groups = rs.scenario.personnel.filter((g) => g.site === boarding);
    const persons = groups.flatMap((g) =>
      Array.from({ length: g.count }, (_, i) =>
        log(registerPerson({ id: asPersonId(`${g.id}-${i + 1}`), owner: dp, group: g.id, personal: { name: `Person ${g.id} ${i + 1}`, nationality: "US", documentNumber: `D${i}`, unit: g.unit } }, { actor: planner, now })),
      ),
    );
    const events: PersonnelEvent[] = [];
    const presence = new Map<PersonId, Presence>();
    const eventIds = counterIds("PE");
    for (const p of persons) {
      const r = recordEntry(presenceOf(p, []), { id: asPersonnelEventId(eventIds()), site: boarding, at: (now - 1440) as Instant }, { actor: planner, now });
      if (!r.ok) throw new Error(r.error.message);
      ledger.push(r.event);
      events.push(r.record);
      presence.set(p.id, r.next);
    }
    const before = headcount(events, now).total;
    expect(before).toBe(persons.length);

    const onBoard = persons.slice(0, m1.details.plannedPassengers).map((p) => p.id);
    expect(onBoard.length).toBeGreaterThan(0);
    m1 = log(schedule(m1, {}, { actor: planner, now }));
    m1 = log(recordManifest(m1, { persons: onBoard, items: [], pallets: [] }, { actor: planner, now }));
    m1 = log(markCleared(m1, {}, { actor: planner, now, clearances: decided }));

    // The denied sortie cannot be cleared.
    const stuck = markCleared(log(schedule(m2, {}, { actor: planner, now })), {}, { actor: planner, now, clearances: decided });
    expect(stuck.ok ? "cleared" : stuck.error.code).toBe("movement.clearances_pending");

    // 6. Departure at the planned time, then the exits.
    now = (m1.details.departAt + 30) as Instant;
    m1 = log(depart(m1, { at: m1.details.departAt }, { actor: planner, now, clearances: decided }));
    if (m1.status !== "departed") throw new Error("not departed");
    const used = useClearances(m1, decided, { actor: planner, now }).map((x) => log(x.result));
    expect(used.length).toBe(m1.details.clearances.length);
    expect(used.every((c) => c.status === "approved" && c.used?.movement === m1.id)).toBe(true);
    for (const id of onBoard) {
      const r = recordExit(presence.get(id) as Presence, { id: asPersonnelEventId(eventIds()), movement: m1.id }, { actor: planner, now, movement: m1 });
      if (!r.ok) throw new Error(r.error.message);
      ledger.push(r.event);
      events.push(r.record);
    }
    const after = headcount(events, now);
    expect(after.total).toBe(before - onBoard.length);
    expect(headcount(events, (m1.details.departAt - 1) as Instant).total).toBe(before);
    const report = reconcile(persons, events, [m1]);
    expect(report.leftUnrecorded).toEqual([]);
    expect(report.left).toHaveLength(onBoard.length);

    // 7. Every decision is a leaf: canonical JSON, actor and party, no personal data.
    const tree = new MerkleTree();
    for (const e of ledger) {
      const bytes = canonicalJsonBytes(e);
      if (!bytes.ok) throw new Error(bytes.reason);
      tree.append(leafHash(bytes.value));
      expect([dp, hp]).toContain(e.actorParty);
    }
    expect(tree.size).toBe(ledger.length);
    const text = JSON.stringify(ledger);
    expect(text).not.toContain("Person main");
    expect(text).not.toMatch(/"documentNumber"/);
    const types = new Set(ledger.map((e) => e.type));
    for (const t of ["plan.published", "clearance.submitted", "clearance.approved", "clearance.denied", "clearance.used", "movement.departed", "personnel.entry", "personnel.exit"])
      expect(types).toContain(t);
  });
});
