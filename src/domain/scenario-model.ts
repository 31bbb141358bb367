import type { AircraftType } from "./aircraft-type.ts";
import type { AircraftTypeId, SiteId } from "./ids.ts";
import type { Scenario } from "./scenario.ts";
import type { Site } from "./site.ts";
import type { Instant } from "./time.ts";

/**
 * A validated scenario with its aircraft types resolved (scenario types first, then the library).
 * This is what the planner and the verifier take.
 */
export interface ResolvedScenario {
  readonly scenario: Scenario;
  readonly types: ReadonlyMap<AircraftTypeId, AircraftType>;
  readonly sites: ReadonlyMap<SiteId, Site>;
  readonly start: Instant;
  readonly deadline: Instant;
}

export interface ReferenceIssue {
  readonly path: (string | number)[];
  readonly message: string;
  readonly hint: string;
}

/** Resolves fleet types against the scenario and the library; reports a fleet type found in neither. */
export function resolveScenario(
  scenario: Scenario,
  library: readonly AircraftType[],
): { ok: true; value: ResolvedScenario } | { ok: false; issues: ReferenceIssue[] } {
  const types = new Map<AircraftTypeId, AircraftType>();
  for (const t of library) types.set(t.id, t);
  for (const t of scenario.aircraftTypes) types.set(t.id, t);
  const issues: ReferenceIssue[] = [];
  scenario.fleet.forEach((f, i) => {
    if (!types.has(f.type))
      issues.push({
        path: ["fleet", i, "type"],
        message: `unknown aircraft type "${f.type}"`,
        hint: `use one of ${[...types.keys()].join(", ")}, or define it under aircraftTypes`,
      });
  });
  scenario.sites.forEach((s, i) =>
    (s.acceptsTypes ?? []).forEach((t, j) => {
      if (!types.has(t))
        issues.push({
          path: ["sites", i, "acceptsTypes", j],
          message: `unknown aircraft type "${t}"`,
          hint: `use one of ${[...types.keys()].join(", ")}`,
        });
    }),
  );
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      scenario,
      types,
      sites: new Map(scenario.sites.map((s) => [s.id, s])),
      start: scenario.planningStart ?? scenario.agreement.withdrawalStart,
      deadline: scenario.agreement.deadline,
    },
  };
}
