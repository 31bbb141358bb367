import { describe, expect, it } from "vitest";
import type { CargoFlightProblem } from "#domain/cargo-flight.ts";
import type { UldLoadPlan } from "#domain/uld-load-plan.ts";
import { smallFreighterPlan, smallFreighterProblem } from "./fixtures/small-freighter.ts";
import { ULD_RULES, type UldRule } from "./uld-violation.ts";
import { verifyUldLoadPlan } from "./verify-uld-load-plan.ts";

const must = <T>(v: T | undefined, what: string): T => {
  if (v === undefined) throw new Error(`fixture has no ${what}`);
  return v;
};
const uld = (p: UldLoadPlan, id: string) => must(p.ulds.find((u) => u.id === id), id);
const leg = (p: UldLoadPlan, id: string) => must(p.legs.find((l) => l.leg === id), id);
const position = (p: CargoFlightProblem, id: string) => must(p.aircraft.loadModel.positions.find((x) => x.id === id), id);
const limit = (p: CargoFlightProblem, id: string) => must(p.aircraft.loadModel.weightLimits.find((x) => x.id === id), id);

interface Case {
  readonly code: UldRule;
  readonly what: string;
  readonly plan?: (p: UldLoadPlan) => UldLoadPlan;
  readonly problem?: (p: CargoFlightProblem) => CargoFlightProblem;
  readonly message: RegExp;
}

