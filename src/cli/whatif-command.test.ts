import { describe, expect, it } from "vitest";
import { runCli } from "#test/cli-harness.ts";
import { scenarioPath } from "#test/scenarios.ts";

const niger = scenarioPath("niger-2024");
const line = (out: string, label: string) => out.split("\n").find((l) => l.startsWith(label)) ?? "";

describe("drawdown whatif", () => {
  it("prints the key figures before and after, side by side, and exits 0 when the change still meets the deadline", async () => {
    const r = await runCli(["whatif", niger, "--fleet", "C-17A=+1"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/What if — .*\(niger-2024\): C-17A \+1/);
    expect(r.out).toMatch(/^\s+before\s+after\s+change$/m);
    for (const label of ["Closure", "Slack", "Meets deadline", "Sorties C-17A", "Flying hours", "Convoys", "Commercial seats", "Clearance requests", "Closure / bound", "Close-out NIAMEY"])
      expect(r.out).toMatch(new RegExp(`^${label.replace(/[/]/g, "\\/")}\\s`, "m"));
    expect(line(r.out, "Aircraft C-17A")).toMatch(/1\s+2\s+\+1$/);
    expect(line(r.out, "Closure ")).toMatch(/−\d+\.\d days$|\s$/);
  });

  it("--deny DZ: says Niger has no air route out, lists what is not planned, finds nothing to fix it, exits 3", async () => {
    const r = await runCli(["whatif", niger, "--deny", "dz"]);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/deny DZ: 2 of 3 air legs removed/);
    expect(r.out).toMatch(/NIAMEY has no military way out/);
    expect(r.out).toMatch(/NOT PLANNED after the change \(\d+\)/);
    expect(line(r.out, "Meets deadline")).toMatch(/yes\s+no\s+yes → no/);
    expect(r.out).toMatch(/no fleet, deadline or lead time can fix it/);
  });

  it("suggests fixes, found by re-planning, when the change misses the deadline", async () => {
    const r = await runCli(["whatif", niger, "--deadline", "2024-07-01"]);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/What would fix it/);
    expect(r.out).toMatch(/C-17A \+\d+ \(the fewest C-17A that meet the deadline\): closes/);
    expect(r.out).toMatch(/deadline 2024-07-\d\d \d\d:\d\dZ: \d+ h later/);
    const none = await runCli(["whatif", niger, "--deadline", "2024-07-01", "--no-fixes"]);
    expect(none.out).not.toMatch(/What would fix it/);
  });

  it("takes every kind of change together, with relative deadlines and periods", async () => {
    const r = await runCli([
      "whatif",
      niger,
      "--fleet",
      "C-130J-30=2",
      "--clearance-delay",
      "DRRN=72h",
      "--clearance-delay",
      "DZ=1d",
      "--deadline",
      "+48h",
      "--aircraft-out",
      "C17=1@2024-08-01..2024-08-10",
      "--lead-time",
      "NE:landing=2wd",
      "--json",
    ]);
    const j = JSON.parse(r.out);
    expect(j.variations.map((v: { description: string }) => v.description)).toEqual([
      "deadline 2024-09-17 22:59Z",
      "C-130J-30 +1",
      "1 of C17 out of service 2024-08-01 00:00Z to 2024-08-10 00:00Z",
      "NE landing lead time 2 working days",
      "clearance delay DRRN +72 h",
      "clearance delay DZ +24 h",
    ]);
    expect(j.after.deadline).toBe("2024-09-17T22:59:00Z");
    expect(j.rows.find((x: { key: string }) => x.key === "fleet.C-130J-30")).toMatchObject({ base: 1, variant: 2 });
    // Each English note comes with its code and values, in the same order.
    expect(j.noteCodes).toHaveLength(j.notes.length);
    expect(j.noteCodes).toContainEqual({ code: "whatif.note.deadline.days_later", params: { at: "2024-09-17 22:59Z", days: 2 } });
    const delay = j.notes.findIndex((n: string) => n.startsWith("clearance delay DZ +24 h"));
    expect(j.noteCodes[delay].code).toMatch(/^whatif\.note\.clearance_delay\./);
    expect(r.code).toBe(j.after.meetsDeadline && j.unplannedAfter.length === 0 ? 0 : 3);
  });

  it("rejects bad values with a clear message and exit 2, before planning", async () => {
    const cases: [string[], RegExp][] = [
      [["--fleet", "C-17A=+2x"], /bad count "\+2x" for C-17A/],
      [["--fleet", "C-17A"], /write it as TYPE=\+N/],
      [["--clearance-delay", "DRRN=72x"], /bad duration "72x"/],
      [["--deny", "Algeria"], /bad country "Algeria"/],
      [["--deadline", "15/09/2024"], /bad date "15\/09\/2024"/],
      [["--aircraft-out", "C17=one"], /bad count "one"/],
      [["--lead-time", "NE=2 weeks"], /bad lead time/],
      [["--fleet", "B-52H=+1"], /--fleet B-52H=\+1: unknown aircraft type "B-52H"\n\s+hint: the fleet flies C-17A, C-130J-30/],
      [["--aircraft-out", "C-17A=1"], /unknown fleet entry "C-17A"\n\s+hint: C-17A is an aircraft type; its fleet entries: C17/],
      [["--clearance-delay", "FR=72h"], /FR has no clearance rule/],
      [["--deadline", "2024-01-01"], /is not after the start/],
      [[], /nothing to compare/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(["whatif", niger, ...args]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err, args.join(" ")).toMatch(message);
      expect(r.out).toBe("");
    }
  });

  it("has help", async () => {
    const r = await runCli(["whatif", "--help"]);
    expect(r.out).toMatch(/Usage: drawdown whatif/);
    expect(r.out).toMatch(/--clearance-delay/);
  });
});
