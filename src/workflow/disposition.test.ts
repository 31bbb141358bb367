import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CargoItem } from "#domain/cargo.ts";
import { buildActor, buildContext, NE, t, US } from "./factories.ts";
import {
  type CargoDisposition,
  dispositionInvariantViolations,
  dispositionsFromCargo,
  dispositionStatus,
  openDisposition,
  recordDisposal,
  recordHandover,
  recordWithdrawal,
  remaining,
} from "./disposition.ts";
import { createHandoverList, type HandoverList, signHandoverList } from "./handover-list.ts";
import { asHandoverListId, asMovementId } from "./ids.ts";
import { createMovement, type Movement } from "./movement.ts";
import type { Transition } from "./transition.ts";

const usPlanner = buildActor(US, "movement_planner");
const nePlanner = buildActor(NE, "movement_planner");
const usObserver = buildActor(US, "observer");
const usMember = buildActor(US, "commission_member");
const neMember = buildActor(NE, "commission_member");
const NOW = t("2024-08-01T10:00Z");
const ctx = (actor = usPlanner) => buildContext(actor, NOW);

function must<S>(r: Transition<S>): S {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.next;
}

const open = (): CargoDisposition =>
  must(openDisposition({ cargo: "gens", site: "niamey-ab101", description: "Generators", quantity: 10, intended: "withdraw", owner: US }, ctx()));

function departedWith(id: string, quantity: number, status: "departed" | "scheduled" = "departed"): Movement {
  const m = must(
    createMovement(
      {
        id: asMovementId(id),
        owner: US,
        details: { kind: "sortie", from: "niamey-ab101", to: "ramstein", departAt: t("2024-07-16T11:00Z"), arriveAt: t("2024-07-16T17:00Z"), clearances: [], plannedPassengers: 0 },
      },
      ctx(),
    ),
  );
  const manifest = { persons: [], items: [{ cargo: "gens", quantity }], pallets: [] };
  return status === "departed" ? { ...m, manifest, status: "departed", departedAt: t("2024-07-16T11:05Z") } : { ...m, manifest, status: "scheduled" };
}

function handoverList(quantity: number, signers = [usMember, neMember]): HandoverList {
  let l = must(createHandoverList({ id: asHandoverListId("H-1"), owner: US, recipient: NE, site: "niamey-ab101", lines: [{ cargo: "gens", quantity }] }, ctx()));
  for (const s of signers) l = must(signHandoverList(l, { digest: l.digest }, buildContext(s, NOW)));
  return l;
}

const outcome = (r: Transition<CargoDisposition>) => (r.ok ? dispositionStatus(r.next) : r.error.code);

