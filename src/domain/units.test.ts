import { describe, expect, it } from "vitest";
import { cmTo, kgTo, toCm, toKg, toKm, toKmh, toMinutes, travelMinutes } from "./units.ts";

describe("unit conversion", () => {
  it("converts the C-17's 170,900 lb payload to kg exactly by the 1959 pound", () => {
    expect(toKg(170_900, "lb")).toBeCloseTo(77_518.936, 3);
    expect(kgTo(toKg(170_900, "lb"), "lb")).toBeCloseTo(170_900, 9);
  });
  it("converts inches, feet, nautical miles, knots and hours", () => {
    expect(toCm(104, "in")).toBeCloseTo(264.16, 9);
    expect(toCm(88, "ft")).toBeCloseTo(2682.24, 9);
    expect(cmTo(toCm(96, "in"), "in")).toBeCloseTo(96, 9);
    expect(toKm(1, "nm")).toBe(1.852);
    expect(toKmh(410, "kn")).toBeCloseTo(759.32, 9);
    expect(toMinutes(3.25, "hours")).toBe(195);
    expect(toMinutes(2, "days")).toBe(2880);
  });
  it("gives flight minutes from distance and speed", () => {
    expect(travelMinutes(toKm(410, "nm"), toKmh(410, "kn"))).toBeCloseTo(60, 9);
  });
});
