import { describe, expect, it } from "vitest";
import { shortName } from "./site-name.ts";

describe("shortName", () => {
  it("cuts at the first comma or parenthesis", () => {
    expect(shortName("Air Base 101, Niamey (Diori Hamani International Airport)")).toBe("Air Base 101");
    expect(shortName("Ramstein Air Base (ETAR)")).toBe("Ramstein Air Base");
    expect(shortName("Agadez")).toBe("Agadez");
  });
});
