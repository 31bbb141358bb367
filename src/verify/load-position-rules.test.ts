import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ScenarioInput } from "#domain/scenario.ts";
import { planFrom, resolvedFrom } from "./fixtures/plan-kit.ts";
import { verifyPlan } from "./verify-plan.ts";

/**
 * `load.position` learns the freighter's position rules for any type whose load model states them:
 * the unit types a position takes, overlapping positions, cumulative weight limits. The reference
 * plan of synthetic-small loads pallets PB1–PB5 on 7L–9L of a C-17A (S1); here the scenario
 * redefines the C-17A with one of these rules at a time.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, "utf8");

type TypeInput = { id: string; loadModel: { positions: { id: string; unitTypes?: string[] }[]; overlaps?: [string, string][]; weightLimits?: { id: string; maxWeight: number; positions: string[] }[] } };

function verifyWith(change: (c17: TypeInput) => void) {
  const library = JSON.parse(read("data/aircraft-types.json")) as { aircraftTypes: TypeInput[] };
  const c17 = library.aircraftTypes.find((t) => t.id === "C-17A");
  if (!c17) throw new Error("no C-17A in the library");
  change(c17);
  const s = JSON.parse(read("scenarios/synthetic-small.json")) as ScenarioInput;
  s.aircraftTypes = [...(s.aircraftTypes ?? []), c17 as unknown as NonNullable<ScenarioInput["aircraftTypes"]>[number]];
  const plan: Plan = planFrom(JSON.parse(read("src/verify/fixtures/synthetic-small.plan.json")));
  return verifyPlan(resolvedFrom(s), plan).violations.filter((v) => v.code === "load.position").map((v) => v.message);
}

describe("load.position with a freighter's position rules", () => {
  it("accepts the reference plan when the redefined C-17A states no new rule", () => {
    expect(verifyWith(() => {})).toEqual([]);
  });

  it("rejects a pallet on a position that takes other unit types", () => {
    const m = verifyWith((t) => {
      const p = t.loadModel.positions.find((x) => x.id === "7L");
      if (p) p.unitTypes = ["AKE"];
    });
    expect(m).toEqual([expect.stringMatching(/S1 leg 2 MAIN→HOME: PB\d is on position 7L, which takes AKE, not a 463L pallet/)]);
  });

  it("rejects two overlapping positions both loaded", () => {
    const m = verifyWith((t) => {
      t.loadModel.overlaps = [["7L", "8L"]];
    });
    expect(m).toEqual(["S1 leg 2 MAIN→HOME: positions 7L and 8L overlap; only one of them may be loaded"]);
  });

  it("rejects the pallets over a cumulative limit", () => {
    const m = verifyWith((t) => {
      t.loadModel.weightLimits = [{ id: "AFT", maxWeight: 1000, positions: ["7L", "7R", "8L", "8R", "9L", "9R"] }];
    });
    expect(m).toHaveLength(1);
    expect(m[0]).toMatch(/S1 leg 2 MAIN→HOME: the pallets on 7L, 7R, 8L, 8R, 9L, 9R weigh \d+(\.\d)? kg; limit AFT allows 1000 kg/);
  });
});
