import { WEEKDAYS } from "#domain/instant-schema.ts";
import type { CommercialMovement } from "#domain/plan.ts";
import { dayOfWeek, formatInstant, minuteOfDay } from "#domain/time.ts";
import type { VerifyContext } from "./context.ts";
import { type ViolationSink, violation } from "./violation.ts";

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/**
 * `commercial.schedule` (a scheduled departure of the service: its airport, weekday and time, inside
 * its `from`–`to` period), `commercial.seats` (all movements on one departure together within the
 * seats per flight) and `commercial.eligible`. Returns the movements checked.
 */
export function checkCommercial(ctx: VerifyContext, sink: ViolationSink): number {
  const flights = new Map<string, CommercialMovement[]>();
  for (const p of ctx.plan.commercial) {
    const svc = ctx.services.get(p.service);
    if (!svc) continue;
    const about = { movement: p.id, subject: svc.id };
    const t = ctx.at(p.departAt);
    const day = WEEKDAYS[dayOfWeek(t)];
    const problems: string[] = [];
    if (p.airport !== svc.airport) problems.push(`it flies from ${svc.airport}, not ${p.airport}`);
    if (day === undefined || !svc.weekdays.includes(day))
      problems.push(`it flies on ${svc.weekdays.join("/")}, not ${day ?? "?"}`);
    if (minuteOfDay(t) !== svc.departureTime) problems.push(`it departs at ${hhmm(svc.departureTime)}Z`);
    if (svc.from !== undefined && t < svc.from) problems.push(`it runs from ${formatInstant(svc.from)}`);
    if (svc.to !== undefined && t > svc.to) problems.push(`it runs until ${formatInstant(svc.to)}`);
    if (problems.length > 0)
      sink.add(
        violation(
          "commercial.schedule",
          `${p.id} on ${svc.id} at ${p.airport} ${formatInstant(t)} is not a scheduled departure: ${problems.join("; ")}`,
          about,
        ),
      );
    for (const g of p.passengers) {
      const group = ctx.groups.get(g.group);
      if (group && !svc.eligible.includes(group.category))
        sink.add(
          violation(
            "commercial.eligible",
            `${p.id} seats ${g.count} of ${group.id} (${group.category}) on ${svc.id}, which takes only ${svc.eligible.join(", ")}`,
            { movement: p.id, subject: group.id },
          ),
        );
    }
    const key = `${svc.id}|${t}`;
    const same = flights.get(key);
    if (same) same.push(p);
    else flights.set(key, [p]);
  }
  for (const list of flights.values()) {
    const first = list[0];
    const svc = first && ctx.services.get(first.service);
    if (!first || !svc) continue;
    const seats = list.reduce((n, p) => n + p.passengers.reduce((m, g) => m + g.count, 0), 0);
    if (seats > svc.seatsPerFlight)
      sink.add(
        violation(
          "commercial.seats",
          `${list.map((p) => p.id).join(", ")} use ${seats} seats on ${svc.id} at ${formatInstant(ctx.at(first.departAt))}; the flight has ${svc.seatsPerFlight} for the departing party`,
          { movement: first.id, subject: svc.id },
        ),
      );
  }
  return ctx.plan.commercial.length;
}
