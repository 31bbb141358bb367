import { describe, expect, it } from "vitest";
import type { PlanGantt } from "../../api/contract.ts";
import { barAt, barsIn, countIn, ganttRows, packLanes, planExtent, rowsInView, SEATS_BAR_MS } from "./gantt-model.ts";
import { clampDomain, MIN_SPAN_MS, panDomain, wheelFactor, zoomDomain } from "./gantt-view.ts";

const H = 3_600_000;
const T0 = Date.parse("2024-06-03T00:00:00Z");
const iso = (hours: number) => new Date(T0 + hours * H).toISOString().replace(".000Z", "Z");

const leg = { from: "A", to: "B", departAt: iso(0), arriveAt: iso(1), loaded: true, passengers: 0, payloadKg: 0, pallets: 0 };
const sortie = (id: string, aircraft: string, from: number, to: number) => ({
  id,
  aircraft,
  type: "C-17A",
  departAt: iso(from),
  arriveAt: iso(to),
  legs: [leg],
  hasLoadPlan: true,
  clearance: "none" as const,
  clearanceRequests: 0,
  movement: null,
});
const convoy = (id: string, from: number, to: number) => ({ id, route: "r1", from: "A", to: "B", departAt: iso(from), arriveAt: iso(to), trucks: 5, pallets: 0, pieces: 1, passengers: 0, movement: null });

const gantt: PlanGantt = {
  version: { id: "PV-1", number: 1, publishedAt: iso(0), baseline: true },
  start: iso(0),
  deadline: iso(100),
  closureAt: iso(60),
  sites: [],
  aircraft: [
    { tail: "C17-1", type: "C-17A", sorties: 2 },
    { tail: "C17-2", type: "C-17A", sorties: 0 },
  ],
  sorties: [sortie("S2", "C17-1", 20, 30), sortie("S1", "C17-1", 2, 12)],
  convoys: [convoy("C1", 0, 40), convoy("C2", 10, 50), convoy("C3", 45, 80)],
  seats: [{ id: "P1", service: "x", airport: "NIAMEY", departAt: iso(5), passengers: 10, movement: null }],
};

describe("ganttRows", () => {
  const rows = ganttRows(gantt);

  it("gives every tail a row in fleet order, idle ones too, with its sorties by departure", () => {
    expect(rows.filter((r) => r.kind === "sortie").map((r) => [r.subject, r.bars.map((b) => b.id)])).toEqual([
      ["C17-1", ["S1", "S2"]],
      ["C17-2", []],
    ]);
  });

  it("puts convoys on the road at the same time in separate lanes of their route", () => {
    expect(rows.filter((r) => r.kind === "convoy").map((r) => [r.key, r.bars.map((b) => b.id)])).toEqual([
      ["road:r1:0", ["C1", "C3"]],
      ["road:r1:1", ["C2"]],
    ]);
  });

  it("draws airline seats as a short bar at their departure", () => {
    const seats = rows.find((r) => r.kind === "seats");
    expect(seats?.bars).toEqual([{ id: "P1", kind: "seats", start: T0 + 5 * H, end: T0 + 5 * H + SEATS_BAR_MS }]);
  });
});

describe("packLanes", () => {
  it("reuses a lane once its last interval has ended", () => {
    expect(packLanes([{ start: 0, end: 10 }, { start: 5, end: 15 }, { start: 10, end: 20 }]).map((l) => l.length)).toEqual([2, 1]);
  });
});

describe("barsIn", () => {
  const bars = Array.from({ length: 1000 }, (_, i) => ({ id: `S${i}`, kind: "sortie" as const, start: i * 10, end: i * 10 + 5 }));

  it("finds exactly the bars overlapping the window", () => {
    const found = barsIn(bars, 42, 71).map((b) => b.id);
    expect(found).toEqual(bars.filter((b) => b.end >= 42 && b.start <= 71).map((b) => b.id));
    expect(found).toEqual(["S4", "S5", "S6", "S7"]);
  });

  it("finds nothing outside the bars and everything for a wide window", () => {
    expect(barsIn(bars, 100_000, 200_000)).toEqual([]);
    expect(barsIn(bars, -10, 20_000).length).toBe(1000);
    expect(barsIn([], 0, 10)).toEqual([]);
  });
});

describe("countIn", () => {
  const bars = Array.from({ length: 1000 }, (_, i) => ({ id: `S${i}`, kind: "sortie" as const, start: i * 10, end: i * 10 + 5 }));

  it("counts what barsIn finds, without making the list", () => {
    for (const [from, to] of [
      [42, 71],
      [-10, 20_000],
      [100_000, 200_000],
      [5, 5],
    ] as const)
      expect(countIn(bars, from, to)).toBe(barsIn(bars, from, to).length);
  });
});

describe("barAt", () => {
  const bars = [
    { id: "A", kind: "sortie" as const, start: 0, end: 10 },
    { id: "B", kind: "sortie" as const, start: 20, end: 30 },
  ];

  it("finds the bar under an instant, or the nearest one within the tolerance", () => {
    expect(barAt(bars, 5, 0)?.id).toBe("A");
    expect(barAt(bars, 18, 3)?.id).toBe("B");
    expect(barAt(bars, 12, 3)?.id).toBe("A");
    expect(barAt(bars, 15, 3)).toBeUndefined();
    expect(barAt(bars, 40, 3)).toBeUndefined();
  });
});

describe("rowsInView", () => {
  it("gives the rows under the viewport with some either side", () => {
    expect(rowsInView(100, 30, 300, 150, 2)).toEqual({ first: 8, last: 17 });
    expect(rowsInView(5, 30, 0, 600, 2)).toEqual({ first: 0, last: 4 });
    expect(rowsInView(0, 30, 0, 600)).toEqual({ first: 0, last: -1 });
  });
});

describe("planExtent", () => {
  it("runs from before the start to a day after the deadline when the plan closes before it", () => {
    expect(planExtent(gantt)).toEqual([T0 - 12 * H, T0 + 124 * H]);
  });
});

describe("the time window", () => {
  const bounds = [0, 1000 * H] as const;

  it("zooms about the anchor, keeping it in place on screen", () => {
    const d = zoomDomain([100 * H, 200 * H], 2, 150 * H, bounds);
    expect(d).toEqual([125 * H, 175 * H]);
    const e = zoomDomain([100 * H, 200 * H], 2, 100 * H, bounds);
    expect(e).toEqual([100 * H, 150 * H]);
  });

  it("never zooms narrower than the minimum nor wider than the plan", () => {
    const narrow = zoomDomain([100 * H, 110 * H], 100, 105 * H, bounds);
    expect(narrow[1] - narrow[0]).toBe(MIN_SPAN_MS);
    expect(zoomDomain([100 * H, 200 * H], 0.001, 150 * H, bounds)).toEqual(bounds);
  });

  it("pans by a duration and stops at the ends", () => {
    expect(panDomain([100 * H, 200 * H], 50 * H, bounds)).toEqual([150 * H, 250 * H]);
    expect(panDomain([100 * H, 200 * H], -500 * H, bounds)).toEqual([0, 100 * H]);
    expect(panDomain([100 * H, 200 * H], 5000 * H, bounds)).toEqual([900 * H, 1000 * H]);
    expect(clampDomain([-5, 5], [0, 100])).toEqual([0, 10]);
  });

  it("zooms in for a wheel turned away and out for one turned back, by the same factor", () => {
    expect(wheelFactor(-100)).toBeGreaterThan(1);
    expect(wheelFactor(100) * wheelFactor(-100)).toBeCloseTo(1, 10);
  });
});
