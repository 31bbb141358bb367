import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { checkAircraft } from "./aircraft.ts";
import { checkCrews } from "./crews.ts";
import { checkAircraftOutages } from "./aircraft-outages.ts";
import { checkClearanceRefusals } from "./clearance-refusals.ts";
import { checkAirfields } from "./airfields.ts";
import { checkClearances } from "./clearances.ts";
import { checkClosingTeams } from "./closing-team.ts";
import { checkCommercial } from "./commercial.ts";
import { checkConservation } from "./conservation.ts";
import { buildContext, type VerifyContext } from "./context.ts";
import { checkConvoys } from "./convoys.ts";
import { checkLegs } from "./legs.ts";
import { checkLoadHazards } from "./load-hazard.ts";
import { checkLoadPlans } from "./load-plans.ts";
import { checkLoads } from "./loads.ts";
import { checkPalletBuildUps } from "./pallet-build-up.ts";
import { checkPallets } from "./pallets.ts";
import { checkParking } from "./parking.ts";
import { checkPersonnelWindows } from "./personnel.ts";
import { checkPlanHeader } from "./plan-header.ts";
import { parsePlan } from "./plan-schema.ts";
import { checkReferences } from "./references.ts";
import { checkSummary } from "./summary.ts";
import { checkTiming } from "./timing.ts";
import { collectingSink, type Violation, type ViolationSink } from "./violation.ts";

/** The rule families; each reports how many objects or checks it looked at. */
export interface RuleFamilyCounts {
  readonly header: number;
  readonly references: number;
  readonly conservation: number;
  readonly timing: number;
  readonly aircraft: number;
  readonly crews: number;
  readonly outages: number;
  readonly legs: number;
  readonly airfields: number;
  readonly parking: number;
  readonly loads: number;
  readonly loadPlans: number;
  readonly hazards: number;
  readonly pallets: number;
  readonly buildUps: number;
  readonly convoys: number;
  readonly commercial: number;
  readonly personnel: number;
  readonly closingTeams: number;
  readonly clearances: number;
  readonly refusals: number;
  readonly summary: number;
}

/** How much each rule family checked (all 0 but the schema when the plan failed its schema). */
export type VerifyChecked = { readonly schema: number } & RuleFamilyCounts;

/** Runs every family in order (object literals evaluate in order, so violations come rule by rule). */
function runFamilies(ctx: VerifyContext, sink: ViolationSink): RuleFamilyCounts {
  return {
    header: checkPlanHeader(ctx, sink),
    references: checkReferences(ctx, sink),
    conservation: checkConservation(ctx, sink),
    timing: checkTiming(ctx, sink),
    aircraft: checkAircraft(ctx, sink),
    crews: checkCrews(ctx, sink),
    outages: checkAircraftOutages(ctx, sink),
    legs: checkLegs(ctx, sink),
    airfields: checkAirfields(ctx, sink),
    parking: checkParking(ctx, sink),
    loads: checkLoads(ctx, sink),
    loadPlans: checkLoadPlans(ctx, sink),
    hazards: checkLoadHazards(ctx, sink),
    pallets: checkPallets(ctx, sink),
    buildUps: checkPalletBuildUps(ctx, sink),
    convoys: checkConvoys(ctx, sink),
    commercial: checkCommercial(ctx, sink),
    personnel: checkPersonnelWindows(ctx, sink),
    closingTeams: checkClosingTeams(ctx, sink),
    clearances: checkClearances(ctx, sink),
    refusals: checkClearanceRefusals(ctx, sink),
    summary: checkSummary(ctx, sink),
  };
}

const NOTHING_CHECKED: RuleFamilyCounts = {
  header: 0,
  references: 0,
  conservation: 0,
  timing: 0,
  aircraft: 0,
  crews: 0,
  outages: 0,
  legs: 0,
  airfields: 0,
  parking: 0,
  loads: 0,
  loadPlans: 0,
  hazards: 0,
  pallets: 0,
  buildUps: 0,
  convoys: 0,
  commercial: 0,
  personnel: 0,
  closingTeams: 0,
  clearances: 0,
  refusals: 0,
  summary: 0,
};

/** The verdict on a plan: ok when no rule is broken, with every violation found. */
export interface VerifyReport {
  readonly ok: boolean;
  readonly violations: Violation[];
  readonly checked: VerifyChecked;
}

/**
 * Checks a plan against its scenario with every rule of docs/plan-format.md, independently of the
 * planner. The plan is parsed first; a plan that fails the schema gets only `plan.schema` violations.
 * Pure: no I/O, no clock.
 * @example
 * const scenario = parseScenarioText(text); // { ok: true, value }
 * const report = verifyPlan(scenario.value, JSON.parse(planText));
 * if (!report.ok) for (const v of report.violations) console.log(v.code, v.movement ?? "", v.message);
 */
export function verifyPlan(scenario: ResolvedScenario, plan: unknown): VerifyReport {
  const parsed = parsePlan(plan);
  if (!parsed.ok)
    return { ok: false, violations: [...parsed.violations], checked: { schema: 1, ...NOTHING_CHECKED } };
  const sink = collectingSink();
  for (const v of parsed.violations) sink.add(v);
  const counts = runFamilies(buildContext(scenario, parsed.plan), sink);
  return { ok: sink.violations.length === 0, violations: sink.violations, checked: { schema: 1, ...counts } };
}
