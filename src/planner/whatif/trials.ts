import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { planWithdrawal } from "../plan-withdrawal.ts";
import { applyVariations } from "./apply-variations.ts";
import type { Variant } from "./compare.ts";
import { cannotMeetDeadline, type DeadlineProof } from "./deadline-proof.ts";
import type { Variation } from "./variation.ts";

/** Options shared by the searches that re-plan (fixes, smallest fleet). */
export interface SearchOptions {
  /** Planner seed (plans are deterministic per seed). */
  readonly seed?: number;
  /** Called after each plan or bound with a phase, a rough fraction done and a detail, for progress bars. */
  readonly onProgress?: (phase: string, fraction: number, detail?: string) => void;
}

/**
 * Varied scenarios of one base, planned or proved infeasible on demand and remembered, so that a
 * search never plans the same variation twice. Counts the plans and proofs it ran.
 */
export class Trials {
  plans = 0;
  proofs = 0;
  /** Messages of planner failures (bugs), each once: a search counts such a variation as not meeting the deadline. */
  readonly errors = new Set<string>();
  private readonly planned = new Map<string, Variant | undefined>();
  private readonly proved = new Map<string, { rs: ResolvedScenario; proof: DeadlineProof | undefined } | undefined>();

  constructor(
    readonly base: ResolvedScenario,
    private readonly seed: number,
  ) {}

  private key(variations: readonly Variation[]): string {
    return JSON.stringify(variations);
  }

  /** The varied scenario with its proof that no plan meets the deadline (`undefined` proof: none found); `undefined` if the variations do not apply. */
  check(variations: readonly Variation[]): { rs: ResolvedScenario; proof: DeadlineProof | undefined } | undefined {
    const k = this.key(variations);
    if (this.proved.has(k)) return this.proved.get(k);
    const r = applyVariations(this.base, variations);
    const out = r.ok ? { rs: r.value, proof: cannotMeetDeadline(r.value) } : undefined;
    if (r.ok) this.proofs++;
    this.proved.set(k, out);
    return out;
  }

  /** The varied scenario and its plan; `undefined` if the variations do not apply or the planner failed (see `errors`). */
  plan(variations: readonly Variation[]): Variant | undefined {
    const k = this.key(variations);
    if (this.planned.has(k)) return this.planned.get(k);
    const r = applyVariations(this.base, variations);
    let out: Variant | undefined;
    if (r.ok) {
      this.plans++;
      try {
        out = { rs: r.value, plan: planWithdrawal(r.value, { seed: this.seed }) };
      } catch (e) {
        // One variant that trips a planner bug should not end the whole search; the caller reports it.
        this.errors.add(e instanceof Error ? e.message : String(e));
      }
    }
    this.planned.set(k, out);
    return out;
  }
}

/**
 * The smallest integer in `[lo, hi]` that passes, by bisection, given that `hi` passes (the
 * predicate is taken as monotone: failing below some value, passing from it on).
 */
export function smallestPassing(lo: number, hi: number, passes: (n: number) => boolean): number {
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (passes(mid)) hi = mid;
    else lo = mid + 1;
  }
  return hi;
}

/** The largest integer in `[lo, hi]` that passes, given that `lo` passes (monotone: passing up to some value). */
export function largestPassing(lo: number, hi: number, passes: (n: number) => boolean): number {
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (passes(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
