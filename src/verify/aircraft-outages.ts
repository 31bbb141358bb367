import { formatInstant } from "#domain/time.ts";
import type { VerifyContext } from "./context.ts";
import { legsByTail, parseTail } from "./tail.ts";
import { type ViolationSink, violation } from "./violation.ts";

/**
 * `aircraft.out_of_service`: no leg of an aircraft overlaps one of its out-of-service periods (its fleet
 * entry's `outOfService` for its number). Returns the legs checked.
 */
export function checkAircraftOutages(ctx: VerifyContext, sink: ViolationSink): number {
  let checked = 0;
  for (const [tail, { fleet, legs }] of legsByTail(ctx)) {
    const n = parseTail(ctx.fleet, tail).n;
    const outages = fleet?.outOfService.filter((o) => o.aircraft === n) ?? [];
    if (outages.length === 0) continue;
    for (const l of legs) {
      checked++;
      for (const o of outages)
        if (l.departAt < (o.to ?? Number.POSITIVE_INFINITY) && l.arriveAt > o.from)
          sink.add(
            violation(
              "aircraft.out_of_service",
              `${l.label} flies ${formatInstant(l.departAt)}–${formatInstant(l.arriveAt)}, but ${tail} is out of service from ${formatInstant(o.from)}${o.to !== undefined ? ` to ${formatInstant(o.to)}` : " for good"}${o.reason ? ` (${o.reason})` : ""}`,
              { movement: l.sortie.id, subject: tail },
            ),
          );
    }
  }
  return checked;
}
