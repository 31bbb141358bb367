import { describe, expect, it } from "vitest";
import {
  type CellValue,
  columnLetter,
  importCargoTable,
  matchHeader,
  parseBooleanCell,
  parseNumberCell,
  type SourceTable,
  summariseImport,
} from "./cargo-import.ts";

const HEADER = ["id", "description", "site", "quantity", "weight (kg)", "length (cm)", "width (cm)", "height (cm)", "kind"];
const GOOD: CellValue[] = ["g-1", "Generator", "MAIN", "2", "1800", "250", "110", "150", "outsize"];

/** A CSV-like table: the header on line 1, each row on the next line. */
const csv = (header: readonly CellValue[], ...rows: (readonly CellValue[])[]): SourceTable => ({
  format: "csv",
  header: { line: 1, cells: header },
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
});

const sites = [
  { id: "MAIN", inHostCountry: true },
  { id: "OUTPOST", inHostCountry: true },
  { id: "HOME", inHostCountry: false },
];

function issuesOf(table: SourceTable, context = {}) {
  const r = importCargoTable(table, context);
  if (r.ok) throw new Error("expected issues");
  return r.issues;
}

describe("matchHeader", () => {
  it("matches names and aliases case-insensitively, with spaces, - and . as _", () => {
    for (const [text, key] of [
      ["ID", "id"],
      ["Qty", "quantity"],
      ["Hazard Class", "hazard_class"],
      ["UN No.", "un_number"],
      ["un-number", "un_number"],
      ["Dimension Unit", "dimension_unit"],
      ["Type", "kind"],
    ] as const) {
      const m = matchHeader(text);
      expect(m.kind === "column" && m.spec.key, text).toBe(key);
    }
  });

  it("reads a unit from the header: weight (lb), Length [in], weight_kg", () => {
    const unit = (text: string) => {
      const m = matchHeader(text);
      return m.kind === "column" ? [m.spec.key, m.unit] : [m.kind];
    };
    expect(unit("weight (lb)")).toEqual(["weight", "lb"]);
    expect(unit("Weight (LBS)")).toEqual(["weight", "lb"]);
    expect(unit("Length [in]")).toEqual(["length", "in"]);
    expect(unit("weight_kg")).toEqual(["weight", "kg"]);
    expect(unit("height_ft")).toEqual(["height", "ft"]);
    expect(unit("weight (stone)")).toEqual(["bad_unit"]);
    expect(unit("kind (box)")).toEqual(["unit_not_allowed"]);
    expect(unit("# remarks")).toEqual(["ignored"]);
    expect(unit("")).toEqual(["ignored"]);
    expect(unit("wieght")).toEqual(["unknown"]);
  });
});

describe("cells", () => {
  it("parses numbers strictly and says how to fix them", () => {
    expect(parseNumberCell("1200", "1200")).toEqual({ ok: true, value: 1200 });
    expect(parseNumberCell(" 12.5 ", "1200")).toEqual({ ok: true, value: 12.5 });
    expect(parseNumberCell(7, "1200")).toEqual({ ok: true, value: 7 });
    expect(parseNumberCell("12O0", "1200")).toEqual({
      ok: false,
      code: "cargo.number.not_number",
      params: { value: '"12O0"', example: "1200" },
      message: '"12O0" is not a number',
      hint: "write digits only, e.g. 1200",
    });
    expect(parseNumberCell("1,200", "1200")).toMatchObject({ ok: false, message: '"1,200" has a thousands separator', hint: "write digits only, e.g. 1200" });
    expect(parseNumberCell("12,5", "1200")).toMatchObject({ ok: false, message: '"12,5" has a decimal comma' });
    expect(parseNumberCell("1200 kg", "1200")).toMatchObject({ ok: false, message: '"1200 kg" has a unit in the cell' });
  });

  it("accepts a decimal comma in a ;-delimited file, but refuses 1,200 and 1.200 there as ambiguous", () => {
    expect(parseNumberCell("62,5", "1200", true)).toEqual({ ok: true, value: 62.5 });
    expect(parseNumberCell("0,75", "1200", true)).toEqual({ ok: true, value: 0.75 });
    expect(parseNumberCell("1,200", "1200", true)).toMatchObject({ ok: false, hint: "write 1200 or 1.2" });
    expect(parseNumberCell("1.200", "1200", true)).toMatchObject({ ok: false, message: '"1.200" is ambiguous: a thousands separator or a decimal mark?' });
  });

  it("reads yes/no in the usual spellings", () => {
    for (const v of ["yes", "Y", "TRUE", "1", true, 1]) expect(parseBooleanCell(v)).toEqual({ ok: true, value: true });
    for (const v of ["no", "n", "False", "0", false, 0]) expect(parseBooleanCell(v)).toEqual({ ok: true, value: false });
    expect(parseBooleanCell("maybe").ok).toBe(false);
  });

  it("names columns as spreadsheets do", () => {
    expect([1, 3, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "C", "Z", "AA", "AZ", "AAA"]);
  });
});

