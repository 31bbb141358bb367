import type { Window } from "#domain/fleet.ts";
import { groundMinutes } from "#domain/ground-time.ts";
import { formatInstant, type Instant } from "#domain/time.ts";
import type { VerifyContext } from "./context.ts";
import { legsByTail, parseTail } from "./tail.ts";
import { type ViolationSink, violation } from "./violation.ts";

/** The availability window holding the whole interval, if any. */
export function windowHolding(windows: readonly Window[], from: Instant, to: Instant): Window | undefined {
  return windows.find((w) => w.from <= from && to <= w.to);
}

/**
 * `aircraft.unknown`, `aircraft.availability`, `aircraft.continuity` and `aircraft.ground_time`:
 * each tail is a real aircraft of its fleet entry, flies only inside an availability window, starts at
 * its base and chains its legs without teleporting or overlapping, and stays on the ground long enough
 * at every stop (and, before a loaded first leg, from the start of its window to be loaded).
 * Returns the legs checked.
 */
export function checkAircraft(ctx: VerifyContext, sink: ViolationSink): number {
  for (const s of ctx.plan.sorties) {
    const { fleet, n } = parseTail(ctx.fleet, s.aircraft);
    const about = { movement: s.id, subject: s.aircraft };
    if (!fleet || n === undefined) {
      const known = [...ctx.fleet.keys()].join(", ");
      sink.add(
        violation(
          "aircraft.unknown",
          `tail "${s.aircraft}" is not <fleet id>-<n> of a fleet entry (${known})`,
          about,
        ),
      );
      continue;
    }
    if (n < 1 || n > fleet.count)
      sink.add(
        violation(
          "aircraft.unknown",
          `tail "${s.aircraft}": fleet ${fleet.id} has ${fleet.count} aircraft, numbered 1 to ${fleet.count}`,
          about,
        ),
      );
    if (s.type !== fleet.type)
      sink.add(
        violation(
          "aircraft.unknown",
          `sortie type ${s.type} is not fleet ${fleet.id}'s type ${fleet.type}`,
          about,
        ),
      );
  }

  let checked = 0;
  for (const [tail, { fleet, legs }] of legsByTail(ctx)) {
    checked += legs.length;
    const first = legs[0];
    if (!first) continue;
    if (fleet) {
      for (const l of legs) {
        if (!windowHolding(fleet.availability, l.departAt, l.arriveAt))
          sink.add(
            violation(
              "aircraft.availability",
              `${l.label} flies ${formatInstant(l.departAt)}–${formatInstant(l.arriveAt)}, outside every availability window of fleet ${fleet.id} (${fleet.availability.map((w) => `${formatInstant(w.from)}–${formatInstant(w.to)}`).join(", ")})`,
              { movement: l.sortie.id, subject: tail },
            ),
          );
      }
      if (first.leg.from !== fleet.base)
        sink.add(
          violation(
            "aircraft.continuity",
            `${tail}'s first leg ${first.label} starts at ${first.leg.from}, not at its base ${fleet.base}`,
            {
              movement: first.sortie.id,
              subject: tail,
            },
          ),
        );
      // Loading takes time: before a loaded first leg the aircraft needs its onload time from the window's start.
      const base = ctx.sites.get(first.leg.from);
      const window = fleet.availability.find((w) => w.from <= first.departAt && first.departAt <= w.to);
      if (first.loaded && first.type && base && window && first.leg.from === fleet.base) {
        const need = groundMinutes(first.type, base, { unloading: false, loading: true });
        const had = first.departAt - window.from;
        if (had < need)
          sink.add(
            violation(
              "aircraft.ground_time",
              `${first.label} leaves loaded ${had} min after ${tail}'s window opens at ${formatInstant(window.from)}; loading at ${base.id} takes ${need} min`,
              { movement: first.sortie.id, subject: tail },
            ),
          );
      }
    }
    for (let i = 1; i < legs.length; i++) {
      const prev = legs[i - 1];
      const next = legs[i];
      if (!prev || !next) continue;
      const about = { movement: next.sortie.id, subject: tail };
      if (next.leg.from !== prev.leg.to)
        sink.add(
          violation(
            "aircraft.continuity",
            `${tail}: ${next.label} starts at ${next.leg.from}, but ${prev.label} left it at ${prev.leg.to}`,
            about,
          ),
        );
      if (next.departAt < prev.arriveAt) {
        sink.add(
          violation(
            "aircraft.continuity",
            `${tail}: ${next.label} departs ${formatInstant(next.departAt)}, before ${prev.label} arrives ${formatInstant(prev.arriveAt)}`,
            about,
          ),
        );
        continue;
      }
      const site = ctx.sites.get(prev.leg.to);
      if (next.leg.from !== prev.leg.to || !site || !next.type) continue;
      const need = groundMinutes(next.type, site, { unloading: prev.loaded, loading: next.loaded });
      const had = next.departAt - prev.arriveAt;
      if (had < need)
        sink.add(
          violation(
            "aircraft.ground_time",
            `${tail} is on the ground at ${site.id} ${had} min (${formatInstant(prev.arriveAt)}–${formatInstant(next.departAt)}) between ${prev.label} and ${next.label}; it needs ${need} min (${prev.loaded ? "offload" : "no offload"}, ${next.loaded ? "onload" : "no onload"}, refuel)`,
            about,
          ),
        );
    }
  }
  return checked;
}
