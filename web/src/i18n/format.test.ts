import { describe, expect, it } from "vitest";
import { countryName, formatDuration, formatLocalTime, formatNumber, formatShortDay, formatTonnes, formatUtcDateTime, formatUtcDay } from "./format.ts";

// The scenario's deadline: 15 September 2024, 23:59 in Niamey (UTC+1).
const DEADLINE = "2024-09-15T22:59:00Z";
const NNBSP = "\u202f";

describe("dates and times", () => {
  it("writes an instant in UTC, 24-hour, in each language", () => {
    expect(formatUtcDateTime(DEADLINE, "en")).toBe("Sep 15, 2024, 22:59");
    expect(formatUtcDateTime(DEADLINE, "fr")).toBe("15 sept. 2024, 22:59");
  });

  it("gives Niamey's time, with the date when Niamey is already on the next day", () => {
    expect(formatLocalTime(DEADLINE, "en")).toBe("23:59");
    expect(formatLocalTime("2024-09-15T23:30:00Z", "en")).toBe("Sep 16, 00:30");
    expect(formatLocalTime("2024-09-15T23:30:00Z", "fr")).toBe("16 sept., 00:30");
  });

  it("writes days, for tables and chart axes", () => {
    expect(formatUtcDay("2024-06-03T00:00:00Z", "en")).toBe("Jun 3, 2024");
    expect(formatUtcDay("2024-06-03T00:00:00Z", "fr")).toBe("3 juin 2024");
    expect(formatShortDay(Date.parse("2024-07-01T00:00:00Z"), "fr")).toBe("1 juil.");
  });

  it("does not depend on the machine's time zone: a UTC day stays that day", () => {
    expect(formatUtcDay("2024-06-03T23:59:00Z", "en")).toBe("Jun 3, 2024");
  });
});

describe("numbers", () => {
  it("groups and marks decimals the language's way", () => {
    expect(formatNumber(2086064.9, "en", 1)).toBe("2,086,064.9");
    expect(formatNumber(2086064.9, "fr", 1)).toBe(`2${NNBSP}086${NNBSP}064,9`);
    expect(formatNumber(946, "fr")).toBe("946");
  });

  it("writes kilograms as tonnes with one decimal", () => {
    expect(formatTonnes(2086064.9, "en")).toBe("2,086.1 t");
    expect(formatTonnes(2086064.9, "fr")).toBe(`2${NNBSP}086,1 t`);
    expect(formatTonnes(0, "en")).toBe("0.0 t");
  });

  it("writes durations as days and hours, keeping the sign", () => {
    expect(formatDuration(61 * 1440 + 14 * 60, "en")).toBe("61 days 14h");
    expect(formatDuration(61 * 1440 + 14 * 60, "fr")).toBe(`61${NNBSP}j 14h`);
    expect(formatDuration(-(2 * 1440 + 3 * 60), "en")).toBe("-2 days 3h");
    expect(formatDuration(5 * 60, "en")).toBe("5h");
    expect(formatDuration(3 * 1440, "en")).toBe("3 days");
  });
});

describe("countryName", () => {
  it("names a country in each language, and gives back a code it does not know", () => {
    expect(countryName("DZ", "en")).toBe("Algeria");
    expect(countryName("DZ", "fr")).toBe("Algérie");
    expect(countryName("NE", "fr")).toBe("Niger");
    expect(countryName("not a code", "en")).toBe("not a code");
  });
});
