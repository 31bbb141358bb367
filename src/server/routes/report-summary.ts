/**
 * The joint report's figures, from the workflow states (pure: the route reads the store and the
 * clock and passes them in). Counts and ids only: the report is the same for both parties and
 * holds no personal data.
 */
import type { z } from "@hono/zod-openapi";
import { formatInstant, type Instant } from "#domain/time.ts";
import { CLEARANCE_STATUSES, type ClearanceRequest } from "#workflow/clearance-request.ts";
import { type CargoDisposition, DISPOSITIONS, remaining } from "#workflow/disposition.ts";
import { MOVEMENT_KINDS, MOVEMENT_STATUSES, type Movement } from "#workflow/movement.ts";
import { headcount, type Person, type PersonnelEvent, reconcile } from "#workflow/personnel.ts";
import type { reportMovementSchema, reportSchema } from "./report-wire.ts";

type Report = z.infer<typeof reportSchema>;
type ReportMovement = z.infer<typeof reportMovementSchema>;

const hasDeparted = (m: Movement): m is Movement & { status: "departed" | "arrived" } => m.status === "departed" || m.status === "arrived";
const sum = (xs: readonly { quantity: number }[]) => xs.reduce((n, x) => n + x.quantity, 0);

/** One movement as the report lists it. */
export function reportMovement(m: Movement): ReportMovement {
  return {
    id: m.id,
    ...(m.details.planRef === undefined ? {} : { planRef: m.details.planRef }),
    kind: m.details.kind,
    status: m.status,
    from: m.details.from,
    to: m.details.to,
    departAt: formatInstant(m.details.departAt),
    arriveAt: formatInstant(m.details.arriveAt),
    ...(hasDeparted(m) ? { departedAt: formatInstant(m.departedAt) } : {}),
    ...(m.status === "arrived" ? { arrivedAt: formatInstant(m.arrivedAt) } : {}),
    // The manifest once people are recorded on it; until then, the plan's figure.
    passengers: hasDeparted(m) && m.manifest.persons.length > 0 ? m.manifest.persons.length : m.details.plannedPassengers,
    ...(m.manifest.payloadKg === undefined ? {} : { payloadKg: m.manifest.payloadKg }),
  };
}

/**
 * Movements by kind and status; those done (latest departure first) and those still to go
 * (soonest first).
 *
 * @example
 * movementSummary(movements).byKind[0]; // { kind: "sortie", counts: { planned: 40, departed: 3, … }, total: 43 }
 */
export function movementSummary(movements: readonly Movement[]): Report["movements"] {
  const byKind = MOVEMENT_KINDS.map((kind) => {
    const of = movements.filter((m) => m.details.kind === kind);
    const counts = Object.fromEntries(MOVEMENT_STATUSES.map((s) => [s, of.filter((m) => m.status === s).length]));
    return { kind, counts, total: of.length };
  }).filter((k) => k.total > 0);
  const done = movements.filter(hasDeparted).sort((a, b) => b.departedAt - a.departedAt || a.id.localeCompare(b.id));
  const planned = movements
    .filter((m) => !hasDeparted(m) && m.status !== "cancelled")
    .sort((a, b) => a.details.departAt - b.details.departAt || a.id.localeCompare(b.id));
  return { byKind, statuses: [...MOVEMENT_STATUSES], done: done.map(reportMovement), planned: planned.map(reportMovement) };
}

/**
 * Clearance requests by country and state.
 *
 * @example
 * clearanceSummary(requests).byCountry; // [{ country: "NE", counts: { approved: 2, denied: 1, … }, total: 4 }]
 */
export function clearanceSummary(requests: readonly ClearanceRequest[]): Report["clearances"] {
  const countries = [...new Set(requests.map((r) => r.details.country))].sort();
  const byCountry = countries.map((country) => {
    const of = requests.filter((r) => r.details.country === country);
    return { country, counts: Object.fromEntries(CLEARANCE_STATUSES.map((s) => [s, of.filter((r) => r.status === s).length])), total: of.length };
  });
  return { statuses: [...CLEARANCE_STATUSES], byCountry, total: requests.length };
}

/**
 * Personnel in and out: who is in the country now by the records, entries, exits and transfers
 * per site, and the reconciliation's counts.
 *
 * @example
 * personnelSummary(persons, events, movements, now).headcount; // 412
 */
export function personnelSummary(
  persons: readonly Pick<Person, "id" | "owner">[],
  events: readonly PersonnelEvent[],
  movements: readonly Movement[],
  now: Instant,
): Report["personnel"] {
  const h = headcount(events, now);
  const sites = new Map<string, { present: number; entries: number; exits: number; transfersIn: number; transfersOut: number }>();
  const at = (site: string) => {
    let s = sites.get(site);
    if (s === undefined) {
      s = { present: 0, entries: 0, exits: 0, transfersIn: 0, transfersOut: 0 };
      sites.set(site, s);
    }
    return s;
  };
  for (const [site, n] of Object.entries(h.bySite)) at(site).present = n;
  // A transfer leaves the site the person was at before: replay each person's events in order.
  const where = new Map<string, string>();
  const ordered = [...events].filter((e) => e.at <= now).sort((a, b) => a.at - b.at);
  for (const e of ordered) {
    if (e.kind === "entry") at(e.site).entries++;
    else if (e.kind === "exit") at(e.site).exits++;
    else {
      at(e.site).transfersIn++;
      const before = where.get(e.person);
      if (before !== undefined) at(before).transfersOut++;
    }
    if (e.kind === "exit") where.delete(e.person);
    else where.set(e.person, e.site);
  }
  const r = reconcile(persons, events, movements);
  return {
    headcount: h.total,
    bySite: [...sites].sort(([a], [b]) => a.localeCompare(b)).map(([site, s]) => ({ site, ...s })),
    reconciliation: {
      inCountry: r.inCountry.length,
      left: r.left.length,
      leftUnrecorded: r.leftUnrecorded.length,
      exitWithoutManifest: r.exitWithoutManifest.length,
      neverEntered: r.neverEntered.length,
    },
  };
}

/**
 * Cargo lines by what the scenario intended for them, with what happened to their pieces.
 *
 * @example
 * dispositionSummary(ds).byIntent[0]; // { intended: "withdraw", lines: 120, quantity: 900, withdrawn: 40, … }
 */
export function dispositionSummary(ds: readonly CargoDisposition[]): Report["dispositions"] {
  return {
    byIntent: DISPOSITIONS.map((intended) => {
      const of = ds.filter((d) => d.intended === intended);
      return {
        intended,
        lines: of.length,
        quantity: of.reduce((n, d) => n + d.quantity, 0),
        withdrawn: of.reduce((n, d) => n + sum(d.withdrawn), 0),
        handedOver: of.reduce((n, d) => n + sum(d.handedOver), 0),
        disposed: of.reduce((n, d) => n + sum(d.disposed), 0),
        remaining: of.reduce((n, d) => n + remaining(d), 0),
        complete: of.filter((d) => remaining(d) === 0).length,
      };
    }).filter((x) => x.lines > 0),
  };
}
