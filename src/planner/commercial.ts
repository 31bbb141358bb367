import type { CommercialService } from "#domain/fleet.ts";
import type { SiteId } from "#domain/ids.ts";
import { WEEKDAYS } from "#domain/instant-schema.ts";
import type { CommercialMovement } from "#domain/plan.ts";
import { dayOfWeek, formatInstant, type Instant, instant, startOfDay } from "#domain/time.ts";
import { type PeoplePool, passengerList } from "./pools.ts";

/** Scheduled departures of a service in [from, to]. */
export function serviceDepartures(service: CommercialService, from: Instant, to: Instant): Instant[] {
  const out: Instant[] = [];
  const first = Math.max(from, service.from ?? from);
  const last = Math.min(to, service.to ?? to);
  for (let day = startOfDay(instant(first)); day <= last; day = instant(day + 1440)) {
    const t = instant(day + service.departureTime);
    const weekday = WEEKDAYS[dayOfWeek(t)];
    if (t >= first && t <= last && weekday !== undefined && service.weekdays.includes(weekday)) out.push(t);
  }
  return out;
}

/**
 * Puts eligible personnel on scheduled airline seats, earliest flights first, up to `until`
 * ("early leavers used commercial flights"). Closing teams never go commercial: they stay for the cargo.
 */
export function planCommercial(
  services: readonly CommercialService[],
  people: PeoplePool,
  start: Instant,
  until: Instant,
  nextId: () => string,
): CommercialMovement[] {
  const flights = services
    .flatMap((service) => serviceDepartures(service, start, until).map((t) => ({ service, t })))
    .sort((a, b) => a.t - b.t);
  const out: CommercialMovement[] = [];
  for (const { service, t } of flights) {
    const boarded = people.board(
      service.airport as SiteId,
      t,
      service.seatsPerFlight,
      (w) => w.group.category !== "closing_team" && service.eligible.includes(w.group.category),
    );
    if (boarded.length === 0) continue;
    out.push({ id: nextId(), service: service.id, airport: service.airport, departAt: formatInstant(t), passengers: passengerList(boarded) });
  }
  return out;
}
