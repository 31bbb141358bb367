import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ScenarioInput } from "#domain/scenario.ts";
import { legLoad, must, passengers, planFrom, resolvedFrom } from "./fixtures/plan-kit.ts";
import { verifyPlan } from "./verify-plan.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, "utf8");
const scenario = resolvedFrom(JSON.parse(read("scenarios/synthetic-small.json")) as ScenarioInput);
const validPlan = (): Plan => planFrom(JSON.parse(read("src/verify/fixtures/synthetic-small.plan.json")));
const found = (p: Plan, code: string) => verifyPlan(scenario, p).violations.filter((v) => v.code === code);

/** The second convoy arriving at MAIN at `at`, with the three outpost people it carries flown out on S2 instead of the airline. */
function convoyArrivingAt(at: string): Plan {
  const p = validPlan();
  must(p.convoys[1], "C2").arriveAt = at;
  const airline = must(p.commercial[0], "P1");
  airline.passengers = [
    { group: "outpost-team", count: 12 },
    { group: "main-support", count: 8 },
  ];
  const s2 = legLoad(p, "S2", 2);
  passengers(s2, "main-support").count = 58;
  s2.passengers.push({ group: "outpost-team", count: 3 });
  return p;
}

describe("the location simulation", () => {
  it("lets a convoy arriving at a minute feed an aircraft leaving at that minute", () => {
    const p = convoyArrivingAt("2025-03-06T10:30:00Z");
    expect(found(p, "cargo.conservation")).toEqual([]);
    expect(found(p, "personnel.conservation")).toEqual([]);
  });

  it("rejects a departure one minute before the pallets arrive", () => {
    const p = convoyArrivingAt("2025-03-06T10:31:00Z");
    const v = found(p, "cargo.conservation");
    // Refused at S2's departure, then stranded at MAIN: the pallets and the pieces on them never leave.
    expect(v.map((x) => x.subject).sort()).toEqual(["PO1", "PO1", "PO2", "PO2", "outpost-boxes"]);
    expect(v[0]?.message).toContain("in transit on C2");
    expect(v.find((x) => x.subject === "outpost-boxes")?.message).toContain("20 of the 20 pieces");
    expect(found(p, "personnel.conservation").length).toBeGreaterThan(0);
  });

  it("never lets a piece to hand over move", () => {
    const p = validPlan();
    legLoad(p, "S2", 2).items.push({ cargo: "furniture", quantity: 1 });
    const v = found(p, "cargo.conservation");
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ movement: "S2", subject: "furniture" });
    expect(v[0]?.message).toContain("handed over");
  });

  it("does not let a pallet fly on two aircraft", () => {
    const p = validPlan();
    legLoad(p, "S2", 2).pallets.push("PB1");
    const v = found(p, "cargo.conservation");
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ movement: "S2", subject: "PB1" });
    expect(v[0]?.message).toContain("in transit on S1 leg 2");
  });

  it("counts a person who comes back into the host country", () => {
    const p = validPlan();
    p.sorties.push({
      id: "S3",
      aircraft: "C17-1",
      type: "C-17A",
      legs: [
        {
          from: "HOME",
          to: "MAIN",
          departAt: "2025-03-07T02:00:00Z",
          arriveAt: "2025-03-07T06:03:00Z",
          overflies: ["XH", "XT", "XD"],
          load: { pallets: [], items: [], passengers: [{ group: "main-security", count: 1 }] },
          positionsUsed: 0,
          payloadKg: 136.1,
        },
      ],
    });
    const messages = found(p, "personnel.conservation").map((v) => v.message);
    expect(messages.some((m) => m.includes("back into the host country"))).toBe(true);
    expect(messages.some((m) => m.includes("1 of the 40 people of main-security never leave"))).toBe(true);
  });

  it("builds pallets from the loose pieces of their site only", () => {
    const p = validPlan();
    p.pallets.push({
      id: "PX",
      site: "MAIN",
      items: [{ cargo: "outpost-boxes", quantity: 1 }],
      grossWeightKg: 311,
      heightCm: 70,
    });
    legLoad(p, "S2", 2).pallets.push("PX");
    expect(found(p, "cargo.conservation").some((v) => v.subject === "PX")).toBe(true);
    expect(found(p, "pallet.build").some((v) => v.subject === "PX")).toBe(true);
  });

  it("notices more people than the group has", () => {
    const p = validPlan();
    passengers(legLoad(p, "S2", 2), "main-closing").count = 13;
    const v = found(p, "personnel.conservation");
    expect(v).toHaveLength(1);
    expect(v[0]?.message).toContain("only 12 of them are at MAIN");
  });
});
