/** The report's personnel figures: presence, entries, exits and transfers in and out per site. */
import { describe, expect, it } from "vitest";
import type { Instant } from "#domain/time.ts";
import type { PartyCode, PersonId, PersonnelEventId } from "#workflow/ids.ts";
import type { PersonnelEvent } from "#workflow/personnel.ts";
import { personnelSummary } from "./report-summary.ts";

const at = (h: number) => (28_000_000 + h * 60) as Instant;
const ev = (n: number, person: string, kind: PersonnelEvent["kind"], site: string, h: number): PersonnelEvent => ({
  id: `PE-${n}` as PersonnelEventId,
  person: person as PersonId,
  kind,
  site,
  at: at(h),
});
const persons = ["P-1", "P-2", "P-3"].map((id) => ({ id: id as PersonId, owner: "US" as PartyCode }));

describe("personnelSummary", () => {
  it("counts who is where now, and each site's entries, exits and transfers in and out", () => {
    const events = [
      ev(1, "P-1", "entry", "AGADEZ", 1),
      ev(2, "P-2", "entry", "AGADEZ", 1),
      ev(3, "P-3", "entry", "NIAMEY", 1),
      ev(4, "P-1", "transfer", "NIAMEY", 2),
      ev(5, "P-3", "exit", "NIAMEY", 3),
      ev(6, "P-2", "transfer", "NIAMEY", 9), // after "now": not counted yet
    ];
    const s = personnelSummary(persons, events, [], at(5));
    expect(s.headcount).toBe(2);
    expect(s.bySite).toEqual([
      { site: "AGADEZ", present: 1, entries: 2, exits: 0, transfersIn: 0, transfersOut: 1 },
      { site: "NIAMEY", present: 1, entries: 1, exits: 1, transfersIn: 1, transfersOut: 0 },
    ]);
    expect(s.reconciliation.inCountry).toBe(2);
  });
});
