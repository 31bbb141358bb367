import type { ClearanceKind, ClearanceRule } from "#domain/clearance-rule.ts";
import { earliestFlightFiledAt, refusalFor } from "#domain/clearance-rule.ts";
import type { Scenario } from "#domain/scenario.ts";
import type { Instant } from "#domain/time.ts";

/**
 * The earliest flight time each country's rule lets the departing party file for, given that
 * nothing can be filed before planning starts. Memoised per country and kind.
 */
export class ClearanceGate {
  private readonly rules: Map<string, ClearanceRule>;
  private readonly memo = new Map<string, Instant | undefined>();

  constructor(
    scenario: Scenario,
    private readonly start: Instant,
  ) {
    this.rules = new Map(scenario.clearanceRules.map((r) => [r.country as string, r]));
  }

  rule(country: string): ClearanceRule | undefined {
    return this.rules.get(country);
  }

  /** Earliest flight time for a request of this kind in this country; `undefined`: none needed. */
  earliest(country: string, kind: ClearanceKind): Instant | undefined {
    const k = `${country}|${kind}`;
    if (this.memo.has(k)) return this.memo.get(k);
    const rule = this.rules.get(country);
    const kindRule = rule?.[kind];
    const t = rule && kindRule ? earliestFlightFiledAt(this.start, kindRule.leadTime, rule.weekend) : undefined;
    this.memo.set(k, t);
    return t;
  }

  /**
   * Whether clearances a flight starting at `first` needs are refused or withheld then: undefined when
   * none is, else the end of the latest such refusal (∞ for a denial). `needs` lists what the flight
   * lands at (country and airfield) and crosses. (Conservative: the whole flight counts from `first`.)
   */
  refusedUntil(needs: { readonly landings: readonly { readonly country: string; readonly airfield: string }[]; readonly overflies: readonly string[] }, first: number): number | undefined {
    let until: number | undefined;
    const hit = (end: number | undefined) => {
      until = Math.max(until ?? Number.NEGATIVE_INFINITY, end ?? Number.POSITIVE_INFINITY);
    };
    for (const l of needs.landings) {
      const r = refusalFor(this.rules.get(l.country), "landing", l.airfield, first);
      if (r) hit(r.to);
    }
    for (const c of needs.overflies) {
      const r = refusalFor(this.rules.get(c), "overflight", undefined, first);
      if (r) hit(r.to);
    }
    return until;
  }

  /** The latest of the earliest flight times over overflights of `countries` and an optional landing country. */
  earliestFor(overflies: readonly string[], landingCountry?: string): Instant {
    let t = this.start;
    for (const c of overflies) t = Math.max(t, this.earliest(c, "overflight") ?? t) as Instant;
    if (landingCountry) t = Math.max(t, this.earliest(landingCountry, "landing") ?? t) as Instant;
    return t;
  }
}
