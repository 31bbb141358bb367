import { formatInstant, type Instant } from "#domain/time.ts";
import { closureTimes } from "./closure.ts";
import type { VerifyContext } from "./context.ts";
import { type ViolationSink, violation } from "./violation.ts";

/** Hours are derived numbers a planner may round to one decimal. */
const HOURS_TOLERANCE = 0.05 + 1e-9;
/** A ratio a planner may round to two decimals. */
const RATIO_TOLERANCE = 0.005 + 1e-9;
const KG_TOLERANCE = 1;

/**
 * `summary.mismatch`: the summary agrees with the movements — start and deadline are the scenario's;
 * the closure is the last loaded departure from the host country, with the slack, the deadline verdict
 * and the closure ratio that follow from it; no bound is after the closure; the counts (sorties, by
 * type, flying hours, convoys, commercial seats, requests, pallets, and the people, pieces and kg that
 * leave the host country) are those of the plan; `siteClosures` gives each host site's last cargo and
 * last departure. Returns the fields checked.
 */
export function checkSummary(ctx: VerifyContext, sink: ViolationSink): number {
  const s = ctx.plan.summary;
  const { start, deadline } = ctx.scenario;
  let checked = 0;
  const wrong = (
    field: string,
    stated: string | number | boolean | null,
    actual: string | number | boolean | null,
    why = "",
  ) => {
    sink.add(
      violation(
        "summary.mismatch",
        `summary.${field} is ${String(stated)}, the movements give ${String(actual)}${why}`,
      ),
    );
  };
  const instantIs = (field: string, iso: string, actual: Instant) => {
    checked++;
    if (ctx.at(iso) !== actual) wrong(field, iso, formatInstant(actual));
  };
  const countIs = (field: string, stated: number, actual: number, tolerance = 0) => {
    checked++;
    if (Math.abs(stated - actual) > tolerance) wrong(field, stated, Math.round(actual * 1000) / 1000);
  };

  instantIs("start", s.start, start);
  instantIs("deadline", s.deadline, deadline);

  const { sites, closureAt } = closureTimes(ctx);
  if (closureAt !== undefined) {
    instantIs("closureAt", s.closureAt, closureAt);
    checked += 3;
    if (s.meetsDeadline !== closureAt <= deadline)
      wrong(
        "meetsDeadline",
        s.meetsDeadline,
        closureAt <= deadline,
        ` (closure ${formatInstant(closureAt)})`,
      );
    const slack = (deadline - closureAt) / 60;
    if (Math.abs(s.slackHours - slack) > HOURS_TOLERANCE)
      wrong("slackHours", s.slackHours, Math.round(slack * 100) / 100);
    const bound = ctx.at(s.lowerBoundAt);
    if (bound > closureAt)
      sink.add(
        violation(
          "summary.mismatch",
          `summary.lowerBoundAt ${s.lowerBoundAt} is after the plan's closure ${formatInstant(closureAt)}: it is no lower bound`,
        ),
      );
    if (bound > start) {
      const ratio = (closureAt - start) / (bound - start);
      if (s.closureRatio === null || Math.abs(s.closureRatio - ratio) > RATIO_TOLERANCE)
        wrong("closureRatio", s.closureRatio, Math.round(ratio * 10000) / 10000);
    }
    for (const b of ctx.plan.bounds) {
      checked++;
      if (ctx.at(b.at) > closureAt)
        sink.add(
          violation(
            "summary.mismatch",
            `bound "${b.name}" at ${b.at} is after the plan's closure ${formatInstant(closureAt)}: it is no lower bound`,
          ),
        );
    }
  }

  countIs("sorties", s.sorties, ctx.plan.sorties.length);
  const byType = new Map<string, number>();
  for (const x of ctx.plan.sorties) byType.set(x.type, (byType.get(x.type) ?? 0) + 1);
  for (const t of new Set([...byType.keys(), ...Object.keys(s.sortiesByType)]))
    countIs(`sortiesByType["${t}"]`, s.sortiesByType[t] ?? 0, byType.get(t) ?? 0);
  const flying =
    ctx.plan.sorties.reduce(
      (h, x) => h + x.legs.reduce((m, l) => m + (ctx.at(l.arriveAt) - ctx.at(l.departAt)), 0),
      0,
    ) / 60;
  countIs("flyingHours", s.flyingHours, flying, HOURS_TOLERANCE);
  countIs("convoys", s.convoys, ctx.plan.convoys.length);
  countIs(
    "commercialSeats",
    s.commercialSeats,
    ctx.plan.commercial.reduce((n, p) => n + p.passengers.reduce((m, g) => m + g.count, 0), 0),
  );
  countIs("clearanceRequests", s.clearanceRequests, ctx.plan.clearanceRequests.length);
  countIs("pallets", s.pallets, ctx.plan.pallets.length);

  // What leaves the host country, as the movements list it.
  let people = 0;
  let pieces = 0;
  let kg = 0;
  for (const m of ctx.movements) {
    if (!ctx.inHost(m.from) || !ctx.outside(m.to)) continue;
    people += m.passengers.reduce((n, g) => n + g.count, 0);
    const lines = [...m.items, ...m.pallets.flatMap((id) => ctx.pallets.get(id)?.items ?? [])];
    for (const it of lines) {
      const c = ctx.cargo.get(it.cargo);
      if (!c) continue;
      pieces += it.quantity;
      kg += it.quantity * c.unitWeight;
    }
  }
  countIs("personnel", s.personnel, people);
  countIs("cargoPieces", s.cargoPieces, pieces);
  countIs("cargoKg", s.cargoKg, kg, KG_TOLERANCE);

  checked += checkSiteClosures(ctx, sink, sites);
  return checked;
}

