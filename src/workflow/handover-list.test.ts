import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildActor, buildContext, NE, t, US } from "./factories.ts";
import { asHandoverListId, asPartyCode } from "./ids.ts";
import {
  cancelHandoverList,
  createHandoverList,
  createHandoverListCommandSchema,
  type HandoverList,
  handoverDigest,
  handoverInvariantViolations,
  isFinal,
  signHandoverList,
  updateHandoverList,
} from "./handover-list.ts";
import type { Transition } from "./transition.ts";

const usPlanner = buildActor(US, "movement_planner");
const usMember = buildActor(US, "commission_member");
const neMember = buildActor(NE, "commission_member");
const neOfficer = buildActor(NE, "clearance_officer");
const nePlanner = buildActor(NE, "movement_planner");
const NOW = t("2024-08-01T10:00Z");
const ctx = (actor = usPlanner) => buildContext(actor, NOW);

function must<S>(r: Transition<S>): S {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.next;
}

const LINES = [
  { cargo: "gens", quantity: 4, description: "Generators 60 kW", condition: "serviceable" },
  { cargo: "tents", quantity: 30 },
];

const draft = () =>
  must(createHandoverList({ id: asHandoverListId("H-1"), owner: US, recipient: NE, site: "niamey-ab101", lines: LINES }, ctx()));
const sign = (l: HandoverList, actor = usMember) => signHandoverList(l, { digest: l.digest }, ctx(actor));
const partiallySigned = () => must(sign(draft()));
const final = () => must(sign(partiallySigned(), neMember));
const cancelled = () => must(cancelHandoverList(draft(), { reason: "items kept" }, ctx()));

const STATES: Record<string, () => HandoverList> = { draft, partially_signed: partiallySigned, final, cancelled };
const COMMANDS: Record<string, (l: HandoverList) => Transition<HandoverList>> = {
  update: (l) => updateHandoverList(l, { lines: [{ cargo: "gens", quantity: 3 }] }, ctx()),
  sign_by_host: (l) => sign(l, neMember),
  cancel: (l) => cancelHandoverList(l, { reason: "x" }, ctx()),
};
// prettier-ignore
const EXPECTED: Record<string, Record<string, string>> = {
  draft:            { update: "draft", sign_by_host: "partially_signed", cancel: "cancelled" },
  partially_signed: { update: "handover.not_editable", sign_by_host: "final", cancel: "cancelled" },
  final:            { update: "handover.not_editable", sign_by_host: "handover.not_signable", cancel: "handover.not_cancellable" },
  cancelled:        { update: "handover.not_editable", sign_by_host: "handover.not_signable", cancel: "handover.not_cancellable" },
};
const outcome = (r: Transition<HandoverList>) => (r.ok ? r.next.status : r.error.code);

describe("handover list: every command in every state", () => {
  for (const [state, build] of Object.entries(STATES))
    for (const [command, run] of Object.entries(COMMANDS)) {
      const want = EXPECTED[state]?.[command];
      it(`${command} on ${state} → ${want}`, () => {
        const r = run(build());
        expect(outcome(r)).toBe(want);
        if (r.ok) expect(handoverInvariantViolations(r.next)).toEqual([]);
      });
    }
});

describe("handover list: two signatures", () => {
  it("is final only with both parties' signatures on the same digest", () => {
    expect(isFinal(draft())).toBe(false);
    expect(isFinal(partiallySigned())).toBe(false);
    const f = final();
    expect(isFinal(f)).toBe(true);
    expect(f.signatures.map((s) => [s.party, s.by, s.digest === f.digest])).toEqual([
      ["US", usMember.id, true],
      ["NE", neMember.id, true],
    ]);
    expect(f.history.map((e) => e.type)).toEqual(["handover.drafted", "handover.signed", "handover.signed"]);
  });

  it("either party may sign first", () => {
    expect(isFinal(must(sign(must(sign(draft(), neMember)), usMember)))).toBe(true);
  });

  // prettier-ignore
  const refusals: [string, () => Transition<HandoverList>, string][] = [
    ["a party signing twice", () => sign(partiallySigned(), buildActor(US, "commission_member", "observer")), "handover.already_signed"],
    ["a signature on content other than shown", () => signHandoverList(draft(), { digest: "0".repeat(64) }, ctx(neMember)), "handover.digest_mismatch"],
    ["a third party", () => sign(draft(), buildActor(asPartyCode("FR"), "commission_member")), "handover.not_a_party"],
    ["a host clearance officer signing", () => sign(draft(), neOfficer), "policy.forbidden"],
    ["a planner signing", () => sign(draft(), usPlanner), "policy.forbidden"],
    ["the host drafting for the departing party", () => createHandoverList({ id: asHandoverListId("H-2"), owner: US, recipient: NE, site: "x", lines: LINES }, ctx(nePlanner)), "policy.forbidden"],
    ["a handover to oneself", () => createHandoverList({ id: asHandoverListId("H-3"), owner: US, recipient: US, site: "x", lines: LINES }, ctx()), "handover.same_party"],
  ];
  for (const [name, run, code] of refusals) it(`refuses ${name}`, () => expect(outcome(run())).toBe(code));

  it("editing a draft changes its digest, so an old review cannot be signed", () => {
    const d = draft();
    const edited = must(updateHandoverList(d, { lines: [{ cargo: "gens", quantity: 3 }] }, ctx()));
    expect(edited.digest).not.toBe(d.digest);
    expect(outcome(signHandoverList(edited, { digest: d.digest }, ctx(neMember)))).toBe("handover.digest_mismatch");
  });

  it("the digest is the SHA-256 of the canonical content, independent of key order", () => {
    const a = handoverDigest({ id: asHandoverListId("H"), owner: US, recipient: NE, site: "s", lines: [{ cargo: "c", quantity: 1, description: "d" }] });
    const b = handoverDigest({ site: "s", lines: [{ description: "d", quantity: 1, cargo: "c" }], recipient: NE, owner: US, id: asHandoverListId("H") });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it("the create body refuses a cargo line listed twice", () => {
    const body = { site: "s", recipient: "NE", lines: [{ cargo: "c", quantity: 1 }, { cargo: "c", quantity: 2 }] };
    expect(createHandoverListCommandSchema.safeParse(body).success).toBe(false);
  });

  it("random signing attempts never give a final list without both signatures", () => {
    const actors = [usMember, neMember, neOfficer, usPlanner, buildActor(asPartyCode("FR"), "commission_member")];
    fc.assert(
      fc.property(fc.array(fc.record({ who: fc.constantFrom(...actors), op: fc.constantFrom("sign", "update", "cancel") }), { maxLength: 12 }), (steps) => {
        let l = draft();
        for (const s of steps) {
          const r =
            s.op === "sign" ? sign(l, s.who)
            : s.op === "update" ? updateHandoverList(l, { lines: [{ cargo: "gens", quantity: 2 }] }, ctx(s.who))
            : cancelHandoverList(l, { reason: "x" }, ctx(s.who));
          if (r.ok) l = r.next;
          expect(handoverInvariantViolations(l)).toEqual([]);
          if (isFinal(l)) expect(new Set(l.signatures.map((x) => x.party))).toEqual(new Set(["US", "NE"]));
        }
      }),
    );
  });
});
