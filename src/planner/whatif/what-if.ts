import type { CodedMessage } from "#domain/coded-message.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { planWithdrawal } from "../plan-withdrawal.ts";
import { applyVariations, type VariationIssue } from "./apply-variations.ts";
import { type ComparisonRow, compareVariants, planMeets, type Variant } from "./compare.ts";
import { type FixReport, whatIfFixes } from "./fixes.ts";
import type { SearchOptions } from "./trials.ts";
import type { Variation } from "./variation.ts";
import { strandedNotes } from "./whatif-notes.ts";

export interface WhatIfOptions extends SearchOptions {
  /** Search for fixes when the variant misses the deadline (default true). */
  readonly fixes?: boolean;
}

export interface WhatIf {
  readonly variations: readonly Variation[];
  readonly base: Variant;
  readonly variant: Variant;
  readonly rows: readonly ComparisonRow[];
  /** What the variations did, where not obvious, and the sites they left without a way out (coded; `text` is the English). */
  readonly notes: readonly CodedMessage[];
  /** Present when the variant misses the deadline and fixes were asked for. */
  readonly fixes?: FixReport;
}

/**
 * Plans the scenario as it is and with the variations, and compares the two; when the variant
 * misses the deadline, searches for what would fix it (`whatIfFixes`).
 *
 * @example
 * const r = runWhatIf(rs, [{ kind: "fleet", type: "C-17A", delta: 1 }]);
 * if (r.ok) r.value.rows.find((x) => x.key === "closure")?.change; // "−9.6 days"
 */
export function runWhatIf(
  rs: ResolvedScenario,
  variations: readonly Variation[],
  options: WhatIfOptions = {},
): { ok: true; value: WhatIf } | { ok: false; issues: readonly VariationIssue[] } {
  const varied = applyVariations(rs, variations);
  if (!varied.ok) return varied;
  const seed = options.seed ?? 1;
  const progress = options.onProgress ?? (() => {});
  const base: Variant = { rs, plan: planWithdrawal(rs, { seed, onProgress: (p, f, d) => progress(`before: ${p}`, f, d) }) };
  const variant: Variant = { rs: varied.value, plan: planWithdrawal(varied.value, { seed, onProgress: (p, f, d) => progress(`after: ${p}`, f, d) }) };
  const notes = [...varied.notes, ...strandedNotes(rs, varied.value)];
  const fixes = options.fixes !== false && !planMeets(variant.plan) ? whatIfFixes(varied.value, { seed, plan: variant.plan, ...(options.onProgress ? { onProgress: options.onProgress } : {}) }) : undefined;
  return { ok: true, value: { variations, base, variant, rows: compareVariants(base, variant), notes, ...(fixes ? { fixes } : {}) } };
}
