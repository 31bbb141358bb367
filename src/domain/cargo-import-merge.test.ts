import { describe, expect, it } from "vitest";
import { scenarioText } from "#test/scenarios.ts";
import type { CargoLineInput } from "./cargo-import.ts";
import { compactJson, mergeCargoText } from "./cargo-import-merge.ts";
import { parseScenarioText } from "./scenario-file.ts";

const line = (id: string, site: string): CargoLineInput => ({
  id,
  description: `Line ${id}`,
  site,
  quantity: 2,
  unitWeight: { value: 100, unit: "lb" },
  dimensions: { length: { value: 40, unit: "in" }, width: { value: 30, unit: "in" }, height: { value: 20, unit: "in" } },
  kind: "box",
});

/** The text before and after the cargo array. */
const outside = (text: string) => {
  const start = text.indexOf('"cargo": [');
  const end = text.indexOf("\n  ]", start) + 4;
  return [text.slice(0, start), text.slice(end)];
};

describe("mergeCargoText", () => {
  const original = scenarioText("synthetic-small");

  it("appends one object a line, as the file writes them, and leaves the rest of the file as it was", () => {
    const m = mergeCargoText(original, [line("n1", "MAIN"), line("n2", "OUTPOST")], "append");
    expect(m).toMatchObject({ removed: [], kept: 7, firstNew: 7 });
    expect(outside(m.text)).toEqual(outside(original));
    expect(m.text).toContain(
      '\n    { "id": "furniture", "description": "Office furniture", "site": "MAIN", "quantity": 30, "unitWeight": 40, "dimensions": { "length": 120, "width": 60, "height": 75 }, "kind": "box", "disposition": "handover" },\n    { "id": "n1", "description": "Line n1", "site": "MAIN", "quantity": 2, "unitWeight": { "value": 100, "unit": "lb" },',
    );
    const r = parseScenarioText(m.text);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.scenario.cargo.map((c) => c.id)).toEqual(["boxes", "gens", "trucks", "crypto", "fuel-cans", "outpost-boxes", "furniture", "n1", "n2"]);
  });

  it("replaces the lines of the sites in the import and keeps the others", () => {
    const m = mergeCargoText(original, [line("outpost-boxes", "OUTPOST")], "replace");
    expect(m.removed).toEqual([{ id: "outpost-boxes", site: "OUTPOST" }]);
    const r = parseScenarioText(m.text);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.scenario.cargo.filter((c) => c.site === "OUTPOST").map((c) => c.description)).toEqual(["Line outpost-boxes"]);
    expect(r.value.scenario.cargo).toHaveLength(7);
  });

  it("indents new lines like the existing ones when those span several lines", () => {
    const text = '{\n "id": "x",\n "cargo": [\n  {\n   "id": "a",\n   "site": "S"\n  }\n ],\n "z": 1\n}\n';
    const m = mergeCargoText(text, [line("b", "T")], "append");
    expect(m.text).toBe(
      `{\n "id": "x",\n "cargo": [\n  {\n   "id": "a",\n   "site": "S"\n  },\n  ${JSON.stringify(line("b", "T"), null, " ").replace(/\n/g, "\n  ")}\n ],\n "z": 1\n}\n`,
    );
  });

  it("fills an empty cargo array", () => {
    const m = mergeCargoText('{\n  "cargo": [],\n  "fleet": []\n}\n', [line("a", "S")], "append");
    expect(m.text).toBe(`{\n  "cargo": [\n    ${compactJson(line("a", "S"))}\n  ],\n  "fleet": []\n}\n`);
    expect(JSON.parse(m.text)).toEqual({ cargo: [line("a", "S")], fleet: [] });
  });
});

describe("compactJson", () => {
  it("writes one spaced line", () => {
    expect(compactJson({ a: 1, b: { c: "d" }, e: [1, 2], f: {} })).toBe('{ "a": 1, "b": { "c": "d" }, "e": [1, 2], "f": {} }');
  });
});
