import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { CargoFlightProblem } from "#domain/cargo-flight.ts";
import { smallFreighterProblem } from "#verify/fixtures/small-freighter.ts";
import { verifyUldLoadPlan } from "#verify/verify-uld-load-plan.ts";
import { aclppProblem, problemData } from "./aclpp-problem.ts";
import { flightMeasures } from "./flight-measures.ts";
import { formatAclppIssues, readAclpp } from "./read-aclpp.ts";
import { solveFlight } from "./solve-flight.ts";

const BENCH = fileURLToPath(new URL("../../../../shared/bench/aclpp/", import.meta.url));

function realFlight(name: string): CargoFlightProblem {
  const files = [...readdirSync(`${BENCH}masterdata`).map((f) => `${BENCH}masterdata/${f}`), `${BENCH}base/${name}.schedule.yaml`];
  const r = readAclpp(files.map((path) => ({ path, text: readFileSync(path, "utf8") })));
  if (!r.ok) throw new Error(formatAclppIssues(r.issues));
  const p = aclppProblem(problemData(r.data), name);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.problem;
}

const codesOf = (problem: CargoFlightProblem, pieces: readonly { piece: string }[]) => {
  const byId = new Map(problem.flight.segments.flatMap((s) => s.pieces.map((p) => [p.id, p.handlingCodes] as const)));
  return new Set(pieces.flatMap((e) => byId.get(e.piece) ?? []));
};

describe("solveFlight on a small crafted flight", () => {
  const problem = smallFreighterProblem();
  const solution = solveFlight(problem, { maxIterations: 20 });

  it("loads every piece, and the independent check finds nothing wrong", () => {
    expect([...solution.leftBehind]).toEqual([]);
    const report = verifyUldLoadPlan(problem, solution.plan);
    expect(report.violations).toEqual([]);
    const loaded = solution.plan.ulds.flatMap((u) => u.pieces.map((e) => e.piece));
    expect(loaded.length).toBe(problem.flight.segments.flatMap((s) => s.pieces).reduce((n, p) => n + p.count, 0));
  });

  it("keeps flammable liquid from the oxidiser, express from standard, and each segment on its own ULDs", () => {
    for (const u of solution.plan.ulds) {
      const codes = codesOf(problem, u.pieces);
      expect(codes.has("RFL") && codes.has("ROX"), u.id).toBe(false);
      const express = u.pieces.map((e) => codesOf(problem, [e]).has("ZXF"));
      expect(new Set(express).size, u.id).toBe(1);
      const segment = problem.flight.segments.find((s) => s.id === u.segment);
      expect(u.pieces.every((e) => segment?.pieces.some((p) => p.id === e.piece))).toBe(true);
    }
  });

  it("balances both legs inside the limits, a ULD of the through segment on one position throughout", () => {
    for (const b of solution.balance.legs) {
      expect(b.cgArm).toBeGreaterThanOrEqual(b.forwardArm - 1e-6);
      expect(b.cgArm).toBeLessThanOrEqual(b.aftArm + 1e-6);
    }
    const [a, b] = solution.plan.legs;
    for (const e of b?.positions ?? []) expect(a?.positions).toContainEqual(e);
    expect(flightMeasures(problem, solution.plan).fuelCost).toBeCloseTo(solution.balance.cost, 6);
  });

  it("repeats exactly", () => {
    expect(solveFlight(problem, { maxIterations: 20 }).plan).toEqual(solution.plan);
  });

  it("leaves behind, and says so, a piece no ULD takes", () => {
    const big = structuredClone(problem);
    const s1 = big.flight.segments[0];
    s1?.pieces.push({ ...(s1.pieces[0] as (typeof s1.pieces)[number]), id: "huge", shipment: "huge", count: 1, length: 400, width: 400 });
    const s = solveFlight(big, { maxIterations: 10 });
    expect(s.leftBehind.get("huge")).toBe(1);
    expect(verifyUldLoadPlan(big, s.plan).violations).toEqual([]);
  });
});

describe("solveFlight on an MD-11F flight of the ACLPP instances", () => {
  it("loads a four-leg flight that the check accepts, both readings of the format", () => {
    const problem = realFlight("LH8272-25NOV15-FRA-SCL");
    expect(problem.flight.legs).toHaveLength(4);
    const strict = solveFlight(problem, { maxIterations: 8, rounds: 5 });
    expect(verifyUldLoadPlan(problem, strict.plan).violations).toEqual([]);
    const loose = solveFlight(problem, { maxIterations: 8, rounds: 5, blocks: false, mixExpress: true });
    expect(verifyUldLoadPlan(problem, loose.plan, { blocks: false }).violations).toEqual([]);
    const m = flightMeasures(problem, loose.plan);
    expect(m.loadedKg + m.kgLeft).toBe(m.bookedKg);
    expect(m.loadedKg).toBeGreaterThan(0);
  });
});
