/**
 * The movements as an iCalendar feed (RFC 5545, through `ics`): one event per movement with a UID
 * that never changes, SEQUENCE = the movement's version (so calendar clients take each change),
 * TENTATIVE until cleared, CONFIRMED once cleared or gone, and CANCELLED rather than removed, so
 * a subscriber's calendar says a flight was cancelled instead of silently losing it. Times are
 * UTC; a departed movement shows its actual times.
 */
import { createEvents, type EventAttributes } from "ics";
import { MINUTES_PER_DAY } from "#domain/time.ts";
import type { Movement, MovementKind, MovementStatus } from "#workflow/movement.ts";

/** The feed's languages. */
export type FeedLang = "en" | "fr";

const WORDS: Record<FeedLang, { kinds: Record<MovementKind, string>; statuses: Record<MovementStatus, string>; passengers: string; status: string; name: string }> = {
  en: {
    kinds: { sortie: "Sortie", convoy: "Convoy", commercial: "Airline seats" },
    statuses: { planned: "planned", scheduled: "scheduled", cleared: "cleared", departed: "departed", arrived: "arrived", cancelled: "cancelled" },
    passengers: "Passengers",
    status: "Status",
    name: "Drawdown movements",
  },
  fr: {
    kinds: { sortie: "Sortie aérienne", convoy: "Convoi", commercial: "Places sur vol commercial" },
    statuses: { planned: "planifié", scheduled: "programmé", cleared: "autorisé", departed: "parti", arrived: "arrivé", cancelled: "annulé" },
    passengers: "Passagers",
    status: "État",
    name: "Mouvements Drawdown",
  },
};

/** What the feed needs besides the movements. */
export interface FeedContext {
  /** The log's origin, e.g. `drawdown.commission/niger-2024`: it makes the UIDs unique. */
  readonly origin: string;
  readonly scenarioName: string;
  /** Site id → name. */
  readonly siteNames: ReadonlyMap<string, string>;
  readonly lang: FeedLang;
}

/**
 * A movement's UID: its id at the Commission's origin, the same in every fetch.
 *
 * @example
 * movementUid("M-1", "drawdown.commission/niger-2024"); // "M-1@drawdown.commission.niger-2024"
 */
export function movementUid(id: string, origin: string): string {
  return `${id}@${origin.replace(/[^A-Za-z0-9.-]/g, ".")}`;
}

/** The event's status: cancelled stays in the feed, as CANCELLED. */
export function eventStatus(status: MovementStatus): "TENTATIVE" | "CONFIRMED" | "CANCELLED" {
  if (status === "cancelled") return "CANCELLED";
  return status === "planned" || status === "scheduled" ? "TENTATIVE" : "CONFIRMED";
}

const ms = (minutes: number) => minutes * 60_000;

function eventOf(m: Movement, c: FeedContext): EventAttributes {
  const w = WORDS[c.lang];
  const site = (id: string) => c.siteNames.get(id) ?? id;
  const departed = m.status === "departed" || m.status === "arrived";
  const start = departed ? m.departedAt : m.details.departAt;
  const planned = m.details.arriveAt - m.details.departAt;
  const end = m.status === "arrived" ? m.arrivedAt : start + Math.max(1, Math.min(planned, MINUTES_PER_DAY * 14));
  const ref = m.details.planRef ?? m.id;
  return {
    uid: movementUid(m.id, c.origin),
    sequence: m.version,
    start: ms(start),
    startInputType: "utc",
    startOutputType: "utc",
    end: ms(end),
    endInputType: "utc",
    endOutputType: "utc",
    title: `${w.kinds[m.details.kind]} ${ref}: ${site(m.details.from)} → ${site(m.details.to)}`,
    description: [
      `${w.status}: ${w.statuses[m.status]}`,
      `${w.passengers}: ${m.manifest.persons.length > 0 ? m.manifest.persons.length : m.details.plannedPassengers}`,
      `${c.scenarioName} · ${m.id}`,
    ].join("\n"),
    location: site(m.details.from),
    status: eventStatus(m.status),
    categories: [w.kinds[m.details.kind]],
    busyStatus: "FREE",
    transp: "TRANSPARENT",
  };
}

/**
 * The iCalendar text of the movements, earliest first.
 *
 * @example
 * const text = movementCalendar(movements, { origin, scenarioName, siteNames, lang: "en" });
 * text.startsWith("BEGIN:VCALENDAR"); // true
 */
export function movementCalendar(movements: readonly Movement[], c: FeedContext): string {
  const sorted = [...movements].sort((a, b) => a.details.departAt - b.details.departAt || a.id.localeCompare(b.id));
  const { error, value } = createEvents(sorted.map((m) => eventOf(m, c)), {
    productId: "drawdown/calendar",
    method: "PUBLISH",
    calName: `${WORDS[c.lang].name} · ${c.scenarioName}`,
  });
  if (error !== null || value === null) throw new Error(`the calendar could not be written: ${error?.message ?? "no value"}`);
  return value;
}
