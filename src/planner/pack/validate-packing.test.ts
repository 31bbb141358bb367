import { describe, expect, it } from "vitest";
import { validatePacking } from "./validate-packing.ts";

describe("validatePacking", () => {
  it("accepts a valid packing", () => {
    expect(validatePacking([[0, 1], [2]], [60, 40, 70], 100)).toEqual([]);
  });

  it("reports missing, repeated, unknown items, empty and overfull bins", () => {
    const codes = validatePacking([[0, 0], [], [5], [1, 2]], [60, 40, 70, 10], 100).map((v) => v.code);
    expect(codes).toEqual(expect.arrayContaining(["item_repeated", "bin_empty", "item_unknown", "bin_overfull", "item_missing"]));
  });

  it("forgives summation-order rounding with fractional weights", () => {
    expect(validatePacking([[0, 1, 2]], [0.1, 0.2, 0.7], 1)).toEqual([]);
  });
});
