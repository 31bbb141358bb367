import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { greatCircleKm } from "#domain/geo.ts";
import type { Scenario } from "#domain/scenario.ts";
import { parseScenarioValue } from "#domain/scenario-file.ts";
import {
  PALLET_DECK_CM,
  PALLET_MAX_HEIGHT_CM,
  PALLET_USABLE_LENGTH_CM,
  PALLET_USABLE_WIDTH_CM,
} from "#domain/standard-weights.ts";
import { C17, C130, fitsFloor } from "./airlift-estimate.ts";
import { type GeneratorOptions, generateScenario, generateWithSummary } from "./generate.ts";
import { HOST_BOX, LEG_KM } from "./host-geography.ts";

/** Parses a generated scenario, failing with its first issues when it does not validate. */
function parsed(opts: GeneratorOptions): Scenario {
  const r = parseScenarioValue(generateScenario(opts));
  if (!r.ok)
    throw new Error(
      `${JSON.stringify(opts)} does not validate: ${JSON.stringify(r.issues.slice(0, 5), null, 1)}`,
    );
  return r.value.scenario;
}

/** Everything a generated scenario promises, checked on the parsed (SI) scenario. */
function checkPromises(s: Scenario, opts: GeneratorOptions): void {
  const hosts = s.sites.filter((x) => x.inHostCountry);
  const airfields = hosts.filter((x) => x.icao);
  const destinations = s.sites.filter((x) => !x.inHostCountry);
  expect(hosts).toHaveLength(opts.sites);
  expect(airfields.length).toBeGreaterThanOrEqual(1);
  if (opts.roadSites !== undefined) expect(hosts.length - airfields.length).toBe(opts.roadSites);
  expect(destinations.length === 1 || destinations.length === 2).toBe(true);

  // Exact totals.
  expect(s.personnel.reduce((n, g) => n + g.count, 0)).toBe(opts.personnel);
  expect(s.cargo.reduce((n, c) => n + c.quantity, 0)).toBe(opts.items);

  // Geography: the box, legs of 2,000–4,500 km from every airfield to every destination.
  for (const h of hosts) {
    expect(h.location.lat).toBeGreaterThanOrEqual(HOST_BOX.latMin);
    expect(h.location.lat).toBeLessThanOrEqual(HOST_BOX.latMax);
    expect(h.location.lon).toBeGreaterThanOrEqual(HOST_BOX.lonMin);
    expect(h.location.lon).toBeLessThanOrEqual(HOST_BOX.lonMax);
  }
  for (const a of airfields)
    for (const d of destinations) {
      const leg = s.airLegs.find((l) => l.from === a.id && l.to === d.id);
      expect(leg, `leg ${a.id}–${d.id}`).toBeDefined();
      expect(leg?.overflies[0]).toBe("XH");
      expect(leg?.overflies).toContain("XT");
      const km = greatCircleKm(a.location, d.location);
      expect(km).toBeGreaterThanOrEqual(LEG_KM.min);
      expect(km).toBeLessThanOrEqual(LEG_KM.max);
    }
  // Every road-only site has a road to an airfield.
  for (const h of hosts.filter((x) => !x.icao)) {
    const road = s.roadRoutes.find((r) => r.from === h.id);
    expect(road, `road from ${h.id}`).toBeDefined();
    expect(airfields.some((a) => a.id === road?.to)).toBe(true);
  }
  for (const a of airfields) {
    expect(a.parking?.heavy).toBeGreaterThanOrEqual(1);
    expect(a.parking?.heavy).toBeLessThanOrEqual(4);
    expect(a.parking?.medium).toBeGreaterThanOrEqual(2);
    expect(a.parking?.medium).toBeLessThanOrEqual(6);
  }

  // Closing teams: a group at every host site, and minimums within it.
  for (const h of hosts) {
    const team = s.personnel.filter((g) => g.site === h.id && g.category === "closing_team");
    expect(team).toHaveLength(1);
    const minimum = s.closingTeams.find((t) => t.site === h.id)?.minimum ?? -1;
    expect(minimum).toBeGreaterThanOrEqual(0);
    expect(minimum).toBeLessThanOrEqual(team[0]?.count ?? 0);
  }
  // Sensitive cargo only at airfields with sensitive-duty escorts, enough for one per piece's pallet.
  for (const h of hosts) {
    const sensitive = s.cargo
      .filter((c) => c.site === h.id && c.sensitive)
      .reduce((n, c) => n + c.quantity, 0);
    if (sensitive === 0) continue;
    expect(h.icao).toBeDefined();
    const escorts = s.personnel
      .filter((g) => g.site === h.id && g.category === "sensitive_duty")
      .reduce((n, g) => n + g.count, 0);
    expect(escorts).toBeGreaterThanOrEqual(1);
  }

  // Fleet: both library types where there are two aircraft or more, available over the whole period.
  const { withdrawalStart, deadline } = s.agreement;
  expect(deadline - withdrawalStart).toBeGreaterThanOrEqual(Math.min(14, opts.days ?? 14) * 1440 - 1);
  for (const f of s.fleet) {
    expect(["C-17A", "C-130J-30"]).toContain(f.type);
    expect(f.availability.some((w) => w.from <= withdrawalStart && w.to >= deadline)).toBe(true);
    expect(destinations.some((d) => d.id === f.base)).toBe(true);
  }
  const aircraft = s.fleet.reduce((n, f) => n + f.count, 0);
  if (opts.aircraft !== undefined) expect(aircraft).toBe(opts.aircraft);
  expect(s.fleet.find((f) => f.type === "C-17A")?.count).toBeGreaterThanOrEqual(1);
  expect(s.commercial).toHaveLength(1);
  expect(s.commercial[0]?.eligible).toEqual(["support"]);
  expect(s.clearanceRules.map((r) => r.country)).toEqual(["XH", "XT"]);
}

