import { describe, expect, it } from "vitest";
import { runCli } from "#test/cli-harness.ts";
import { scenarioPath } from "#test/scenarios.ts";
import { scale } from "./load-command.ts";

describe("drawdown load", () => {
  it("draws each aircraft: positions in station order, floor pieces, seats, balance and margins", async () => {
    const r = await runCli(["load", scenarioPath("synthetic-small")]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Aircraft loads — /);
    expect(r.out).toMatch(/S0001 {2}(C17-1 \(C-17A\)|C130-1 \(C-130J-30\)) {2}MAIN → HOME/);
    for (const text of ["FS in", " 1L ", " 9R ", "floor ═ trucks", "Seats ", "Load ", "allowable", "Balance ", "%MAC", "limits 16.0–37.0"]) expect(r.out).toContain(text);
    // Rows in station order within each aircraft.
    const first = r.out.split("\n\n")[1] ?? "";
    const stations = [...first.matchAll(/^ +(\d+) {2}/gm)].map((m) => Number(m[1]));
    expect(stations.length).toBeGreaterThan(10);
    expect(stations).toEqual([...stations].sort((a, b) => a - b));
    expect(r.out).toMatch(/Loads +\d+; centre of balance [\d.]+–[\d.]+ %MAC; all inside their limits/);
    expect(r.out).toMatch(/Bound +no plan carries these in fewer than \d+ loads/);
    // The bound given each load's type and site, with the loads and bound of each group.
    expect(r.out).toMatch(/Given +the type and site of each load .*no plan needs fewer than \d+ \((C-17A|C-130J-30) from MAIN \d+\/\d+.*\); loads \/ bound = \d\.\d{3}/);
  });

  it("filters by site and type, and prints JSON with every load inside its limits", async () => {
    const r = await runCli(["load", scenarioPath("synthetic-small"), "--type", "C-17A", "--site", "MAIN", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      loads: { type: string; from: string; ok: boolean; cgPercentMac: number; envelope: { forward: number; aft: number }; loadPlan: { positions: unknown[] } }[];
      summary: { loads: number; insideLimits: number };
    };
    expect(json.loads.length).toBeGreaterThan(0);
    for (const l of json.loads) {
      expect(l.type).toBe("C-17A");
      expect(l.from).toBe("MAIN");
      expect(l.ok).toBe(true);
      expect(l.cgPercentMac).toBeGreaterThanOrEqual(l.envelope.forward);
      expect(l.cgPercentMac).toBeLessThanOrEqual(l.envelope.aft);
      expect(Array.isArray(l.loadPlan.positions)).toBe(true);
    }
    expect(json.summary.insideLimits).toBe(json.summary.loads);
  });

  it("says which sites and types exist when given an unknown one", async () => {
    const site = await runCli(["load", scenarioPath("synthetic-small"), "--site", "NOPE"]);
    expect(site.code).toBe(2);
    expect(site.err).toMatch(/unknown site "NOPE": use one of MAIN/);
    const type = await runCli(["load", scenarioPath("synthetic-small"), "--type", "B-52"]);
    expect(type.code).toBe(2);
    expect(type.err).toMatch(/unknown aircraft type "B-52"/);
  });

  it("has help", async () => {
    const r = await runCli(["load", "--help"]);
    expect(r.out).toMatch(/Usage: drawdown load/);
  });
});

describe("scale", () => {
  it("marks the limits with brackets and the centre of balance with a dot", () => {
    const s = scale(25, 15, 35, 31);
    expect(s).toBe("10.0 ─────[─────────●─────────]───── 40.0 %MAC");
  });
});
