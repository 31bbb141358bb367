/**
 * What-if variants side by side: the scenario planned once as it is, then each variant (a set of
 * changes) planned and compared with it on the key figures (`compareVariants`), with what each
 * variation did, the sites it left without a way out and, when asked, what would fix a variant
 * that misses the deadline. The same parts `drawdown whatif` uses, for several variants at once.
 */
import type { CodedMessage } from "#domain/coded-message.ts";
import type { Plan } from "#domain/plan.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { applyVariations } from "#planner/whatif/apply-variations.ts";
import { type ComparisonRow, compareVariants, planMeets } from "#planner/whatif/compare.ts";
import { type FixReport, whatIfFixes } from "#planner/whatif/fixes.ts";
import { describeVariation } from "#planner/whatif/variation.ts";
import { strandedNotes } from "#planner/whatif/whatif-notes.ts";
import { planWithdrawal } from "#planner/plan-withdrawal.ts";
import type { NamedVariant } from "./planner-job.ts";

/** One variant against the scenario as it is. */
export interface VariantComparison {
  readonly name: string;
  readonly variations: readonly string[];
  readonly rows: readonly ComparisonRow[];
  /** Coded, so a page can say them in its language; `text` is the English. */
  readonly notes: readonly CodedMessage[];
  readonly meets: boolean;
  readonly unplanned: Plan["unplanned"];
  readonly fixes: FixReport | null;
}

/** The scenario as it is and every variant. */
export interface VariantsComparison {
  readonly base: { readonly summary: Plan["summary"]; readonly unplanned: number; readonly meets: boolean };
  readonly variants: readonly VariantComparison[];
}

/** Progress: the plan being made (0 for the base) of how many, its phase and fraction. */
export type ComparisonProgress = (step: number, steps: number, phase: string, fraction: number, detail?: string) => void;

/**
 * Plans the base and each variant and compares them. Variations that cannot apply throw: check them
 * first with `applyVariations`.
 *
 * @example
 * compareScenarioVariants(rs, [{ name: "C-17A +1", variations: [{ kind: "fleet", type: "C-17A", delta: 1 }] }], { seed: 1 });
 */
export function compareScenarioVariants(
  rs: ResolvedScenario,
  variants: readonly NamedVariant[],
  options: { readonly seed: number; readonly fixes: boolean; readonly onProgress?: ComparisonProgress },
): VariantsComparison {
  const steps = 1 + variants.length;
  const progress = options.onProgress ?? (() => {});
  const basePlan = planWithdrawal(rs, { seed: options.seed, onProgress: (p, f, d) => progress(0, steps, p, f, d) });
  const base = { rs, plan: basePlan };
  const compared = variants.map((v, i): VariantComparison => {
    const varied = applyVariations(rs, v.variations);
    if (!varied.ok) throw new Error(`variant ${v.name}: ${varied.issues.map((x) => x.message).join("; ")}`);
    const plan = planWithdrawal(varied.value, { seed: options.seed, onProgress: (p, f, d) => progress(i + 1, steps, p, f, d) });
    const meets = planMeets(plan);
    const fixes =
      options.fixes && !meets
        ? whatIfFixes(varied.value, { seed: options.seed, plan, onProgress: (p, f, d) => progress(i + 1, steps, `fixes: ${p}`, f, d) })
        : null;
    return {
      name: v.name,
      variations: v.variations.map(describeVariation),
      rows: compareVariants(base, { rs: varied.value, plan }),
      notes: [...varied.notes, ...strandedNotes(rs, varied.value)],
      meets,
      unplanned: plan.unplanned,
      fixes,
    };
  });
  return { base: { summary: basePlan.summary, unplanned: basePlan.unplanned.length, meets: planMeets(basePlan) }, variants: compared };
}