describe("importCargoTable", () => {
  it("turns good rows into cargo lines in the file's units, and SI items", () => {
    const r = importCargoTable(
      csv(
        [...HEADER, "hazard_class", "un_number", "sensitive", "priority", "disposition", "source"],
        [...GOOD, "", "", "no", "2", "withdraw", "unit list"],
        ["fuel", "Fuel cans", "MAIN", "20", "25", "40", "20", "40", "Box", "3", "1203", "yes", "", "Handover", ""],
      ),
      { sites },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.lines.map((l) => l.line)).toEqual([2, 3]);
    expect(r.lines[0]?.input).toEqual({
      id: "g-1",
      description: "Generator",
      site: "MAIN",
      quantity: 2,
      unitWeight: { value: 1800, unit: "kg" },
      dimensions: { length: { value: 250, unit: "cm" }, width: { value: 110, unit: "cm" }, height: { value: 150, unit: "cm" } },
      kind: "outsize",
      sensitive: false,
      priority: 2,
      disposition: "withdraw",
      source: "unit list",
    });
    expect(r.lines[1]?.input).toMatchObject({ kind: "box", hazard: { class: 3, unNumber: "UN1203" }, sensitive: true, disposition: "handover" });
    expect(r.lines[1]?.input).not.toHaveProperty("priority");
    expect(r.lines[1]?.item.priority).toBe(3);
  });

  it("converts per-row units and header units alike", () => {
    const r = importCargoTable(
      csv(
        ["id", "description", "site", "quantity", "weight", "weight_unit", "length", "width", "height", "dimension_unit", "kind"],
        ["a", "A", "MAIN", "1", "100", "lb", "10", "10", "10", "in", "box"],
        ["b", "B", "MAIN", "1", "1.5", "t", "2", "1", "1", "m", "box"],
      ),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.lines[0]?.item.unitWeight).toBeCloseTo(45.359237);
    expect(r.lines[0]?.item.dimensions.length).toBeCloseTo(25.4);
    expect(r.lines[1]?.item.unitWeight).toBe(1500);
    expect(r.lines[1]?.item.dimensions.length).toBe(200);
  });

  it("reads hazard class, division and UN number in their forms", () => {
    const head = [...HEADER, "hazard_class", "hazard_division", "un_number"];
    const r = importCargoTable(
      csv(head, [...GOOD, "1.4s", "", "UN0012"], ["h2", "Gas", "MAIN", "1", "10", "10", "10", "10", "box", "", "2.1", ""], ["h3", "Ammo", "MAIN", "1", "10", "10", "10", "10", "box", "1", "1.4S", 12]),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.lines.map((l) => l.input.hazard)).toEqual([
      { class: 1, division: "1.4S", unNumber: "UN0012" },
      { class: 2, division: "2.1" },
      { class: 1, division: "1.4S", unNumber: "UN0012" },
    ]);
  });

  it("reports every bad cell with its line, column and a hint", () => {
    const issues = issuesOf(
      csv(
        [...HEADER, "hazard_class", "hazard_division", "un_number", "sensitive", "priority", "disposition"],
        [...GOOD, "", "", "", "no", "3", "withdraw"],
        ["bad 1", "", "MIAN", "0", "12O0", "-5", "110", "", "crate", "10", "", "UN12", "maybe", "6", "sell"],
        ["h", "x", "HOME", "2.5", "1", "1", "1", "1", "box", "3", "2.1", "", "", "", ""],
        ["u", "x", "MAIN", "1", "1", "1", "1", "1", "box", "", "", "UN1203", "", "", ""],
      ),
      { sites },
    );
    const at = (line: number, column: string) => issues.find((i) => i.line === line && i.where === `line ${line}, column "${column}"`);
    expect(at(3, "weight (kg)")).toMatchObject({ message: '"12O0" is not a number', hint: "write digits only, e.g. 1200", column: 5, path: "weight (kg)" });
    expect(at(3, "id")?.message).toBe('"bad 1" is not a valid id');
    expect(at(3, "id")?.hint).toMatch(/e\.g\. bad-1/);
    expect(at(3, "description")?.message).toBe("no description");
    expect(at(3, "site")).toMatchObject({ message: 'unknown site "MIAN"', hint: "use a site of the scenario: MAIN, OUTPOST" });
    expect(at(3, "quantity")?.message).toBe("0 is too small");
    expect(at(3, "length (cm)")?.message).toBe("-5 is not more than 0");
    expect(at(3, "height (cm)")?.message).toBe("no height");
    expect(at(3, "kind")?.hint).toMatch(/box, rolling_stock, container, outsize, pallet/);
    expect(at(3, "hazard_class")?.message).toBe('"10" is not a hazard class');
    expect(at(3, "un_number")?.message).toBe('"UN12" is not a UN number');
    expect(at(3, "sensitive")?.message).toBe('"maybe" is not yes or no');
    expect(at(3, "priority")?.message).toBe("6 is too large");
    expect(at(3, "disposition")?.message).toBe('"sell" is not a disposition');
    expect(at(4, "site")?.message).toBe('site "HOME" is not in the host country');
    expect(at(4, "quantity")?.message).toBe('"2.5" is not a whole number');
    expect(at(4, "hazard_division")?.message).toBe("division 2.1 does not belong to class 3");
    expect(at(5, "un_number")?.message).toBe("UN1203 has no hazard class");
    expect(issues).toHaveLength(17);
    // Sorted by position, so the report reads top to bottom.
    expect(issues.map((i) => i.line * 100 + i.column)).toEqual([...issues.map((i) => i.line * 100 + i.column)].sort((a, b) => a - b));
  });

  it("suggests the right case for a site id", () => {
    const issues = issuesOf(csv(HEADER, ["a", "A", "main", "1", "1", "1", "1", "1", "box"]), { sites });
    expect(issues[0]?.hint).toMatch(/did you mean MAIN\?/);
  });

  it("reports header problems: unknown, duplicate and missing columns, and a column without a unit", () => {
    const issues = issuesOf(csv(["id", "desc", "Site", "Site", "weight", "length (in)", "width (in)", "height", "kind", "wieght", "# remarks"], ["a", "A", "MAIN", "MAIN", "1", "1", "1", "1", "box", "", "note"]));
    const messages = issues.map((i) => `${i.where}: ${i.message}`);
    expect(messages).toContain('line 1, column "Site": a second site column (the first is column 3)');
    expect(messages).toContain('line 1, column "wieght": unknown column "wieght"');
    expect(messages).toContain("line 1 (header): no quantity column");
    expect(messages).toContain('line 1, column "weight": the weight column has no unit');
    expect(messages).toContain('line 1, column "height": the height column has no unit');
    expect(issues.find((i) => i.message === 'unknown column "wieght"')?.hint).toMatch(/# wieght/);
  });

  it("checks unit cells and their agreement with the header", () => {
    const head = ["id", "description", "site", "quantity", "weight (kg)", "weight_unit", "length", "width", "height", "dimension_unit", "kind"];
    const issues = issuesOf(csv(head, ["a", "A", "MAIN", "1", "1", "lb", "1", "1", "1", "", "box"], ["b", "B", "MAIN", "1", "1", "", "1", "1", "1", "yd", "box"]));
    expect(issues.map((i) => `${i.where}: ${i.message}`)).toEqual([
      'line 2, column "weight_unit": unit lb contradicts the header of column weight, which says kg',
      'line 2, column "dimension_unit": no dimension unit',
      'line 3, column "dimension_unit": "yd" is not a length unit',
    ]);
  });

  it("refuses duplicate ids in the file and ids already in the scenario (append), but not those it replaces", () => {
    const table = csv(HEADER, GOOD, [...GOOD], ["boxes", "B", "MAIN", "1", "1", "1", "1", "1", "box"]);
    const existing = [
      { id: "boxes", site: "MAIN" },
      { id: "g-1", site: "OUTPOST" },
    ];
    const append = issuesOf(table, { existing }).map((i) => `${i.where}: ${i.message}`);
    expect(append).toEqual([
      'line 2, column "id": id "g-1" is already a cargo line in the scenario (site OUTPOST)',
      'line 3, column "id": id "g-1" is already used on line 2',
      'line 4, column "id": id "boxes" is already a cargo line in the scenario (site MAIN)',
    ]);
    const replace = importCargoTable(csv(HEADER, GOOD, ["boxes", "B", "MAIN", "1", "1", "1", "1", "1", "box"]), { existing, mode: "replace" });
    expect(replace.ok ? [] : replace.issues.map((i) => i.message)).toEqual(['id "g-1" is a cargo line of site OUTPOST, which this file does not replace']);
  });

  it("reports a value beyond the header, ignores blank rows, and needs at least one row", () => {
    const issues = issuesOf(csv(HEADER, [...GOOD, "stray"], ["", " ", ""]));
    expect(issues.map((i) => `${i.where}: ${i.message}`)).toEqual(['line 2, column 10: "stray" is beyond the last column (the header has 9)']);
    expect(issuesOf(csv(HEADER, ["", ""]))[0]?.message).toBe("no cargo rows under the header");
  });

  it("names XLSX positions by sheet and cell", () => {
    const table: SourceTable = {
      format: "xlsx",
      sheet: "Cargo",
      header: { line: 3, cells: [null, ...HEADER] },
      rows: [{ line: 7, cells: [null, "g-1", "Generator", "MAIN", 2, "12O0", 250, 110, 150, "outsize"] }],
    };
    const [issue] = issuesOf(table);
    expect(issue).toMatchObject({ where: 'sheet "Cargo", cell F7, column "weight (kg)"', cell: "F7", line: 7, column: 6, message: '"12O0" is not a number' });
  });

  it("takes numbers and booleans from XLSX cells as they are", () => {
    const r = importCargoTable({
      format: "xlsx",
      sheet: "S",
      header: { line: 1, cells: [...HEADER, "sensitive"] },
      rows: [{ line: 2, cells: [1001, "Radio", "MAIN", 3, 12.5, 40, 30, 20, "box", true] }],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.lines[0]?.input).toMatchObject({ id: "1001", quantity: 3, unitWeight: { value: 12.5, unit: "kg" }, sensitive: true });
  });

  it("sums lines, pieces and kilograms per site and kind", () => {
    const r = importCargoTable(csv(HEADER, GOOD, ["b", "B", "OUTPOST", "10", "5", "1", "1", "1", "box"], ["c", "C", "MAIN", "1", "100", "1", "1", "1", "box"]));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const s = summariseImport(r.lines);
    expect(s.total).toEqual({ lines: 3, pieces: 13, kg: 3750 });
    expect(Object.fromEntries(s.bySite)).toEqual({ MAIN: { lines: 2, pieces: 3, kg: 3700 }, OUTPOST: { lines: 1, pieces: 10, kg: 50 } });
    expect([...s.byKind.keys()]).toEqual(["outsize", "box"]);
  });
});
