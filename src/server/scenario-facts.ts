/**
 * The scenario's facts for people: the agreement, sites, fleet, personnel, cargo and clearance rules,
 * each figure with its source or its "assumption" and rationale, read from the stored file's JSON
 * (the parsed scenario converts figures to SI units and drops where they came from). A figure
 * without its own provenance takes its entry's. Pure.
 */
import type { z } from "@hono/zod-openapi";
import { formatInstant } from "#domain/time.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import type { factFigureSchema, scenarioFactsSchema } from "./routes/scenario-page-wire.ts";

type Facts = z.infer<typeof scenarioFactsSchema>;
type Figure = z.infer<typeof factFigureSchema>;
type Provenance = Omit<Figure, "value" | "unit">;
type Json = Record<string, unknown>;

const NONE: Provenance = { source: null, asOf: null, assumption: false, rationale: null };

const obj = (v: unknown): Json => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** An entry's provenance, falling back to its parent's where it says nothing. */
export function provenanceOf(raw: unknown, parent: Provenance = NONE): Provenance {
  const o = obj(raw);
  const own = typeof o.source === "string" || o.assumption === true;
  if (!own) return parent;
  return { source: str(o.source), asOf: str(o.asOf), assumption: o.assumption === true, rationale: str(o.rationale) };
}

/**
 * A figure as written: `12` or `{ value: 12, unit: "lb", source: … }`, with the entry's provenance
 * when the figure has none of its own.
 *
 * @example
 * figureOf({ value: 3, unit: "working_days", assumption: true, rationale: "…" }); // { value: 3, unit: "working_days", assumption: true, … }
 */
export function figureOf(raw: unknown, parent: Provenance = NONE): Figure {
  if (typeof raw === "number" || typeof raw === "string") return { value: raw, unit: null, ...parent };
  const o = obj(raw);
  const value = typeof o.value === "number" || typeof o.value === "string" ? o.value : null;
  return { value, unit: str(o.unit), ...provenanceOf(raw, parent) };
}

