import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ScenarioInput } from "#domain/scenario.ts";
import {
  cargoLine,
  fleetEntry,
  group,
  leg,
  legLoad,
  must,
  passengers,
  planFrom,
  resolvedFrom,
  site,
} from "./fixtures/plan-kit.ts";
import { type VerifyReport, verifyPlan } from "./verify-plan.ts";
import { VIOLATION_CODES, type ViolationCode } from "./violation.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, "utf8");
const scenarioJson = (): ScenarioInput => JSON.parse(read("scenarios/synthetic-small.json")) as ScenarioInput;
const planJson = (): unknown => JSON.parse(read("src/verify/fixtures/synthetic-small.plan.json"));
const validPlan = (): Plan => planFrom(planJson());
const scenario = resolvedFrom(scenarioJson());

const codes = (r: VerifyReport) => [...new Set(r.violations.map((v) => v.code))];
const explain = (r: VerifyReport) =>
  r.violations.map((v) => `${v.code} ${v.movement ?? "-"} ${v.subject ?? "-"}: ${v.message}`).join("\n");

/** The codes of the rules table in docs/plan-format.md. */
function documentedCodes(): string[] {
  const doc = read("docs/plan-format.md");
  const rules = doc.slice(doc.indexOf("## Rules"));
  return [...rules.matchAll(/^\|\s*`([a-z_]+\.[a-z_]+)`\s*\|/gm)].map((m) => must(m[1], "code"));
}

describe("verifyPlan on the hand-built synthetic-small plan", () => {
  it("accepts it", () => {
    const report = verifyPlan(scenario, planJson());
    expect(explain(report)).toBe("");
    expect(report.ok).toBe(true);
    expect(report.checked.legs).toBe(4);
    expect(report.checked.convoys).toBe(2);
    expect(report.checked.clearances).toBeGreaterThan(0);
  });

  it("rejects it for another scenario (plan.scenario)", () => {
    const other = scenarioJson();
    other.id = "another-scenario";
    const report = verifyPlan(resolvedFrom(other), planJson());
    expect(codes(report)).toEqual(["plan.scenario"]);
  });

  it("reports schema errors with their JSON path and checks nothing else", () => {
    const bad = planJson() as { sorties: { legs: { departAt: unknown }[] }[] };
    must(must(bad.sorties[0], "sortie").legs[1], "leg").departAt = "tomorrow";
    const report = verifyPlan(scenario, bad);
    expect(report.ok).toBe(false);
    expect(codes(report)).toEqual(["plan.schema"]);
    expect(report.violations[0]?.message).toContain("$.sorties[0].legs[1].departAt");
    expect(report.checked.legs).toBe(0);
  });

  it("does not accept a non-object", () => {
    expect(codes(verifyPlan(scenario, "not a plan"))).toEqual(["plan.schema"]);
    expect(codes(verifyPlan(scenario, null))).toEqual(["plan.schema"]);
  });
});

interface Case {
  readonly code: ViolationCode;
  readonly what: string;
  readonly plan?: (p: Plan) => void;
  readonly scenario?: (s: ScenarioInput) => void;
  /** The change breaks this rule and no other (the load-plan rules are crafted so). */
  readonly only?: boolean;
}

/** The library's C-17A with some figures changed, as a scenario's own type. */
function c17With(s: ScenarioInput, change: (t: NonNullable<ScenarioInput["aircraftTypes"]>[number]) => void): void {
  const library = JSON.parse(read("data/aircraft-types.json")) as { aircraftTypes: NonNullable<ScenarioInput["aircraftTypes"]> };
  const c17 = structuredClone(
    must(
      library.aircraftTypes.find((t) => t.id === "C-17A"),
      "C-17A",
    ),
  );
  change(c17);
  s.aircraftTypes = [c17];
}

/** The load plan of a sortie's leg. */
const loadPlanOf = (p: Plan, sortie: string, n: number) => must(leg(p, sortie, n).loadPlan, `load plan of ${sortie}`);

