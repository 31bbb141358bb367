import { dutyLimitMinutes, ownCrewId } from "#domain/crew.ts";
import type { FleetEntry } from "#domain/fleet.ts";
import { formatInstant, instant } from "#domain/time.ts";
import type { VerifyContext } from "./context.ts";
import { legsByTail, parseTail, type TailLeg } from "./tail.ts";
import { type ViolationSink, violation } from "./violation.ts";

/** Who a crew id names: its fleet entry and where it starts (the base for an aircraft's own crew). */
interface CrewRef {
  readonly fleet: FleetEntry;
  readonly startsAt: string;
}

/** Parses `<tail>:crew` or `<fleet id>@<site>:<n>`; a message when the id names no crew of the scenario. */
function parseCrew(ctx: VerifyContext, id: string): CrewRef | string {
  if (id.endsWith(":crew")) {
    const tail = id.slice(0, -":crew".length);
    const { fleet, n } = parseTail(ctx.fleet, tail);
    if (!fleet || n === undefined || n < 1 || n > fleet.count) return `crew "${id}" is not the crew of an aircraft of the fleet`;
    return { fleet, startsAt: fleet.base };
  }
  const m = /^(.+)@(.+):(\d+)$/.exec(id);
  const fleet = m?.[1] !== undefined ? ctx.fleet.get(m[1]) : undefined;
  const staged = fleet?.crew.staged.find((s) => s.site === m?.[2]);
  if (!m || !fleet || !staged) return `crew "${id}" is neither <tail>:crew nor <fleet>@<site>:<n> of a staged crew entry`;
  const n = Number(m[3]);
  if (n < 1 || n > staged.count) return `crew "${id}": fleet ${fleet.id} stages ${staged.count} crew(s) at ${staged.site}, numbered 1 to ${staged.count}`;
  return { fleet, startsAt: staged.site };
}

/**
 * `crew.unknown`, `crew.continuity` and `crew.duty`: every leg is flown by a crew of its aircraft's
 * fleet entry (its own crew when the leg names none); a crew is in one place at a time, starting at its
 * aircraft's base or its staging site; and each duty period — legs separated by less than the minimum
 * rest, from report (the first departure less the report time) to the last arrival — fits the flight
 * duty period of the entry's crew complement on its type. Returns the legs checked.
 */
export function checkCrews(ctx: VerifyContext, sink: ViolationSink): number {
  const rules = ctx.scenario.scenario.crewDuty;
  const byCrew = new Map<string, { ref: CrewRef; legs: (TailLeg & { tail: string })[] }>();
  let checked = 0;
  for (const [tail, { fleet, legs }] of legsByTail(ctx)) {
    if (!fleet) continue;
    for (const l of legs) {
      checked++;
      const id = l.leg.crew ?? ownCrewId(tail);
      const about = { movement: l.sortie.id, subject: id };
      const ref = parseCrew(ctx, id);
      if (typeof ref === "string") {
        sink.add(violation("crew.unknown", `${l.label}: ${ref}`, about));
        continue;
      }
      if (ref.fleet.id !== fleet.id) {
        sink.add(violation("crew.unknown", `${l.label}: crew ${id} belongs to fleet ${ref.fleet.id}, not to ${tail}'s fleet ${fleet.id}`, about));
        continue;
      }
      const entry = byCrew.get(id) ?? { ref, legs: [] };
      entry.legs.push({ ...l, tail });
      byCrew.set(id, entry);
    }
  }
  for (const [id, { ref, legs }] of byCrew) {
    legs.sort((a, b) => a.departAt - b.departAt || a.arriveAt - b.arriveAt);
    let at = ref.startsAt;
    let prev: (typeof legs)[number] | undefined;
    // The current duty period: its report time and its legs.
    let dutyFrom = Number.NEGATIVE_INFINITY;
    let dutyLegs: string[] = [];
    for (const l of legs) {
      const about = { movement: l.sortie.id, subject: id };
      if (prev && l.departAt < prev.arriveAt)
        sink.add(violation("crew.continuity", `crew ${id} flies ${l.label} (${l.tail}) from ${formatInstant(l.departAt)} while still on ${prev.label} (${prev.tail}) until ${formatInstant(prev.arriveAt)}`, about));
      else if (l.leg.from !== at)
        sink.add(violation("crew.continuity", `crew ${id} boards ${l.label} at ${l.leg.from}, but it is at ${at}${prev ? ` after ${prev.label}` : " (where it starts)"}`, about));
      const report = l.departAt - rules.reportBefore;
      if (!prev || report - prev.arriveAt >= rules.minimumRest) {
        dutyFrom = report;
        dutyLegs = [];
      }
      dutyLegs.push(l.label);
      const limit = dutyLimitMinutes(rules, l.type?.id ?? ref.fleet.type, ref.fleet.crew.complement);
      const length = l.arriveAt - dutyFrom;
      if (length > limit) {
        const rest = prev && dutyLegs.length > 1 ? `; it had ${Math.max(0, report - prev.arriveAt)} min off before ${l.label}, under the ${rules.minimumRest} min minimum rest` : "";
        sink.add(
          violation(
            "crew.duty",
            `crew ${id} (${ref.fleet.crew.complement}) is on duty ${length} min from report at ${formatInstant(instant(dutyFrom))} to ${formatInstant(l.arriveAt)} (${dutyLegs.join(", ")}): its flight duty period is ${limit} min${rest}`,
            about,
          ),
        );
      }
      at = l.leg.to;
      prev = l;
    }
  }
  return checked;
}
