import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planSchema } from "#domain/plan.ts";
import { runCli } from "#test/cli-harness.ts";
import { scenarioPath, scenarioText } from "#test/scenarios.ts";

const tmp = () => mkdtempSync(join(tmpdir(), "drawdown-cli-"));

describe("drawdown CLI", () => {
  it("prints help for every command", async () => {
    for (const cmd of [[], ["--help"], ["plan", "--help"], ["validate", "--help"], ["schema", "--help"]]) {
      const r = await runCli(cmd);
      expect(r.out + r.err).toMatch(/Usage: drawdown/);
    }
    expect((await runCli(["--help"])).code).toBe(0);
  });

  it("validate accepts a good scenario and exits 0", async () => {
    const r = await runCli(["validate", scenarioPath("synthetic-small")]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/valid — 3 sites, 151 personnel/);
  });

  it("validate lists every problem with file:line:column and a hint, exits 2 and writes nothing", async () => {
    const dir = tmp();
    const file = join(dir, "bad.json");
    writeFileSync(file, scenarioText("synthetic-small").replace('"unitWeight": 1800', '"unitWeight": -5').replace('"icao": "XHMA"', '"icao": "xx"'));
    const r = await runCli(["validate", file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+  \\$\\.sites\\[0\\]\\.icao`));
    expect(r.err).toMatch(/\$\.cargo\[1\]\.unitWeight/);
    expect(r.err).toMatch(/hint: /);
    expect(r.err).toMatch(/2 problems in .*nothing was written/);
  });

  it("explains a missing file instead of a stack trace", async () => {
    const r = await runCli(["plan", "no/such/scenario.json"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot read no\/such\/scenario.json: no such file/);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it("plan prints the summary a planner needs", async () => {
    const r = await runCli(["plan", scenarioPath("synthetic-small")]);
    expect(r.code).toBe(0);
    for (const heading of ["Closure", "Deadline", "Lower bound  no plan can finish before", "Site close-out", "Sorties", "Convoys", "Commercial seats", "Clearance requests"])
      expect(r.out).toContain(heading);
  });

  it("plan --json prints a plan that matches its schema and --out writes the same", async () => {
    const dir = tmp();
    const out = join(dir, "plan.json");
    const r = await runCli(["plan", scenarioPath("synthetic-small"), "--json", "--out", out]);
    expect(r.code).toBe(0);
    const printed = planSchema.parse(JSON.parse(r.out));
    const written = planSchema.parse(JSON.parse(readFileSync(out, "utf8")));
    expect(written).toEqual(printed);
    for (const key of ["start", "deadline", "closureAt", "lowerBoundAt", "closureRatio", "slackHours", "sorties", "convoys", "commercialSeats", "meetsDeadline"])
      expect(printed.summary).toHaveProperty(key);
  });

  it("rejects a bad option value with a usage error", async () => {
    const r = await runCli(["plan", scenarioPath("synthetic-small"), "--seed", "abc"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--seed must be a whole number/);
  });

  it("schema --check passes on the committed schemas", async () => {
    const r = await runCli(["schema", "--check"]);
    expect(r.code).toBe(0);
  });
});

describe("drawdown verify", () => {
  it("accepts the plan the planner wrote, and rejects a tampered one with the movement named", async () => {
    const dir = tmp();
    const out = join(dir, "plan.json");
    await runCli(["plan", scenarioPath("synthetic-small"), "--out", out]);
    const ok = await runCli(["verify", scenarioPath("synthetic-small"), out]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/no violations/);

    const plan = JSON.parse(readFileSync(out, "utf8")) as { sorties: { id: string; legs: { arriveAt: string; departAt: string }[] }[] };
    const sortie = plan.sorties[0];
    const leg = sortie?.legs[0];
    if (!sortie || !leg) throw new Error("plan has no sortie");
    leg.arriveAt = leg.departAt; // a flight of no time at all
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify(plan));
    const r = await runCli(["verify", scenarioPath("synthetic-small"), bad]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`leg\\.block_time\\s+${sortie.id}`));
    expect(r.out).toMatch(/\d+ violations?: /);
  });

  it("explains a plan file that is not JSON", async () => {
    const dir = tmp();
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ not json");
    const r = await runCli(["verify", scenarioPath("synthetic-small"), bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is not JSON/);
  });
});

describe("drawdown generate", () => {
  it("writes a valid scenario, the same for the same seed", async () => {
    const dir = tmp();
    const a = join(dir, "a.json");
    const b = join(dir, "b.json");
    expect((await runCli(["generate", "--personnel", "50", "--items", "80", "--sites", "3", "--seed", "9", "--out", a])).code).toBe(0);
    await runCli(["generate", "--personnel", "50", "--items", "80", "--sites", "3", "--seed", "9", "--out", b]);
    expect(readFileSync(a, "utf8")).toBe(readFileSync(b, "utf8"));
    expect((await runCli(["validate", a])).code).toBe(0);
  });

  it("asks for a size when none is given and names the presets", async () => {
    const r = await runCli(["generate"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--preset small\|medium/);
  });
});
