import { describe, expect, it } from "vitest";
import { BURNDOWN_COLOURS, burndownOption, points } from "./burndown-option.ts";

const days = ["2024-05-20T00:00:00Z", "2024-05-21T00:00:00Z", "2024-05-22T00:00:00Z"];
const labels = {
  peoplePlan: "People, plan",
  peopleActual: "People, actual",
  cargoPlan: "Cargo (t), plan",
  cargoActual: "Cargo (t), actual",
  people: "People",
  cargo: "Cargo (t)",
  deadline: "Deadline",
  now: "Now",
  description: "Burndown",
};
const input = {
  days,
  actualAt: "2024-05-21T08:00:00Z",
  deadline: "2024-09-15T22:59:00Z",
  series: { plan: { personnel: [946, 900, 850], cargoKg: [2_086_065, 2_000_000, 1_950_000] }, actual: { personnel: [946, 930], cargoKg: [2_086_065, 2_086_065] } },
  labels,
  lang: "en" as const,
};

interface Series {
  name: string;
  yAxisIndex: number;
  data: [number, number][];
  lineStyle: { type: string; color: string };
  markLine?: { data: { xAxis: number; name: string }[] };
}

describe("points", () => {
  it("puts the plan on the days and the actual's last value at now", () => {
    expect(points(days, [1, 2, 3])).toEqual(days.map((d, i) => [Date.parse(d), i + 1]));
    expect(points(days, [1, 2], "2024-05-21T08:00:00Z")).toEqual([
      [Date.parse(days[0] ?? ""), 1],
      [Date.parse("2024-05-21T08:00:00Z"), 2],
    ]);
  });
});

describe("burndownOption", () => {
  const option = burndownOption(input) as { series: Series[]; aria: { enabled: boolean; label: { description: string } } };

  it("draws people on the left axis and tonnes on the right, plan dashed and actual solid", () => {
    expect(option.series.map((s) => [s.name, s.yAxisIndex, s.lineStyle.type])).toEqual([
      ["People, plan", 0, "dashed"],
      ["People, actual", 0, "solid"],
      ["Cargo (t), plan", 1, "dashed"],
      ["Cargo (t), actual", 1, "solid"],
    ]);
    expect(option.series[2]?.data.map((p) => p[1])).toEqual([2086.1, 2000, 1950]);
    expect(option.series[1]?.data.at(-1)).toEqual([Date.parse(input.actualAt), 930]);
    expect(option.series[0]?.lineStyle.color).toBe(BURNDOWN_COLOURS.people);
  });

  it("marks the deadline and now", () => {
    expect(option.series[0]?.markLine?.data.map((d) => [d.name, d.xAxis])).toEqual([
      ["Deadline", Date.parse(input.deadline)],
      ["Now", Date.parse(input.actualAt)],
    ]);
  });

  it("describes itself for screen readers", () => {
    expect(option.aria).toMatchObject({ enabled: true, label: { description: "Burndown" } });
  });
});
