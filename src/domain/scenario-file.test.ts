import { describe, expect, it } from "vitest";
import { scenarioText } from "#test/scenarios.ts";
import { parseScenarioText, parseScenarioValue } from "./scenario-file.ts";

const small = () => JSON.parse(scenarioText("synthetic-small")) as Record<string, unknown> & {
  cargo: Record<string, unknown>[];
  fleet: Record<string, unknown>[];
  personnel: Record<string, unknown>[];
  sites: Record<string, unknown>[];
};

describe("reading a scenario file", () => {
  it("reads the shipped synthetic scenario", () => {
    const r = parseScenarioText(scenarioText("synthetic-small"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.scenario.cargo).toHaveLength(7);
    expect(r.value.types.get("C-17A" as never)?.palletPositions).toBe(18);
    expect(r.value.start).toBe(r.value.scenario.agreement.withdrawalStart);
  });

  it("converts stated units on load: lb and in give the same scenario as kg and cm", () => {
    const a = small();
    const b = small();
    a.cargo[0] = { ...a.cargo[0], unitWeight: { value: 400, unit: "lb" }, dimensions: { length: { value: 48, unit: "in" }, width: { value: 40, unit: "in" }, height: { value: 36, unit: "in" } } };
    b.cargo[0] = { ...b.cargo[0], unitWeight: 181.436948, dimensions: { length: 121.92, width: 101.6, height: 91.44 } };
    const ra = parseScenarioValue(a);
    const rb = parseScenarioValue(b);
    expect(ra.ok && rb.ok).toBe(true);
    if (!ra.ok || !rb.ok) return;
    const ca = ra.value.scenario.cargo[0];
    const cb = rb.value.scenario.cargo[0];
    expect(ca?.unitWeight).toBeCloseTo(cb?.unitWeight ?? 0, 6);
    expect(ca?.dimensions.length).toBeCloseTo(cb?.dimensions.length ?? 0, 9);
  });

  it("round-trips: a parsed scenario written back in SI reads the same", () => {
    const r = parseScenarioText(scenarioText("synthetic-small"));
    if (!r.ok) throw new Error("fixture invalid");
    const again = parseScenarioValue(JSON.parse(scenarioText("synthetic-small")));
    expect(again.ok && again.value.scenario).toEqual(r.value.scenario);
  });

  it("reports every problem at once, each with its JSON path, line:column and a hint", () => {
    const text = scenarioText("synthetic-small")
      .replace('"unitWeight": 1800', '"unitWeight": "heavy"')
      .replace('"kind": "rolling_stock"', '"kind": "tank"')
      .replace('"count": 2, "base"', '"count": 2, "colour": "grey", "base"');
    const r = parseScenarioText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(["$.cargo[1].unitWeight", "$.cargo[2].kind", "$.fleet[0]"]);
    const lines = text.split("\n");
    for (const issue of r.issues) {
      expect(issue.hint.length).toBeGreaterThan(10);
      expect(issue.line).toBeGreaterThan(1);
      // The position points into the line that holds the offending key.
      const line = lines[issue.line - 1] ?? "";
      expect(line.slice(issue.column - 1).length).toBeGreaterThan(0);
    }
    expect(lines[(r.issues[1]?.line ?? 0) - 1]).toContain('"tank"');
    expect(r.issues[0]?.hint).toContain("number");
    expect(r.issues[1]?.hint).toContain("rolling_stock");
    expect(r.issues[2]?.message).toContain("colour");
  });

  it("reports JSON syntax errors with their position", () => {
    const r = parseScenarioText('{\n  "formatVersion": 1,\n  "id": "x"\n  "name": "missing comma"\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]?.line).toBe(4);
    expect(r.issues[0]?.message).toMatch(/syntax/);
  });

  it("checks references, duplicates and closing teams across the file", () => {
    const s = small();
    s.cargo[0] = { ...s.cargo[0], site: "NOWHERE" };
    s.cargo[1] = { ...s.cargo[1], id: s.cargo[0]?.id };
    s.fleet[0] = { ...s.fleet[0], type: "A400M" };
    const noClosing = s.personnel.filter((p) => p.id !== "main-closing");
    const r = parseScenarioValue({ ...s, personnel: noClosing });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.issues.map((i) => `${i.path} ${i.message}`).join("\n");
    expect(messages).toContain('$.cargo[0].site unknown site "NOWHERE"');
    expect(messages).toContain("$.cargo[1].id duplicate id");
    expect(messages).toMatch(/\$\.closingTeams\[0\]\.minimum .*closing team of 10/);
  });

  it("names unknown aircraft types with the ones it knows", () => {
    const s = small();
    s.fleet[0] = { ...s.fleet[0], type: "A400M" };
    const r = parseScenarioValue(s);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]?.path).toBe("$.fleet[0].type");
    expect(r.issues[0]?.hint).toContain("C-17A");
  });

  it("refuses a deadline before the start and a destination inside the host country", () => {
    const s = small();
    const agreement = { ...(s.agreement as object), deadline: "2025-03-01T00:00:00Z" };
    s.sites[2] = { ...s.sites[2], inHostCountry: true };
    const r = parseScenarioValue({ ...s, agreement });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => i.path);
    expect(paths).toContain("$.agreement.deadline");
    expect(paths).toContain("$.sites[2].inHostCountry");
  });
});
