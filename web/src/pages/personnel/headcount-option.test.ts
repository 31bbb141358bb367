import { describe, expect, it } from "vitest";
import { HEADCOUNT_STYLES, headcountOption, TOTAL_COLOUR } from "./headcount-option.ts";

const series = {
  from: "2024-05-20T00:00:00Z",
  at: "2024-05-21T08:00:00Z",
  points: ["2024-05-20T00:00:00Z", "2024-05-21T00:00:00Z", "2024-05-21T08:00:00Z"],
  sites: [
    { site: "AGADEZ", counts: [0, 3, 1] },
    { site: "NIAMEY", counts: [0, 2, 2] },
  ],
  total: [0, 5, 3],
};
const option = headcountOption({
  series,
  siteName: (id) => (id === "AGADEZ" ? "Air Base 201, Agadez" : "Air Base 101"),
  labels: { total: "In the country", people: "People", description: "Headcount by site" },
  lang: "en",
}) as { series: { name: string; data: [number, number][]; lineStyle: { color: string; type: string } }[]; aria: { label: { description: string } } };

describe("headcountOption", () => {
  it("draws the total, then a line per site, each point at its instant", () => {
    expect(option.series.map((s) => s.name)).toEqual(["In the country", "Air Base 201, Agadez", "Air Base 101"]);
    expect(option.series[0]?.data).toEqual([
      [Date.parse("2024-05-20T00:00:00Z"), 0],
      [Date.parse("2024-05-21T00:00:00Z"), 5],
      [Date.parse("2024-05-21T08:00:00Z"), 3],
    ]);
    expect(option.series[1]?.data.map((p) => p[1])).toEqual([0, 3, 1]);
  });

  it("tells the lines apart by colour and by dash, and describes itself", () => {
    expect(option.series[0]?.lineStyle.color).toBe(TOTAL_COLOUR);
    expect(option.series.slice(1).map((s) => [s.lineStyle.color, s.lineStyle.type])).toEqual([
      [HEADCOUNT_STYLES[0].colour, HEADCOUNT_STYLES[0].dash],
      [HEADCOUNT_STYLES[1].colour, HEADCOUNT_STYLES[1].dash],
    ]);
    expect(option.aria.label.description).toBe("Headcount by site");
  });
});
