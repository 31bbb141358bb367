import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { armOfPercentMac, loadModelSchema } from "#domain/load-model.ts";
import { flattenPositions, freighterOf } from "./aclpp-aircraft.ts";
import { aircraftTypeSchema } from "./aclpp-schema.ts";
import { formatAclppIssues, readAclpp } from "./read-aclpp.ts";

const MASTER = fileURLToPath(new URL("../../../../shared/bench/aclpp/masterdata/", import.meta.url));

function md11f() {
  const r = readAclpp(readdirSync(MASTER).map((f) => ({ path: f, text: readFileSync(`${MASTER}${f}`, "utf8") })));
  if (!r.ok) throw new Error(formatAclppIssues(r.issues));
  const a = r.data.aircraft.get("md11f");
  if (!a) throw new Error("no md11f");
  return { a, uldTypes: r.data.uldTypes };
}

describe("flattenPositions", () => {
  it("makes the leaves real positions, each with its ancestors' attributes unless it overrides them (format.md's example)", () => {
    const a = aircraftTypeSchema.parse({
      model: "example",
      oew: 1000,
      oew_lng_arm: 100,
      min_lng_arm: 90,
      max_lng_arm: 110,
      opt_lng_arm: 110,
      compartments: {
        C1: { deck: "MD", virtual_positions: { lng_arm: 123, B: { max_weight: 234, BL: { distance_from_door: 345 }, BR: { lng_arm: 456, distance_from_door: 567 } } } },
      },
    });
    expect(flattenPositions(a)).toEqual([
      { id: "BL", compartment: "C1", compartmentDeck: "MD", lng_arm: 123, max_weight: 234, distance_from_door: 345 },
      { id: "BR", compartment: "C1", compartmentDeck: "MD", lng_arm: 456, max_weight: 234, distance_from_door: 567 },
    ]);
  });
});

describe("the MD-11F as Drawdown data", () => {
  const { a, uldTypes } = md11f();
  const mapped = freighterOf("md11f", a, uldTypes);
  if (!mapped.ok) throw new Error(JSON.stringify(mapped.issues));
  const m = mapped.freighter.loadModel;
  const at = (id: string) => m.positions.find((p) => p.id === id);

  it("has its 53 positions, 29 on the main deck and 24 below, each with what it inherits", () => {
    expect(m.positions).toHaveLength(53);
    expect(m.positions.filter((p) => p.deck === "main")).toHaveLength(29);
    expect(m.positions.filter((p) => p.deck === "lower")).toHaveLength(24);
    // AL: lng_arm and max_weight from C1, its lateral arm from the main deck's root, PMC types from PMC_positions.
    expect(at("AL")).toMatchObject({ station: 832, maxWeight: 2800, lateralArm: -132, unitTypes: ["pmc_md11f_md"], maxHeight: 244 });
    // GL: no weight of its own nor G's: C2's 6,800 kg. BL: B's 4,109 kg overrides C2's.
    expect(at("GL")).toMatchObject({ station: 2800, maxWeight: 6800, lateralArm: -132 });
    expect(at("BR")).toMatchObject({ station: 1160, maxWeight: 4109, lateralArm: 132 });
    expect(at("GHR")).toMatchObject({ station: 2964, maxWeight: 11340, unitTypes: ["pge_md11f_md"], lateralArm: 132 });
    expect(at("P-")).toMatchObject({ station: 4737, maxWeight: 4500 });
    expect(at("P-")?.lateralArm).toBeUndefined();
    expect(at("31L")).toMatchObject({ deck: "lower", station: 3837, maxWeight: 1588, unitTypes: ["ake"], maxHeight: 153 });
    expect(at("31L")?.lateralArm).toBeUndefined();
    expect(at("42P")).toMatchObject({ deck: "lower", station: 4739, maxWeight: 3800, unitTypes: ["pmc_F_ld"] });
  });

  it("keeps the overlaps, the cumulative limits (the total over every position) and dry ice's net limit", () => {
    expect(m.overlaps).toHaveLength(24);
    expect(m.overlaps).toContainEqual(["CR", "CDR"]);
    expect(m.weightLimits.find((l) => l.id === "total")).toMatchObject({ maxWeight: 93000, positions: [] });
    expect(m.weightLimits.find((l) => l.id === "MD_CD")).toMatchObject({ maxWeight: 13580, positions: ["CL", "CR", "CDR", "DL", "DR"] });
    expect(m.weightLimits.find((l) => l.id === "ICE_LD12")).toMatchObject({ maxWeight: 50, handlingCode: "ICE", positions: ["11P", "12P", "13P", "21P", "22P", "23P"] });
  });

  it("states the CG limits and optimum as arms through a chord that spans the limits, marked as an assumption", () => {
    expect(armOfPercentMac(m, m.envelope.forwardPercentMac)).toBeCloseTo(3037, 9);
    expect(armOfPercentMac(m, m.envelope.aftPercentMac)).toBeCloseTo(3300, 9);
    expect(armOfPercentMac(m, m.envelope.optimumPercentMac ?? Number.NaN)).toBeCloseTo(3300, 9);
    expect(m.mac.assumption).toBe(true);
    expect(m.operating).toMatchObject({ weight: 121000, arm: 3300 });
  });

  it("is a valid load model, and lists the ULD type names the positions give but nobody defines", () => {
    expect(loadModelSchema.safeParse(m).success).toBe(true);
    expect(mapped.undefinedUldTypes).toEqual(["ld_ake", "ld_pmc", "md_pge", "md_pmc"]);
    expect(mapped.freighter.uldTypes.find((t) => t.id === "pmc_md11f_md")).toMatchObject({ length: 317, width: 243, height: 244, tare: 130, maxGross: 6803, cost: 200 });
  });

  it("refuses an aircraft whose position has no arm", () => {
    const b = { ...a, compartments: { X: { deck: "MD" as const, virtual_positions: { Z1: { max_weight: 10, compatible_uld_types: ["ake"] } } } } };
    const r = freighterOf("x", b, uldTypes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.message)).toContain("position Z1 has no lng_arm (nor inherits one)");
  });
});
