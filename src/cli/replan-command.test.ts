import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "#test/cli-harness.ts";
import { scenarioPath } from "#test/scenarios.ts";

const dir = mkdtempSync(join(tmpdir(), "drawdown-replan-"));
const plan = join(dir, "plan.json");

describe("drawdown replan", () => {
  it("has --help", async () => {
    const r = await runCli(["replan", "--help"]);
    expect(r.out).toMatch(/Usage: drawdown replan \[options\] <scenario> <plan> <events>/);
  });

  it("re-plans after a cancelled sortie, prints the difference and writes a plan the verifier accepts", async () => {
    expect((await runCli(["plan", scenarioPath("niger-2024"), "--out", plan])).code).toBe(0);
    const events = join(dir, "events.json");
    writeFileSync(events, JSON.stringify({ formatVersion: 1, now: "2024-06-10T00:00:00Z", events: [{ kind: "cancelled", movement: "S0012", reason: "weather" }] }, null, 2));
    const out = join(dir, "replanned.json");
    const after = join(dir, "scenario-after.json");
    const r = await runCli(["replan", scenarioPath("niger-2024"), plan, events, "--out", out, "--scenario-out", after]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Removed {6}\d+:\n {4}S0012 {3}cancelled: weather/);
    // New sorties are numbered after the old plan's last.
    const sorties = (JSON.parse(readFileSync(plan, "utf8")) as { sorties: { id: string }[] }).sorties;
    const next = `S${String(Math.max(...sorties.map((s) => Number(s.id.slice(1)))) + 1).padStart(4, "0")}`;
    expect(r.out).toMatch(new RegExp(`Added {8}\\d+: ${next}`));
    expect(r.out).toMatch(/Verifier {5}no violations/);
    const v = await runCli(["verify", after, out]);
    expect(v.code).toBe(0);
  });

  it("rejects a bad events file with file:line:column, the JSON path and a hint, and writes nothing", async () => {
    const events = join(dir, "bad.json");
    writeFileSync(events, '{\n  "formatVersion": 1,\n  "now": "2024-06-10T00:00:00Z",\n  "events": [\n    { "kind": "cancelled", "movement": "S9999" }\n  ]\n}\n');
    const out = join(dir, "never.json");
    const r = await runCli(["replan", scenarioPath("niger-2024"), plan, events, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${events}:5:`);
    expect(r.err).toMatch(/\$\.events\[0\]\.movement {2}no movement "S9999" in the plan\n {4}hint: /);
    expect(r.err).toMatch(/nothing was written/);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a plan made for another scenario", async () => {
    const events = join(dir, "none.json");
    writeFileSync(events, JSON.stringify({ formatVersion: 1, now: "2025-03-04T00:00:00Z", events: [] }));
    const r = await runCli(["replan", scenarioPath("synthetic-small"), plan, events]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is a plan for "niger-2024"/);
  });
});
