import { describe, expect, it } from "vitest";
import { countSchema, lengthSchema, massSchema } from "./figure.ts";

describe("figures with units and provenance", () => {
  it("reads a bare number as the SI unit and a stated unit by conversion", () => {
    expect(massSchema.parse(1800)).toBe(1800);
    expect(massSchema.parse({ value: 10_000, unit: "lb", source: "463L rating" })).toBeCloseTo(4535.9237, 6);
    expect(lengthSchema.parse({ value: 1, unit: "m" })).toBe(100);
  });
  it("requires the unit when a figure is written as an object", () => {
    expect(massSchema.safeParse({ value: 5 }).success).toBe(false);
  });
  it("rejects unknown units, negative masses and stray keys", () => {
    expect(massSchema.safeParse({ value: 5, unit: "stone" }).success).toBe(false);
    expect(massSchema.safeParse(-1).success).toBe(false);
    expect(massSchema.safeParse({ value: 5, unit: "kg", sorce: "typo" }).success).toBe(false);
  });
  it("needs a rationale for every assumption", () => {
    expect(massSchema.safeParse({ value: 5, unit: "kg", assumption: true }).success).toBe(false);
    expect(massSchema.safeParse({ value: 5, unit: "kg", assumption: true, rationale: "typical" }).success).toBe(true);
  });
  it("never takes a count as a bare number: it names a source or is an assumption", () => {
    expect(countSchema.safeParse(946).success).toBe(false);
    expect(countSchema.safeParse({ value: 946 }).success).toBe(false);
    expect(countSchema.parse({ value: 946, source: "Joint communiqué, 7 June 2024" })).toBe(946);
    expect(countSchema.parse({ value: 12, assumption: true, rationale: "two shifts of six" })).toBe(12);
  });
});
