/**
 * An echarts chart drawn as SVG in a sized box; it follows the box's size and is disposed with
 * the component. The option is built by the caller (a pure function, tested on its own).
 */
import type { EChartsCoreOption } from "echarts/core";
import { useEffect, useRef } from "react";
import { echarts } from "./echarts.ts";

/** The chart of `option`, `height` pixels high. */
export function Chart({ option, height, testId }: { option: EChartsCoreOption; height: number; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    const c = echarts.init(el, undefined, { renderer: "svg" });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} className="chart" style={{ height }} data-testid={testId} />;
}
