import { type CrewDuty, dutyLimitMinutes, ownCrewId, stagedCrewId } from "#domain/crew.ts";
import type { FleetEntry } from "#domain/fleet.ts";

/** One crew as the scheduler tracks it: where it is, when it last landed and when its duty began. */
interface CrewState {
  readonly id: string;
  at: string;
  /** Arrival of its last leg (−∞ before it has flown). */
  lastArrival: number;
  /** Report time of its current (or last) duty period. */
  dutyFrom: number;
}

/** A crew for a sortie, or when to ask again, or never (the sortie is longer than any duty period). */
export type CrewChoice = { readonly crew: string } | { readonly retryAt: number } | { readonly never: true };

/**
 * The crews of the fleet: each aircraft's own crew and the crews staged at sites. A sortie (its legs
 * from first departure f to last arrival e) is flown by one crew: the aircraft's current crew, going on
 * with its duty period or starting a new one once rested, or a rested crew staged where the aircraft
 * stands, which takes the aircraft over (the crew it relieves stays there to rest). A duty period runs
 * from report (f − report time) to the last arrival; a new one needs the minimum rest since the last
 * arrival. Crews' duties only ever grow later in time (a crew is never put on a sortie before one it
 * already flies), so every plan it allows keeps the rules whatever order sorties are planned in.
 */
export class CrewRoster {
  private readonly current = new Map<string, CrewState>();
  private readonly pools = new Map<string, CrewState[]>();

  constructor(
    private readonly rules: CrewDuty,
    fleet: readonly FleetEntry[],
  ) {
    for (const f of fleet) {
      for (const st of f.crew.staged) {
        const list = this.pool(f.id, st.site);
        for (let n = 1; n <= st.count; n++) list.push({ id: stagedCrewId(f.id, st.site, n), at: st.site, lastArrival: Number.NEGATIVE_INFINITY, dutyFrom: Number.NEGATIVE_INFINITY });
      }
    }
  }

  private pool(fleet: string, site: string): CrewState[] {
    const key = `${fleet}|${site}`;
    let list = this.pools.get(key);
    if (!list) {
      list = [];
      this.pools.set(key, list);
    }
    return list;
  }

  private crewOf(tail: string): CrewState {
    let c = this.current.get(tail);
    if (!c) {
      c = { id: ownCrewId(tail), at: "", lastArrival: Number.NEGATIVE_INFINITY, dutyFrom: Number.NEGATIVE_INFINITY };
      this.current.set(tail, c);
    }
    return c;
  }

  /** The crew that can fly a sortie of `tail` (a `fleet` aircraft of `typeId` standing at `at`) over [f, e]. */
  choose(tail: string, fleet: FleetEntry, typeId: string, at: string, f: number, e: number): CrewChoice {
    const limit = dutyLimitMinutes(this.rules, typeId, fleet.crew.complement);
    const report = f - this.rules.reportBefore;
    if (e - report > limit) return { never: true };
    const own = this.crewOf(tail);
    if (this.fits(own, report, e, limit)) return { crew: own.id };
    const pool = this.pool(fleet.id, at);
    const fresh = pool.find((c) => this.fits(c, report, e, limit));
    if (fresh) return { crew: fresh.id };
    // Nobody can: ask again when the first of them has rested.
    let retry = own.lastArrival + this.rules.minimumRest + this.rules.reportBefore;
    for (const c of pool) retry = Math.min(retry, c.lastArrival + this.rules.minimumRest + this.rules.reportBefore);
    return { retryAt: Math.max(retry, f + 1) };
  }

  /**
   * When an aircraft of `fleet` landing at `site` at `arrival` can have a crew again, roughly: at once
   * where the entry stages crews, else after its own crew's rest (for choosing a destination).
   */
  readyAgainAt(fleet: FleetEntry, site: string, arrival: number): number {
    if (fleet.crew.staged.some((s) => s.site === site && s.count > 0)) return arrival;
    return arrival + this.rules.minimumRest + this.rules.reportBefore;
  }

  private fits(c: CrewState, report: number, e: number, limit: number): boolean {
    // Rested: a new duty period from report.
    if (c.lastArrival + this.rules.minimumRest <= report) return e - report <= limit;
    // Going on with its duty period: it is already on duty, so it need not report again, only be
    // back aboard for the take-off (a quick turn shorter than the report time is fine).
    return c.lastArrival <= report + this.rules.reportBefore && e - c.dutyFrom <= limit;
  }

  /**
   * Re-planning: records a sortie already in the plan, whoever flies it and wherever the roster thought
   * that crew was (the plan is the record).
   */
  replay(tail: string, fleet: FleetEntry, crew: string, at: string, f: number, e: number, to: string): void {
    const own = this.crewOf(tail);
    if (crew !== own.id) {
      let found: CrewState | undefined;
      for (const list of this.pools.values()) {
        const i = list.findIndex((x) => x.id === crew);
        if (i >= 0) [found] = list.splice(i, 1);
      }
      for (const [t, c] of this.current) if (c.id === crew && t !== tail) this.current.delete(t);
      found ??= { id: crew, at, lastArrival: Number.NEGATIVE_INFINITY, dutyFrom: Number.NEGATIVE_INFINITY };
      found.at = at;
      this.pool(fleet.id, at).push(found);
    }
    this.fly(tail, fleet, crew, at, f, e, to);
  }

  /** Records that `crew` flies the sortie [f, e] of `tail` from `at` to `to`; a relieved crew stays at `at`. */
  fly(tail: string, fleet: FleetEntry, crew: string, at: string, f: number, e: number, to: string): void {
    const own = this.crewOf(tail);
    let c = own;
    if (crew !== own.id) {
      const pool = this.pool(fleet.id, at);
      const i = pool.findIndex((x) => x.id === crew);
      const taken = pool[i];
      if (!taken) throw new Error(`bug: crew ${crew} is not staged at ${at}`);
      pool.splice(i, 1);
      own.at = at;
      pool.push(own);
      c = taken;
      this.current.set(tail, c);
    }
    const report = f - this.rules.reportBefore;
    if (c.lastArrival + this.rules.minimumRest <= report) c.dutyFrom = report;
    c.lastArrival = e;
    c.at = to;
  }
}
