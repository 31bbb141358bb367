import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlanInput } from "#domain/plan.ts";
import type { ScenarioInput } from "#domain/scenario.ts";
import { formatInstant, instant } from "#domain/time.ts";
import { planFrom, resolvedFrom } from "./fixtures/plan-kit.ts";
import { verifyPlan } from "./verify-plan.ts";
import { VIOLATION_CODES } from "./violation.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, "utf8");
const scenario = resolvedFrom(JSON.parse(read("scenarios/synthetic-small.json")) as ScenarioInput);
const valid = planFrom(JSON.parse(read("src/verify/fixtures/synthetic-small.plan.json")));

// Known ids mixed with unknown ones, so that every rule meets references it cannot resolve.
const siteId = fc.constantFrom("MAIN", "OUTPOST", "HOME", "NOWHERE");
const cargoId = fc.constantFrom(
  "boxes",
  "gens",
  "trucks",
  "crypto",
  "fuel-cans",
  "outpost-boxes",
  "furniture",
  "ghost",
);
const groupId = fc.constantFrom(
  "main-support",
  "main-security",
  "main-closing",
  "outpost-team",
  "outpost-closing",
  "nobody",
);
const palletId = fc.constantFrom("PA", "PB", "PC", "PZ");
const start = scenario.start - 2 * 1440;
const span = scenario.deadline - scenario.start + 4 * 1440;
const iso = fc.integer({ min: 0, max: span }).map((m) => formatInstant(instant(start + m)));
const items = fc.array(fc.record({ cargo: cargoId, quantity: fc.integer({ min: 1, max: 70 }) }), {
  maxLength: 3,
});
const people = fc.array(fc.record({ group: groupId, count: fc.integer({ min: 1, max: 90 }) }), {
  maxLength: 3,
});
const load = fc.record({ pallets: fc.array(palletId, { maxLength: 4 }), items, passengers: people });
const countries = fc.array(fc.constantFrom("XH", "XT", "XD", "ZZ"), { maxLength: 4 });

// Load plans that name real and unknown positions, zones and pieces, anywhere along the fuselage.
const loadPlan = fc.record({
  positions: fc.array(
    fc.record({
      position: fc.constantFrom("1L", "9R", "3", "8", "X9"),
      pallet: fc.option(palletId, { nil: undefined }),
      item: fc.option(cargoId, { nil: undefined }),
    }),
    { maxLength: 4 },
  ),
  floor: fc.array(
    fc.record({ item: cargoId, fromCm: fc.integer({ min: -100, max: 4000 }), toCm: fc.integer({ min: -100, max: 4000 }) }),
    { maxLength: 4 },
  ),
  seats: fc.array(
    fc.record({ zone: fc.constantFrom("sidewall", "CL1", "P1", "forward", "nope"), count: fc.integer({ min: 1, max: 120 }) }),
    { maxLength: 3 },
  ),
  cgPercentMac: fc.integer({ min: -50, max: 80 }),
  totalKg: fc.integer({ min: 0, max: 100_000 }),
});

const leg = fc.record({
  from: siteId,
  to: siteId,
  departAt: iso,
  arriveAt: iso,
  overflies: countries,
  load: fc.option(load, { nil: undefined }),
  positionsUsed: fc.integer({ min: 0, max: 30 }),
  payloadKg: fc.integer({ min: 0, max: 100_000 }),
  loadPlan: fc.option(loadPlan, { nil: undefined }),
});

const plan: fc.Arbitrary<PlanInput> = fc
  .record({
    scenario: fc.constantFrom("synthetic-small", "other"),
    pallets: fc.array(
      fc.record({
        id: palletId,
        site: siteId,
        items: fc.array(fc.record({ cargo: cargoId, quantity: fc.integer({ min: 1, max: 30 }) }), {
          minLength: 1,
          maxLength: 3,
        }),
        grossWeightKg: fc.integer({ min: 0, max: 6000 }),
        heightCm: fc.integer({ min: 0, max: 300 }),
      }),
      { maxLength: 4 },
    ),
    sorties: fc.array(
      fc.record({
        id: fc.constantFrom("S1", "S2", "S3"),
        aircraft: fc.constantFrom("C17-1", "C17-2", "C17-9", "C130-1", "C17-0", "X-1", "bad"),
        type: fc.constantFrom("C-17A", "C-130J-30", "PAX-CHARTER", "B-52H"),
        legs: fc.array(leg, { minLength: 1, maxLength: 3 }),
      }),
      { maxLength: 3 },
    ),
    convoys: fc.array(
      fc.record({
        id: fc.constantFrom("C1", "C2", "C3"),
        route: fc.constantFrom("outpost-main", "no-road"),
        from: siteId,
        to: siteId,
        departAt: iso,
        arriveAt: iso,
        trucks: fc.integer({ min: 1, max: 10 }),
        load,
      }),
      { maxLength: 3 },
    ),
    commercial: fc.array(
      fc.record({
        id: fc.constantFrom("P1", "P2"),
        service: fc.constantFrom("airline", "no-airline"),
        airport: siteId,
        departAt: iso,
        passengers: fc.array(fc.record({ group: groupId, count: fc.integer({ min: 1, max: 30 }) }), {
          minLength: 1,
          maxLength: 2,
        }),
      }),
      { maxLength: 2 },
    ),
    clearanceRequests: fc.array(
      fc.record({
        id: fc.constantFrom("R1", "R2", "R3"),
        sortie: fc.constantFrom("S1", "S2", "S9"),
        country: fc.constantFrom("XH", "XT", "XD"),
        kind: fc.constantFrom("landing" as const, "overflight" as const),
        airfield: fc.option(siteId, { nil: undefined }),
        firstAt: iso,
        lastAt: iso,
        latestFilingAt: iso,
        validFrom: iso,
        validTo: iso,
      }),
      { maxLength: 3 },
    ),
    siteClosures: fc.array(
      fc.record({ site: siteId, lastCargoAt: fc.option(iso, { nil: undefined }), closedAt: iso }),
      { maxLength: 3 },
    ),
    bounds: fc.array(fc.record({ name: fc.string(), at: iso, detail: fc.string() }), { maxLength: 2 }),
  })
  .map((parts) => ({ ...valid, ...parts, unplanned: [] }));

/** Drops keys whose value is undefined: the plan's optional fields are absent, never undefined. */
const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe("verifyPlan on arbitrary schema-valid plans", () => {
  it("never throws, and reports only documented codes", () => {
    fc.assert(
      fc.property(plan, (p) => {
        const report = verifyPlan(scenario, json(p));
        expect(report.ok).toBe(report.violations.length === 0);
        for (const v of report.violations) {
          expect(VIOLATION_CODES).toContain(v.code);
          expect(v.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(plan, (p) => {
        expect(verifyPlan(scenario, json(p))).toEqual(verifyPlan(scenario, json(p)));
      }),
      { numRuns: 50 },
    );
  });
});
