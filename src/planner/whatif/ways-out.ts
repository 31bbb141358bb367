import type { ResolvedScenario } from "#domain/scenario-model.ts";

/** A host site that holds cargo or people and that no air leg or road route connects to the outside. */
export interface StrandedSite {
  readonly site: string;
  /** Whether cargo to withdraw waits there (people might still leave on commercial seats). */
  readonly cargo: boolean;
  /** The sites it still reaches, all inside the host country (for a note to name them). */
  readonly reaches: readonly string[];
  readonly reason: string;
}

/**
 * Host sites holding cargo or people from which no chain of air legs and road routes leads out of the
 * host country. A relaxation (any aircraft, any convoy, any number of stops): a site it lists cannot
 * be emptied by any military movement, which is what closing a country's airspace can do.
 *
 * @example
 * stranded(denyDz); // [{ site: "NIAMEY", cargo: true, reason: "…" }, { site: "AGADEZ", … }]
 */
export function stranded(rs: ResolvedScenario): StrandedSite[] {
  const s = rs.scenario;
  const links = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    links.set(a, [...(links.get(a) ?? []), b]);
    links.set(b, [...(links.get(b) ?? []), a]);
  };
  for (const l of s.airLegs) link(l.from, l.to);
  for (const r of s.roadRoutes) link(r.from, r.to);
  const outside = (id: string) => rs.sites.get(id as never)?.inHostCountry === false;
  const cargoAt = new Set(s.cargo.filter((c) => c.disposition === "withdraw" && c.quantity > 0).map((c) => c.site as string));
  const peopleAt = new Set(s.personnel.filter((g) => g.count > 0).map((g) => g.site));
  const out: StrandedSite[] = [];
  for (const site of s.sites) {
    if (!site.inHostCountry || (!cargoAt.has(site.id) && !peopleAt.has(site.id))) continue;
    const seen = new Set<string>([site.id]);
    const queue = [site.id as string];
    let free = false;
    while (queue.length > 0 && !free) {
      const at = queue.shift() as string;
      for (const next of links.get(at) ?? []) {
        if (outside(next)) free = true;
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    if (free) continue;
    const via = [...seen].filter((x) => x !== site.id);
    out.push({
      site: site.id,
      cargo: cargoAt.has(site.id),
      reaches: via,
      reason: `no air leg or road route leads from ${site.id} out of the host country${via.length > 0 ? ` (it reaches only ${via.join(", ")})` : ""}`,
    });
  }
  return out;
}
