import type { VerifyContext } from "./context.ts";
import { checkLoadBalance } from "./load-balance.ts";
import { checkLoadFloor } from "./load-floor.ts";
import { checkLoadPlacement } from "./load-placement.ts";
import { plannedLegs } from "./load-plan-legs.ts";
import { checkLoadPositions } from "./load-position.ts";
import type { ViolationSink } from "./violation.ts";

/**
 * The rules of legs that record a `loadPlan`, leg by leg: `load.position`, `load.floor`,
 * `load.placement`, `load.balance`. Returns the load plans checked.
 */
export function checkLoadPlans(ctx: VerifyContext, sink: ViolationSink): number {
  const legs = plannedLegs(ctx);
  for (const leg of legs) {
    checkLoadPositions(ctx, sink, leg);
    checkLoadFloor(ctx, sink, leg);
    checkLoadPlacement(ctx, sink, leg);
    checkLoadBalance(ctx, sink, leg);
  }
  return legs.length;
}
