import { describe, expect, it } from "vitest";
import { fixedClock } from "./clock.ts";
import { chooseClock, clockOf, parseConfiguredClock } from "./replay-clock.ts";

const scenarioStart = new Date("2024-05-20T00:00:00.000Z");
const deadline = new Date("2024-09-15T22:59:00.000Z");
const today = new Date("2026-11-23T10:00:00.000Z");

describe("parseConfiguredClock", () => {
  it("reads wall, an ISO instant, or nothing, and names anything else", () => {
    expect(parseConfiguredClock(undefined)).toEqual({ ok: true, value: undefined });
    expect(parseConfiguredClock("  ")).toEqual({ ok: true, value: undefined });
    expect(parseConfiguredClock("WALL")).toEqual({ ok: true, value: { mode: "wall" } });
    const r = parseConfiguredClock("2024-05-20T08:00Z");
    expect(r.ok && r.value?.mode === "replay" && r.value.from.toISOString()).toBe("2024-05-20T08:00:00.000Z");
    const bad = parseConfiguredClock("tomorrow");
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/"wall" or an ISO instant.*tomorrow/);
    expect(parseConfiguredClock("1716192000").ok).toBe(false);
  });
});

describe("chooseClock", () => {
  it("replays a scenario whose deadline has passed from its start, and asks to store the choice", () => {
    const c = chooseClock({ configured: undefined, stored: undefined, scenarioStart, deadline, wallNow: today });
    expect(c.setting).toEqual({ mode: "replay", from: scenarioStart.toISOString(), wallStart: today.toISOString() });
    expect(c.store).toBe(true);
    expect(c.reason).toMatch(/ended 2024-09-15T22:59:00.000Z, before today: replaying it from its start 2024-05-20T00:00:00.000Z/);
  });

  it("runs on the wall clock when the deadline is ahead, and stores that too", () => {
    const c = chooseClock({ configured: undefined, stored: undefined, scenarioStart, deadline, wallNow: new Date("2024-06-01T00:00:00Z") });
    expect(c).toMatchObject({ setting: { mode: "wall" }, store: true });
  });

  it("resumes a stored replay rather than starting over, and a configured clock wins for this run only", () => {
    const stored = { mode: "replay", from: scenarioStart.toISOString(), wallStart: "2026-11-01T10:00:00.000Z" } as const;
    expect(chooseClock({ configured: undefined, stored, scenarioStart, deadline, wallNow: today })).toMatchObject({ setting: stored, store: false });
    expect(chooseClock({ configured: { mode: "wall" }, stored, scenarioStart, deadline, wallNow: today })).toMatchObject({
      setting: { mode: "wall" },
      store: false,
    });
    const from = new Date("2024-06-07T06:00:00Z");
    expect(chooseClock({ configured: { mode: "replay", from }, stored, scenarioStart, deadline, wallNow: today })).toMatchObject({
      setting: { mode: "replay", from: from.toISOString(), wallStart: today.toISOString() },
      store: false,
    });
    expect(chooseClock({ configured: undefined, stored: { mode: "wall" }, scenarioStart, deadline, wallNow: today }).setting).toEqual({ mode: "wall" });
  });
});

describe("clockOf", () => {
  it("runs a replay on from the instant it showed at its wall start; the wall clock is the real one", () => {
    const real = fixedClock("2026-11-01T10:00:00.000Z");
    const replay = clockOf({ mode: "replay", from: "2024-05-20T00:00:00.000Z", wallStart: "2026-11-01T10:00:00.000Z" }, real);
    expect(replay.mode).toBe("replay");
    expect(replay.now().toISOString()).toBe("2024-05-20T00:00:00.000Z");
    // Three weeks of wall time later (the server stopped meanwhile), the replay is three weeks on.
    real.advance(21 * 86_400_000);
    expect(replay.now().toISOString()).toBe("2024-06-10T00:00:00.000Z");
    expect(clockOf({ mode: "wall" }, real)).toBe(real);
  });
});
