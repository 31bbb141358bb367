import type { ParkingClass } from "#domain/parking-class.ts";
import type { Site } from "#domain/site.ts";
import type { Instant } from "#domain/time.ts";

interface Stay {
  readonly tail: string;
  readonly from: number;
  to: number;
}

/**
 * Who stands on which apron when. A stay is open-ended (`to` = ∞) until the aircraft's next
 * departure is planned. Only sites with a `parking` limit are tracked.
 */
export class ParkingLedger {
  private readonly stays = new Map<string, Stay[]>();

  /** Spots of a class at a site; `Infinity` when the site states no limit. */
  spots(site: Site, cls: ParkingClass): number {
    if (!site.parking) return Number.POSITIVE_INFINITY;
    return site.parking[cls] ?? 0;
  }

  /**
   * 0 if a spot of the class is free over [from, to); otherwise the minutes to wait until one frees
   * (`Infinity` when the stays in the way are open-ended).
   */
  delayFor(site: Site, cls: ParkingClass, from: Instant, to: number): number {
    const spots = this.spots(site, cls);
    if (spots === Number.POSITIVE_INFINITY) return 0;
    if (spots === 0) return Number.POSITIVE_INFINITY;
    const overlapping = (this.stays.get(key(site, cls)) ?? []).filter((s) => s.from < to && s.to > from);
    if (overlapping.length < spots) return 0;
    // Peak occupancy inside [from, to): sweep the overlapping stays' ends.
    const events: [number, number][] = [];
    for (const s of overlapping) {
      events.push([Math.max(s.from, from), 1], [s.to, -1]);
    }
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let n = 0;
    let peak = 0;
    for (const [, d] of events) {
      n += d;
      peak = Math.max(peak, n);
    }
    if (peak < spots) return 0;
    const ends = overlapping.map((s) => s.to).filter((t) => t > from);
    const soonest = Math.min(...ends);
    return soonest === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : Math.max(1, soonest - from);
  }

  /** Records a stay; `to` undefined means until further notice. */
  park(site: Site, cls: ParkingClass, tail: string, from: Instant, to?: Instant): void {
    if (!site.parking) return;
    const list = this.stays.get(key(site, cls)) ?? [];
    list.push({ tail, from, to: to ?? Number.POSITIVE_INFINITY });
    this.stays.set(key(site, cls), list);
  }

  /** Forgets stays that ended before `t`: no later query looks before it, and lists stay short. */
  prune(t: Instant): void {
    for (const [k, list] of this.stays) {
      if (list.length < 64) continue;
      this.stays.set(
        k,
        list.filter((s) => s.to >= t),
      );
    }
  }

  /** Ends the open stay of a tail at a site when its departure is planned. */
  depart(site: Site, cls: ParkingClass, tail: string, at: Instant): void {
    const open = (this.stays.get(key(site, cls)) ?? []).find((s) => s.tail === tail && s.to === Number.POSITIVE_INFINITY);
    if (open) open.to = at;
  }
}

const key = (site: Site, cls: ParkingClass) => `${site.id}|${cls}`;
