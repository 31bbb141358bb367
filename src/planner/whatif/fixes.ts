import type { LeadTime } from "#domain/clearance-rule.ts";
import type { Plan } from "#domain/plan.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { formatHuman, type Instant, instant, parseInstant } from "#domain/time.ts";
import { planWithdrawal } from "../plan-withdrawal.ts";
import { planMeets } from "./compare.ts";
import { fleetByType } from "./fleet-counts.ts";
import { type SearchOptions, largestPassing, smallestPassing, Trials } from "./trials.ts";
import { describeVariation, type Variation } from "./variation.ts";
import { stranded } from "./ways-out.ts";

/** A change that, re-planned, meets the deadline with everything moved. */
export interface Fix {
  readonly kind: "fleet" | "deadline" | "lead-time";
  /** The variation to apply on top of the scenario, e.g. `{ kind: "fleet", type: "C-17A", delta: 2 }`. */
  readonly variation: Variation;
  /** `C-17A +2 (the fewest that meets the deadline)` */
  readonly description: string;
  /** Closure and slack of the plan made with the fix. */
  readonly closureAt: string;
  readonly slackHours: number;
}

/** A lever that cannot fix it on its own, and why. */
export interface NoFix {
  readonly kind: Fix["kind"];
  readonly subject: string;
  readonly reason: string;
}

export interface FixReport {
  /** False when the plan already meets the deadline: nothing to fix. */
  readonly needed: boolean;
  readonly fixes: readonly Fix[];
  readonly noFix: readonly NoFix[];
  /** Set when no lever can help: something no fleet, deadline or lead time changes (cargo with no way out). */
  readonly blocked?: string;
  readonly plansRun: number;
  /** Planner failures (bugs) met on the way; those variants counted as missing the deadline. */
  readonly plannerErrors: readonly string[];
}

export interface FixOptions extends SearchOptions {
  /** The scenario's plan, when already made. */
  readonly plan?: Plan;
  /** Most aircraft of one type to add (default 64). */
  readonly maxAircraft?: number;
  /** Latest deadline to try, days after the current one (default 365). */
  readonly maxDays?: number;
}

/**
 * When the scenario's plan misses the deadline (or leaves something unplanned), what single change
 * would fix it, each found by re-planning, never estimated: the fewest aircraft of each fleet type to
 * add, the least later deadline (whole hours), and for each country with a clearance rule the
 * longest lead time that still works. Searches double then bisect; a lower bound after the deadline
 * ends a search without planning. Levers that cannot fix it alone are listed with the reason; cargo
 * that no route leads out from blocks every lever (`blocked`).
 *
 * @example
 * const r = whatIfFixes(rs);
 * r.fixes.map((f) => f.description); // ["C-17A +1 (the fewest that meets the deadline)", "deadline later by 38 h", …]
 */
