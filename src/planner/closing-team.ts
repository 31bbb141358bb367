import type { SiteId } from "#domain/ids.ts";
import type { PersonnelGroup } from "#domain/personnel.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import type { CargoPool, PeoplePool, WaitingPeople } from "./pools.ts";

/** Whether people waiting at `site` are that site's own closing team (a team moved by road to an airfield is not). */
export const isClosingTeamOf = (site: SiteId, w: { readonly group: PersonnelGroup }): boolean =>
  w.group.category === "closing_team" && w.group.site === site;

/**
 * How much of each site's closing team must stay until its last cargo has left: the scenario's
 * `closingTeams` minimum (rule `closing_team.stays`), and at least one while sensitive cargo waits,
 * since only a sensitive-duty or closing-team passenger may escort it. The rest of the team may leave
 * earlier, on seats other loads leave free, so that the last load does not wait for the whole team.
 * A site without a `closingTeams` entry keeps its whole team to the end (what the category says).
 */
export class ClosingTeams {
  private readonly minimum = new Map<SiteId, number>();

  constructor(rs: ResolvedScenario) {
    // The verifier checks each entry alone, so two entries for one site need the larger.
    for (const t of rs.scenario.closingTeams) this.minimum.set(t.site, Math.max(this.minimum.get(t.site) ?? 0, t.minimum));
  }

  /** Closing-team people of `site` waiting there. */
  waiting(site: SiteId, people: PeoplePool): number {
    let n = 0;
    for (const w of people.at(site)) if (isClosingTeamOf(site, w)) n += w.count;
    return n;
  }

  /** How many of them must stay until the site's last cargo leaves, with what is still waiting there. */
  mustStay(site: SiteId, people: PeoplePool, cargo: CargoPool): number {
    const team = this.waiting(site, people);
    const minimum = this.minimum.get(site);
    if (minimum === undefined) return team;
    const escort = cargo.at(site).some((w) => w.unit.sensitive) ? 1 : 0;
    return Math.min(team, Math.max(minimum, escort));
  }

  /** Whether cargo may still leave the site: its closing team waiting there is not below its minimum. */
  stillHolds(site: SiteId, people: PeoplePool): boolean {
    const minimum = this.minimum.get(site);
    return minimum === undefined || this.waiting(site, people) >= minimum;
  }

  /** How many of them may leave before the site's last cargo. */
  mayLeaveEarly(site: SiteId, people: PeoplePool, cargo: CargoPool): number {
    return Math.max(0, this.waiting(site, people) - this.mustStay(site, people, cargo));
  }
}

/** Boards up to `seats` of a site's closing team, at most `allowed` of them (earliest-leaving groups first). */
export function boardClosingTeam(
  people: PeoplePool,
  site: SiteId,
  t: Parameters<PeoplePool["board"]>[1],
  seats: number,
  allowed: number,
): ReturnType<PeoplePool["board"]> {
  const n = Math.min(seats, allowed);
  if (n <= 0) return [];
  return people.board(site, t, n, (w: WaitingPeople) => isClosingTeamOf(site, w));
}
