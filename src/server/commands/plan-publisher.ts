/**
 * Publishes a plan as the scenario's baseline: runs the planner on the current scenario (the
 * server never trusts a plan sent by a client), numbers the version, moves the baseline flag,
 * and records `plan.published` with the plan's digest, in one transaction.
 */
import type { Plan } from "#domain/plan.ts";
import { planWithdrawal } from "#planner/plan-withdrawal.ts";
import { clearBaseline, insertPlanVersion, listPlanVersions } from "#store/plan-versions.repository.ts";
import type { Actor } from "#workflow/actor.ts";
import type { PlanVersionId } from "#workflow/ids.ts";
import { type PlanRegister, type PlanVersion, publishPlan } from "#workflow/plan-version.ts";
import { accepted, runCommand } from "../command.ts";
import type { ServerDeps } from "../deps.ts";
import { HttpError } from "../http-error.ts";
import { registerOfRows } from "../plan-register.ts";
import { startPlannerJob } from "../planner-jobs/planner-runner.ts";

/** Props of a publication. */
export interface PublishPlanProps {
  readonly actor: Actor;
  readonly seed?: number | undefined;
  readonly note?: string | undefined;
  /** A plan the server's own planner already made from the current scenario (a run in a worker); absent, it plans here. */
  readonly plan?: Plan | undefined;
}

/**
 * Plans the scenario current now, for a publication or a run: in a planner worker when
 * `deps.publicationPlanner` is `"worker"` (the same job as the Scenario page's run; a busy planner
 * answers 429), else in this thread. A cargo import while the worker plans makes its plan one of a
 * scenario that is no longer current: 409, as the Scenario page's run answers.
 *
 * @example
 * const plan = await planForPublication(deps, body.seed ?? 1);
 * const { version } = await publishPlanVersion(deps, { actor, seed, plan });
 */
export async function planForPublication(deps: ServerDeps, seed: number, retry: "publish" | "run" = "publish"): Promise<Plan> {
  const scenario = deps.scenario;
  if (deps.publicationPlanner !== "worker") return planWithdrawal(scenario.resolved, { seed });
  const plan = await startPlannerJob({ kind: "plan", scenario: scenario.resolved, seed }, () => undefined).result;
  if (deps.scenario !== scenario)
    throw new HttpError(409, "plan.scenario_changed", "The scenario changed", `the scenario changed while the planner ran; ${retry} again`);
  return plan;
}

/**
 * Plans and publishes; returns the new baseline version and the plan.
 *
 * @example
 * const { version } = await publishPlanVersion(deps, { actor, note: "after the 7 June ceremony" });
 */
export async function publishPlanVersion(deps: ServerDeps, props: PublishPlanProps): Promise<{ version: PlanVersion; plan: Plan }> {
  const plan = props.plan ?? planWithdrawal(deps.scenario.resolved, { seed: props.seed ?? 1 });
  return runCommand(deps, props.actor, async (uow) => {
    const rows = await listPlanVersions(uow.trx, deps.scenario.id);
    const register: PlanRegister = registerOfRows(deps.parties.departing, rows);
    const next = accepted(
      uow,
      publishPlan(register, { id: deps.ids("PV") as PlanVersionId, plan, ...(props.note === undefined ? {} : { note: props.note }) }, uow.ctx),
    );
    const published = next.versions.at(-1) as PlanVersion;
    await clearBaseline(uow.trx, deps.scenario.id);
    await insertPlanVersion(uow.trx, {
      id: published.id,
      scenario_id: deps.scenario.id,
      version_number: published.number,
      plan_json: JSON.stringify(plan),
      published_at: uow.now.toISOString(),
      published_by: props.actor.id,
      is_baseline: 1,
      digest: published.digest,
      note: published.note ?? null,
    });
    return { version: published, plan };
  });
}
