import { formatInstant } from "#domain/time.ts";
import { closureTimes } from "./closure.ts";
import type { VerifyContext } from "./context.ts";
import { type ViolationSink, violation } from "./violation.ts";

/**
 * `closing_team.stays`: at each site with a closing team, at least its minimum of the site's own
 * closing-team people (groups of category closing_team based there) leave the site at or after the
 * site's last cargo departure. A site no cargo leaves has nothing to oversee. Returns the teams checked.
 */
export function checkClosingTeams(ctx: VerifyContext, sink: ViolationSink): number {
  const { sites } = closureTimes(ctx);
  for (const team of ctx.scenario.scenario.closingTeams) {
    const last = sites.get(team.site)?.lastCargoAt;
    if (last === undefined) continue;
    const members = new Set<string>(
      ctx.scenario.scenario.personnel
        .filter((g) => g.site === team.site && g.category === "closing_team")
        .map((g) => g.id),
    );
    let stayed = 0;
    for (const m of ctx.movements) {
      if (m.from !== team.site || m.departAt < last) continue;
      for (const p of m.passengers) if (members.has(p.group)) stayed += p.count;
    }
    if (stayed < team.minimum)
      sink.add(
        violation(
          "closing_team.stays",
          `${stayed} closing-team people leave ${team.site} at or after its last cargo departure ${formatInstant(last)}; at least ${team.minimum} must stay until then`,
          { subject: team.site },
        ),
      );
  }
  return ctx.scenario.scenario.closingTeams.length;
}
