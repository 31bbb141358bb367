import type { ScenarioInput } from "#domain/scenario.ts";
import { apportion } from "./apportion.ts";

/** One personnel group as the scenario file holds it. */
export type PersonnelGroupInput = ScenarioInput["personnel"][number];

/** A count marked as invented, as the schema asks of every count without a source. */
export const assumed = (value: number) => ({
  value,
  assumption: true,
  rationale: "synthetic figure (generator)",
});

/** Largest closing team a site keeps: about what one sortie seats alongside its last cargo. */
const MAX_CLOSING_TEAM = 40;

/** The closing team of a site of `people`: about 4 %, at least one person when anyone is there. */
export function closingTeamSize(people: number): number {
  if (people === 0) return 0;
  return Math.min(people, MAX_CLOSING_TEAM, Math.max(1, Math.round(people * 0.04)));
}

/** Escorts a site can spare for sensitive cargo: a tenth of those not on the closing team, at least two. */
export function escortBudget(people: number, closing: number): number {
  const free = people - closing;
  return free <= 0 ? 0 : Math.min(free, Math.max(2, Math.ceil(free * 0.1)));
}

/** One site's head count and the parts of it already decided. */
export interface SiteGroupsOptions {
  readonly site: string;
  readonly people: number;
  readonly closing: number;
  readonly escorts: number;
  /** The main base also holds the aircrew of the detachment. */
  readonly main: boolean;
}

/**
 * A site's personnel groups, adding up to `people` exactly. Order matters to the planner: people
 * board in the order of their groups, so sensitive-duty escorts come after everyone who may leave
 * freely (they must stay for the sensitive cargo), and the closing team comes last.
 */
export function siteGroups(o: SiteGroupsOptions): PersonnelGroupInput[] {
  const rest = o.people - o.closing - o.escorts;
  if (rest < 0)
    throw new RangeError(
      `site ${o.site}: ${o.closing} closing and ${o.escorts} escorts exceed ${o.people} people`,
    );
  const roles: [string, PersonnelGroupInput["category"], number][] = o.main
    ? [
        ["support", "support", 0.5],
        ["security", "security", 0.3],
        ["maintenance", "maintenance", 0.15],
        ["aircrew", "aircrew", 0.05],
      ]
    : [
        ["support", "support", 0.55],
        ["security", "security", 0.3],
        ["maintenance", "maintenance", 0.15],
      ];
  const counts = apportion(
    rest,
    roles.map((r) => r[2]),
  );
  const units: Record<string, string> = {
    support: "Support detachment",
    security: "Force protection company",
    maintenance: "Maintenance detachment",
    aircrew: "Air transport detachment",
  };
  const groups: PersonnelGroupInput[] = [];
  roles.forEach(([key, category], i) => {
    const n = counts[i] ?? 0;
    if (n > 0)
      groups.push({
        id: `${o.site}.${key}`,
        site: o.site,
        unit: units[key] ?? key,
        category,
        count: assumed(n),
      });
  });
  if (o.escorts > 0)
    groups.push({
      id: `${o.site}.escort`,
      site: o.site,
      unit: "Sensitive materiel escort",
      category: "sensitive_duty",
      count: assumed(o.escorts),
    });
  // Every site has a closing-team group, even an empty one, so that its closing-team minimum has a home.
  groups.push({
    id: `${o.site}.closing`,
    site: o.site,
    unit: "Closing team",
    category: "closing_team",
    count: assumed(o.closing),
  });
  return groups;
}
