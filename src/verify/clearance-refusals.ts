import { refusalFor } from "#domain/clearance-rule.ts";
import { formatInstant } from "#domain/time.ts";
import { clearanceNeeds } from "./clearances.ts";
import type { VerifyContext } from "./context.ts";
import { type ViolationSink, violation } from "./violation.ts";

/**
 * `clearance.refused`: no sortie needs a clearance that the host refuses or withholds when its legs
 * landing in or crossing the country begin (their first departure). Returns the needs checked.
 */
export function checkClearanceRefusals(ctx: VerifyContext, sink: ViolationSink): number {
  let checked = 0;
  for (const need of clearanceNeeds(ctx).values()) {
    checked++;
    const r = refusalFor(ctx.clearanceRules.get(need.country), need.kind, need.airfield, need.firstAt);
    if (!r) continue;
    const what = need.kind === "landing" ? `landing at ${need.airfield ?? "?"}` : `overflight of ${need.country}`;
    sink.add(
      violation(
        "clearance.refused",
        `${need.sortie} needs ${need.country}'s ${what} ${formatInstant(need.firstAt)}–${formatInstant(need.lastAt)}, which the host ${r.to === undefined ? `refuses from ${formatInstant(r.from)}` : `withholds ${formatInstant(r.from)}–${formatInstant(r.to)}`}${r.reason ? ` (${r.reason})` : ""}`,
        { movement: need.sortie, subject: need.country },
      ),
    );
  }
  return checked;
}
