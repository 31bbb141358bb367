import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Instant, MINUTES_PER_DAY } from "#domain/time.ts";
import { t } from "./factories.ts";
import { headcountSeries } from "./headcount-series.ts";
import { asMovementId, asPersonId, asPersonnelEventId } from "./ids.ts";
import { headcount, type PersonnelEvent } from "./personnel.ts";

let n = 0;
const ev = (person: string, kind: PersonnelEvent["kind"], site: string, at: string | Instant): PersonnelEvent => ({
  id: asPersonnelEventId(`PE-${++n}`),
  person: asPersonId(person),
  kind,
  site,
  at: typeof at === "string" ? t(at) : at,
  ...(kind === "exit" ? { movement: asMovementId("M-1") } : {}),
});

describe("headcountSeries", () => {
  it("counts each site at each day's 00:00 UTC and at the end", () => {
    const events = [
      ev("P-1", "entry", "NIAMEY", "2024-05-20T06:00Z"),
      ev("P-2", "entry", "AGADEZ", "2024-05-20T07:00Z"),
      ev("P-3", "entry", "AGADEZ", "2024-05-20T07:00Z"),
      ev("P-2", "transfer", "NIAMEY", "2024-05-21T12:00Z"),
      ev("P-3", "exit", "AGADEZ", "2024-05-22T09:16Z"),
    ];
    const s = headcountSeries(events, t("2024-05-20T00:00Z"), t("2024-05-22T10:00Z"));
    expect(s.points).toEqual([t("2024-05-20T00:00Z"), t("2024-05-21T00:00Z"), t("2024-05-22T00:00Z"), t("2024-05-22T10:00Z")]);
    expect(s.sites).toEqual([
      { site: "AGADEZ", counts: [0, 2, 1, 0] },
      { site: "NIAMEY", counts: [0, 1, 2, 2] },
    ]);
    expect(s.total).toEqual([0, 3, 3, 2]);
  });

  it("starts at the first whole day after a start within a day, and leaves out what happens after the end", () => {
    const events = [ev("P-1", "entry", "NIAMEY", "2024-05-20T06:00Z"), ev("P-2", "entry", "ARLIT", "2024-05-25T00:00Z")];
    const s = headcountSeries(events, t("2024-05-20T05:00Z"), t("2024-05-21T03:00Z"));
    expect(s.points).toEqual([t("2024-05-21T00:00Z"), t("2024-05-21T03:00Z")]);
    expect(s.sites).toEqual([{ site: "NIAMEY", counts: [1, 1] }]);
  });

  it("has only the end when it lies before the first day", () => {
    const s = headcountSeries([], t("2024-05-20T05:00Z"), t("2024-05-20T09:00Z"));
    expect(s).toEqual({ points: [t("2024-05-20T09:00Z")], sites: [], total: [0] });
  });

  it("agrees with the headcount at every point, whatever the records", () => {
    const start = t("2024-05-20T00:00Z");
    const record = fc.record({
      person: fc.integer({ min: 1, max: 6 }),
      kind: fc.constantFrom<PersonnelEvent["kind"]>("entry", "transfer", "exit"),
      site: fc.constantFrom("NIAMEY", "AGADEZ", "ARLIT"),
      minute: fc.integer({ min: 0, max: 6 * MINUTES_PER_DAY }),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), fc.integer({ min: 0, max: 7 * MINUTES_PER_DAY }), (records, end) => {
        const events = records.map((r) => ev(`P-${r.person}`, r.kind, r.site, (start + r.minute) as Instant));
        const s = headcountSeries(events, start, (start + end) as Instant);
        s.points.forEach((point, i) => {
          const h = headcount(events, point);
          expect(s.total[i]).toBe(h.total);
          for (const site of s.sites) expect(site.counts[i] ?? 0).toBe(h.bySite[site.site] ?? 0);
          for (const [site, count] of Object.entries(h.bySite)) expect(s.sites.find((x) => x.site === site)?.counts[i]).toBe(count);
        });
      }),
    );
  });
});