/** One crafted invalid loading per rule (some rules have several ways to break). */
const CASES: readonly Case[] = [
  { code: "uld.type", what: "a ULD type the aircraft does not take", plan: (p) => ({ ...p, ulds: p.ulds.map((u) => (u.id === "U3" ? { ...u, type: "AKE" } : u)) }), message: /U3 is a AKE; the t2 takes C, P/ },
  {
    code: "uld.piece",
    what: "a piece of another segment",
    plan: (p) => ({ ...p, ulds: p.ulds.map((u) => (u.id === "U2" ? { ...u, grossKg: 440, pieces: [...u.pieces, { ...must(uld(p, "U4").pieces[0], "p4"), x: 100, y: 50 }] } : u)) }),
    message: /U2 holds p4x0, which is not booked on segment S1 \(it is booked on another segment\)/,
  },
  {
    code: "uld.piece",
    what: "a piece loaded more often than booked",
    plan: (p) => ({ ...p, ulds: p.ulds.map((u) => (u.id === "U3" ? { ...u, grossKg: 90, pieces: [...u.pieces, { ...must(u.pieces[0], "p3"), y: 50 }] } : u)) }),
    message: /p3x0 is loaded 2 times; 1 are booked/,
  },
  { code: "uld.weight", what: "a gross weight mis-stated", plan: (p) => ({ ...p, ulds: p.ulds.map((u) => (u.id === "U1" ? { ...u, grossKg: 800 } : u)) }), message: /U1 states 800 kg gross; tare and pieces weigh 700 kg/ },
  {
    code: "uld.weight",
    what: "a ULD heavier than its type allows",
    problem: (p) => ({ ...p, aircraft: { ...p.aircraft, uldTypes: p.aircraft.uldTypes.map((t) => (t.id === "P" ? { ...t, maxGross: 900 as typeof t.maxGross } : t)) } }),
    message: /U4 weighs 1000 kg; a P takes 900 kg gross/,
  },
  {
    code: "uld.separation",
    what: "flammable liquid and an oxidiser on one ULD",
    plan: (p) => ({
      ...p,
      ulds: p.ulds.filter((u) => u.id !== "U3").map((u) => (u.id === "U2" ? { ...u, grossKg: 160, pieces: [...u.pieces, { ...must(uld(p, "U3").pieces[0], "p3"), x: 100, y: 5 }] } : u)),
      legs: p.legs.map((l) => ({ ...l, positions: l.positions.filter((e) => e.uld !== "U3") })),
    }),
    message: /U2 holds cargo coded RFL and cargo coded ROX, which may not share a ULD/,
  },
  {
    code: "uld.geometry",
    what: "two pieces in one place",
    plan: (p) => ({ ...p, ulds: p.ulds.map((u) => (u.id === "U2" ? { ...u, pieces: u.pieces.map((x) => ({ ...x, x: 0 })) } : u)) }),
    message: /U2: p2x0#2 overlaps p2x0#1/,
  },
  {
    code: "uld.geometry",
    what: "a piece in the air",
    plan: (p) => ({ ...p, ulds: p.ulds.map((u) => (u.id === "U3" ? { ...u, pieces: u.pieces.map((x) => ({ ...x, z: 20 })) } : u)) }),
    message: /U3: p3x0#1: 0 % of its base is supported at z = 20/,
  },
  { code: "uld.contour", what: "a piece on the rim", plan: (p) => ({ ...p, ulds: p.ulds.map((u) => (u.id === "U2" ? { ...u, pieces: u.pieces.map((x) => ({ ...x, y: 0 })) } : u)) }), message: /U2: p2x0 at \(0, 0, 0\) reaches into a block of P/ },
  {
    code: "uld.contour",
    what: "a piece through the sloping top",
    plan: (p) => ({ ...p, ulds: p.ulds.map((u) => (u.id === "U3" ? { ...u, pieces: u.pieces.map((x) => ({ ...x, y: 105 })) } : u)) }),
    message: /U3: p3x0 \(105–145 across, 0–30 up\) crosses the contour of C/,
  },
  { code: "position.unknown", what: "a position the aircraft does not have", plan: (p) => ({ ...p, legs: p.legs.map((l) => ({ ...l, positions: l.positions.map((e) => (e.uld === "U2" ? { ...e, position: "M9" } : e)) })) }), message: /A-B: U2 is on position M9, which the t2 does not have/ },
  {
    code: "position.unknown",
    what: "two ULDs on one position",
    plan: (p) => ({ ...p, legs: p.legs.map((l) => (l.leg === "A-B" ? { ...l, positions: l.positions.map((e) => (e.uld === "U2" ? { ...e, position: "M3" } : e)) } : l)) }),
    message: /A-B: position M3 holds U1 and U2/,
  },
  {
    code: "position.type",
    what: "a container on a pallet position",
    plan: (p) => ({ ...p, legs: p.legs.map((l) => (l.leg === "A-B" ? { ...l, positions: l.positions.map((e) => (e.uld === "U2" ? { ...e, position: "L1" } : e.uld === "U3" ? { ...e, position: "M1" } : e)) } : l)) }),
    message: /A-B: U3 is a C; position M1 takes P/,
  },
  { code: "position.weight", what: "a ULD too heavy for its position", problem: (p) => withPosition(p, "L1", { maxWeight: 60 }), message: /A-B: U3 weighs 70 kg; position L1 takes 60 kg/ },
  {
    code: "position.overlap",
    what: "the wide position and one it covers both loaded",
    plan: (p) => ({ ...p, legs: p.legs.map((l) => (l.leg === "A-B" ? { ...l, positions: l.positions.map((e) => (e.uld === "U2" ? { ...e, position: "W23" } : e)) } : l)) }),
    message: /A-B: positions M3 and W23 overlap, yet hold U1 and U2/,
  },
  { code: "position.limit", what: "a cumulative limit", problem: (p) => withLimit(p, "M23", 1500), message: /A-B: ULDs on M2, M3, W23 weigh 1700 kg; limit M23 is 1500 kg/ },
  { code: "position.limit", what: "the dry-ice limit below", problem: (p) => withLimit(p, "ICE_L", 5), message: /A-B: ICE cargo on L1, L2 weigh 10 kg; limit ICE_L is 5 kg/ },
  {
    code: "leg.balance",
    what: "the heavy ULDs forward",
    plan: (p) => ({ ...p, legs: p.legs.map((l) => (l.leg === "A-B" ? { ...l, positions: l.positions.map((e) => (e.uld === "U1" ? { ...e, position: "M1" } : e.uld === "U2" ? { ...e, position: "M3" } : e)) } : l)) }),
    message: /A-B: centre of gravity at 1484\.8 cm is forward of the limits 1490\.0–1510\.0 cm: move weight aft/,
  },
  { code: "leg.continuity", what: "a ULD that gets off before its segment ends", plan: (p) => ({ ...p, legs: p.legs.map((l) => (l.leg === "B-C" ? { ...l, positions: l.positions.filter((e) => e.uld !== "U5") } : l)) }), message: /U5 flies A-B but not B-C, though its segment S2 does/ },
  {
    code: "leg.continuity",
    what: "a ULD that rides on past its segment",
    plan: (p) => ({ ...p, legs: p.legs.map((l) => (l.leg === "B-C" ? { ...l, positions: [...l.positions, { position: "L1", uld: "U3" }] } : l)) }),
    message: /B-C: U3 of segment S1 is aboard, but this leg does not carry that segment/,
  },
];

