/**
 * The headcount chart's echarts option: people at each host site over time (one stepped line per
 * site, each its own colour and dash, so the chart reads without colour too) and everyone in the
 * country as a thicker line. Pure: words come translated, numbers and dates through `Intl`.
 */
import type { EChartsCoreOption } from "echarts/core";
import type { HeadcountSeries } from "../../api/contract.ts";
import { formatNumber, formatShortDay, formatUtcDateTime, type Lang } from "../../i18n/format.ts";

/** Colours with at least 4.5:1 contrast on white, and a dash pattern for each. */
export const HEADCOUNT_STYLES = [
  { colour: "#0b5cad", dash: "solid" },
  { colour: "#8a4b00", dash: "dashed" },
  { colour: "#1d6b3a", dash: "dotted" },
  { colour: "#6a1b9a", dash: "dashed" },
  { colour: "#a4161a", dash: "dotted" },
] as const;
/** The total's line. */
export const TOTAL_COLOUR = "#1b1f24";

/** What the chart draws. */
export interface HeadcountChartInput {
  readonly series: HeadcountSeries;
  /** A site's name for the legend. */
  readonly siteName: (id: string) => string;
  readonly labels: { readonly total: string; readonly people: string; readonly description: string };
  readonly lang: Lang;
}

/** The echarts option of the headcount over time. */
export function headcountOption(input: HeadcountChartInput): EChartsCoreOption {
  const { series: s, lang, labels } = input;
  const at = s.points.map((p) => Date.parse(p));
  const line = (name: string, values: readonly number[], colour: string, dash: string, width: number) => ({
    name,
    type: "line",
    step: "end",
    showSymbol: false,
    data: values.map((v, i) => [at[i] ?? Number.NaN, v]),
    lineStyle: { color: colour, type: dash, width },
    itemStyle: { color: colour },
  });
  return {
    animation: false,
    aria: { enabled: true, label: { enabled: true, description: labels.description } },
    textStyle: { fontFamily: "inherit", color: "#1b1f24" },
    legend: { top: 0, itemWidth: 28, itemGap: 32, textStyle: { color: "#1b1f24" } },
    grid: { left: 56, right: 24, top: 48, bottom: 40 },
    tooltip: {
      trigger: "axis",
      valueFormatter: (v: unknown) => (typeof v === "number" ? formatNumber(v, lang) : String(v)),
      axisPointer: { label: { formatter: (p: { value: unknown }) => formatUtcDateTime(new Date(Number(p.value)).toISOString(), lang) } },
    },
    xAxis: { type: "time", axisLabel: { color: "#3f4a59", formatter: (v: number) => formatShortDay(v, lang), hideOverlap: true } },
    yAxis: { type: "value", name: labels.people, min: 0, minInterval: 1, axisLabel: { color: "#3f4a59", formatter: (v: number) => formatNumber(v, lang) } },
    series: [
      line(labels.total, s.total, TOTAL_COLOUR, "solid", 3),
      ...s.sites.map((x, i) => {
        const style = HEADCOUNT_STYLES[i % HEADCOUNT_STYLES.length] ?? HEADCOUNT_STYLES[0];
        return line(input.siteName(x.site), x.counts, style.colour, style.dash, 2);
      }),
    ],
  };
}
