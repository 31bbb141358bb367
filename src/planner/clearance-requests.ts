import { latestFilingAt, validityWindow } from "#domain/clearance-rule.ts";
import type { ClearanceRequest, Sortie } from "#domain/plan.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { formatInstant, type Instant, parseInstant } from "#domain/time.ts";
import type { ClearanceGate } from "./clearance-gate.ts";

const at = (iso: string): Instant => parseInstant(iso) ?? (0 as Instant);

/**
 * The requests each sortie needs: a landing clearance for every airfield it lands at in a country
 * with a landing rule, an overflight clearance for every country with an overflight rule it crosses.
 * Each carries the latest time it can be filed and the validity the approval will have.
 */
export function clearanceRequests(rs: ResolvedScenario, gate: ClearanceGate, sorties: readonly Sortie[]): ClearanceRequest[] {
  const out: ClearanceRequest[] = [];
  for (const sortie of sorties) {
    const needs = new Map<string, { country: string; kind: "landing" | "overflight"; airfield?: string; legs: number[] }>();
    sortie.legs.forEach((leg, i) => {
      const dest = rs.sites.get(leg.to as never);
      if (dest && gate.rule(dest.country)?.landing) {
        const key = `landing|${dest.country}|${dest.id}`;
        const n = needs.get(key) ?? { country: dest.country, kind: "landing", airfield: dest.id, legs: [] };
        n.legs.push(i);
        // The departure from that airfield is covered by the same clearance.
        if (i + 1 < sortie.legs.length) n.legs.push(i + 1);
        needs.set(key, n);
      }
      for (const c of leg.overflies) {
        if (!gate.rule(c)?.overflight) continue;
        const key = `overflight|${c}`;
        const n = needs.get(key) ?? { country: c, kind: "overflight", legs: [] };
        n.legs.push(i);
        needs.set(key, n);
      }
    });
    let k = 0;
    for (const need of needs.values()) {
      const rule = gate.rule(need.country);
      const kindRule = rule?.[need.kind];
      if (!rule || !kindRule) continue;
      const legs = need.legs.map((i) => sortie.legs[i]).filter((l) => l !== undefined);
      const firstAt = Math.min(...legs.map((l) => at(l.departAt))) as Instant;
      const lastAt = Math.max(...legs.map((l) => at(l.arriveAt))) as Instant;
      const valid = validityWindow(kindRule, firstAt, lastAt);
      out.push({
        id: `${sortie.id}-${need.kind === "landing" ? "L" : "O"}${++k}-${need.country}`,
        sortie: sortie.id,
        country: need.country,
        kind: need.kind,
        ...(need.airfield ? { airfield: need.airfield } : {}),
        firstAt: formatInstant(firstAt),
        lastAt: formatInstant(lastAt),
        latestFilingAt: formatInstant(latestFilingAt(firstAt, kindRule.leadTime, rule.weekend)),
        validFrom: formatInstant(valid.from),
        validTo: formatInstant(valid.to),
      });
    }
  }
  return out;
}
