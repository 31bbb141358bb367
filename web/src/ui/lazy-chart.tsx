/**
 * {@link Chart}, loaded on first use: echarts is most of a chart page's weight, so the rest of
 * the page (figures, tables, alerts) shows while it loads. Not through `lazy` and Suspense: React 19
 * holds back a suspended boundary's content for 300 ms after its fallback showed, so the chart came
 * a third of a second after the rest of the page even with echarts already downloaded. Here the
 * chart renders at once when echarts is there, and a placeholder of its height shows until it is.
 */
import type { EChartsCoreOption } from "echarts/core";
import { useEffect, useState } from "react";
import { Loading } from "./loading.tsx";

type ChartComponent = (typeof import("./chart.tsx"))["Chart"];

let loaded: ChartComponent | undefined;
let loading: Promise<ChartComponent> | undefined;

/**
 * Starts loading the chart chunk (once; again after a failure) and resolves with its component.
 * A page with a chart calls it when its own chunk loads, so echarts downloads and parses while the
 * page's data is in flight.
 */
export function loadChart(): Promise<ChartComponent> {
  loading ??= import("./chart.tsx").then(
    (m) => (loaded = m.Chart),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The chart of `option`, `height` pixels high; a failure to load echarts goes to the error boundary. */
export function LazyChart(props: { option: EChartsCoreOption; height: number; testId?: string }) {
  const [Chart, setChart] = useState<ChartComponent | undefined>(() => loaded);
  const [failure, setFailure] = useState<Error>();
  useEffect(() => {
    if (Chart !== undefined) return;
    let live = true;
    loadChart().then(
      (c) => live && setChart(() => c),
      (error: unknown) => live && setFailure(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      live = false;
    };
  }, [Chart]);
  if (failure !== undefined) throw failure;
  if (Chart === undefined)
    return (
      <div style={{ height: props.height }}>
        <Loading />
      </div>
    );
  return <Chart {...props} />;
}