function checkSiteClosures(
  ctx: VerifyContext,
  sink: ViolationSink,
  actual: ReadonlyMap<string, { lastCargoAt: Instant | undefined; closedAt: Instant | undefined }>,
): number {
  const seen = new Set<string>();
  const fmt = (t: Instant | undefined) => (t === undefined ? "none" : formatInstant(t));
  for (const c of ctx.plan.siteClosures) {
    const about = { subject: c.site };
    if (!ctx.sites.has(c.site)) continue; // ref.unknown
    if (seen.has(c.site)) {
      sink.add(violation("summary.mismatch", `siteClosures lists ${c.site} twice`, about));
      continue;
    }
    seen.add(c.site);
    if (!ctx.inHost(c.site)) {
      sink.add(
        violation(
          "summary.mismatch",
          `siteClosures lists ${c.site}, which is not in the host country`,
          about,
        ),
      );
      continue;
    }
    const want = actual.get(c.site);
    const lastCargo = c.lastCargoAt === undefined ? undefined : ctx.at(c.lastCargoAt);
    if (lastCargo !== want?.lastCargoAt)
      sink.add(
        violation(
          "summary.mismatch",
          `siteClosures ${c.site}: lastCargoAt is ${fmt(lastCargo)}, its last cargo departure is ${fmt(want?.lastCargoAt)}`,
          about,
        ),
      );
    const closed = ctx.at(c.closedAt);
    if (closed !== want?.closedAt)
      sink.add(
        violation(
          "summary.mismatch",
          `siteClosures ${c.site}: closedAt is ${fmt(closed)}, its last loaded departure is ${fmt(want?.closedAt)}`,
          about,
        ),
      );
  }
  for (const [site, want] of actual) {
    if (!seen.has(site))
      sink.add(
        violation(
          "summary.mismatch",
          `siteClosures has no entry for ${site} (last cargo ${fmt(want.lastCargoAt)}, closed ${fmt(want.closedAt)})`,
          {
            subject: site,
          },
        ),
      );
  }
  return ctx.plan.siteClosures.length + actual.size;
}
