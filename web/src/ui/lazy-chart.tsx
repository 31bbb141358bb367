/**
 * {@link Chart}, loaded on first use: echarts is most of a chart page's weight, so the rest of
 * the page (figures, tables, alerts) shows while it loads.
 */
import { lazy, Suspense } from "react";
import type { EChartsCoreOption } from "echarts/core";
import { Loading } from "./loading.tsx";

const Chart = lazy(async () => ({ default: (await import("./chart.tsx")).Chart }));

/** The chart of `option`, with a placeholder of its height while echarts loads. */
export function LazyChart(props: { option: EChartsCoreOption; height: number; testId?: string }) {
  return (
    <Suspense fallback={<div style={{ height: props.height }}><Loading /></div>}>
      <Chart {...props} />
    </Suspense>
  );
}
