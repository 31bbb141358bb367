import { describe, expect, it } from "vitest";
import { parseScenarioValue } from "#domain/scenario-file.ts";
import { generateWithSummary } from "./generate.ts";
import { GENERATOR_PRESETS, type GeneratorPresetName } from "./presets.ts";

describe("GENERATOR_PRESETS", () => {
  // Each preset is built and parsed once: xl and large are big enough that more would slow the suite.
  for (const name of Object.keys(GENERATOR_PRESETS) as GeneratorPresetName[]) {
    it(`${name} validates and holds exactly its personnel, pieces and sites`, () => {
      const opts = GENERATOR_PRESETS[name];
      const { scenario, summary } = generateWithSummary(opts);
      const r = parseScenarioValue(scenario);
      if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 5)));
      const s = r.value.scenario;
      expect(s.personnel.reduce((n, g) => n + g.count, 0)).toBe(opts.personnel);
      expect(s.cargo.reduce((n, c) => n + c.quantity, 0)).toBe(opts.items);
      expect(s.sites.filter((x) => x.inHostCountry)).toHaveLength(opts.sites);
      if (opts.aircraft !== undefined) expect(s.fleet.reduce((n, f) => n + f.count, 0)).toBe(opts.aircraft);
      if (opts.days !== undefined) expect(summary.days).toBe(opts.days);
      // Feasible with slack: the deadline leaves at least the pessimistic estimate.
      expect(summary.days).toBeGreaterThanOrEqual(summary.neededDays);
    });
  }

  it("minusma: mostly containers and vehicles, road convoys under escort windows", () => {
    const { scenario } = generateWithSummary(GENERATOR_PRESETS.minusma);
    const byKind = (kind: string) =>
      scenario.cargo.filter((c) => c.kind === kind).reduce((n, c) => n + c.quantity, 0);
    expect(byKind("container")).toBeGreaterThan(5_300);
    expect(byKind("container")).toBeLessThan(5_700);
    expect(byKind("rolling_stock")).toBeGreaterThan(1_350);
    expect(byKind("rolling_stock")).toBeLessThan(1_650);
    expect(byKind("box")).toBeGreaterThan(0);
    expect(scenario.roadRoutes).toHaveLength(3);
    for (const r of scenario.roadRoutes ?? []) expect(r.escortWindows.length).toBeGreaterThanOrEqual(1);
  });

  // Speed belongs to the benchmarks (npm run bench), never to a unit test.
  it("large holds exactly its pieces and people", () => {
    const { summary } = generateWithSummary(GENERATOR_PRESETS.large);
    expect(summary.pieces).toBe(100_000);
  });
});
