import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { buildActor, buildContext, buildPlan, NE, t, US } from "./factories.ts";
import { asMovementId, asPersonId, asPersonnelEventId, asPlanVersionId } from "./ids.ts";
import { createMovement, type Movement } from "./movement.ts";
import type { PersonnelEvent } from "./personnel.ts";
import { baseline, compareWithBaseline, emptyRegister, planDigest, plannedOutBy, publishPlan, type PlanRegister } from "./plan-version.ts";
import type { Transition } from "./transition.ts";

const usPlanner = buildActor(US, "movement_planner");
const usMember = buildActor(US, "commission_member");
const neMember = buildActor(NE, "commission_member");
const usObserver = buildActor(US, "observer");
const NOW = t("2024-07-01T08:00Z");

function must<S>(r: Transition<S>): S {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.next;
}

const variant = (n: number): Plan => ({ ...buildPlan(), planner: { name: "test", version: "0", seed: n } });
const publish = (reg: PlanRegister, plan: Plan, actor = usMember, id = `PV-${reg.version + 1}`) =>
  publishPlan(reg, { id: asPlanVersionId(id), plan }, buildContext(actor, NOW));

describe("plan versions", () => {
  it("publishing makes version 1 the baseline and records the plan's digest", () => {
    const r = publish(emptyRegister(US), variant(1), usMember);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.next.versions).toHaveLength(1);
    expect(baseline(r.next)).toMatchObject({ number: 1, status: "baseline", scenario: "test", digest: planDigest(variant(1)), publishedBy: usMember.id });
    expect(r.event).toMatchObject({ type: "plan.published", objectType: "plan_version", objectId: "PV-1", data: { number: 1, digest: planDigest(variant(1)), complete: true } });
    expect(r.event.data).not.toHaveProperty("supersedes");
  });

  it("a new publication supersedes the previous baseline: one baseline at a time", () => {
    const reg = must(publish(must(publish(emptyRegister(US), variant(1))), variant(2), usPlanner));
    expect(reg.versions.map((v) => [v.number, v.status])).toEqual([
      [1, "superseded"],
      [2, "baseline"],
    ]);
    expect(reg.history.at(-1)?.data.supersedes).toBe(1);
  });

  it("refuses to republish the baseline, a plan of another scenario, and publishers without the right", () => {
    const reg = must(publish(emptyRegister(US), variant(1)));
    const code = (r: Transition<PlanRegister>) => (r.ok ? "ok" : r.error.code);
    expect(code(publish(reg, variant(1)))).toBe("plan.unchanged");
    expect(code(publish(reg, { ...variant(2), scenario: "other" }))).toBe("plan.scenario_mismatch");
    expect(code(publish(reg, variant(2), neMember))).toBe("policy.forbidden");
    expect(code(publish(reg, variant(2), usObserver))).toBe("policy.forbidden");
    // Going back to an earlier plan is a new version, not a refusal.
    expect(code(publish(must(publish(reg, variant(2))), variant(1)))).toBe("ok");
  });

  it("refuses a plan that is not plain JSON", () => {
    const bad = { ...variant(3), summary: { ...variant(3).summary, closureRatio: Number.NaN } };
    const r = publish(emptyRegister(US), bad);
    expect(r.ok ? "ok" : r.error.code).toBe("plan.not_json");
  });

  it("random publications keep numbers consecutive and exactly one baseline", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 20 }), (seeds) => {
        let reg = emptyRegister(US);
        for (const s of seeds) {
          const r = publish(reg, variant(s));
          if (r.ok) reg = r.next;
          expect(reg.versions.map((v) => v.number)).toEqual(reg.versions.map((_, i) => i + 1));
          expect(reg.versions.filter((v) => v.status === "baseline")).toHaveLength(reg.versions.length > 0 ? 1 : 0);
          expect(reg.history).toHaveLength(reg.version);
          expect(reg.versions).toHaveLength(reg.version);
        }
      }),
    );
  });
});

describe("actuals against the baseline", () => {
  const inHost = (site: string) => site === "niamey-ab101" || site === "agadez-ab201";

  function movementFor(id: string, planRef: string | undefined, status: "departed" | "arrived" | "scheduled" | "cancelled", departedAt?: string): Movement {
    const m = must(
      createMovement(
        {
          id: asMovementId(id),
          owner: US,
          details: { kind: "sortie", from: "niamey-ab101", to: "ramstein", departAt: t("2024-07-16T11:00Z"), arriveAt: t("2024-07-16T17:00Z"), clearances: [], plannedPassengers: 0, ...(planRef ? { planRef } : {}) },
        },
        buildContext(usPlanner, NOW),
      ),
    );
    if (status === "departed") return { ...m, status, departedAt: t(departedAt ?? "2024-07-16T11:00Z") };
    if (status === "arrived") return { ...m, status, departedAt: t(departedAt ?? "2024-07-14T06:00Z"), arrivedAt: t("2024-07-15T18:00Z") };
    if (status === "cancelled") return { ...m, status, cancellation: { from: "planned", reason: "x" } };
    return { ...m, status };
  }

  const exit = (person: string, at: string): PersonnelEvent => ({
    id: asPersonnelEventId(`E-${person}`),
    person: asPersonId(person),
    kind: "exit",
    site: "niamey-ab101",
    at: t(at),
    movement: asMovementId("M-1"),
  });

  it("counts the people the plan takes out by an instant", () => {
    const plan = buildPlan();
    expect(plannedOutBy(plan, t("2024-07-16T10:59Z"), inHost)).toBe(0); // the convoy stays in the country
    expect(plannedOutBy(plan, t("2024-07-16T11:00Z"), inHost)).toBe(54);
    expect(plannedOutBy(plan, t("2024-07-18T00:00Z"), inHost)).toBe(66);
  });

  it("reports due, overdue, late and unplanned movements and people out", () => {
    const movements = [
      movementFor("M-1", "S1", "departed", "2024-07-16T11:20Z"),
      movementFor("M-2", "C1", "arrived", "2024-07-14T06:00Z"),
      movementFor("M-3", undefined, "departed"),
    ];
    const r = compareWithBaseline(buildPlan(), movements, [exit("A", "2024-07-16T11:20Z"), exit("B", "2024-07-16T11:20Z")], t("2024-07-18T00:00Z"), inHost);
    expect(r.movements).toEqual({
      planned: 3,
      due: 3,
      departed: 3,
      arrived: 1,
      cancelled: 0,
      overdue: ["P1"],
      late: [{ planRef: "S1", movement: "M-1", plannedAt: t("2024-07-16T11:00Z"), departedAt: t("2024-07-16T11:20Z"), delayMinutes: 20 }],
      unplanned: ["M-3"],
    });
    expect(r.people).toEqual({ plannedOut: 66, actualOut: 2 });
  });

  it("looks only at what happened by the instant asked about", () => {
    const movements = [movementFor("M-1", "S1", "departed", "2024-07-16T11:20Z"), movementFor("M-2", "C1", "cancelled")];
    const r = compareWithBaseline(buildPlan(), movements, [exit("A", "2024-07-16T11:20Z")], t("2024-07-16T11:10Z"), inHost);
    expect(r.movements).toMatchObject({ due: 2, departed: 0, cancelled: 1, overdue: ["S1", "C1"], late: [] });
    expect(r.people).toEqual({ plannedOut: 54, actualOut: 0 });
  });
});
