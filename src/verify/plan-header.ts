import type { VerifyContext } from "./context.ts";
import { type ViolationSink, violation } from "./violation.ts";

/**
 * `plan.scenario` and `plan.incomplete`: the plan is for this scenario and left nothing unplanned.
 * Returns the number of checks made.
 */
export function checkPlanHeader(ctx: VerifyContext, sink: ViolationSink): number {
  const id = ctx.scenario.scenario.id;
  if (ctx.plan.scenario !== id)
    sink.add(violation("plan.scenario", `the plan is for scenario "${ctx.plan.scenario}", not "${id}"`));
  for (const u of ctx.plan.unplanned)
    sink.add(
      violation("plan.incomplete", `${u.what} "${u.id}" is unplanned: ${u.reason}`, { subject: u.id }),
    );
  return 1 + ctx.plan.unplanned.length;
}
