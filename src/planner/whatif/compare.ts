import type { Plan } from "#domain/plan.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { formatHuman, parseInstant } from "#domain/time.ts";
import { fleetByType } from "./fleet-counts.ts";

/** A scenario with its plan: one side of a comparison. */
export interface Variant {
  readonly rs: ResolvedScenario;
  readonly plan: Plan;
}

export type FigureValue = number | string | boolean | null;

/** One key figure, before and after, with the change in words. */
export interface ComparisonRow {
  /** Stable id: `closure`, `sorties.C-17A`, `closeout.NIAMEY`. */
  readonly key: string;
  readonly label: string;
  readonly base: FigureValue;
  readonly variant: FigureValue;
  readonly baseText: string;
  readonly variantText: string;
  /** `+12.5 h`, `−3`, `yes → no`; empty when equal. */
  readonly change: string;
}

/** Whether the plan moves everything and everyone by the deadline. */
export const planMeets = (plan: Plan): boolean => plan.summary.meetsDeadline && plan.unplanned.length === 0;

const at = (iso: string | undefined) => (iso === undefined ? undefined : parseInstant(iso));
const human = (iso: string | undefined) => {
  const t = at(iso);
  return t === undefined ? "—" : formatHuman(t);
};
const num = (n: number, digits = 0) => n.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const signed = (n: number, digits = 0) => (n > 0 ? `+${num(n, digits)}` : n < 0 ? `−${num(-n, digits)}` : "0");
/** Hours as people read them: `+12.5 h` or `+3.2 days` beyond two days. */
const hours = (h: number) => (Math.abs(h) >= 48 ? `${signed(h / 24, 1)} days` : `${signed(h, 1)} h`);

function instantRow(key: string, label: string, a: string | undefined, b: string | undefined): ComparisonRow {
  const ta = at(a);
  const tb = at(b);
  return {
    key,
    label,
    base: a ?? null,
    variant: b ?? null,
    baseText: human(a),
    variantText: human(b),
    change: ta === undefined || tb === undefined ? (ta === tb ? "" : tb === undefined ? "none after" : "none before") : ta === tb ? "" : hours((tb - ta) / 60),
  };
}

function countRow(key: string, label: string, a: number, b: number, digits = 0, unit = ""): ComparisonRow {
  return { key, label, base: a, variant: b, baseText: `${num(a, digits)}${unit}`, variantText: `${num(b, digits)}${unit}`, change: a === b ? "" : `${signed(b - a, digits)}${unit}` };
}

function flagRow(key: string, label: string, a: boolean, b: boolean): ComparisonRow {
  const t = (x: boolean) => (x ? "yes" : "no");
  return { key, label, base: a, variant: b, baseText: t(a), variantText: t(b), change: a === b ? "" : `${t(a)} → ${t(b)}` };
}

function textRow(key: string, label: string, a: string, b: string): ComparisonRow {
  return { key, label, base: a, variant: b, baseText: a, variantText: b, change: a === b ? "" : "changed" };
}

/**
 * The key figures of two plans side by side: closure, deadline, slack, whether the deadline is met
 * with everything planned (`planMeets`, stricter than `summary.meetsDeadline`), what was not planned, the lower bound and closure / bound, the fleet and sorties by type, flying hours,
 * convoys, commercial seats, clearance requests and the first filing, and each site's close-out.
 *
 * @example
 * compareVariants({ rs, plan }, { rs: varied, plan: planWithdrawal(varied) })
 *   .map((r) => `${r.label}: ${r.baseText} → ${r.variantText} ${r.change}`);
 */
export function compareVariants(base: Variant, variant: Variant): ComparisonRow[] {
  const a = base.plan.summary;
  const b = variant.plan.summary;
  const rows: ComparisonRow[] = [
    {
      ...instantRow("closure", "Closure", a.closureAt, b.closureAt),
      baseText: incomplete(base.plan, human(a.closureAt)),
      variantText: incomplete(variant.plan, human(b.closureAt)),
    },
    instantRow("deadline", "Deadline", a.deadline, b.deadline),
    {
      ...countRow("slackHours", "Slack", a.slackHours, b.slackHours, 1, " h"),
      baseText: slackText(base.plan),
      variantText: slackText(variant.plan),
      change: a.slackHours === b.slackHours ? "" : hours(b.slackHours - a.slackHours),
    },
    flagRow("meetsDeadline", "Meets deadline", planMeets(base.plan), planMeets(variant.plan)),
    countRow("unplanned", "Not planned", base.plan.unplanned.length, variant.plan.unplanned.length),
    instantRow("lowerBoundAt", "Lower bound", a.lowerBoundAt, b.lowerBoundAt),
    textRow("bindingBound", "Binding bound", a.bindingBound, b.bindingBound),
    {
      ...countRow("closureRatio", "Closure / bound", a.closureRatio ?? Number.NaN, b.closureRatio ?? Number.NaN, 3),
      ...(a.closureRatio === null ? { baseText: "—" } : {}),
      ...(b.closureRatio === null ? { variantText: "—" } : {}),
    },
  ];
  const fa = fleetByType(base.rs.scenario);
  const fb = fleetByType(variant.rs.scenario);
  for (const t of new Set([...fa.keys(), ...fb.keys()])) rows.push(countRow(`fleet.${t}`, `Aircraft ${t}`, fa.get(t) ?? 0, fb.get(t) ?? 0));
  rows.push(countRow("sorties", "Sorties", a.sorties, b.sorties));
  for (const t of new Set([...Object.keys(a.sortiesByType), ...Object.keys(b.sortiesByType)]))
    rows.push(countRow(`sorties.${t}`, `Sorties ${t}`, a.sortiesByType[t] ?? 0, b.sortiesByType[t] ?? 0));
  rows.push(countRow("flyingHours", "Flying hours", a.flyingHours, b.flyingHours, 1));
  rows.push(countRow("convoys", "Convoys", a.convoys, b.convoys));
  rows.push(countRow("commercialSeats", "Commercial seats", a.commercialSeats, b.commercialSeats));
  rows.push(countRow("clearanceRequests", "Clearance requests", a.clearanceRequests, b.clearanceRequests));
  rows.push(instantRow("firstFiling", "First filing by", firstFiling(base.plan), firstFiling(variant.plan)));
  const closures = (p: Plan) => new Map(p.siteClosures.map((c) => [c.site, c.closedAt]));
  const ca = closures(base.plan);
  const cb = closures(variant.plan);
  const hostSites = base.rs.scenario.sites.filter((s) => s.inHostCountry).map((s) => s.id as string);
  for (const site of new Set([...hostSites, ...ca.keys(), ...cb.keys()])) {
    if (!ca.has(site) && !cb.has(site)) continue;
    rows.push(instantRow(`closeout.${site}`, `Close-out ${site}`, ca.get(site), cb.get(site)));
  }
  return rows;
}

/** Closure and slack only count what was planned: say so when something was not. */
const incomplete = (plan: Plan, text: string) => (plan.unplanned.length > 0 ? `${text} (incomplete)` : text);
const slackText = (plan: Plan) => incomplete(plan, hours(plan.summary.slackHours).replace(/^\+/, ""));

function firstFiling(plan: Plan): string | undefined {
  let first: string | undefined;
  for (const r of plan.clearanceRequests) if (first === undefined || r.latestFilingAt < first) first = r.latestFilingAt;
  return first;
}
