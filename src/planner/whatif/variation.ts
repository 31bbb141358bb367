import type { ClearanceKind, LeadTime } from "#domain/clearance-rule.ts";
import { formatHuman, type Instant } from "#domain/time.ts";

/**
 * One change to a scenario, as data. `applyVariations` gives each its meaning:
 * - `fleet`: `delta` more (or fewer) aircraft of `type`; added to the type's first fleet entry
 *   (a new entry at the first fleet entry's base and availability if the type has none), removed
 *   from its last entries first, never below 0.
 * - `clearance-delay`: clearances take `hours` longer. A country code delays every clearance of the
 *   country (landing and overflight); an airfield (site id or ICAO code) delays the landing
 *   clearances of its country, since the planner resolves clearances by country. Stored as the
 *   rule's `leadTime.plus`, so the planner, the plan's filing times and the verifier all see it.
 * - `deny`: no military flight may land in or overfly `country`: every air leg that crosses it or
 *   ends in it is removed. Sites left without a way out show in the plan's `unplanned`.
 * - `deadline`: the deadline moves to `at`; availability windows that ran until the old deadline
 *   run until the new one, as do personnel latest departures set to it.
 * - `aircraft-out`: `count` aircraft of fleet entry `fleetId` are out of service from `from` to `to`
 *   (absent: the whole withdrawal, so the entry has `count` fewer). For a span, they become a fleet
 *   entry `<fleetId>-out` whose availability has that span cut out (the entry itself when all its
 *   aircraft are out).
 * - `lead-time`: the country's lead time becomes `value` `unit` (both kinds, or only `clearance`),
 *   replacing any `plus`.
 */
export type Variation =
  | { readonly kind: "fleet"; readonly type: string; readonly delta: number }
  | { readonly kind: "clearance-delay"; readonly target: string; readonly hours: number }
  | { readonly kind: "deny"; readonly country: string }
  | { readonly kind: "deadline"; readonly at: Instant }
  | {
      readonly kind: "aircraft-out";
      readonly fleetId: string;
      readonly count: number;
      readonly from?: Instant;
      readonly to?: Instant;
    }
  | {
      readonly kind: "lead-time";
      readonly country: string;
      readonly value: number;
      readonly unit: LeadTime["unit"];
      readonly clearance?: ClearanceKind;
    };

const signed = (n: number) => (n >= 0 ? `+${n}` : `−${-n}`);
const unitName = { working_days: "working days", hours: "h", days: "days" } as const;

/**
 * A short label for people: `C-17A +2`, `clearance delay DRRN +72 h`, `deny DZ`.
 *
 * @example
 * describeVariation({ kind: "fleet", type: "C-17A", delta: 2 }); // "C-17A +2"
 */
export function describeVariation(v: Variation): string {
  switch (v.kind) {
    case "fleet":
      return `${v.type} ${signed(v.delta)}`;
    case "clearance-delay":
      return `clearance delay ${v.target} +${v.hours} h`;
    case "deny":
      return `deny ${v.country}`;
    case "deadline":
      return `deadline ${formatHuman(v.at)}`;
    case "aircraft-out": {
      const span = v.from === undefined && v.to === undefined ? "" : ` ${v.from === undefined ? "…" : formatHuman(v.from)} to ${v.to === undefined ? "…" : formatHuman(v.to)}`;
      return `${v.count} of ${v.fleetId} out of service${span}`;
    }
    case "lead-time":
      return `${v.country}${v.clearance ? ` ${v.clearance}` : ""} lead time ${v.value} ${unitName[v.unit]}`;
  }
}
