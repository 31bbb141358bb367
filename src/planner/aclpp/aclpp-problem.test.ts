import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, expectTypeOf, it } from "vitest";
import { parse, stringify } from "yaml";
import { type BookedPiece, type CargoFlight, type CargoFlightProblem, cargoFlightProblemSchema, type FlightLeg, type FlightSegment } from "#domain/cargo-flight.ts";
import { aclppProblem, orientationsOf, problemData } from "./aclpp-problem.ts";
import { formatAclppIssues, readAclpp } from "./read-aclpp.ts";
import { solveFlight } from "./solve-flight.ts";

const BENCH = fileURLToPath(new URL("../../../../shared/bench/aclpp/", import.meta.url));
const FLIGHT = "LH8272-25NOV15-FRA-SCL";
const masterdata = () => readdirSync(`${BENCH}masterdata`).map((f) => ({ path: f, text: readFileSync(`${BENCH}masterdata/${f}`, "utf8") }));
const flightText = () => readFileSync(`${BENCH}base/${FLIGHT}.schedule.yaml`, "utf8");

/** Every attribute format.md marks [S] (and the undocumented cost of handling), as written in the files. */
const SOLUTION_KEYS = ["extra_fuel_cost", "loaded_ulds", "loading_operations_before", "unloading_operations_after", "extra_handling_cost_after", "built_ulds", "offloads"];

type Json = { [k: string]: Json } | Json[] | string | number | boolean | null;

/** The flight file with every [S] attribute removed, or replaced by `garble`'s value. */
function withSolution(text: string, garble?: (key: string) => Json): string {
  const walk = (v: Json): Json => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== "object") return v;
    const out: { [k: string]: Json } = {};
    for (const [k, x] of Object.entries(v)) {
      if (SOLUTION_KEYS.includes(k)) {
        if (garble) out[k] = garble(k);
      } else out[k] = walk(x);
    }
    return out;
  };
  return stringify(walk(parse(text) as Json));
}

function problemOf(text: string): CargoFlightProblem {
  const r = readAclpp([...masterdata(), { path: "flight.yaml", text }]);
  if (!r.ok) throw new Error(formatAclppIssues(r.issues));
  const p = aclppProblem(problemData(r.data), FLIGHT);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.problem;
}

describe("the [S] barrier", () => {
  it("leaves no room for a solution attribute in the solver's input types", () => {
    expectTypeOf<keyof FlightLeg>().toEqualTypeOf<"id" | "sequence" | "fuelKg" | "fuelCostPerCm" | "segments">();
    expectTypeOf<keyof FlightSegment>().toEqualTypeOf<"id" | "departure" | "pieces">();
    expectTypeOf<keyof BookedPiece>().toEqualTypeOf<
      "id" | "shipment" | "count" | "length" | "width" | "height" | "weight" | "orientations" | "bearing" | "handlingCodes" | "availableAt" | "offloadPenalty"
    >();
    expectTypeOf<keyof CargoFlight>().toEqualTypeOf<"id" | "aircraftType" | "departure" | "legs" | "segments">();
    expectTypeOf<keyof CargoFlightProblem>().toEqualTypeOf<"flight" | "aircraft" | "separation" | "expressCode">();
  });

  it("refuses a problem that carries a solution attribute (the schemas are strict)", () => {
    const problem = problemOf(flightText());
    const leg = problem.flight.legs[0];
    if (!leg) throw new Error("no leg");
    const smuggled = { ...problem, flight: { ...problem.flight, legs: [{ ...leg, loaded_ulds: { CL: { segment: "S", uld: "U" } } }] } };
    const r = cargoFlightProblemSchema.safeParse(smuggled);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]?.message).toMatch(/Unrecognized key: "loaded_ulds"/);
  });

  it("builds the same problem, and Drawdown the same plan, whatever the file's solution says, or without one", () => {
    const text = flightText();
    expect(text).toContain("built_ulds");
    const original = problemOf(text);
    const stripped = problemOf(withSolution(text));
    const garbled = problemOf(withSolution(text, (k) => (k === "extra_fuel_cost" || k.endsWith("_operations_before") || k.endsWith("_after") ? 999 : null)));
    expect(stripped).toEqual(original);
    expect(garbled).toEqual(original);
    const json = JSON.stringify(original);
    for (const k of SOLUTION_KEYS) expect(json).not.toContain(k);
    const opts = { maxIterations: 4, rounds: 3 };
    expect(solveFlight(stripped, opts).plan).toEqual(solveFlight(original, opts).plan);
  });
});

describe("orientationsOf", () => {
  it("reads ACLPP's rotation bits: 5 keeps the height vertical, 63 allows all six", () => {
    expect(orientationsOf(5)).toEqual(["lwh", "wlh"]);
    expect(orientationsOf(63).sort()).toEqual(["hlw", "hwl", "lhw", "lwh", "whl", "wlh"]);
    expect(orientationsOf(2)).toEqual(["lhw"]);
  });
});
