import { copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { parseScenarioText } from "#domain/scenario-file.ts";
import { planWithdrawal } from "#planner/plan-withdrawal.ts";
import { runCli } from "#test/cli-harness.ts";
import { ROOT, scenarioPath } from "#test/scenarios.ts";
import { csvTable, decodeCsv, detectDelimiter } from "./import-command-read.ts";

const fixture = (name: string) => `${ROOT}test/fixtures/${name}`;

/** A temporary copy of synthetic-small to import into. */
function scenarioCopy(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "drawdown-import-"));
  const file = join(dir, "scenario.json");
  copyFileSync(scenarioPath("synthetic-small"), file);
  return { dir, file };
}

function load(file: string) {
  const r = parseScenarioText(readFileSync(file, "utf8"));
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
  return r.value;
}

/** Cargo ids the plan moves: on pallets, or loose on a sortie or convoy. */
function movedIds(plan: Plan): Set<string> {
  const ids = new Set<string>();
  for (const p of plan.pallets) for (const i of p.items) ids.add(i.cargo);
  for (const s of plan.sorties) for (const l of s.legs) for (const i of l.load?.items ?? []) ids.add(i.cargo);
  for (const c of plan.convoys) for (const i of c.load.items) ids.add(i.cargo);
  return ids;
}

/** Imports into a copy, then checks that it validates and that the planner still plans everything. */
async function importAndPlan(source: string, extra: string[] = []) {
  const { file } = scenarioCopy();
  const original = load(file);
  const baseline = planWithdrawal(original);
  const before = new Set<string>(original.scenario.cargo.map((c) => c.id));
  const r = await runCli(["import", source, "--into", file, ...extra]);
  expect(r.code, r.err).toBe(0);
  expect((await runCli(["validate", file])).code).toBe(0);
  const rs = load(file);
  const plan = planWithdrawal(rs);
  expect(plan.unplanned).toEqual([]);
  const imported = rs.scenario.cargo.filter((c) => !before.has(c.id));
  expect(imported.length).toBeGreaterThan(0);
  const withdrawn = imported.filter((c) => c.disposition === "withdraw");
  expect(plan.summary.cargoPieces).toBe(baseline.summary.cargoPieces + withdrawn.reduce((n, c) => n + c.quantity, 0));
  const moved = movedIds(plan);
  for (const c of withdrawn) expect(moved.has(c.id), `${c.id} is moved`).toBe(true);
  return { r, rs, file };
}

const XLSX_ROWS = [
  ["x-gen", "Generator 60 kW", "MAIN", 2, 1800, 250, 110, 150, "outsize", "", "", "no", 2],
  ["x-med", "Medical stores", "OUTPOST", 15, 40, 60, 40, 40, "box", "", "", "no", 3],
  ["x-ammo", "Ammunition", "MAIN", 4, 900, 120, 100, 80, "box", "1.4S", "UN0012", "yes", 1],
];

async function writeWorkbook(file: string, rows: (string | number)[][] = XLSX_ROWS): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Notes").addRow(["Equipment list of 1 Log Bn (invented)"]);
  const ws = wb.addWorksheet("Cargo");
  ws.addRow(["Equipment list, 1 Log Bn"]); // a title above the header
  ws.addRow(["ID", "Description", "Site", "Qty", "Weight (kg)", "Length (cm)", "Width (cm)", "Height (cm)", "Kind", "Hazard class", "UN number", "Sensitive", "Priority"]);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