function withPosition(p: CargoFlightProblem, id: string, change: { maxWeight: number }): CargoFlightProblem {
  position(p, id);
  const m = p.aircraft.loadModel;
  return { ...p, aircraft: { ...p.aircraft, loadModel: { ...m, positions: m.positions.map((x) => (x.id === id ? { ...x, maxWeight: change.maxWeight as typeof x.maxWeight } : x)) } } };
}

function withLimit(p: CargoFlightProblem, id: string, kg: number): CargoFlightProblem {
  limit(p, id);
  const m = p.aircraft.loadModel;
  return { ...p, aircraft: { ...p.aircraft, loadModel: { ...m, weightLimits: m.weightLimits.map((l) => (l.id === id ? { ...l, maxWeight: kg as typeof l.maxWeight } : l)) } } };
}

describe("verifyUldLoadPlan", () => {
  it("accepts the hand-made plan and states each leg's balance", () => {
    const r = verifyUldLoadPlan(smallFreighterProblem(), smallFreighterPlan());
    expect(r.violations).toEqual([]);
    expect(r.checked).toEqual({ ulds: 5, legs: 2 });
    expect(r.legs.map((l) => Math.round(l.cgArm * 10) / 10)).toEqual([1501.4, 1496.4]);
    expect(r.legs.map((l) => l.grossKg)).toEqual([27000, 23090]);
  });

  for (const c of CASES)
    it(`rejects ${c.what} (${c.code})`, () => {
      const problem = (c.problem ?? ((p) => p))(smallFreighterProblem());
      const plan = (c.plan ?? ((p) => p))(smallFreighterPlan());
      const r = verifyUldLoadPlan(problem, plan);
      const mine = r.violations.filter((v) => v.code === c.code).map((v) => v.message);
      expect(mine.some((m) => c.message.test(m)), `${c.code}: ${JSON.stringify(r.violations)}`).toBe(true);
    });

  it("has a crafted invalid loading for every rule", () => {
    expect(new Set(CASES.map((c) => c.code))).toEqual(new Set(ULD_RULES));
  });

  it("reads the blocks as the reference solutions do only when asked", () => {
    const onRim = (p: UldLoadPlan) => ({ ...p, ulds: p.ulds.map((u) => (u.id === "U2" ? { ...u, pieces: u.pieces.map((x) => ({ ...x, y: 0 })) } : u)) });
    expect(verifyUldLoadPlan(smallFreighterProblem(), onRim(smallFreighterPlan()), { blocks: false }).violations).toEqual([]);
    // The cuts still count.
    const sloped = (p: UldLoadPlan) => ({ ...p, ulds: p.ulds.map((u) => (u.id === "U3" ? { ...u, pieces: u.pieces.map((x) => ({ ...x, y: 105 })) } : u)) });
    expect(verifyUldLoadPlan(smallFreighterProblem(), sloped(smallFreighterPlan()), { blocks: false }).violations.map((v) => v.code)).toEqual(["uld.contour"]);
  });
});
