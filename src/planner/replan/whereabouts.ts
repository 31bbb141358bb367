import type { Load, Pallet } from "#domain/plan.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";

/** Something at a site: how many, and from when it is there. */
interface Stock {
  n: number;
  since: number;
}

/**
 * Where every pallet, loose piece and person is as movements take place, each known from when it is
 * there. A departure takes what it lists from its origin — `take` says whether everything was there —
 * and an arrival delivers it; what reaches a site outside the host country has left for good.
 */
export class Whereabouts {
  /** Pallet id → site and since when (absent: in transit or out of the country). */
  readonly pallets = new Map<string, { site: string; since: number }>();
  /** `cargo|site` → loose pieces there. */
  readonly loose = new Map<string, Stock>();
  /** `group|site` → people there. */
  readonly people = new Map<string, Stock>();

  constructor(
    private readonly rs: ResolvedScenario,
    pallets: readonly Pallet[],
    /** Cargo lines that appear later (new cargo), by id: from when they are there. */
    appearAt: ReadonlyMap<string, number>,
  ) {
    for (const c of rs.scenario.cargo) this.add(this.loose, `${c.id}|${c.site}`, c.quantity, appearAt.get(c.id) ?? rs.start);
    for (const g of rs.scenario.personnel) this.add(this.people, `${g.id}|${g.site}`, g.count, rs.start);
    for (const p of pallets) {
      for (const it of p.items) this.add(this.loose, `${it.cargo}|${p.site}`, -it.quantity, rs.start);
      this.pallets.set(p.id, { site: p.site, since: rs.start });
    }
  }

  private add(map: Map<string, Stock>, key: string, n: number, since: number): void {
    const cur = map.get(key);
    if (cur) {
      cur.n += n;
      if (n > 0) cur.since = Math.max(cur.since, since);
    } else map.set(key, { n, since });
  }

  /** Whether the whole load is at `site` by `t`. */
  has(site: string, t: number, load: Load): boolean {
    for (const id of load.pallets) {
      const p = this.pallets.get(id);
      if (!p || p.site !== site || p.since > t) return false;
    }
    for (const it of load.items) {
      const s = this.loose.get(`${it.cargo}|${site}`);
      if (!s || s.n < it.quantity || s.since > t) return false;
    }
    for (const g of load.passengers) {
      const s = this.people.get(`${g.group}|${site}`);
      if (!s || s.n < g.count || s.since > t) return false;
    }
    return true;
  }

  /** Takes the load from `site` (whatever of it is there). */
  take(site: string, load: Load): void {
    for (const id of load.pallets) if (this.pallets.get(id)?.site === site) this.pallets.delete(id);
    for (const it of load.items) this.add(this.loose, `${it.cargo}|${site}`, -it.quantity, 0);
    for (const g of load.passengers) this.add(this.people, `${g.group}|${site}`, -g.count, 0);
  }

  /** Delivers the load at `site` at `t` (nothing is kept once it is out of the host country). */
  deliver(site: string, t: number, load: Load): void {
    if (this.rs.sites.get(site as never)?.inHostCountry !== true) return;
    for (const id of load.pallets) this.pallets.set(id, { site, since: t });
    for (const it of load.items) this.add(this.loose, `${it.cargo}|${site}`, it.quantity, t);
    for (const g of load.passengers) this.add(this.people, `${g.group}|${site}`, g.count, t);
  }
}
