import { formatInstant } from "#domain/time.ts";
import type { VerifyContext } from "./context.ts";
import { type ViolationSink, violation } from "./violation.ts";

/**
 * `movement.before_start` (nothing departs before the planning start) and `deadline.missed` (every
 * departure from a host-country site is at or before the deadline, loaded or not: an empty aircraft
 * still on the ground is still in the country). Returns the departures checked.
 */
export function checkTiming(ctx: VerifyContext, sink: ViolationSink): number {
  const { start, deadline } = ctx.scenario;
  for (const m of ctx.movements) {
    if (m.departAt < start)
      sink.add(
        violation(
          "movement.before_start",
          `${m.label} departs ${formatInstant(m.departAt)}, before the planning start ${formatInstant(start)}`,
          { movement: m.id },
        ),
      );
    if (ctx.inHost(m.from) && m.departAt > deadline)
      sink.add(
        violation(
          "deadline.missed",
          `${m.label} departs ${formatInstant(m.departAt)}, ${m.departAt - deadline} min after the deadline ${formatInstant(deadline)}`,
          { movement: m.id, subject: m.from },
        ),
      );
  }
  return ctx.movements.length;
}
