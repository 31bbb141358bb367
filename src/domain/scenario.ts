import { z } from "zod";
import { agreementSchema } from "./agreement.ts";
import { aircraftTypeSchema } from "./aircraft-type.ts";
import { cargoItemSchema } from "./cargo.ts";
import { clearanceRuleSchema } from "./clearance-rule.ts";
import { crewDutySchema } from "./crew.ts";
import { commercialServiceSchema, fleetEntrySchema } from "./fleet.ts";
import { instantSchema } from "./instant-schema.ts";
import { closingTeamSchema, personnelGroupSchema } from "./personnel.ts";
import { airLegSchema, roadRouteSchema } from "./route.ts";
import { siteSchema } from "./site.ts";

export const SCENARIO_FORMAT_VERSION = 1;

/**
 * The scenario file: everything the planner needs, in the file's units, with provenance.
 * Parsed values are SI (kg, cm, km, minutes, UTC instants in minutes).
 */
export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    formatVersion: z.literal(SCENARIO_FORMAT_VERSION),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and -, e.g. niger-2024"),
    name: z.string().min(1),
    description: z.string().optional(),
    agreement: agreementSchema,
    planningStart: instantSchema
      .optional()
      .describe("When planning starts (now, for a withdrawal under way). Absent: the withdrawal start."),
    sites: z.array(siteSchema).min(1),
    personnel: z.array(personnelGroupSchema),
    closingTeams: z.array(closingTeamSchema).default([]),
    cargo: z.array(cargoItemSchema),
    aircraftTypes: z
      .array(aircraftTypeSchema)
      .default([])
      .describe("Types flown; the fleet may also name types of the built-in library (data/aircraft-types.json)."),
    fleet: z.array(fleetEntrySchema),
    commercial: z.array(commercialServiceSchema).default([]),
    airLegs: z.array(airLegSchema).default([]),
    roadRoutes: z.array(roadRouteSchema).default([]),
    clearanceRules: z.array(clearanceRuleSchema).default([]),
    crewDuty: crewDutySchema.prefault({}).describe("Flight duty periods and crew rest (default: US Air Force figures)."),
  })
  .superRefine((s, ctx) => checkReferences(s, ctx));

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;

type Parsed = z.output<typeof scenarioSchema>;

function checkReferences(s: Parsed, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: "custom", path, message, input: undefined });
  const unique = (name: string, ids: readonly string[]) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) issue([name, i, "id"], `duplicate id "${id}": ids must be unique within ${name}`);
      seen.add(id);
    });
  };
  unique("sites", s.sites.map((x) => x.id));
  unique("personnel", s.personnel.map((x) => x.id));
  unique("cargo", s.cargo.map((x) => x.id));
  unique("aircraftTypes", s.aircraftTypes.map((x) => x.id));
  unique("fleet", s.fleet.map((x) => x.id));
  unique("commercial", s.commercial.map((x) => x.id));
  unique("roadRoutes", s.roadRoutes.map((x) => x.id));

  const sites = new Map(s.sites.map((x) => [x.id as string, x]));
  const siteList = [...sites.keys()].slice(0, 8).join(", ");
  const needSite = (path: (string | number)[], id: string) => {
    if (!sites.has(id)) issue(path, `unknown site "${id}"; known sites: ${siteList}`);
    return sites.get(id);
  };
  s.personnel.forEach((g, i) => {
    const site = needSite(["personnel", i, "site"], g.site);
    if (site && !site.inHostCountry) issue(["personnel", i, "site"], `site "${g.site}" is not in the host country`);
    if (g.earliestDeparture !== undefined && g.latestDeparture !== undefined && g.latestDeparture < g.earliestDeparture)
      issue(["personnel", i, "latestDeparture"], "latest departure is before the earliest departure");
  });
  s.cargo.forEach((c, i) => {
    const site = needSite(["cargo", i, "site"], c.site);
    if (site && !site.inHostCountry) issue(["cargo", i, "site"], `site "${c.site}" is not in the host country`);
  });
  s.closingTeams.forEach((t, i) => {
    needSite(["closingTeams", i, "site"], t.site);
    const team = s.personnel
      .filter((g) => g.site === t.site && g.category === "closing_team")
      .reduce((n, g) => n + g.count, 0);
    if (team < t.minimum)
      issue(
        ["closingTeams", i, "minimum"],
        `site "${t.site}" needs a closing team of ${t.minimum} but its closing_team groups hold ${team}; add personnel with category closing_team`,
      );
  });
  s.fleet.forEach((f, i) => {
    needSite(["fleet", i, "base"], f.base);
    f.crew.staged.forEach((st, j) => {
      const site = needSite(["fleet", i, "crew", "staged", j, "site"], st.site);
      if (site && !site.icao) issue(["fleet", i, "crew", "staged", j, "site"], `site "${st.site}" has no ICAO code: crews wait for aircraft at airfields`);
    });
  });
  s.commercial.forEach((c, i) => {
    const site = needSite(["commercial", i, "airport"], c.airport);
    if (site && !site.icao) issue(["commercial", i, "airport"], `site "${c.airport}" has no ICAO code: not an airport`);
  });
  s.airLegs.forEach((l, i) => {
    for (const end of ["from", "to"] as const) {
      const site = needSite(["airLegs", i, end], l[end]);
      if (site && !site.icao) issue(["airLegs", i, end], `site "${l[end]}" has no ICAO code: aircraft cannot land there`);
    }
  });
  s.roadRoutes.forEach((r, i) => {
    needSite(["roadRoutes", i, "from"], r.from);
    needSite(["roadRoutes", i, "to"], r.to);
  });
  const parties = s.agreement.parties;
  const host = parties.find((p) => p.role === "host");
  s.sites.forEach((site, i) => {
    if (host && site.inHostCountry && site.country !== host.country)
      issue(["sites", i, "country"], `a site in the host country must have country ${host.country}`);
  });
  if (s.planningStart !== undefined && s.planningStart >= s.agreement.deadline)
    issue(["planningStart"], "planning starts after the deadline: nothing can be planned");
}