describe("disposition", () => {
  it("opens one record per cargo line with its intended disposition", () => {
    const cargo = [
      { id: "gens", site: "niamey-ab101", description: "Generators", quantity: 10, disposition: "handover" },
      { id: "tents", site: "agadez-ab201", description: "Tents", quantity: 3, disposition: "dispose" },
    ] as unknown as CargoItem[];
    const rs = dispositionsFromCargo(cargo, US, ctx());
    expect(rs.map((r) => r.ok && [r.next.cargo, r.next.intended, remaining(r.next)])).toEqual([
      ["gens", "handover", 10],
      ["tents", "dispose", 3],
    ]);
  });

  it("accounts for every piece: withdrawn, handed over, disposed of", () => {
    let d = open();
    d = must(recordWithdrawal(d, { movement: asMovementId("M-1"), quantity: 5 }, { ...ctx(), movement: departedWith("M-1", 5) }));
    d = must(recordHandover(d, { list: asHandoverListId("H-1") }, { ...ctx(), list: handoverList(3) }));
    expect(dispositionStatus(d)).toBe("open");
    const last = recordDisposal(d, { quantity: 2, method: "demilitarised" }, ctx());
    expect(outcome(last)).toBe("complete");
    if (last.ok) {
      expect(remaining(last.next)).toBe(0);
      expect(last.event.data).toMatchObject({ quantity: 2, method: "demilitarised", remaining: 0, status: "complete" });
      expect(last.next.history.map((e) => e.type)).toEqual(["disposition.opened", "disposition.withdrawn", "disposition.handed_over", "disposition.disposed"]);
    }
  });

  // prettier-ignore
  const refusals: [string, () => Transition<CargoDisposition>, string][] = [
    ["more pieces than remain", () => recordDisposal(open(), { quantity: 11, method: "burnt" }, ctx()), "disposition.quantity_exceeds"],
    ["a withdrawal on a movement that has not departed", () => recordWithdrawal(open(), { movement: asMovementId("M-1"), quantity: 1 }, { ...ctx(), movement: departedWith("M-1", 5, "scheduled") }), "disposition.movement_not_departed"],
    ["more pieces than the manifest carried", () => recordWithdrawal(open(), { movement: asMovementId("M-1"), quantity: 6 }, { ...ctx(), movement: departedWith("M-1", 5) }), "disposition.not_on_manifest"],
    ["a withdrawal on an unknown movement", () => recordWithdrawal(open(), { movement: asMovementId("M-1"), quantity: 1 }, ctx()), "disposition.unknown_movement"],
    ["a handover on a list the host has not signed", () => recordHandover(open(), { list: asHandoverListId("H-1") }, { ...ctx(), list: handoverList(3, [usMember]) }), "disposition.handover_not_final"],
    ["a handover on a list without the line", () => recordHandover(must(openDisposition({ cargo: "tents", site: "s", description: "T", quantity: 2, intended: "handover", owner: US }, ctx())), { list: asHandoverListId("H-1") }, { ...ctx(), list: handoverList(3) }), "disposition.not_on_list"],
    ["the same list twice", () => recordHandover(must(recordHandover(open(), { list: asHandoverListId("H-1") }, { ...ctx(), list: handoverList(3) })), { list: asHandoverListId("H-1") }, { ...ctx(), list: handoverList(3) }), "disposition.handover_already_recorded"],
    ["the host's planner recording", () => recordDisposal(open(), { quantity: 1, method: "x" }, ctx(nePlanner)), "policy.forbidden"],
    ["an observer recording", () => recordDisposal(open(), { quantity: 1, method: "x" }, ctx(usObserver)), "policy.forbidden"],
  ];
  for (const [name, run, code] of refusals) it(`refuses ${name}`, () => expect(outcome(run())).toBe(code));

  it("the same movement's pieces are not counted twice", () => {
    const m = departedWith("M-1", 5);
    const once = must(recordWithdrawal(open(), { movement: m.id, quantity: 5 }, { ...ctx(), movement: m }));
    expect(outcome(recordWithdrawal(once, { movement: m.id, quantity: 1 }, { ...ctx(), movement: m }))).toBe("disposition.not_on_manifest");
  });

  it("random recordings never account for more pieces than the line holds", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ op: fc.constantFrom("withdraw", "dispose", "handover"), n: fc.integer({ min: 1, max: 6 }), movement: fc.constantFrom("M-1", "M-2", "M-3") }), { maxLength: 15 }),
        (steps) => {
          let d = open();
          let count = 1;
          for (const s of steps) {
            const r =
              s.op === "withdraw" ? recordWithdrawal(d, { movement: asMovementId(s.movement), quantity: s.n }, { ...ctx(), movement: departedWith(s.movement, 4) })
              : s.op === "dispose" ? recordDisposal(d, { quantity: s.n, method: "x" }, ctx())
              : recordHandover(d, { list: asHandoverListId("H-1") }, { ...ctx(), list: handoverList(s.n) });
            if (r.ok) {
              d = r.next;
              count++;
            }
            expect(dispositionInvariantViolations(d)).toEqual([]);
            expect(remaining(d)).toBeGreaterThanOrEqual(0);
            expect(d.history).toHaveLength(count);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
