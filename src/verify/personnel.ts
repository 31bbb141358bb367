import { formatInstant } from "#domain/time.ts";
import type { VerifyContext } from "./context.ts";
import { type ViolationSink, violation } from "./violation.ts";

/**
 * `personnel.window`: people leave a host-country site no earlier than their group's earliest
 * departure, and the movement that takes them out of the country departs no later than its latest.
 * Returns the passenger loads checked.
 */
export function checkPersonnelWindows(ctx: VerifyContext, sink: ViolationSink): number {
  let checked = 0;
  for (const m of ctx.movements) {
    if (!ctx.inHost(m.from)) continue;
    const leaves = ctx.outside(m.to);
    for (const p of m.passengers) {
      const g = ctx.groups.get(p.group);
      if (!g) continue;
      checked++;
      const about = { movement: m.id, subject: g.id };
      if (g.earliestDeparture !== undefined && m.departAt < g.earliestDeparture)
        sink.add(
          violation(
            "personnel.window",
            `${m.label} takes ${p.count} of ${g.id} from ${m.from} at ${formatInstant(m.departAt)}, before their earliest departure ${formatInstant(g.earliestDeparture)}`,
            about,
          ),
        );
      if (leaves && g.latestDeparture !== undefined && m.departAt > g.latestDeparture)
        sink.add(
          violation(
            "personnel.window",
            `${m.label} takes ${p.count} of ${g.id} out of the country at ${formatInstant(m.departAt)}, after their latest departure ${formatInstant(g.latestDeparture)}`,
            about,
          ),
        );
    }
  }
  return checked;
}
