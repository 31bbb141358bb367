import type { Scenario } from "#domain/scenario.ts";
import type { Variation } from "./variation.ts";

/**
 * Aircraft by type, in the order the fleet first names each type (types with a count of 0 included).
 *
 * @example
 * fleetByType(rs.scenario); // Map { "C-17A" => 1, "C-130J-30" => 1 }
 */
export function fleetByType(scenario: Pick<Scenario, "fleet">): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of scenario.fleet) out.set(f.type, (out.get(f.type) ?? 0) + f.count);
  return out;
}

/** The `fleet` variations that turn the scenario's counts by type into `target` (types left out keep theirs). */
export function fleetVariations(scenario: Pick<Scenario, "fleet">, target: ReadonlyMap<string, number>): Variation[] {
  const now = fleetByType(scenario);
  const out: Variation[] = [];
  for (const [type, count] of target) {
    const delta = count - (now.get(type) ?? 0);
    if (delta !== 0) out.push({ kind: "fleet", type, delta });
  }
  return out;
}

/** `C-17A 2, C-130J-30 1` */
export const formatFleet = (counts: ReadonlyMap<string, number>): string =>
  [...counts].map(([t, n]) => `${t} ${n}`).join(", ");
