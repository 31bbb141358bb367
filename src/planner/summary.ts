import type { ClearanceRequest, CommercialMovement, Convoy, Plan, PlanSummary, SiteClosure, Sortie } from "#domain/plan.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { formatInstant, type Instant, instant, parseInstant } from "#domain/time.ts";
import type { ClosureBound } from "./bounds.ts";

const at = (iso: string): number => parseInstant(iso) ?? 0;

interface Departure {
  readonly site: string;
  readonly at: number;
  readonly cargo: boolean;
}

/** Every departure from a host-country site that carries cargo or people. */
export function hostDepartures(rs: ResolvedScenario, sorties: readonly Sortie[], convoys: readonly Convoy[], commercial: readonly CommercialMovement[]): Departure[] {
  const inHost = (id: string) => rs.sites.get(id as never)?.inHostCountry === true;
  const out: Departure[] = [];
  for (const s of sorties)
    for (const leg of s.legs) {
      const l = leg.load;
      const cargo = !!l && (l.pallets.length > 0 || l.items.length > 0);
      if (inHost(leg.from) && (cargo || (l?.passengers.length ?? 0) > 0)) out.push({ site: leg.from, at: at(leg.departAt), cargo });
    }
  for (const c of convoys) {
    const cargo = c.load.pallets.length > 0 || c.load.items.length > 0;
    if (inHost(c.from) && (cargo || c.load.passengers.length > 0)) out.push({ site: c.from, at: at(c.departAt), cargo });
  }
  for (const p of commercial) if (inHost(p.airport)) out.push({ site: p.airport, at: at(p.departAt), cargo: false });
  return out;
}

/** When each host site saw its last cargo and its last departure. */
export function siteClosures(departures: readonly Departure[]): SiteClosure[] {
  const bySite = new Map<string, { cargo?: number; any: number }>();
  for (const d of departures) {
    const cur = bySite.get(d.site) ?? { any: d.at };
    cur.any = Math.max(cur.any, d.at);
    if (d.cargo) cur.cargo = Math.max(cur.cargo ?? d.at, d.at);
    bySite.set(d.site, cur);
  }
  return [...bySite]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([site, c]) => ({
      site,
      ...(c.cargo !== undefined ? { lastCargoAt: formatInstant(instant(c.cargo)) } : {}),
      closedAt: formatInstant(instant(c.any)),
    }));
}

/** The plan's key figures, measured from its movements. */
export function summarise(
  rs: ResolvedScenario,
  parts: Pick<Plan, "sorties" | "convoys" | "commercial" | "clearanceRequests" | "pallets">,
  bounds: readonly ClosureBound[],
): PlanSummary {
  const departures = hostDepartures(rs, parts.sorties, parts.convoys, parts.commercial);
  const closure = departures.reduce((m, d) => Math.max(m, d.at), rs.start as number);
  const best = bounds.reduce((b, x) => (x.at > b.at ? x : b), bounds[0] ?? { name: "start", at: rs.start, detail: "" });
  const span = best.at - rs.start;
  const byType: Record<string, number> = {};
  for (const s of parts.sorties) byType[s.type] = (byType[s.type] ?? 0) + 1;
  const flyingMinutes = parts.sorties.reduce((n, s) => n + s.legs.reduce((m, l) => m + at(l.arriveAt) - at(l.departAt), 0), 0);
  return {
    start: formatInstant(rs.start),
    deadline: formatInstant(rs.deadline),
    closureAt: formatInstant(instant(closure)),
    lowerBoundAt: formatInstant(best.at),
    bindingBound: best.name,
    closureRatio: span > 0 ? round((closure - rs.start) / span, 4) : closure === rs.start ? 1 : null,
    slackHours: round((rs.deadline - closure) / 60, 2),
    meetsDeadline: closure <= rs.deadline,
    sorties: parts.sorties.length,
    sortiesByType: byType,
    flyingHours: round(flyingMinutes / 60, 2),
    convoys: parts.convoys.length,
    commercialSeats: parts.commercial.reduce((n, c) => n + c.passengers.reduce((m, p) => m + p.count, 0), 0),
    clearanceRequests: parts.clearanceRequests.length,
    ...movedOut(rs, parts),
    pallets: parts.pallets.length,
  };
}

/** People and cargo the movements take out of the host country (less than the scenario holds when a plan is incomplete). */
function movedOut(
  rs: ResolvedScenario,
  parts: Pick<Plan, "sorties" | "convoys" | "commercial" | "pallets">,
): { personnel: number; cargoPieces: number; cargoKg: number } {
  const inHost = (id: string) => rs.sites.get(id as never)?.inHostCountry === true;
  const weight = new Map(rs.scenario.cargo.map((c) => [c.id as string, c.unitWeight as number]));
  const pallets = new Map(parts.pallets.map((p) => [p.id, p.items]));
  let personnel = 0;
  let pieces = 0;
  let kg = 0;
  const count = (from: string, to: string, load: { pallets: string[]; items: { cargo: string; quantity: number }[]; passengers: { count: number }[] }) => {
    if (!inHost(from) || inHost(to)) return;
    personnel += load.passengers.reduce((n, p) => n + p.count, 0);
    const items = [...load.items, ...load.pallets.flatMap((id) => pallets.get(id) ?? [])];
    for (const i of items) {
      pieces += i.quantity;
      kg += i.quantity * (weight.get(i.cargo) ?? 0);
    }
  };
  for (const s of parts.sorties) for (const l of s.legs) if (l.load) count(l.from, l.to, l.load);
  for (const c of parts.convoys) count(c.from, c.to, c.load);
  for (const p of parts.commercial) if (inHost(p.airport)) personnel += p.passengers.reduce((n, x) => n + x.count, 0);
  return { personnel, cargoPieces: pieces, cargoKg: round(kg, 1) };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export type { ClearanceRequest, Instant };
