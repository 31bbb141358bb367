import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EscortWindow } from "#domain/route.ts";
import { parseScenarioValue } from "#domain/scenario-file.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { inEscortWindow } from "#domain/road.ts";
import { instant } from "#domain/time.ts";
import { loadShipped } from "#test/scenarios.ts";
import { ClearanceGate } from "../clearance-gate.ts";
import { aircraftGroups, departuresWithin } from "./aircraft-group.ts";
import { type TinyAirlift, tinyAirlift } from "./fixtures/tiny-airlift.ts";
import { buildLpBoundModel, firstEscort, surelyInside } from "./lp-bound.ts";
import { prepareLpBound } from "./lp-problem.ts";

const tiny = (o: TinyAirlift): ResolvedScenario => {
  const r = parseScenarioValue(tinyAirlift(o));
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
  return r.value;
};
const basic = { aircraft: 1, pieces: 3, block: 70, onload: 50, offload: 45 };

describe("rounding that never cuts off a real plan", () => {
  it("counts no more of an activity inside a window of buckets than it surely spends there (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(40), fc.integer({ min: 0, max: 2000 }), fc.nat(40), fc.nat(10), fc.nat(299), (step, k, minutes, k1, len, offset) => {
        const grid = { t0: 0, step, n: 100 };
        const k2 = k1 + len;
        const counted = surelyInside(grid, k, minutes, k1, k2);
        // Any start in bucket k: the real overlap is at least what is counted.
        const s = k * step + (offset % step);
        const real = Math.max(0, Math.min(s + minutes, (k2 + 1) * step) - Math.max(s, k1 * step));
        expect(counted).toBeLessThanOrEqual(real);
        expect(counted).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("finds the first minute a convoy may leave, as a minute-by-minute scan does (property)", () => {
    const windowArb = fc.record({ start: fc.nat(1439), span: fc.nat(600), days: fc.option(fc.subarray(["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const, { minLength: 1 })) });
    fc.assert(
      fc.property(fc.array(windowArb, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 3000 }), (ws, lo, span) => {
        const windows: EscortWindow[] = ws.map((w) => ({ start: w.start, end: Math.min(1439, w.start + w.span), ...(w.days ? { weekdays: [...w.days] } : {}) }));
        const t0 = 29_000_000 + lo;
        let scan: number | undefined;
        for (let t = t0; t <= t0 + span; t++)
          if (inEscortWindow(windows, instant(t))) {
            scan = t;
            break;
          }
        expect(firstEscort(windows, t0, t0 + span)).toBe(scan);
      }),
      { numRuns: 60 },
    );
  });
});

describe("the model", () => {
  it("is deterministic and its text is what HiGHS reads", () => {
    const rs = tiny(basic);
    const a = prepareLpBound(rs, { upTo: rs.deadline });
    const b = prepareLpBound(rs, { upTo: rs.deadline });
    expect(a.text).toBe(b.text);
    expect(a.text.startsWith("Minimize\n obj:")).toBe(true);
    expect(a.text).toMatch(/\nSubject To\n/);
    expect(a.text.endsWith("End\n")).toBe(true);
  });

  it("gates every loaded departure by the earliest minute it can happen, and searches those minutes", () => {
    const rs = tiny(basic);
    const lp = buildLpBoundModel(rs, new ClearanceGate(rs.scenario, rs.start), { bucketMinutes: 30, buckets: 48 });
    const gates = lp.gateRows.map((g) => g.at);
    expect(gates).toEqual([...gates].sort((a, b) => a - b));
    // The first loaded departure: 70 min positioning, 50 min onload.
    expect(gates[0]).toBe(rs.start + 120);
    for (const t of gates) expect(lp.horizons).toContain(t);
    // The fleet-cycle steps are horizons too: 02:00, 05:55, 09:50 …
    expect(lp.horizons).toContain(rs.start + 120 + 235);
  });

  it("moves the demand the scenario states: tonnes, positions and people", () => {
    const rs = loadShipped("niger-2024");
    const lp = buildLpBoundModel(rs, new ClearanceGate(rs.scenario, rs.start), { bucketMinutes: 720, buckets: 10 });
    const withdraw = rs.scenario.cargo.filter((c) => c.disposition === "withdraw");
    expect(lp.demand.tonnes).toBeCloseTo(withdraw.reduce((n, c) => n + (c.quantity * c.unitWeight) / 1000, 0), 6);
    expect(lp.demand.people).toBe(rs.scenario.personnel.reduce((n, g) => n + g.count, 0));
    expect(lp.demand.positions).toBeGreaterThan(0);
    expect(lp.notes).toEqual([]);
  });

  it("chooses finer buckets for small models and coarser ones for large", () => {
    const small = tiny(basic);
    const niger = loadShipped("niger-2024");
    const a = prepareLpBound(small, { upTo: small.deadline });
    const b = prepareLpBound(niger, { upTo: niger.deadline, maxColumns: 8_000 });
    expect(a.lp.grid.step).toBeLessThan(b.lp.grid.step);
    expect(b.lp.model.columns).toBeLessThan(8_000 * 1.3);
  });
});

describe("aircraft groups", () => {
  it("know their first loaded departure, shortest cycle and the departures one aircraft can make", () => {
    const rs = tiny({ ...basic, aircraft: 2 });
    const [g] = aircraftGroups(rs, new ClearanceGate(rs.scenario, rs.start));
    if (!g) throw new Error("one group expected");
    expect(g.count).toBe(2);
    expect(g.firstOut).toBe(rs.start + 120);
    expect(g.cycle).toBe(70 + 45 + 70 + 50);
    // Departures at 02:00, 05:55, 09:50: three by 09:50, two by 09:49.
    expect(departuresWithin(g, rs.start, Number.NEGATIVE_INFINITY, rs.start + 590)).toBe(3);
    expect(departuresWithin(g, rs.start, Number.NEGATIVE_INFINITY, rs.start + 589)).toBe(2);
  });

  it("respect clearance lead times and opening hours in the first departure", () => {
    const lead = tiny({ ...basic, leadHours: 48 });
    expect(aircraftGroups(lead, new ClearanceGate(lead.scenario, lead.start))[0]?.firstOut).toBe(lead.start + 48 * 60 + 120);
    const hours = tiny({ ...basic, hours: { open: "06:00", close: "22:00" } });
    // Lands at 06:00 at the earliest, loaded out at 06:50.
    expect(aircraftGroups(hours, new ClearanceGate(hours.scenario, hours.start))[0]?.firstOut).toBe(hours.start + 6 * 60 + 50);
  });
});
