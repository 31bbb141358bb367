/**
 * echarts, only the parts the app draws with (line charts, SVG): importing `echarts/core` and
 * registering these keeps the chart chunk a fraction of the full library.
 */
import { LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, AriaComponent, SVGRenderer]);

export { echarts };
