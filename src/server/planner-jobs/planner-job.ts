/**
 * What the server asks its planner worker to do, and what the worker says back. The scenario and
 * the plans cross the thread boundary by structured clone (plain data and Maps).
 */
import type { Plan } from "#domain/plan.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import type { Variation } from "#planner/whatif/variation.ts";
import type { VariantsComparison } from "./compare-variants.ts";

/** A what-if variant: a name and the changes it makes to the scenario. */
export interface NamedVariant {
  readonly name: string;
  readonly variations: readonly Variation[];
}

/** A job: plan the scenario, or compare it with variants. */
export type PlannerJob =
  | { readonly kind: "plan"; readonly scenario: ResolvedScenario; readonly seed: number }
  | { readonly kind: "whatif"; readonly scenario: ResolvedScenario; readonly seed: number; readonly variants: readonly NamedVariant[]; readonly fixes: boolean };

/** How far a job has come: `step` of `steps` plans, the planner's phase and the fraction of this step. */
export interface JobProgress {
  readonly step: number;
  readonly steps: number;
  readonly phase: string;
  /** 0–1 of the whole job. */
  readonly fraction: number;
  readonly detail?: string;
}

/** A message from the worker. */
export type PlannerJobMessage =
  | ({ readonly kind: "progress" } & JobProgress)
  | { readonly kind: "plan"; readonly plan: Plan }
  | { readonly kind: "whatif"; readonly result: VariantsComparison }
  | { readonly kind: "failed"; readonly message: string };