/** One crafted invalid plan (or scenario change) per code: a small mutation of the valid plan. */
const CASES: readonly Case[] = [
  {
    code: "plan.schema",
    what: "a leg arrival that is not an instant",
    plan: (p) => {
      leg(p, "S1", 1).arriveAt = "2025-03-06 06:03";
    },
  },
  {
    code: "plan.scenario",
    what: "the plan names another scenario",
    plan: (p) => {
      p.scenario = "niger-2024";
    },
  },
  {
    code: "plan.incomplete",
    what: "something unplanned",
    plan: (p) => void p.unplanned.push({ what: "cargo", id: "gens", reason: "no aircraft" }),
  },
  {
    code: "ref.unknown",
    what: "a loose cargo line that does not exist",
    plan: (p) => void legLoad(p, "S2", 2).items.push({ cargo: "ghost", quantity: 1 }),
  },
  {
    code: "cargo.conservation",
    what: "one generator left behind",
    plan: (p) => {
      must(
        legLoad(p, "S1", 2).items.find((i) => i.cargo === "gens"),
        "gens",
      ).quantity = 3;
    },
  },
  {
    code: "personnel.conservation",
    what: "one of the closing team left behind",
    plan: (p) => {
      passengers(legLoad(p, "S2", 2), "main-closing").count = 11;
    },
  },
  {
    code: "movement.before_start",
    what: "the first convoy a day early",
    plan: (p) => {
      const c = must(p.convoys[0], "C1");
      c.departAt = "2025-03-02T06:00:00Z";
      c.arriveAt = "2025-03-03T02:48:00Z";
    },
  },
  {
    code: "deadline.missed",
    what: "an airline seat after the deadline",
    plan: (p) => {
      passengers(legLoad(p, "S2", 2), "main-support").count = 60;
      p.commercial.push({
        id: "P2",
        service: "airline",
        airport: "MAIN",
        departAt: "2025-04-03T09:30:00Z",
        passengers: [{ group: "main-support", count: 1 }],
      });
    },
  },
  {
    code: "aircraft.unknown",
    what: "a third C-17 of a fleet of two",
    plan: (p) => {
      must(p.sorties[0], "S1").aircraft = "C17-3";
    },
  },
  {
    code: "aircraft.availability",
    what: "the C-17s withdrawn at noon on the day they fly",
    scenario: (s) => {
      fleetEntry(s, "C17").availability = [{ from: "2025-03-03T00:00:00Z", to: "2025-03-06T12:00:00Z" }];
    },
  },
  {
    code: "aircraft.continuity",
    what: "both sorties flown by the same tail at once",
    plan: (p) => {
      must(p.sorties[1], "S2").aircraft = "C17-1";
    },
  },
  {
    code: "aircraft.ground_time",
    what: "a C-17 loaded in under two hours",
    plan: (p) => {
      leg(p, "S1", 2).departAt = "2025-03-06T08:00:00Z";
    },
  },
  {
    code: "aircraft.out_of_service",
    what: "the first C-17 broken down on the morning it flies",
    scenario: (s) => {
      fleetEntry(s, "C17").outOfService = [{ aircraft: 1, from: "2025-03-06T08:00:00Z", to: "2025-03-08T00:00:00Z", reason: "hydraulic leak" }];
    },
  },
  {
    code: "crew.unknown",
    what: "a staged crew the fleet does not stage",
    plan: (p) => {
      leg(p, "S1", 2).crew = "C17@HOME:1";
    },
  },
  {
    code: "crew.continuity",
    what: "the first C-17's crew flying the second one while it is still in the air",
    plan: (p) => {
      leg(p, "S2", 1).crew = "C17-1:crew";
      leg(p, "S2", 2).crew = "C17-1:crew";
    },
  },
  {
    code: "crew.duty",
    what: "a basic crew limited to 10 hours of duty",
    scenario: (s) => {
      s.crewDuty = { basicDutyPeriod: 600 };
    },
  },
  {
    code: "leg.route",
    what: "a leg's countries misstated",
    plan: (p) => {
      leg(p, "S1", 2).overflies = ["XH", "XD"];
    },
  },
  {
    code: "leg.block_time",
    what: "a leg flown 30 min too fast",
    plan: (p) => {
      leg(p, "S1", 2).departAt = "2025-03-06T10:00:00Z";
    },
  },
  {
    code: "leg.range",
    what: "the leg 15,000 km long",
    scenario: (s) => {
      must(s.airLegs?.[0], "air leg").distance = 15_000;
    },
  },
  {
    code: "site.airfield",
    what: "MAIN taking only C-130s",
    scenario: (s) => {
      site(s, "MAIN").acceptsTypes = ["C-130J-30"];
    },
  },
  {
    code: "site.operating_hours",
    what: "MAIN opening at 07:00",
    scenario: (s) => {
      site(s, "MAIN").operatingHours = { open: "07:00", close: "22:00" };
    },
  },
  {
    code: "site.parking",
    what: "one heavy spot at MAIN",
    scenario: (s) => {
      site(s, "MAIN").parking = { heavy: 1, medium: 2 };
    },
  },
  {
    code: "load.payload",
    what: "payloadKg misstated",
    plan: (p) => {
      leg(p, "S1", 2).payloadKg += 100;
    },
  },
  {
    code: "load.positions",
    what: "positionsUsed misstated",
    plan: (p) => {
      leg(p, "S1", 2).positionsUsed = 17;
    },
  },
  {
    code: "load.seats",
    what: "a 55th passenger with 18 positions loaded",
    plan: (p) => {
      passengers(legLoad(p, "S1", 2), "main-support").count = 15;
      passengers(legLoad(p, "S2", 2), "main-support").count = 60;
    },
  },
  {
    code: "load.fit",
    what: "trucks taller than a C-17's hold",
    scenario: (s) => {
      cargoLine(s, "trucks").dimensions.height = 400;
    },
  },
  {
    code: "load.charter_cargo",
    what: "the C-17 redefined as a passenger charter",
    scenario: (s) => {
      const library = JSON.parse(read("data/aircraft-types.json")) as {
        aircraftTypes: NonNullable<ScenarioInput["aircraftTypes"]>;
      };
      const c17 = must(
        library.aircraftTypes.find((t) => t.id === "C-17A"),
        "C-17A",
      );
      s.aircraftTypes = [{ ...c17, role: "passenger_charter" }];
    },
  },
  {
    code: "load.sensitive",
    what: "the crypto pallet swapped onto the sortie without escorts",
    plan: (p) => {
      const s1 = legLoad(p, "S1", 2);
      const s2 = legLoad(p, "S2", 2);
      s1.pallets = s1.pallets.map((x) => (x === "PB5" ? "PC1" : x));
      s2.pallets = s2.pallets.map((x) => (x === "PC1" ? "PB5" : x));
    },
  },
  {
    code: "load.balance",
    what: "the C-17's forward limit moved to 22 %MAC: S1 balances at 21.4",
    only: true,
    scenario: (s) =>
      c17With(s, (t) => {
        const model = t.loadModel;
        if (model) model.envelope = { forwardPercentMac: 22, aftPercentMac: 37 };
      }),
  },
  {
    code: "load.position",
    what: "two pallets on position 8L (8R left empty)",
    only: true,
    plan: (p) => {
      must(
        loadPlanOf(p, "S1", 2).positions.find((x) => x.pallet === "PB4"),
        "PB4",
      ).position = "8L";
    },
  },
  {
    code: "load.floor",
    what: "a generator 2 m long on the floor (it is 2.5 × 1.1 m)",
    only: true,
    plan: (p) => {
      const gen = must(loadPlanOf(p, "S1", 2).floor[3], "a generator");
      gen.fromCm = 2491.34;
      gen.toCm = 2691.34;
    },
  },
  {
    code: "load.placement",
    what: "seats for 53 of S1's 54 passengers",
    only: true,
    plan: (p) => {
      must(loadPlanOf(p, "S1", 2).seats[0], "sidewall seats").count = 53;
    },
  },
  {
    code: "load.hazard",
    what: "the crypto gear declared 1.1E explosives, on S2 with the fuel cans (class 3)",
    only: true,
    scenario: (s) => {
      cargoLine(s, "crypto").hazard = { class: 1, division: "1.1E" };
    },
  },
  {
    code: "pallet.build",
    what: "a pallet's gross weight misstated",
    plan: (p) => {
      must(
        p.pallets.find((x) => x.id === "PB1"),
        "PB1",
      ).grossWeightKg += 50;
    },
  },
  {
    code: "convoy.route",
    what: "a convoy from the outpost to itself",
    plan: (p) => {
      must(p.convoys[0], "C1").to = "OUTPOST";
    },
  },
  {
    code: "convoy.time",
    what: "a convoy faster than the rate of march",
    plan: (p) => {
      must(p.convoys[0], "C1").arriveAt = "2025-03-04T02:00:00Z";
    },
  },
  {
    code: "convoy.escort",
    what: "a convoy leaving after the escort window",
    plan: (p) => {
      const c = must(p.convoys[0], "C1");
      c.departAt = "2025-03-03T09:30:00Z";
      c.arriveAt = "2025-03-04T06:18:00Z";
    },
  },
  {
    code: "convoy.per_day",
    what: "both convoys on the same day",
    plan: (p) => {
      const c = must(p.convoys[1], "C2");
      c.departAt = "2025-03-03T08:00:00Z";
      c.arriveAt = "2025-03-04T04:48:00Z";
    },
  },
  {
    code: "convoy.trucks",
    what: "the second convoy while the first one's trucks are still out",
    plan: (p) => {
      const c = must(p.convoys[1], "C2");
      c.departAt = "2025-03-04T06:00:00Z";
      c.arriveAt = "2025-03-05T02:48:00Z";
    },
  },
  {
    code: "convoy.capacity",
    what: "12 people in 5 trucks",
    plan: (p) => {
      must(p.convoys[0], "C1").trucks = 5;
    },
  },
  {
    code: "commercial.schedule",
    what: "the airline leaving at 09:00 instead of 09:30",
    plan: (p) => {
      must(p.commercial[0], "P1").departAt = "2025-03-06T09:00:00Z";
    },
  },
  {
    code: "commercial.seats",
    what: "a 21st airline seat",
    plan: (p) => {
      passengers(legLoad(p, "S2", 2), "main-support").count = 60;
      passengers(must(p.commercial[0], "P1"), "main-support").count = 6;
    },
  },
  {
    code: "commercial.eligible",
    what: "security forces on the airline",
    plan: (p) => {
      const s1 = legLoad(p, "S1", 2);
      passengers(s1, "main-security").count = 35;
      passengers(s1, "main-support").count = 19;
      must(p.commercial[0], "P1").passengers = [
        { group: "outpost-team", count: 15 },
        { group: "main-security", count: 5 },
      ];
    },
  },
  {
    code: "personnel.window",
    what: "security forces due out by 09:00",
    scenario: (s) => {
      group(s, "main-security").latestDeparture = "2025-03-06T09:00:00Z";
    },
  },
  {
    code: "closing_team.stays",
    what: "three of MAIN's closing team leaving an hour before its last cargo",
    plan: (p) => {
      const s1 = legLoad(p, "S1", 2);
      const s2 = legLoad(p, "S2", 2);
      passengers(s1, "main-support").count = 11;
      s1.passengers.push({ group: "main-closing", count: 3 });
      passengers(s2, "main-support").count = 64;
      passengers(s2, "main-closing").count = 9;
    },
  },
  {
    code: "clearance.missing",
    what: "S2's overflight of XT not requested",
    plan: (p) => {
      p.clearanceRequests = p.clearanceRequests.filter((r) => r.id !== "R6");
    },
  },
  {
    code: "clearance.lead_time",
    what: "planning starting a day later",
    scenario: (s) => {
      s.planningStart = "2025-03-04T00:00:00Z";
    },
  },
  {
    code: "clearance.mismatch",
    what: "a validity an hour too long",
    plan: (p) => {
      must(p.clearanceRequests[0], "R1").validTo = "2025-03-07T14:33:00Z";
    },
  },
  {
    code: "clearance.orphan",
    what: "an overflight request for XD, which has no rule",
    plan: (p) =>
      void p.clearanceRequests.push({
        id: "R7",
        sortie: "S1",
        country: "XD",
        kind: "overflight",
        firstAt: "2025-03-06T02:00:00Z",
        lastAt: "2025-03-06T13:33:00Z",
        latestFilingAt: "2025-03-03T00:00:00Z",
        validFrom: "2025-03-05T20:00:00Z",
        validTo: "2025-03-07T13:33:00Z",
      }),
  },
  {
    code: "clearance.refused",
    what: "XT delaying its overflight clearances by two days",
    scenario: (s) => {
      const xt = must(
        s.clearanceRules?.find((r) => r.country === "XT"),
        "XT rule",
      );
      xt.refusals = [{ kind: "overflight", from: "2025-03-05T00:00:00Z", to: "2025-03-07T00:00:00Z" }];
    },
  },
  {
    code: "summary.mismatch",
    what: "three sorties claimed",
    plan: (p) => {
      p.summary.sorties = 3;
    },
  },
];

describe("one crafted invalid plan per rule", () => {
  it("covers exactly the codes of the docs/plan-format.md rules table", () => {
    const documented = documentedCodes();
    expect(documented.length).toBeGreaterThan(30);
    const tested = CASES.map((c) => c.code);
    expect(new Set(tested).size).toBe(tested.length);
    expect([...new Set(tested)].sort()).toEqual([...new Set(documented)].sort());
    expect([...VIOLATION_CODES].sort()).toEqual([...new Set(documented)].sort());
  });

  it.each(CASES)("$code: $what", (c) => {
    const s = scenarioJson();
    c.scenario?.(s);
    const p = validPlan();
    c.plan?.(p);
    const report = verifyPlan(resolvedFrom(s), p);
    expect(report.ok).toBe(false);
    expect(codes(report), explain(report)).toContain(c.code);
    if (c.only) expect(codes(report), explain(report)).toEqual([c.code]);
    const hit = report.violations.find((v) => v.code === c.code);
    expect(hit?.message.length ?? 0).toBeGreaterThan(10);
  });
});