const smallOptions = fc.record(
  {
    personnel: fc.integer({ min: 0, max: 400 }),
    items: fc.integer({ min: 0, max: 400 }),
    sites: fc.integer({ min: 1, max: 8 }),
    seed: fc.integer(),
    aircraft: fc.integer({ min: 1, max: 6 }),
  },
  { requiredKeys: ["personnel", "items", "sites", "seed"] },
);

describe("generateScenario", () => {
  it("is deterministic: the same options give the same scenario", () => {
    const opts = { personnel: 300, items: 800, sites: 6, seed: 11 };
    expect(generateScenario(opts)).toEqual(generateScenario(opts));
    expect(JSON.stringify(generateScenario(opts))).toBe(JSON.stringify(generateScenario({ ...opts })));
  });

  it("gives a different scenario for a different seed", () => {
    const a = generateScenario({ personnel: 300, items: 800, sites: 6, seed: 11 });
    const b = generateScenario({ personnel: 300, items: 800, sites: 6, seed: 12 });
    expect(a).not.toEqual(b);
    expect(a.sites).not.toEqual(b.sites);
    expect(a.cargo).not.toEqual(b.cargo);
  });

  it("always produces a valid scenario that keeps its promises (small sizes, many seeds)", () => {
    fc.assert(
      fc.property(smallOptions, fc.nat({ max: 3 }), (o, road) => {
        const opts: GeneratorOptions = { ...o, roadSites: Math.min(road, o.sites - 1) };
        checkPromises(parsed(opts), opts);
      }),
      { numRuns: 60 },
    );
  });

  it("handles the degenerate sizes: nobody, nothing, one site", () => {
    for (const opts of [
      { personnel: 0, items: 0, sites: 1, seed: 0 },
      { personnel: 1, items: 0, sites: 5, seed: 1 },
      { personnel: 0, items: 1, sites: 3, seed: 2 },
      { personnel: 3, items: 2, sites: 9, seed: 3, roadSites: 8 },
    ])
      checkPromises(parsed(opts), opts);
  });

  it("sets a generous deadline: twice the estimated flying, at least 14 days", () => {
    fc.assert(
      fc.property(smallOptions, (opts) => {
        const { summary } = generateWithSummary(opts);
        expect(summary.days).toBeGreaterThanOrEqual(14);
        expect(summary.days).toBeGreaterThanOrEqual(summary.neededDays);
        if (summary.sorties > 0) expect(summary.days).toBeGreaterThan(summary.neededDays);
      }),
      { numRuns: 30 },
    );
  });

  it("keeps an explicit deadline and fleet", () => {
    const s = parsed({ personnel: 50, items: 60, sites: 3, seed: 4, days: 30, aircraft: 7 });
    expect(s.agreement.deadline - s.agreement.withdrawalStart).toBe(30 * 1440 - 1);
    expect(s.fleet.reduce((n, f) => n + f.count, 0)).toBe(7);
  });

  it("draws a realistic mix whose pieces fit the aircraft", () => {
    const s = parsed({ personnel: 2000, items: 10_000, sites: 8, seed: 5 });
    const pieces = (pred: (c: Scenario["cargo"][number]) => boolean) =>
      s.cargo.filter(pred).reduce((n, c) => n + c.quantity, 0) / 10_000;
    expect(pieces((c) => c.kind === "box")).toBeCloseTo(0.7, 1);
    expect(pieces((c) => c.kind === "rolling_stock")).toBeCloseTo(0.15, 1);
    expect(pieces((c) => c.kind === "container")).toBeCloseTo(0.1, 1);
    expect(pieces((c) => c.kind === "outsize")).toBeGreaterThan(0);
    expect(pieces((c) => c.sensitive)).toBeGreaterThan(0.02);
    expect(pieces((c) => c.sensitive)).toBeLessThanOrEqual(0.031);
    expect(pieces((c) => c.hazard?.class === 1 && c.hazard.division === "1.4S")).toBeGreaterThan(0);
    expect(pieces((c) => c.hazard?.class === 3)).toBeGreaterThan(0);
    expect(pieces((c) => c.disposition !== "withdraw")).toBeGreaterThan(0.02);
    expect(pieces((c) => c.disposition !== "withdraw")).toBeLessThan(0.1);
    expect(new Set(s.cargo.map((c) => c.priority))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(s.cargo.some((c) => c.quantity > 1)).toBe(true);

    const usableHeight = PALLET_MAX_HEIGHT_CM - PALLET_DECK_CM;
    for (const c of s.cargo) {
      const d = c.dimensions;
      if (c.kind === "box") {
        const [a = 0, b = 0, h = 0] = [d.length, d.width, d.height].sort((x, y) => y - x);
        expect(a <= PALLET_USABLE_LENGTH_CM && b <= PALLET_USABLE_WIDTH_CM && h <= usableHeight, c.id).toBe(
          true,
        );
        expect(c.unitWeight).toBeGreaterThanOrEqual(10);
        expect(c.unitWeight).toBeLessThanOrEqual(800);
      } else {
        expect(fitsFloor(C17, d), c.id).toBe(true);
      }
      if (c.kind === "rolling_stock") {
        expect(c.unitWeight).toBeGreaterThanOrEqual(1500);
        expect(c.unitWeight).toBeLessThanOrEqual(12_000);
      }
      if (c.kind === "container") expect(c.unitWeight).toBeLessThanOrEqual(10_000);
    }
    const vehicles = s.cargo.filter((c) => c.kind === "rolling_stock");
    const c130Share =
      vehicles.filter((c) => fitsFloor(C130, c.dimensions)).reduce((n, c) => n + c.quantity, 0) /
      vehicles.reduce((n, c) => n + c.quantity, 0);
    expect(c130Share).toBeGreaterThan(0.5);
  });

  it("refuses impossible options", () => {
    expect(() => generateScenario({ personnel: -1, items: 0, sites: 1, seed: 0 })).toThrow(RangeError);
    expect(() => generateScenario({ personnel: 0, items: 0, sites: 0, seed: 0 })).toThrow(RangeError);
    expect(() => generateScenario({ personnel: 0, items: 0, sites: 3, seed: 0, roadSites: 3 })).toThrow(
      RangeError,
    );
    expect(() => generateScenario({ personnel: 0, items: 0.5, sites: 3, seed: 0 })).toThrow(RangeError);
    expect(() => generateScenario({ personnel: 0, items: 0, sites: 3, seed: 0.5 })).toThrow(RangeError);
  });
});
