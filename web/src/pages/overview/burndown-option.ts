/**
 * The burndown chart's echarts option, from the overview's series: people (left axis) and cargo
 * in tonnes (right axis), the plan dashed and the actual solid, the deadline and now as vertical
 * lines. Colours differ and so do line styles, so the chart reads without colour too. Pure: the
 * words come in already translated, numbers and dates go through the app's `Intl` formatters.
 */
import type { EChartsCoreOption } from "echarts/core";
import { formatNumber, formatShortDay, formatUtcDateTime, type Lang } from "../../i18n/format.ts";

/** One site's series as `GET /api/overview` sends them. */
export interface BurndownSeries {
  readonly plan: { readonly personnel: readonly number[]; readonly cargoKg: readonly number[] };
  readonly actual: { readonly personnel: readonly number[]; readonly cargoKg: readonly number[] };
}

/** The words of the chart, translated. */
export interface BurndownLabels {
  readonly peoplePlan: string;
  readonly peopleActual: string;
  readonly cargoPlan: string;
  readonly cargoActual: string;
  readonly people: string;
  readonly cargo: string;
  readonly deadline: string;
  readonly now: string;
  /** A sentence saying what the chart shows, for screen readers. */
  readonly description: string;
}

/** What the chart draws. */
export interface BurndownChartInput {
  readonly days: readonly string[];
  readonly actualAt: string;
  readonly deadline: string;
  readonly series: BurndownSeries;
  readonly labels: BurndownLabels;
  readonly lang: Lang;
}

/** Colours with at least 4.5:1 contrast on white. */
export const BURNDOWN_COLOURS = { people: "#0b5cad", cargo: "#8a4b00", deadline: "#b3261e", now: "#3f4a59" } as const;

/**
 * The `[time, value]` points of a series: the plan's on `days`, the actual's on the days before
 * now and then at `actualAt` (as the API lays them out).
 *
 * @example
 * points(["2024-05-20T00:00:00Z"], [946]); // [[1716163200000, 946]]
 */
export function points(days: readonly string[], values: readonly number[], actualAt?: string): [number, number][] {
  return values.map((v, i) => {
    const at = actualAt !== undefined && i === values.length - 1 ? actualAt : days[i];
    return [at === undefined ? Number.NaN : Date.parse(at), v];
  });
}

/** The echarts option of the burndown. */
export function burndownOption(input: BurndownChartInput): EChartsCoreOption {
  const { days, actualAt, series, labels: l, lang } = input;
  const tonnes = (kg: readonly number[]) => kg.map((v) => Math.round(v / 100) / 10);
  const line = (name: string, data: [number, number][], colour: string, axis: 0 | 1, dashed: boolean) => ({
    name,
    type: "line",
    yAxisIndex: axis,
    step: "end",
    showSymbol: false,
    data,
    lineStyle: { color: colour, width: dashed ? 2 : 3, type: dashed ? "dashed" : "solid" },
    itemStyle: { color: colour },
  });
  const deadline = Date.parse(input.deadline);
  const now = Date.parse(actualAt);
  return {
    animation: false,
    aria: { enabled: true, label: { enabled: true, description: l.description } },
    textStyle: { fontFamily: "inherit", color: "#1b1f24" },
    legend: { top: 0, itemWidth: 28, itemGap: 24, textStyle: { color: "#1b1f24" } },
    grid: { left: 64, right: 72, top: 64, bottom: 40 },
    tooltip: {
      trigger: "axis",
      valueFormatter: (v: unknown) => (typeof v === "number" ? formatNumber(v, lang, 1) : String(v)),
      axisPointer: { label: { formatter: (p: { value: unknown }) => formatUtcDateTime(new Date(Number(p.value)).toISOString(), lang) } },
    },
    xAxis: {
      type: "time",
      axisLabel: { color: "#3f4a59", formatter: (v: number) => formatShortDay(v, lang), hideOverlap: true },
    },
    yAxis: [
      { type: "value", name: l.people, min: 0, axisLabel: { color: BURNDOWN_COLOURS.people, formatter: (v: number) => formatNumber(v, lang) }, nameTextStyle: { color: BURNDOWN_COLOURS.people } },
      {
        type: "value",
        name: l.cargo,
        min: 0,
        splitLine: { show: false },
        axisLabel: { color: BURNDOWN_COLOURS.cargo, formatter: (v: number) => formatNumber(v, lang) },
        nameTextStyle: { color: BURNDOWN_COLOURS.cargo },
      },
    ],
    series: [
      {
        ...line(l.peoplePlan, points(days, series.plan.personnel), BURNDOWN_COLOURS.people, 0, true),
        markLine: {
          symbol: "none",
          silent: true,
          data: [
            { xAxis: deadline, name: l.deadline, lineStyle: { color: BURNDOWN_COLOURS.deadline, type: "solid", width: 2 }, label: { formatter: l.deadline, color: BURNDOWN_COLOURS.deadline, position: "insideEndTop" } },
            { xAxis: now, name: l.now, lineStyle: { color: BURNDOWN_COLOURS.now, type: "dotted", width: 2 }, label: { formatter: l.now, color: BURNDOWN_COLOURS.now, position: "insideEndTop" } },
          ],
        },
      },
      line(l.peopleActual, points(days, series.actual.personnel, actualAt), BURNDOWN_COLOURS.people, 0, false),
      line(l.cargoPlan, points(days, tonnes(series.plan.cargoKg)), BURNDOWN_COLOURS.cargo, 1, true),
      line(l.cargoActual, points(days, tonnes(series.actual.cargoKg), actualAt), BURNDOWN_COLOURS.cargo, 1, false),
    ],
  };
}
