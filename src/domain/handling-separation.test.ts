import { describe, expect, it } from "vitest";
import { handlingSeparationSchema, mayShareUnit, separationIndex } from "./handling-separation.ts";

describe("handling-code separation", () => {
  const index = separationIndex(handlingSeparationSchema.parse({ notOnOneUnit: [["RFL", "ROX"], ["AVI", "EAT"]] }));

  it("keeps the pairs apart both ways, and lets everything else share", () => {
    expect(mayShareUnit(index, ["RFL"], ["ROX"])).toBe(false);
    expect(mayShareUnit(index, ["ROX", "PER"], ["DGR", "RFL"])).toBe(false);
    expect(mayShareUnit(index, ["EAT"], ["AVI"])).toBe(false);
    expect(mayShareUnit(index, ["RFL"], ["EAT", "PER"])).toBe(true);
    expect(mayShareUnit(index, [], ["ROX"])).toBe(true);
  });

  it("refuses a code that is not one", () => {
    expect(handlingSeparationSchema.safeParse({ notOnOneUnit: [["flammable", "ROX"]] }).success).toBe(false);
  });
});