export function whatIfFixes(rs: ResolvedScenario, options: FixOptions = {}): FixReport {
  const seed = options.seed ?? 1;
  const plan = options.plan ?? planWithdrawal(rs, { seed });
  if (planMeets(plan)) return { needed: false, fixes: [], noFix: [], plansRun: 0, plannerErrors: [] };
  const cut = stranded(rs).find((x) => x.cargo);
  if (cut) return { needed: true, fixes: [], noFix: [], blocked: `no fleet, deadline or lead time can fix it: cargo at ${cut.site} cannot leave — ${cut.reason}`, plansRun: 0, plannerErrors: [] };
  const trials = new Trials(rs, seed);
  const progress = (fraction: number, detail: string) => options.onProgress?.("fixes", fraction, `${detail} · ${trials.plans} plans`);
  const fixes: Fix[] = [];
  const noFix: NoFix[] = [];
  const meets = (vs: Variation[]) => {
    const checked = trials.check(vs);
    if (!checked || checked.proof) return false;
    const v = trials.plan(vs);
    return v !== undefined && planMeets(v.plan);
  };
  const record = (kind: Fix["kind"], variation: Variation, description: string) => {
    const v = trials.plan([variation]);
    if (!v) return;
    fixes.push({ kind, variation, description, closureAt: v.plan.summary.closureAt, slackHours: v.plan.summary.slackHours });
  };

  const types = [...fleetByType(rs.scenario).keys()];
  const rules = rs.scenario.clearanceRules.filter((r) => r.landing || r.overflight);
  const levers = types.length + 1 + rules.length;
  let lever = 0;

  const maxAircraft = options.maxAircraft ?? 64;
  for (const type of types) {
    progress(lever++ / levers, `adding ${type}`);
    const add = (n: number): Variation => ({ kind: "fleet", type, delta: n });
    const most = trials.check([add(maxAircraft)]);
    if (most?.proof) {
      noFix.push({ kind: "fleet", subject: type, reason: `even ${maxAircraft} more cannot: ${most.proof.detail}` });
      continue;
    }
    let fail = 0;
    let pass: number | undefined;
    for (let n = 1; n <= maxAircraft; n = Math.min(maxAircraft, n * 2)) {
      if (meets([add(n)])) {
        pass = n;
        break;
      }
      fail = n;
      if (n === maxAircraft) break;
    }
    if (pass === undefined) {
      noFix.push({ kind: "fleet", subject: type, reason: `the planner found no plan that meets the deadline with up to ${maxAircraft} more` });
      continue;
    }
    const n = smallestPassing(fail + 1, pass, (k) => meets([add(k)]));
    record("fleet", add(n), `${describeVariation(add(n))} (the fewest ${type} that meet the deadline)`);
  }

  progress(lever++ / levers, "moving the deadline");
  deadlineFix(rs, plan, meets, options.maxDays ?? 365, noFix, record);

  for (const rule of rules) {
    progress(lever++ / levers, `${rule.country} lead time`);
    const current = rule.landing?.leadTime ?? rule.overflight?.leadTime;
    if (!current) continue;
    const unit: LeadTime["unit"] = current.unit === "days" ? "hours" : current.unit;
    const lead = (value: number): Variation => ({ kind: "lead-time", country: rule.country, value, unit });
    if (!meets([lead(0)])) {
      noFix.push({ kind: "lead-time", subject: rule.country, reason: `even with no lead time for ${rule.country} the deadline is missed` });
      continue;
    }
    const now = Math.ceil(current.unit === "days" ? current.value * 24 : current.value);
    const best = largestPassing(0, now, (v) => meets([lead(v)]));
    const plus = (rule.landing?.leadTime.plus ?? 0) + (rule.overflight?.leadTime.plus ?? 0) > 0;
    const what = best === now && plus ? ` (the lead time without its added delay)` : best === now ? "" : ` (now ${current.value} ${current.unit.replace("_", " ")})`;
    record("lead-time", lead(best), `${describeVariation(lead(best))}${what}, the longest that meets the deadline`);
  }
  progress(1, "done");
  return { needed: true, fixes, noFix, plansRun: trials.plans + (options.plan ? 0 : 1), plannerErrors: [...trials.errors] };
}

function deadlineFix(
  rs: ResolvedScenario,
  plan: Plan,
  meets: (vs: Variation[]) => boolean,
  maxDays: number,
  noFix: NoFix[],
  record: (kind: Fix["kind"], v: Variation, d: string) => void,
): void {
  const d0 = rs.deadline;
  const later = (h: number): Variation => ({ kind: "deadline", at: instant(d0 + h * 60) as Instant });
  const maxHours = maxDays * 24;
  // Probe first where the plan closes now: usually the answer, found with one plan.
  const closure = parseInstant(plan.summary.closureAt) ?? d0;
  const probe = Math.min(maxHours, Math.max(1, Math.ceil((closure - d0) / 60)));
  let fail = 0;
  let pass: number | undefined;
  if (meets([later(probe)])) pass = probe;
  else {
    fail = probe;
    for (let h = Math.max(24, probe * 2); ; h = Math.min(maxHours, h * 2)) {
      if (meets([later(h)])) {
        pass = h;
        break;
      }
      fail = h;
      if (h >= maxHours) break;
    }
  }
  if (pass === undefined) {
    noFix.push({ kind: "deadline", subject: "deadline", reason: `the planner found no plan that meets a deadline up to ${maxDays} days later` });
    return;
  }
  const h = smallestPassing(fail + 1, pass, (k) => meets([later(k)]));
  const days = h >= 48 ? ` (${(h / 24).toFixed(1)} days)` : "";
  record("deadline", later(h), `deadline ${formatHuman(instant(d0 + h * 60))}: ${h} h later${days}, the least in whole hours`);
}
