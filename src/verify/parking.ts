import type { ParkingClass } from "#domain/parking-class.ts";
import { formatInstant, instant } from "#domain/time.ts";
import type { VerifyContext } from "./context.ts";
import { legsByTail } from "./tail.ts";
import { type ViolationSink, violation } from "./violation.ts";

/** An aircraft on the ground at a site over [from, to): `to` is Infinity after its last leg. */
interface Stay {
  readonly site: string;
  readonly cls: ParkingClass;
  readonly tail: string;
  readonly from: number;
  readonly to: number;
  /** The sortie whose arrival starts the stay (undefined for the wait at the base). */
  readonly movement: string | undefined;
}

/**
 * `site.parking`: aircraft on the ground at a site never exceed its spots for their parking class. An
 * aircraft is on the ground from an arrival to its next departure, for good after its last leg, and at
 * its base from the start of its availability window to its first departure. Stays are half-open, so
 * one aircraft may leave a spot at the minute another takes it. Each episode over the limit is reported
 * once, naming the aircraft. Returns the stays checked.
 */
export function checkParking(ctx: VerifyContext, sink: ViolationSink): number {
  const stays: Stay[] = [];
  for (const [tail, { fleet, legs }] of legsByTail(ctx)) {
    const first = legs[0];
    const cls = first?.type?.parkingClass;
    if (!first || !cls) continue;
    const window = fleet?.availability.find((w) => w.from <= first.departAt && first.departAt <= w.to);
    if (fleet && window && window.from < first.departAt)
      stays.push({ site: fleet.base, cls, tail, from: window.from, to: first.departAt, movement: undefined });
    legs.forEach((l, i) => {
      const next = legs[i + 1];
      const to = next ? next.departAt : Number.POSITIVE_INFINITY;
      if (to > l.arriveAt)
        stays.push({ site: l.leg.to, cls, tail, from: l.arriveAt, to, movement: l.sortie.id });
    });
  }

  const groups = new Map<string, Stay[]>();
  for (const s of stays) {
    const spots = ctx.sites.get(s.site)?.parking;
    if (!spots) continue; // no parking figures: not limited
    const key = `${s.site}|${s.cls}`;
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  }
  for (const list of groups.values()) {
    const any = list[0];
    if (!any) continue;
    const limit = ctx.sites.get(any.site)?.parking?.[any.cls] ?? 0;
    // Ends before starts at the same minute: the half-open stays.
    const events = list.flatMap((s) => [
      { t: s.from, d: 1, s },
      { t: s.to, d: -1, s },
    ]);
    events.sort((a, b) => a.t - b.t || a.d - b.d);
    const onGround = new Set<Stay>();
    let over = false;
    for (const e of events) {
      if (e.d < 0) onGround.delete(e.s);
      else onGround.add(e.s);
      if (onGround.size > limit && !over) {
        over = true;
        const tails = [...onGround].map((s) => s.tail).join(", ");
        sink.add(
          violation(
            "site.parking",
            `from ${formatInstant(instant(e.s.from))} ${onGround.size} ${any.cls} aircraft are on the ground at ${any.site} (${tails}); it has ${limit} ${any.cls} spot(s)`,
            { movement: e.s.movement, subject: any.site },
          ),
        );
      } else if (onGround.size <= limit) over = false;
    }
  }
  return stays.length;
}