/** The facts of a stored scenario (its JSON text) and its parsed form. */
export function scenarioFacts(raw: unknown, rs: ResolvedScenario, version: number): Facts {
  const s = obj(raw);
  const a = obj(s.agreement);
  const agreementProv = provenanceOf(a);
  const scenario = rs.scenario;
  const counted: Figure[] = [];
  const fig = (v: unknown, parent: Provenance) => {
    const f = figureOf(v, parent);
    counted.push(f);
    return f;
  };

  const sites = arr(s.sites).map((x) => {
    const site = obj(x);
    const prov = provenanceOf(site);
    return {
      id: String(site.id),
      name: String(site.name),
      icao: str(site.icao),
      kind: String(site.kind ?? ""),
      country: String(site.country ?? ""),
      inHostCountry: site.inHostCountry === true,
      parking: Object.entries(obj(site.parking)).map(([parkingClass, spots]) => ({ parkingClass, spots: fig(spots, prov) })),
      provenance: prov,
    };
  });

  const groups = arr(s.personnel).map((x) => {
    const g = obj(x);
    return { id: String(g.id), site: String(g.site), unit: String(g.unit ?? ""), category: String(g.category ?? ""), count: fig(g.count, provenanceOf(g)) };
  });

  const kgById = new Map(scenario.cargo.map((c) => [c.id as string, c.unitWeight]));
  const lines = arr(s.cargo).map((x) => {
    const c = obj(x);
    const prov = provenanceOf(c);
    const hazard = obj(c.hazard);
    return {
      id: String(c.id),
      description: String(c.description ?? ""),
      site: String(c.site),
      kind: String(c.kind ?? ""),
      quantity: fig(c.quantity, prov),
      unitWeight: fig(c.unitWeight, prov),
      unitWeightKg: Math.round((kgById.get(String(c.id)) ?? 0) * 10) / 10,
      hazard: hazard.class === undefined ? null : [str(hazard.division) ?? String(hazard.class), str(hazard.unNumber)].filter(Boolean).join(" "),
      sensitive: c.sensitive === true,
      disposition: str(c.disposition) ?? "withdraw",
      provenance: prov,
    };
  });
  const bySite = new Map<string, { lines: number; pieces: number; kg: number }>();
  for (const c of scenario.cargo) {
    const t = bySite.get(c.site) ?? { lines: 0, pieces: 0, kg: 0 };
    bySite.set(c.site, { lines: t.lines + 1, pieces: t.pieces + c.quantity, kg: t.kg + c.quantity * c.unitWeight });
  }
  const total = [...bySite.values()].reduce((n, t) => ({ lines: n.lines + t.lines, pieces: n.pieces + t.pieces, kg: n.kg + t.kg }), { lines: 0, pieces: 0, kg: 0 });

  const fleet = arr(s.fleet).map((x) => {
    const f = obj(x);
    const prov = provenanceOf(f);
    const type = rs.types.get(String(f.type) as never);
    return {
      id: String(f.id),
      type: String(f.type),
      typeName: type?.name ?? String(f.type),
      count: fig(f.count, prov),
      base: String(f.base ?? ""),
      crew: str(obj(f.crew).complement),
      availability: arr(f.availability).map((w) => ({ from: String(obj(w).from ?? ""), to: String(obj(w).to ?? "") })),
      provenance: prov,
    };
  });

  const clearanceRules = arr(s.clearanceRules).flatMap((x) => {
    const r = obj(x);
    const prov = provenanceOf(r);
    return (["landing", "overflight"] as const).flatMap((kind) => {
      if (r[kind] === undefined) return [];
      const k = obj(r[kind]);
      const kp = provenanceOf(k, prov);
      return [
        {
          country: String(r.country),
          kind,
          leadTime: fig(k.leadTime, kp),
          validBefore: fig(k.validBefore, kp),
          validAfter: fig(k.validAfter, kp),
          weekend: arr(r.weekend).map(String),
          provenance: kp,
        },
      ];
    });
  });

  const commercial = arr(s.commercial).map((x) => {
    const c = obj(x);
    return { id: String(c.id), airport: String(c.airport), airline: String(c.airline ?? ""), weekdays: arr(c.weekdays).map(String), seatsPerFlight: fig(c.seatsPerFlight, provenanceOf(c)) };
  });
  const roadRoutes = arr(s.roadRoutes).map((x) => {
    const r = obj(x);
    const prov = provenanceOf(r);
    return { id: String(r.id), from: String(r.from), to: String(r.to), distance: fig(r.distance, prov), ratePerDay: fig(r.ratePerDay, prov), trucks: fig(r.trucks, prov) };
  });

  const round = (t: { lines: number; pieces: number; kg: number }) => ({ ...t, kg: Math.round(t.kg) });
  return {
    version,
    id: scenario.id,
    name: scenario.name,
    description: scenario.description ?? null,
    agreement: {
      title: scenario.agreement.title,
      signedOn: str(a.signedOn),
      signedAt: str(a.signedAt),
      withdrawalStart: formatInstant(scenario.agreement.withdrawalStart),
      deadline: formatInstant(rs.deadline),
      planningStart: scenario.planningStart === undefined ? null : formatInstant(scenario.planningStart),
      terms: arr(a.terms).map(String),
      parties: scenario.agreement.parties.map((p) => ({ code: p.code, name: p.name, role: p.role, country: p.country })),
      headcountReports: arr(a.headcountReports).map((h) => ({ ...figureOf(h), qualifier: str(obj(h).qualifier) })),
      provenance: agreementProv,
    },
    sites,
    personnel: { people: scenario.personnel.reduce((n, g) => n + g.count, 0), groups },
    cargo: { total: round(total), bySite: [...bySite].map(([site, t]) => ({ site, ...round(t) })), lines },
    fleet,
    clearanceRules,
    commercial,
    roadRoutes,
    figures: { sourced: counted.filter((f) => f.source !== null && !f.assumption).length, assumed: counted.filter((f) => f.assumption).length },
  };
}