describe("drawdown import: CSV", () => {
  it("imports the good CSV fixture: the scenario validates and the planner plans every new line", async () => {
    const { r, rs } = await importAndPlan(fixture("cargo-good.csv"));
    expect(r.out).toMatch(/cargo-good\.csv: 7 lines, 43 pieces, 12,928 kg; appending to the 7 cargo lines of .*: 14 in all\nwritten to /);
    const tents = rs.scenario.cargo.find((c) => c.id === "imp-tents");
    expect(tents?.unitWeight).toBeCloseTo(180 * 0.45359237);
    expect(tents?.source).toBe("1 Log Bn equipment list (invented)");
    expect(rs.scenario.cargo.find((c) => c.id === "imp-ammo")?.hazard).toEqual({ class: 1, division: "1.4S", unNumber: "UN0012" });
    expect(rs.scenario.cargo.find((c) => c.id === "imp-radios")?.sensitive).toBe(true);
  });

  it("keeps the scenario's other content byte for byte", async () => {
    const { file } = scenarioCopy();
    const before = readFileSync(file, "utf8");
    await runCli(["import", fixture("cargo-good.csv"), "--into", file]);
    const after = readFileSync(file, "utf8");
    const cut = (t: string) => [t.slice(0, t.indexOf('"cargo": [')), t.slice(t.indexOf('\n  ],\n  "fleet"'))];
    expect(cut(after)).toEqual(cut(before));
    expect(after.split("\n").filter((l) => l.startsWith('    { "id": "imp-'))).toHaveLength(7);
  });

  it("reports every bad cell with its line and column, exits 2 and leaves the file's bytes unchanged", async () => {
    const { file } = scenarioCopy();
    const before = readFileSync(file);
    const r = await runCli(["import", fixture("cargo-bad.csv"), "--into", file]);
    expect(r.code).toBe(2);
    const expected = [
      'line 3, column "id": "bad 2" is not a valid id',
      'line 3, column "weight": "12O0" is not a number; write digits only, e.g. 1200',
      'line 4, column "site": unknown site "MIAN"',
      'line 4, column "quantity": "1.5" is not a whole number',
      'line 4, column "weight_unit": "stone" is not a weight unit',
      'line 4, column "kind": "vehicle" is not a kind of cargo',
      'line 4, column "sensitive": "maybe" is not yes or no',
      'line 4, column "priority": 7 is too large',
      'line 4, column "disposition": "sell" is not a disposition',
      'line 5, column "description": no description',
      'line 5, column "height": no height',
      'line 5, column "un_number": "UN12" is not a UN number',
      'line 6, column "id": id "ok-1" is already used on line 2',
      'line 7, column "id": id "gens" is already a cargo line in the scenario (site MAIN)',
    ];
    for (const e of expected) expect(r.err).toContain(`cargo-bad.csv: ${e}`);
    expect(r.err.split("\n").filter((l) => /cargo-bad\.csv: line \d+, column/.test(l))).toHaveLength(expected.length);
    expect(r.err).toMatch(/14 problems in .*cargo-bad\.csv; nothing was written\./);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("--dry-run previews counts per site and kind, total weight and the first rows, and writes nothing", async () => {
    const { file } = scenarioCopy();
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    const r = await runCli(["import", fixture("cargo-good.csv"), "--into", file, "--dry-run"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/7 lines, 43 pieces, 12,928 kg/);
    expect(r.out).toMatch(/By site\n\s+site\s+lines\s+pieces\s+weight\n\s+MAIN\s+5\s+32\s+10,228 kg\n\s+OUTPOST\s+2\s+11\s+2,700 kg/);
    expect(r.out).toMatch(/By kind\n.*\n\s+box\s+5\s+40\s+5,720 kg/);
    expect(r.out).toMatch(/First 7 of 7 lines\n\s+line\s+id\s+description/);
    expect(r.out).toMatch(/\n\s+3\s+imp-ammo\s+Small-arms ammunition\s+MAIN\s+6\s+450 kg\s+120×100×80 cm\s+box\s+1\.4S UN0012/);
    expect(r.out).toMatch(/dry run: nothing was written/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it("refuses an id already in the scenario by default, and --replace replaces the cargo of the file's sites", async () => {
    const { dir, file } = scenarioCopy();
    const csv = join(dir, "outpost.csv");
    writeFileSync(csv, "id,description,site,quantity,weight (kg),length (cm),width (cm),height (cm),kind\noutpost-boxes,Outpost stores (recounted),OUTPOST,25,140,100,80,60,box\nx-gen,Outpost generator,OUTPOST,1,900,200,100,120,outsize\n");
    const before = readFileSync(file);
    const refused = await runCli(["import", csv, "--into", file]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('line 2, column "id": id "outpost-boxes" is already a cargo line in the scenario (site OUTPOST); choose another id, or run with --replace');
    expect(refused.err).toMatch(/1 id already in .*: choose other ids, or use --replace/);
    expect(readFileSync(file).equals(before)).toBe(true);

    const replaced = await runCli(["import", csv, "--into", file, "--replace"]);
    expect(replaced.code, replaced.err).toBe(0);
    expect(replaced.out).toMatch(/replacing 1 cargo line of OUTPOST; .* then holds 8 cargo lines/);
    const cargo = load(file).scenario.cargo;
    expect(cargo.filter((c) => c.site === "OUTPOST").map((c) => [c.id, c.quantity])).toEqual([
      ["outpost-boxes", 25],
      ["x-gen", 1],
    ]);
    expect(cargo.filter((c) => c.site === "MAIN")).toHaveLength(6);
  });

  it("reads a UTF-8 BOM, ; delimiters, CRLF line ends and decimal commas", async () => {
    expect(readFileSync(fixture("cargo-semicolon-bom.csv")).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const { r, rs } = await importAndPlan(fixture("cargo-semicolon-bom.csv"));
    expect(r.err).toMatch(/delimited by semicolons/);
    expect(rs.scenario.cargo.find((c) => c.id === "sc-1")).toMatchObject({ description: "Spare tyres", unitWeight: 62.5, quantity: 4 });
    expect(rs.scenario.cargo.find((c) => c.id === "sc-2")?.site).toBe("OUTPOST");
  });

  it("reports a bad cell of a ; file with the line it is on", async () => {
    const { dir, file } = scenarioCopy();
    const csv = join(dir, "bad.csv");
    writeFileSync(csv, "\uFEFFid;description;site;quantity;weight (kg);length (cm);width (cm);height (cm);kind\r\n\r\na;\"Two-line\r\ndescription\";MAIN;1;1;1;1;1;box\r\nb;B;MAIN;1;1.200;1;1;1;box\r\n");
    const r = await runCli(["import", csv, "--into", file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('line 5, column "weight (kg)": "1.200" is ambiguous');
  });

  it("reads a file that is not UTF-8 as Windows-1252 and says so", async () => {
    const { dir, file } = scenarioCopy();
    const csv = join(dir, "latin.csv");
    const text = "id,description,site,quantity,weight (kg),length (cm),width (cm),height (cm),kind\nx-cafe,Caf\u00e9 equipment,MAIN,1,50,60,60,60,box\n";
    writeFileSync(csv, Buffer.from(text, "latin1"));
    const r = await runCli(["import", csv, "--into", file]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/read as Windows-1252/);
    expect(load(file).scenario.cargo.find((c) => c.id === "x-cafe")?.description).toBe("Caf\u00e9 equipment");
  });

  it("explains usage errors: both modes, --sheet on a CSV, an unknown file type, a missing file", async () => {
    const { file } = scenarioCopy();
    for (const [args, message] of [
      [[fixture("cargo-good.csv"), "--into", file, "--append", "--replace"], /cannot be used with/],
      [[fixture("cargo-good.csv"), "--into", file, "--sheet", "Cargo"], /--sheet is for \.xlsx workbooks/],
      [["cargo.ods", "--into", file], /use a \.csv or \.xlsx file/],
      [["cargo.xls", "--into", file], /save it as \.xlsx/],
      [["no/such.csv", "--into", file], /cannot read no\/such\.csv: no such file/],
      [[fixture("cargo-good.csv")], /give the scenario to import the cargo into: --into <scenario.json>/],
    ] as const) {
      const r = await runCli(["import", ...args]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err).toMatch(message);
    }
  });

  it("refuses to import into a scenario that does not validate", async () => {
    const { file } = scenarioCopy();
    writeFileSync(file, readFileSync(file, "utf8").replace('"icao": "XHMA"', '"icao": "xx"'));
    const r = await runCli(["import", fixture("cargo-good.csv"), "--into", file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/does not validate \(1 problem\); fix it first/);
  });
});

describe("drawdown import: XLSX", () => {
  it("imports a workbook's named sheet, a title above the header: validates and plans", async () => {
    const { dir } = scenarioCopy();
    const xlsx = join(dir, "cargo.xlsx");
    await writeWorkbook(xlsx);
    const { r, rs } = await importAndPlan(xlsx, ["--sheet", "cargo"]);
    expect(r.out).toMatch(/3 lines, 21 pieces, 7,800 kg/);
    expect(r.err).toMatch(/the header is row 2; the rows above it are not read/);
    expect(rs.scenario.cargo.find((c) => c.id === "x-ammo")).toMatchObject({ hazard: { class: 1, division: "1.4S", unNumber: "UN0012" }, sensitive: true, priority: 1 });
  });

  it("names bad cells by sheet and cell reference and writes nothing", async () => {
    const { dir, file } = scenarioCopy();
    const xlsx = join(dir, "bad.xlsx");
    await writeWorkbook(xlsx, [
      ["x-ok", "Fine", "MAIN", 1, 10, 10, 10, 10, "box", "", "", "no", 3],
      ["x-bad", "Bad", "MAIN", 1, "12O0", 10, 10, 10, "box", "", "", "perhaps", 3],
    ]);
    const before = readFileSync(file);
    const r = await runCli(["import", xlsx, "--into", file, "--sheet", "Cargo"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bad.xlsx: sheet "Cargo", cell E4, column "Weight (kg)": "12O0" is not a number; write digits only, e.g. 1200');
    expect(r.err).toContain('bad.xlsx: sheet "Cargo", cell L4, column "Sensitive": "perhaps" is not yes or no');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("reads the first sheet by default and names the sheets when --sheet is wrong", async () => {
    const { dir, file } = scenarioCopy();
    const xlsx = join(dir, "cargo.xlsx");
    await writeWorkbook(xlsx);
    const first = await runCli(["import", xlsx, "--into", file, "--dry-run"]);
    expect(first.code).toBe(2); // the first sheet, "Notes", is not a cargo list
    expect(first.err).toMatch(/sheet "Notes", cell A1, column "Equipment list of 1 Log Bn \(invented\)": unknown column/);
    const wrong = await runCli(["import", xlsx, "--into", file, "--sheet", "Kargo"]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/no sheet named "Kargo"; the workbook has "Notes", "Cargo"/);
  });

  it("explains a file that is not a workbook", async () => {
    const { dir, file } = scenarioCopy();
    const xlsx = join(dir, "fake.xlsx");
    writeFileSync(xlsx, "id,description\n");
    const r = await runCli(["import", xlsx, "--into", file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot import .*fake\.xlsx: not a readable \.xlsx workbook/);
  });
});

describe("CSV reading", () => {
  it("detects the delimiter from the header line, outside quotes", () => {
    expect(detectDelimiter("id,description,site")).toBe(",");
    expect(detectDelimiter("id;description;site")).toBe(";");
    expect(detectDelimiter('id;"weight, each";site')).toBe(";");
    expect(detectDelimiter("id\tdescription\tsite")).toBe("\t");
    expect(detectDelimiter("id")).toBe(",");
  });

  it("keeps the line each record starts on across quoted line breaks and blank lines", () => {
    const r = csvTable('id,description\n\na,"one\ntwo"\nb,x\n\n\nc,y');
    if (!r.ok) throw new Error("expected a table");
    expect(r.table.header.line).toBe(1);
    expect(r.table.rows.map((row) => [row.line, row.cells[0]])).toEqual([
      [3, "a"],
      [5, "b"],
      [8, "c"],
    ]);
  });

  it("finds the header under a title line", () => {
    const r = csvTable("Equipment list of 1 Log Bn\n\nid;description;site;quantity\na;A;MAIN;1\n");
    if (!r.ok) throw new Error("expected a table");
    expect(r.table.header).toEqual({ line: 3, cells: ["id", "description", "site", "quantity"] });
    expect(r.table.rows).toEqual([{ line: 4, cells: ["a", "A", "MAIN", "1"] }]);
    expect(r.notes).toContainEqual({ code: "import.note.header_line", params: { line: 3 }, text: "the header is line 3; the lines above it are not read" });
  });

  it("reports an unclosed quote as an issue, and decodes a BOM away", () => {
    const r = csvTable('id,description\na,"never closed\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.message).toMatch(/Quote Not Closed/);
    expect(decodeCsv(Buffer.from("\uFEFFid,x", "utf8")).text).toBe("id,x");
  });
});

describe("drawdown import --help", () => {
  it("lists the columns and exit codes", async () => {
    const r = await runCli(["import", "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage: drawdown import \[options\] <file>/);
    expect(r.out).toMatch(/--into <scenario>/);
    expect(r.out).toMatch(/hazard_class, hazard_division, un_number/);
    expect(r.out).toMatch(/Exit codes: 0 imported/);
  });
});
