import {
  type ClearanceKind,
  type ClearanceKindRule,
  latestFilingAt,
  validityWindow,
} from "#domain/clearance-rule.ts";
import type { ClearanceRequest } from "#domain/plan.ts";
import { formatInstant, type Instant } from "#domain/time.ts";
import type { VerifyContext } from "./context.ts";
import { legOverflies } from "./leg-distance.ts";
import { type ViolationSink, violation } from "./violation.ts";

/** A clearance a sortie needs, with the times the country's rule gives it. */
export interface ClearanceNeed {
  readonly sortie: string;
  readonly country: string;
  readonly kind: ClearanceKind;
  /** The landing airfield; undefined for an overflight. */
  readonly airfield: string | undefined;
  readonly firstAt: Instant;
  readonly lastAt: Instant;
  readonly latestFilingAt: Instant;
  readonly validFrom: Instant;
  readonly validTo: Instant;
}

const keyOf = (sortie: string, country: string, kind: string, airfield: string | undefined) =>
  `${sortie}|${country}|${kind}|${kind === "landing" ? (airfield ?? "") : ""}`;

/**
 * The clearances the plan's sorties need: one per sortie and landing airfield in a country with a
 * landing rule, and one per sortie and country with an overflight rule that one of its legs crosses (as
 * the scenario's air leg lists the countries). Whatever the kind, `firstAt` and `lastAt` span the
 * sortie's legs that land in or cross the country (docs: "first departure of the sortie's legs that
 * land in or cross the country"): a landing clearance thus also covers the take-off that leaves it.
 */
export function clearanceNeeds(ctx: VerifyContext): Map<string, ClearanceNeed> {
  const needs = new Map<string, ClearanceNeed>();
  for (const s of ctx.plan.sorties) {
    /** Per country: the span of the legs landing in or crossing it, and what they need. */
    const byCountry = new Map<
      string,
      { first: Instant; last: Instant; airfields: Set<string>; crossed: boolean }
    >();
    const touch = (country: string, dep: Instant, arr: Instant) => {
      const c = byCountry.get(country);
      if (!c) {
        const entry = { first: dep, last: arr, airfields: new Set<string>(), crossed: false };
        byCountry.set(country, entry);
        return entry;
      }
      c.first = Math.min(c.first, dep) as Instant;
      c.last = Math.max(c.last, arr) as Instant;
      return c;
    };
    for (const leg of s.legs) {
      const dep = ctx.at(leg.departAt);
      const arr = ctx.at(leg.arriveAt);
      const to = ctx.sites.get(leg.to);
      if (to) touch(to.country, dep, arr).airfields.add(to.id);
      for (const country of new Set(legOverflies(ctx, leg))) touch(country, dep, arr).crossed = true;
    }
    for (const [country, span] of byCountry) {
      const rule = ctx.clearanceRules.get(country);
      if (!rule) continue;
      const need = (kind: ClearanceKind, kindRule: ClearanceKindRule, airfield: string | undefined) => {
        const valid = validityWindow(kindRule, span.first, span.last);
        needs.set(keyOf(s.id, country, kind, airfield), {
          sortie: s.id,
          country,
          kind,
          airfield,
          firstAt: span.first,
          lastAt: span.last,
          latestFilingAt: latestFilingAt(span.first, kindRule.leadTime, rule.weekend),
          validFrom: valid.from,
          validTo: valid.to,
        });
      };
      if (rule.landing) for (const airfield of span.airfields) need("landing", rule.landing, airfield);
      if (rule.overflight && span.crossed) need("overflight", rule.overflight, undefined);
    }
  }
  return needs;
}

const describe = (n: Pick<ClearanceNeed, "sortie" | "country" | "kind" | "airfield">) =>
  `${n.kind} clearance of ${n.country}${n.kind === "landing" ? ` at ${n.airfield ?? "?"}` : ""} for ${n.sortie}`;

/**
 * `clearance.missing`, `clearance.lead_time` (the latest filing time, as the rule gives it and as the
 * request states it, is not before the planning start), `clearance.mismatch` (the request's five times
 * are the rule's) and `clearance.orphan` (a request for a sortie, country, kind or airfield that needs
 * none, or a second request for the same need). Returns the requests and needs checked.
 */
export function checkClearances(ctx: VerifyContext, sink: ViolationSink): number {
  const needs = clearanceNeeds(ctx);
  const met = new Set<string>();
  const start = ctx.scenario.start;
  for (const r of ctx.plan.clearanceRequests) {
    const about = { movement: r.sortie, subject: r.id };
    const key = keyOf(r.sortie, r.country, r.kind, r.airfield);
    const need = needs.get(key);
    if (!need) {
      sink.add(
        violation(
          "clearance.orphan",
          `request ${r.id}: ${describe({ ...r, airfield: r.airfield })} is not needed by any sortie of the plan`,
          about,
        ),
      );
      continue;
    }
    if (met.has(key)) {
      sink.add(
        violation("clearance.orphan", `request ${r.id}: a second request for the ${describe(need)}`, about),
      );
      continue;
    }
    met.add(key);
    if (r.kind === "overflight" && r.airfield !== undefined)
      sink.add(
        violation(
          "clearance.mismatch",
          `request ${r.id}: an overflight request names airfield ${r.airfield}`,
          about,
        ),
      );
    const wrong = mismatches(ctx, r, need);
    if (wrong.length > 0)
      sink.add(
        violation("clearance.mismatch", `request ${r.id} (${describe(need)}): ${wrong.join("; ")}`, about),
      );
    const stated = ctx.at(r.latestFilingAt);
    const late = Math.min(need.latestFilingAt, stated);
    if (late < start)
      sink.add(
        violation(
          "clearance.lead_time",
          `request ${r.id} (${describe(need)}) had to be filed by ${formatInstant(late as Instant)}, before the planning start ${formatInstant(start)}`,
          about,
        ),
      );
  }
  for (const [key, need] of needs) {
    if (met.has(key)) continue;
    sink.add(
      violation(
        "clearance.missing",
        `no request for the ${describe(need)} (legs ${formatInstant(need.firstAt)}–${formatInstant(need.lastAt)}, to be filed by ${formatInstant(need.latestFilingAt)})`,
        { movement: need.sortie, subject: need.country },
      ),
    );
  }
  return ctx.plan.clearanceRequests.length + needs.size;
}

function mismatches(ctx: VerifyContext, r: ClearanceRequest, need: ClearanceNeed): string[] {
  const out: string[] = [];
  for (const field of ["firstAt", "lastAt", "latestFilingAt", "validFrom", "validTo"] as const) {
    const stated = ctx.at(r[field]);
    if (stated !== need[field])
      out.push(`${field} ${formatInstant(stated)} should be ${formatInstant(need[field])}`);
  }
  return out;
}
