import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { parseScenarioValue } from "#domain/scenario-file.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { type Instant, instant, parseInstant } from "#domain/time.ts";
import { generateScenario } from "#generate/generate.ts";
import { type TinyAirlift, tinyAirlift } from "#planner/bounds/fixtures/tiny-airlift.ts";
import { lpBoundAt, prepareLpBound } from "#planner/bounds/lp-problem.ts";
import { planWithdrawal } from "#planner/plan-withdrawal.ts";
import { lpBoundHints } from "#planner/plan-with-bounds.ts";
import { verifyPlan } from "#verify/verify-plan.ts";
import type { Highs } from "highs";
import { loadHighs, searchHorizons } from "./highs-horizon.ts";
import { solveLpBound, solveLpBoundSync } from "./lp-bound-runner.ts";

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const at = (iso: string): Instant => instant(parseInstant(iso) ?? Number.NaN);
const resolve = (input: unknown): ResolvedScenario => {
  const r = parseScenarioValue(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
  return r.value;
};
/** The LP bound, solved in this thread (no time limit to speak of). */
function lpBound(rs: ResolvedScenario, upTo: Instant, from?: Instant, maxColumns?: number): Instant {
  const problem = prepareLpBound(rs, { upTo, ...(from !== undefined ? { from } : {}), ...(maxColumns ? { maxColumns } : {}) });
  return lpBoundAt(problem, searchHorizons(highs, problem, { timeLimitMs: 120_000 }));
}
const day0 = at("2025-01-06T00:00:00Z");
const hhmm = (h: number, m = 0) => instant(day0 + h * 60 + m);

describe("the LP bound on airlifts small enough to schedule by hand", () => {
  const cases: { name: string; o: TinyAirlift; optimum: Instant; tight: boolean }[] = [
    // Loaded departures at 02:00, 06:00, 10:00: 1 h out, 1 h load, 1 h back, 1 h offload.
    { name: "one aircraft, durations on the grid", o: { aircraft: 1, pieces: 3, block: 60, onload: 60, offload: 60 }, optimum: hhmm(10), tight: true },
    // 70 + 50 = 02:00, then every 70 + 45 + 70 + 50 = 235 min: 05:55, 09:50.
    { name: "one aircraft, durations off the grid", o: { aircraft: 1, pieces: 3, block: 70, onload: 50, offload: 45 }, optimum: hhmm(9, 50), tight: true },
    // One spot, 2 h onload each: four loads hold the spot 8 h from 01:00, the first arrival: 09:00.
    // The fleet-cycle bound ignores the spot and says 07:00.
    { name: "two aircraft sharing one spot", o: { aircraft: 2, spots: 1, pieces: 4, block: 60, onload: 120, offload: 0 }, optimum: hhmm(9), tight: true },
    // Clearance 48 h ahead: the first flight in leaves HOME on the 8th at 00:00, departs loaded at 02:00.
    { name: "a clearance lead time", o: { aircraft: 1, pieces: 1, block: 60, onload: 60, offload: 60, leadHours: 48 }, optimum: hhmm(50), tight: true },
    // Open 06:00–22:00: landing at 06:00 at the earliest, loaded out at 07:00. The relaxation knows
    // departure hours, not landing hours: it allows 06:00, a bound but not the optimum.
    { name: "opening hours", o: { aircraft: 1, pieces: 1, block: 60, onload: 60, offload: 60, hours: { open: "06:00", close: "22:00" } }, optimum: hhmm(7), tight: false },
  ];
  for (const c of cases)
    it(`${c.name}: the bound is at most the optimum${c.tight ? ", and equals it" : ""}`, () => {
      const rs = resolve(tinyAirlift(c.o));
      const plan = planWithdrawal(rs);
      expect(verifyPlan(rs, plan).violations).toEqual([]);
      expect(plan.unplanned).toEqual([]);
      // The planner finds the optimum on these: the hand computation is checked against a real plan.
      expect(at(plan.summary.closureAt)).toBe(c.optimum);
      const bound = lpBound(rs, rs.deadline);
      expect(bound).toBeLessThanOrEqual(c.optimum);
      if (c.tight) expect(bound).toBe(c.optimum);
      else expect(bound).toBeGreaterThanOrEqual(hhmm(6));
    });

  it("where spots bind, reaches the optimum, as the planner's parking-spot bound now does too", () => {
    const rs = resolve(tinyAirlift({ aircraft: 2, spots: 1, pieces: 4, block: 60, onload: 120, offload: 0 }));
    const plan = planWithdrawal(rs);
    // The fleet-cycle bound alone says 07:00; the site-cycle bound with the airfield's one spot, 09:00.
    expect(plan.bounds.find((b) => b.name === "fleet-cycle")?.at).toBe("2025-01-06T07:00:00Z");
    expect(at(plan.summary.lowerBoundAt)).toBe(hhmm(9));
    expect(plan.summary.bindingBound).toBe("parking-spot");
    expect(lpBound(rs, rs.deadline, hhmm(7))).toBe(hhmm(9));
  });

  it("is the start when nothing has to move", () => {
    const rs = resolve(tinyAirlift({ aircraft: 1, pieces: 1, block: 60, onload: 60, offload: 60 }));
    const empty = { ...rs, scenario: { ...rs.scenario, cargo: [] } };
    expect(lpBound(empty, rs.deadline)).toBe(rs.start);
  });

  it("says no plan fits in the grid when none does", () => {
    const rs = resolve(tinyAirlift({ aircraft: 1, pieces: 3, block: 60, onload: 60, offload: 60 }));
    // The grid ends at 08:00; the third load cannot leave before 10:00.
    expect(lpBound(rs, hhmm(8))).toBeGreaterThan(hhmm(8));
  });
});

describe("soundness on generated scenarios (property)", () => {
  it("the LP bound never passes the closure of a plan the independent verifier accepts", () => {
    fc.assert(
      fc.property(
        fc.record({
          personnel: fc.integer({ min: 0, max: 120 }),
          items: fc.integer({ min: 1, max: 200 }),
          sites: fc.integer({ min: 1, max: 4 }),
          seed: fc.integer({ min: 1, max: 1_000_000 }),
        }),
        (opts) => {
          const rs = resolve(generateScenario(opts));
          const plan = planWithdrawal(rs, { seed: opts.seed });
          expect(verifyPlan(rs, plan).violations).toEqual([]);
          fc.pre(plan.unplanned.length === 0);
          const hints = lpBoundHints(rs, plan);
          const bound = lpBound(rs, hints.upTo, hints.from, 5_000);
          expect(bound).toBeLessThanOrEqual(at(plan.summary.closureAt));
        },
      ),
      { numRuns: 10 },
    );
  }, 600_000);
});

describe("the worker runner", () => {
  const rs = resolve(tinyAirlift({ aircraft: 2, spots: 1, pieces: 4, block: 60, onload: 120, offload: 0 }));

  it("solves in a worker thread and gives the same bound, awaited or blocking", async () => {
    const async = await solveLpBound(rs, { timeLimitMs: 60_000 });
    expect("at" in async && async.at).toBe(hhmm(9));
    expect("detail" in async && async.detail).toMatch(/time-space network LP relaxation/);
    expect(async.stats.solves.length).toBeGreaterThan(0);
    const sync = solveLpBoundSync(rs, { timeLimitMs: 60_000 });
    expect("at" in sync && sync.at).toBe(hhmm(9));
  });

  it("gives up when the time limit runs out, and says so", async () => {
    const async = await solveLpBound(rs, { timeLimitMs: 1 });
    expect("unsolved" in async && async.unsolved).toMatch(/not solved within|time limit/);
    const sync = solveLpBoundSync(rs, { timeLimitMs: 1 });
    expect("unsolved" in sync && sync.unsolved).toMatch(/not solved within|time limit/);
  });
});
