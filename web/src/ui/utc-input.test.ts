import { describe, expect, it } from "vitest";
import { instantOfUtcInput, shiftHours, utcInputOf } from "./utc-input.ts";

describe("UTC date and time fields", () => {
  it("write an instant in UTC whatever its offset, and read the text back as UTC", () => {
    expect(utcInputOf("2024-06-02T00:00:00Z")).toBe("2024-06-02T00:00");
    expect(utcInputOf("2024-06-02T01:30:00+01:00")).toBe("2024-06-02T00:30");
    expect(utcInputOf("soon")).toBe("");
    expect(instantOfUtcInput("2024-06-02T00:30")).toBe("2024-06-02T00:30:00Z");
    expect(instantOfUtcInput("2024-06-02")).toBeUndefined();
    expect(instantOfUtcInput("2024-13-02T00:30")).toBeUndefined();
  });

  it("moves an instant by hours", () => {
    expect(shiftHours("2024-06-03T00:00:00Z", -24)).toBe("2024-06-02T00:00:00Z");
    expect(shiftHours("2024-06-03T14:32:00Z", 24)).toBe("2024-06-04T14:32:00Z");
    expect(shiftHours("", 24)).toBe("");
  });
});
