import { withinHours } from "#domain/operating-hours.ts";
import type { Site } from "#domain/site.ts";
import { formatInstant, type Instant } from "#domain/time.ts";
import type { VerifyContext } from "./context.ts";
import { legsByTail, type TailLeg } from "./tail.ts";
import { type ViolationSink, violation } from "./violation.ts";

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/**
 * `site.airfield` (aircraft land only at airfields with an ICAO code that accept their type; a tail's
 * first take-off, from its base, is held to the same) and `site.operating_hours` (every departure and
 * arrival of an aircraft inside the airfield's hours; convoys and airline flights are not airfield
 * movements). Returns the legs checked.
 */
export function checkAirfields(ctx: VerifyContext, sink: ViolationSink): number {
  let checked = 0;
  const airfield = (l: TailLeg, site: Site, verb: string) => {
    const type = l.type;
    if (!site.icao)
      sink.add(
        violation("site.airfield", `${l.label} ${verb} ${site.id}, which has no ICAO code: not an airfield`, {
          movement: l.sortie.id,
          subject: site.id,
        }),
      );
    else if (type && site.acceptsTypes && !site.acceptsTypes.includes(type.id))
      sink.add(
        violation(
          "site.airfield",
          `${l.label} ${verb} ${site.id}, which accepts only ${site.acceptsTypes.join(", ")}, not a ${type.id}`,
          {
            movement: l.sortie.id,
            subject: site.id,
          },
        ),
      );
  };
  const hours = (l: TailLeg, site: Site, t: Instant, what: string) => {
    const h = site.operatingHours;
    if (h && !withinHours(h, t))
      sink.add(
        violation(
          "site.operating_hours",
          `${l.label} ${what} ${site.id} at ${formatInstant(t)}, outside its hours ${hhmm(h.open)}–${hhmm(h.close)}Z`,
          { movement: l.sortie.id, subject: site.id },
        ),
      );
  };
  for (const { legs } of legsByTail(ctx).values()) {
    legs.forEach((l, i) => {
      checked++;
      const from = ctx.sites.get(l.leg.from);
      const to = ctx.sites.get(l.leg.to);
      if (i === 0 && from) airfield(l, from, "takes off from");
      if (to) airfield(l, to, "lands at");
      if (from) hours(l, from, l.departAt, "departs");
      if (to) hours(l, to, l.arriveAt, "arrives at");
    });
  }
  return checked;
}
