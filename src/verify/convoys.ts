import type { Convoy } from "#domain/plan.ts";
import { convoyMinutes, inEscortWindow } from "#domain/road.ts";
import { formatDay, formatInstant, instant } from "#domain/time.ts";
import type { VerifyContext } from "./context.ts";
import { EPSILON, fmtKg, measureLoad } from "./load-measure.ts";
import { type ViolationSink, violation } from "./violation.ts";

/** Appends to the list under a key (grouping without copying). */
function pushTo<T>(m: Map<string, T[]>, key: string, x: T): void {
  const list = m.get(key);
  if (list) list.push(x);
  else m.set(key, [x]);
}

/** Seats per truck when the route does not say (docs/plan-format.md). */
const DEFAULT_SEATS_PER_TRUCK = 2;

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/**
 * The road rules: `convoy.route`, `convoy.time`, `convoy.escort`, `convoy.per_day` (per UTC day of
 * departure, both directions together), `convoy.trucks` (a convoy's trucks are busy from its departure
 * for twice the road time, until they are back) and `convoy.capacity` (cargo weight, pallets and
 * position equivalents, seats). Convoys on an unknown route are `ref.unknown` only. Returns the convoys checked.
 */
export function checkConvoys(ctx: VerifyContext, sink: ViolationSink): number {
  const byRoute = new Map<string, Convoy[]>();
  for (const c of ctx.plan.convoys) {
    const r = ctx.routes.get(c.route);
    if (!r) continue;
    pushTo(byRoute, r.id, c);
    const about = { movement: c.id, subject: r.id };
    const dep = ctx.at(c.departAt);
    const arr = ctx.at(c.arriveAt);
    const forward = c.from === r.from && c.to === r.to;
    const back = c.from === r.to && c.to === r.from;
    if (!forward && !back)
      sink.add(
        violation(
          "convoy.route",
          `convoy ${c.id} goes ${c.from}→${c.to}, but route ${r.id} joins ${r.from} and ${r.to}`,
          about,
        ),
      );
    const road = convoyMinutes(r);
    if (arr - dep < road)
      sink.add(
        violation(
          "convoy.time",
          `convoy ${c.id} departs ${formatInstant(dep)} and arrives ${formatInstant(arr)}: ${arr - dep} min, but ${r.distance} km at ${r.ratePerDay} km/day takes ${road} min`,
          about,
        ),
      );
    if (!inEscortWindow(r.escortWindows, dep))
      sink.add(
        violation(
          "convoy.escort",
          `convoy ${c.id} departs ${formatInstant(dep)}, outside route ${r.id}'s escort windows (${r.escortWindows.map((w) => `${w.weekdays ? `${w.weekdays.join("/")} ` : ""}${hhmm(w.start)}–${hhmm(w.end)}Z`).join(", ")})`,
          about,
        ),
      );
    const m = measureLoad(ctx, c.load);
    const seatsPerTruck = r.seatsPerTruck ?? DEFAULT_SEATS_PER_TRUCK;
    if (m.cargoLimitKg > c.trucks * r.truckPayload + EPSILON)
      sink.add(
        violation(
          "convoy.capacity",
          `convoy ${c.id} carries ${fmtKg(m.cargoLimitKg)} of cargo; ${c.trucks} trucks take ${fmtKg(c.trucks * r.truckPayload)}`,
          about,
        ),
      );
    if (m.positions > c.trucks * r.truckPallets)
      sink.add(
        violation(
          "convoy.capacity",
          `convoy ${c.id} carries ${m.pallets} pallets + ${m.looseEquivalents} position equivalents; ${c.trucks} trucks take ${c.trucks * r.truckPallets}`,
          about,
        ),
      );
    if (m.passengers > c.trucks * seatsPerTruck)
      sink.add(
        violation(
          "convoy.capacity",
          `convoy ${c.id} carries ${m.passengers} people; ${c.trucks} trucks seat ${c.trucks * seatsPerTruck}`,
          about,
        ),
      );
  }

  for (const [routeId, convoys] of byRoute) {
    const r = ctx.routes.get(routeId);
    if (!r) continue;
    const perDay = new Map<string, Convoy[]>();
    for (const c of convoys) {
      const day = formatDay(ctx.at(c.departAt));
      pushTo(perDay, day, c);
    }
    for (const [day, list] of perDay) {
      if (list.length <= r.convoysPerDay) continue;
      const extra = [...list].sort((a, b) => ctx.at(a.departAt) - ctx.at(b.departAt))[r.convoysPerDay];
      sink.add(
        violation(
          "convoy.per_day",
          `${list.length} convoys (${list.map((c) => c.id).join(", ")}) leave on route ${r.id} on ${day}; the host escorts ${r.convoysPerDay} a day`,
          { movement: extra?.id, subject: r.id },
        ),
      );
    }
    const busy = 2 * convoyMinutes(r);
    const events = convoys.flatMap((c) => {
      const t = ctx.at(c.departAt);
      return [
        { t, d: c.trucks, c },
        { t: t + busy, d: -c.trucks, c },
      ];
    });
    events.sort((a, b) => a.t - b.t || a.d - b.d);
    let inUse = 0;
    let over = false;
    for (const e of events) {
      inUse += e.d;
      if (inUse > r.trucks && !over) {
        over = true;
        sink.add(
          violation(
            "convoy.trucks",
            `when convoy ${e.c.id} leaves at ${formatInstant(instant(e.t))}, ${inUse} trucks are out on route ${r.id} (busy ${busy} min per convoy, there and back); the route has ${r.trucks}`,
            { movement: e.c.id, subject: r.id },
          ),
        );
      } else if (inUse <= r.trucks) over = false;
    }
  }
  return ctx.plan.convoys.length;
}
