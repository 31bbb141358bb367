import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatInstant, instant, parseInstant } from "#domain/time.ts";
import { generateScenario } from "#generate/generate.ts";
import { runCli } from "#test/cli-harness.ts";
import { scenarioPath } from "#test/scenarios.ts";

/** A small generated scenario with its deadline ten days after the start, written to a file. */
function tightScenario(): string {
  const s = generateScenario({ personnel: 200, items: 1000, sites: 4, seed: 1, aircraft: 10 });
  const start = parseInstant(String(s.agreement.withdrawalStart)) ?? instant(0);
  const deadline = instant(start + 10 * 1440);
  const scenario = { ...s, agreement: { ...s.agreement, deadline: formatInstant(deadline) } };
  const file = join(mkdtempSync(join(tmpdir(), "drawdown-minfleet-")), "tight.json");
  writeFileSync(file, JSON.stringify(scenario));
  return file;
}

describe("drawdown minfleet", () => {
  it("prints the smallest fleet by type and the evidence that one fewer cannot", async () => {
    const r = await runCli(["minfleet", tightScenario()]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Smallest fleet — /);
    expect(r.out).toMatch(/^\s+type\s+now\s+smallest$/m);
    expect(r.out).toMatch(/^\s+C-17A\s+\d+\s+\d+$/m);
    expect(r.out).toMatch(/With it: closure .* days to spare/);
    expect(r.out).toMatch(/One aircraft fewer:/);
    expect(r.out).toMatch(/cannot — proved \((fleet-cycle|first-arrival|lift)\)|NOT PROVED — the bounds allow/);
  });

  it("--json gives the fleet, the claims and the found plan's summary", async () => {
    const r = await runCli(["minfleet", tightScenario(), "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.found).toBe(true);
    expect(j.summary.meetsDeadline).toBe(true);
    expect(j.deadline).toMatch(/Z$/);
    for (const o of j.oneFewer) {
      expect(["proved", "not-proved"]).toContain(o.verdict);
      if (o.proof?.at !== undefined) expect(o.proof.at > j.deadline).toBe(true);
    }
  });

  it("on Niger: one C-17, no C-130, proved", async () => {
    const r = await runCli(["minfleet", scenarioPath("niger-2024")]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/C-17A\s+1\s+1/);
    expect(r.out).toMatch(/C-130J-30\s+1\s+0/);
    expect(r.out).toMatch(/C-17A 0\s+cannot — proved \(lift\)/);
  });

  it("rejects a bad limit", async () => {
    const r = await runCli(["minfleet", scenarioPath("niger-2024"), "--max-per-type", "0"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--max-per-type must be a whole number ≥ 1/);
  });
});
