import type { GroupId, SiteId } from "#domain/ids.ts";
import type { PersonnelGroup } from "#domain/personnel.ts";
import type { Instant } from "#domain/time.ts";
import type { LiftUnit } from "./lift-unit.ts";

/** A unit of lift waiting at a site, from the time it is there. */
export interface WaitingUnit {
  readonly unit: LiftUnit;
  readonly availableAt: Instant;
}

/** The loading order's tiers: priority, sensitive first, time available. */
const tier = (a: WaitingUnit, b: WaitingUnit) =>
  a.unit.priority - b.unit.priority || Number(b.unit.sensitive) - Number(a.unit.sensitive) || a.availableAt - b.availableAt;

/** Kilograms per pallet position (loose pieces count their share of a position). */
const density = (w: WaitingUnit) => w.unit.weightKg / Math.max(w.unit.positions, 0.01);

/** Lift units waiting at each site, in loading order (priority first, sensitive first, heavy first). */
export class CargoPool {
  private readonly bySite = new Map<SiteId, WaitingUnit[]>();
  /** Memo of `earliestFor`, cleared whenever a site's queue changes. */
  private readonly earliest = new Map<string, number | undefined>();
  /** Pallet positions of the units waiting at each site. */
  private readonly positionsBySite = new Map<SiteId, number>();
  /** Kilograms waiting at each site. */
  private readonly kgBySite = new Map<SiteId, number>();
  /** Each site's queue with the lightest per pallet position first inside each tier (built on demand). */
  private readonly lightBySite = new Map<SiteId, WaitingUnit[]>();

  /** Pallet positions (loose pieces' equivalents included) still waiting at a site. */
  positionsAt(site: SiteId): number {
    return this.positionsBySite.get(site) ?? 0;
  }

  /** Kilograms still waiting at a site. */
  kgAt(site: SiteId): number {
    return this.kgBySite.get(site) ?? 0;
  }

  /** The earliest time a unit accepted by `fits` is waiting at the site (memoised per site and key). */
  earliestFor(site: SiteId, key: string, fits: (u: LiftUnit) => boolean): Instant | undefined {
    const k = `${site}|${key}`;
    if (this.earliest.has(k)) return this.earliest.get(k) as Instant | undefined;
    let t: number | undefined;
    for (const w of this.at(site)) if ((t === undefined || w.availableAt < t) && fits(w.unit)) t = w.availableAt;
    this.earliest.set(k, t);
    return t as Instant | undefined;
  }

  add(site: SiteId, waiting: WaitingUnit): void {
    this.earliest.clear();
    const list = this.bySite.get(site) ?? [];
    list.push(waiting);
    this.bySite.set(site, list);
    this.lightBySite.delete(site);
    this.positionsBySite.set(site, this.positionsAt(site) + waiting.unit.positions);
    this.kgBySite.set(site, this.kgAt(site) + waiting.unit.weightKg);
  }

  /** Sorts every site's queue; call after adding. */
  order(): void {
    this.lightBySite.clear();
    for (const list of this.bySite.values()) list.sort((a, b) => tier(a, b) || b.unit.positions - a.unit.positions || b.unit.weightKg - a.unit.weightKg);
  }

  /** A site's queue in loading order. */
  at(site: SiteId): readonly WaitingUnit[] {
    return this.bySite.get(site) ?? [];
  }

  /** The same units in the same tiers, but inside each the lightest per pallet position first (the `balanced` load order). */
  lightFirst(site: SiteId): readonly WaitingUnit[] {
    let list = this.lightBySite.get(site);
    if (!list) {
      list = [...this.at(site)].sort((a, b) => tier(a, b) || density(a) - density(b) || b.unit.positions - a.unit.positions);
      this.lightBySite.set(site, list);
    }
    return list;
  }

  remove(site: SiteId, taken: ReadonlySet<WaitingUnit>): void {
    this.earliest.clear();
    const list = this.bySite.get(site);
    if (!list) return;
    const kept = list.filter((w) => !taken.has(w));
    this.bySite.set(site, kept);
    const light = this.lightBySite.get(site);
    if (light) this.lightBySite.set(site, light.filter((w) => !taken.has(w)));
    this.positionsBySite.set(site, kept.reduce((n, w) => n + w.unit.positions, 0));
    this.kgBySite.set(site, kept.reduce((n, w) => n + w.unit.weightKg, 0));
  }

  sites(): SiteId[] {
    return [...this.bySite.entries()].filter(([, l]) => l.length > 0).map(([s]) => s);
  }

  get size(): number {
    let n = 0;
    for (const l of this.bySite.values()) n += l.length;
    return n;
  }
}

/** People of one group at one site, from the time they are there. */
export interface WaitingPeople {
  readonly group: PersonnelGroup;
  count: number;
  readonly availableAt: Instant;
}

/** People of one group boarding one movement. */
export interface Boarded {
  readonly group: PersonnelGroup;
  readonly count: number;
}

/** Passengers as the plan file lists them. */
export const passengerList = (boarded: readonly Boarded[]) => boarded.map((b) => ({ group: b.group.id as string, count: b.count }));

/** Personnel still to move, by site. */
export class PeoplePool {
  private readonly bySite = new Map<SiteId, WaitingPeople[]>();

  constructor(groups: readonly PersonnelGroup[], start: Instant) {
    for (const group of groups) if (group.count > 0) this.add(group.site as SiteId, { group, count: group.count, availableAt: start });
  }

  add(site: SiteId, w: WaitingPeople): void {
    const list = this.bySite.get(site) ?? [];
    list.push(w);
    this.bySite.set(site, list);
  }

  at(site: SiteId): WaitingPeople[] {
    return (this.bySite.get(site) ?? []).filter((w) => w.count > 0);
  }

  count(site: SiteId): number {
    return this.at(site).reduce((n, w) => n + w.count, 0);
  }

  /**
   * Takes up to `seats` people who may leave at `t` and pass `accept`, those who must be out
   * soonest first. Returns the passengers by group.
   */
  board(
    site: SiteId,
    t: Instant,
    seats: number,
    accept: (w: WaitingPeople) => boolean,
  ): Boarded[] {
    const taken = new Map<GroupId, Boarded>();
    const candidates = this.at(site)
      .filter(
        (w) =>
          w.availableAt <= t &&
          (w.group.earliestDeparture === undefined || w.group.earliestDeparture <= t) &&
          (w.group.latestDeparture === undefined || w.group.latestDeparture >= t) &&
          accept(w),
      )
      .sort((a, b) => (a.group.latestDeparture ?? Infinity) - (b.group.latestDeparture ?? Infinity));
    let left = seats;
    for (const w of candidates) {
      if (left <= 0) break;
      const n = Math.min(left, w.count);
      w.count -= n;
      left -= n;
      const prev = taken.get(w.group.id);
      taken.set(w.group.id, { group: w.group, count: (prev?.count ?? 0) + n });
    }
    return [...taken.values()];
  }

  sites(): SiteId[] {
    return [...this.bySite.keys()].filter((s) => this.count(s) > 0);
  }

  get total(): number {
    let n = 0;
    for (const s of this.bySite.keys()) n += this.count(s);
    return n;
  }
}
