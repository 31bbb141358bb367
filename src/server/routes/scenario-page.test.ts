/**
 * The Scenario page's routes through the whole app: the Niger scenario's facts with their sources
 * and assumptions, and the cargo import (preview, refusals, apply) on synthetic-small.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteTestEngine } from "#store/testing/engines.ts";
import { ROOT } from "#test/scenarios.ts";
import { type TestServer, type TestSession, testServer } from "../testing/harness.ts";

const engine = sqliteTestEngine();
const fixture = (name: string) => readFileSync(`${ROOT}test/fixtures/${name}`).toString("base64");

describe("GET /api/scenario/facts (Niger 2024)", () => {
  let s: TestServer;
  let member: TestSession;
  beforeAll(async () => {
    const { handle } = await engine.fresh({ migrate: false });
    s = await testServer(handle.db, { scenario: "niger-2024", now: "2024-05-20T08:00:00.000Z" });
    member = await s.login("ne-member");
  });

  it("gives every figure as written with its source or its assumption, and the counts of both", async () => {
    const r = await s.request(member, "GET", "/api/scenario/facts");
    expect(r.status).toBe(200);
    expect(r.headers.get("etag")).toBe(`"${r.body.version}"`);
    const f = r.body;
    const raw = JSON.parse(readFileSync(`${ROOT}scenarios/niger-2024.json`, "utf8"));
    expect(f.id).toBe("niger-2024");
    expect(f.agreement.deadline).toBe("2024-09-15T22:59:00Z");
    expect(f.agreement.terms).toEqual(raw.agreement.terms);
    // The C-17 count is an assumption with its rationale, as the file says.
    const c17 = f.fleet.find((x: { id: string }) => x.id === "C17");
    expect(c17.count).toMatchObject({ value: raw.fleet[0].count.value, assumption: true, rationale: raw.fleet[0].count.rationale });
    expect(c17.typeName).toBe("Boeing C-17A Globemaster III");
    // Niger's landing lead time: 3 working days, assumed.
    const landing = f.clearanceRules.find((x: { country: string; kind: string }) => x.country === "NE" && x.kind === "landing");
    expect(landing.leadTime).toMatchObject({ value: 3, unit: "working_days", assumption: true });
    // A figure with no provenance of its own takes its entry's (the road's distance is sourced).
    const road = f.roadRoutes[0];
    expect(road.distance).toMatchObject({ value: 905, unit: "km", assumption: false });
    expect(road.distance.source).toContain("Samna");
    expect(f.personnel.people).toBe(946);
    expect(f.personnel.groups.length).toBe(raw.personnel.length);
    expect(f.cargo.lines.length).toBe(raw.cargo.length);
    expect(f.cargo.total.pieces).toBe(s.deps.scenario.resolved.scenario.cargo.reduce((n, c) => n + c.quantity, 0));
    expect(f.cargo.total.kg).toBe(Math.round(s.deps.scenario.resolved.scenario.cargo.reduce((n, c) => n + c.quantity * c.unitWeight, 0)));
    expect(f.figures.assumed).toBeGreaterThan(10);
    expect(f.figures.sourced).toBeGreaterThan(0);
  });
});

describe("cargo import (synthetic-small)", () => {
  let s: TestServer;
  let planner: TestSession;
  let officer: TestSession;
  const facts = async () => (await s.request(planner, "GET", "/api/scenario/facts")).body;
  beforeAll(async () => {
    const { handle } = await engine.fresh({ migrate: false });
    s = await testServer(handle.db, { now: "2025-03-01T08:00:00.000Z" });
    planner = await s.login("dp-planner");
    officer = await s.login("hp-officer");
  });
  afterAll(() => engine.cleanup());

  it("previews a bad file: every row's problems with line, column and hint, and writes nothing", async () => {
    const before = await facts();
    const r = await s.request(planner, "POST", "/api/scenario/cargo-import/preview", { body: { fileName: "cargo-bad.csv", content: fixture("cargo-bad.csv") } });
    expect(r.status).toBe(200);
    const p = r.body;
    expect(p.ok).toBe(false);
    expect(p.format).toBe("csv");
    const weight = p.issues.find((i: { line: number; columnName: string }) => i.line === 3 && i.columnName === "weight");
    expect(weight).toMatchObject({ column: 5, where: 'line 3, column "weight"' });
    expect(weight.message).toContain("12O0");
    expect(weight.hint).toContain("1200");
    expect(p.issues.some((i: { line: number; message: string }) => i.line === 4 && i.message.includes("MIAN"))).toBe(true);
    // Each row carries its own problems; the good row none.
    expect(p.rows.map((x: { line: number }) => x.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(p.rows[0].issues).toEqual([]);
    expect(p.rows[1].cells[4]).toBe("12O0");
    expect(p.rows.slice(1).every((x: { issues: unknown[] }) => x.issues.length > 0)).toBe(true);
    expect(p.summary).toBeNull();
    expect(await facts()).toEqual(before);
  });

  it("refuses to apply a bad file (422, each problem named) and to anyone but the departing planners (403)", async () => {
    const before = await facts();
    const bad = await s.request(planner, "POST", "/api/scenario/cargo-import", { body: { fileName: "cargo-bad.csv", content: fixture("cargo-bad.csv") }, ifMatch: before.version });
    expect([bad.status, bad.body.code]).toEqual([422, "cargo_import.invalid"]);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('line 3, column "weight"');
    const host = await s.request(officer, "POST", "/api/scenario/cargo-import/preview", { body: { fileName: "cargo-good.csv", content: fixture("cargo-good.csv") } });
    expect(host.status).toBe(403);
    const noMatch = await s.request(planner, "POST", "/api/scenario/cargo-import", { body: { fileName: "cargo-good.csv", content: fixture("cargo-good.csv") } });
    expect(noMatch.status).toBe(428);
    const notCargo = await s.request(planner, "POST", "/api/scenario/cargo-import/preview", { body: { fileName: "cargo.pdf", content: fixture("cargo-good.csv") } });
    expect(notCargo.body.issues[0].hint).toContain(".csv or .xlsx");
    expect(await facts()).toEqual(before);
  });

  it("applies a good file: the scenario gains its lines, the ledger records it, and the planner plans them", async () => {
    const before = await facts();
    const planBefore = (await s.request(planner, "POST", "/api/plans/run", { body: {} })).body.summary;
    const preview = (await s.request(planner, "POST", "/api/scenario/cargo-import/preview", { body: { fileName: "cargo-good.csv", content: fixture("cargo-good.csv") } })).body;
    expect(preview.ok).toBe(true);
    expect(preview.summary.total).toMatchObject({ lines: 7, pieces: 43 });
    expect(preview.cargoLines).toEqual({ before: before.cargo.lines.length, removed: 0, after: before.cargo.lines.length + 7 });
    const ledgerBefore = (await s.request(planner, "GET", "/api/ledger/leaves")).body.size;

    const stale = await s.request(planner, "POST", "/api/scenario/cargo-import", { body: { fileName: "cargo-good.csv", content: fixture("cargo-good.csv") }, ifMatch: before.version - 1 });
    expect([stale.status, stale.body.code, stale.body.currentVersion]).toEqual([409, "conflict.version", before.version]);

    const r = await s.request(planner, "POST", "/api/scenario/cargo-import", { body: { fileName: "cargo-good.csv", content: fixture("cargo-good.csv") }, ifMatch: before.version });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ mode: "append", scenarioVersion: before.version + 1, cargoLines: preview.cargoLines });
    const after = await facts();
    expect(after.version).toBe(before.version + 1);
    expect(after.cargo.lines.map((l: { id: string }) => l.id)).toEqual([...before.cargo.lines.map((l: { id: string }) => l.id), "imp-tents", "imp-ammo", "imp-radios", "imp-water", "imp-jeeps", "imp-desks", "imp-diesel"]);
    const tents = after.cargo.lines.find((l: { id: string }) => l.id === "imp-tents");
    expect(tents.unitWeight).toMatchObject({ value: 180, unit: "lb" });

    const leaves = (await s.request(planner, "GET", `/api/ledger/leaves?from=${ledgerBefore}`)).body.items;
    const leaf = JSON.parse(leaves[0].data);
    expect(leaf).toMatchObject({ type: "cargo.imported", objectId: "scenario:synthetic-small", data: { mode: "append", lines: 7, pieces: 43, sha256: r.body.digest } });

    // The server now plans with the new cargo: all but the 10 desks handed over leave the country.
    const plan = await s.request(planner, "POST", "/api/plans/run", { body: {} });
    expect(plan.body.summary.cargoPieces).toBe(planBefore.cargoPieces + 33);
    // The same file again: its ids are taken now.
    const again = (await s.request(planner, "POST", "/api/scenario/cargo-import/preview", { body: { fileName: "cargo-good.csv", content: fixture("cargo-good.csv") } })).body;
    expect(again.ok).toBe(false);
    expect(again.issues[0].message).toContain("already");
  });

  it("reads an XLSX workbook, naming cells as Excel does", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Cargo");
    ws.addRow(["id", "description", "site", "quantity", "weight (kg)", "length (cm)", "width (cm)", "height (cm)", "kind"]);
    ws.addRow(["x-1", "Boxes", "MAIN", 3, 40, 60, 40, 40, "box"]);
    ws.addRow(["x-2", "Boxes", "MAIN", 3, "40 kg", 60, 40, 40, "box"]);
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
    const p = (await s.request(planner, "POST", "/api/scenario/cargo-import/preview", { body: { fileName: "list.xlsx", content } })).body;
    expect(p).toMatchObject({ ok: false, format: "xlsx", sheet: "Cargo" });
    expect(p.issues).toHaveLength(1);
    expect(p.issues[0]).toMatchObject({ line: 3, cell: "E3", columnName: "weight (kg)" });
  });
});
