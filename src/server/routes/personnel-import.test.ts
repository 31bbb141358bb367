/**
 * The personnel import through the whole app (synthetic-small): a roster with errors previewed row
 * by row and refused whole; a good one registered with entries, on both engines, with ledger leaves
 * that hold ids only and a ledger that verifies; the register refuses the same people twice; the
 * host and the departing party's other roles may not import; XLSX rosters with date cells.
 */
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEngines, sqliteTestEngine } from "#store/testing/engines.ts";
import { verifierKeysOf } from "../ledger-keys.ts";
import { auditDatabase } from "../ledger-reader.ts";
import { type TestServer, type TestSession, testServer } from "../testing/harness.ts";

const b64 = (text: string) => Buffer.from(text).toString("base64");
const HEADER = "name,nationality,document_number,unit,group,site,entry_time";
const GOOD = `${HEADER}\n"DOE, Jane",XD,XD-100,1 Log Bn,main-support,MAIN,2025-02-27 06:00\n"ROE, Rick",XD,XD-101,1 Log Bn,,OUTPOST,\n"POE, Ed",XH,XH-9,Liaison,,,\n`;
const BAD = `${HEADER}\n"DOE, Jane",XD,XD-100,1 Log Bn,main-support,MAIN,2025-02-27 06:00\n"ROE, Rick",Xanadu,,1 Log Bn,,MIAN,\n"POE, Ed",XD,xd 100,Liaison,,,2025-03-09 00:00\n`;

describeEngines("personnel import: registered whole, ledgered by id", (engine) => {
  it("registers every person and their entries in one go; the ledger holds no personal data and verifies", async () => {
    const { handle } = await engine.fresh({ migrate: false });
    const s = await testServer(handle.db);
    const planner = await s.login("dp-planner");
    const officer = await s.login("hp-officer");
    const leaves = async () => Number((await sql<{ n: number }>`select count(*) as n from ledger_leaves`.execute(handle.db)).rows[0]?.n);
    const before = await leaves();

    const refused = await s.request(planner, "POST", "/api/personnel/import", { body: { fileName: "roster.csv", content: b64(BAD) } });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe("personnel_import.invalid");
    expect(await leaves()).toBe(before);
    expect((await s.request(planner, "GET", "/api/persons")).body.items).toEqual([]);

    const r = await s.request(planner, "POST", "/api/personnel/import", { body: { fileName: "roster.csv", content: b64(GOOD) } });
    expect(r.status).toBe(201);
    expect(r.body.summary).toEqual({ persons: 3, entries: 2, bySite: [{ site: "MAIN", persons: 1 }, { site: "OUTPOST", persons: 1 }], byUnit: [{ unit: "1 Log Bn", persons: 2 }, { unit: "Liaison", persons: 1 }] });
    expect(r.body.registered).toBe(3);
    const ids = r.body.persons as string[];
    expect(ids).toHaveLength(3);
    // 3 registrations, 2 entries and the import itself.
    expect(await leaves()).toBe(before + 6);

    const persons = (await s.request(planner, "GET", "/api/persons")).body.items as { id: string; name: string; documentNumber?: string; group?: string; presence: { status: string; site?: string } }[];
    expect(persons.map((p) => [p.name, p.documentNumber, p.presence.status, p.presence.site ?? null])).toEqual([
      ["DOE, Jane", "XD-100", "in_country", "MAIN"],
      ["ROE, Rick", "XD-101", "in_country", "OUTPOST"],
      ["POE, Ed", "XH-9", "not_entered", null],
    ]);
    // The entry keeps the roster's time; an empty time is the time of the import.
    const jane = (await s.request(planner, "GET", `/api/persons/${ids[0]}`)).body;
    expect(jane.group).toBe("main-support");
    const events = (await handle.db.selectFrom("personnel_events").select(["person_id", "site", "at"]).orderBy("person_id").execute()).map((e) => [e.site, String(e.at).slice(0, 16)]);
    expect(events).toEqual([
      ["MAIN", "2025-02-27T06:00"],
      ["OUTPOST", "2025-03-01T08:00"],
    ]);
    // The host sees the people, never their document numbers.
    const seen = (await s.request(officer, "GET", "/api/persons")).body.items as { name: string; documentNumber?: string }[];
    expect(seen.map((p) => p.name)).toEqual(["DOE, Jane", "ROE, Rick", "POE, Ed"]);
    expect(seen.every((p) => p.documentNumber === undefined)).toBe(true);
    expect((await s.request(officer, "GET", "/api/personnel/headcount")).body.total).toBe(2);

    const ledger = JSON.stringify([await handle.db.selectFrom("ledger_leaves").selectAll().execute(), await handle.db.selectFrom("workflow_events").selectAll().execute()]);
    expect(ledger).not.toMatch(/DOE|ROE|POE|Jane|XD-100|XD-101|XH-9|1 Log Bn|Liaison|roster\.csv/);
    const imported = await handle.db.selectFrom("workflow_events").select(["type", "data"]).where("type", "=", "personnel.imported").executeTakeFirstOrThrow();
    expect(JSON.parse(imported.data)).toEqual({ persons: ids, entries: 2, bySite: { MAIN: 1, OUTPOST: 1 } });
    const report = await auditDatabase(handle.db, verifierKeysOf(s.deps.ledger.keys));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);

    // The same roster again: everyone is already registered, nothing is written.
    const again = await s.request(planner, "POST", "/api/personnel/import/preview", { body: { fileName: "roster.csv", content: b64(GOOD) } });
    expect(again.body.ok).toBe(false);
    expect(again.body.issues.map((i: { code: string; params: { person: string } }) => [i.code, i.params.person])).toEqual(ids.map((id) => ["personnel.document.registered", id]));
    expect(again.body.registered).toBe(3);
  });
});

describe("personnel import: preview and who may import (synthetic-small)", () => {
  const engine = sqliteTestEngine();
  let s: TestServer;
  let planner: TestSession;
  beforeAll(async () => {
    const { handle } = await engine.fresh({ migrate: false });
    s = await testServer(handle.db);
    planner = await s.login("dp-planner");
  });
  afterAll(() => engine.cleanup());

  it("previews a bad roster: every row's problems with line, column, code and hint; nothing written", async () => {
    const r = await s.request(planner, "POST", "/api/personnel/import/preview", { body: { fileName: "roster-bad.csv", content: b64(BAD) } });
    expect(r.status).toBe(200);
    const p = r.body;
    expect(p).toMatchObject({ ok: false, format: "csv", rowCount: 3, summary: null, registered: 0, header: { line: 1 } });
    expect(p.issues.map((i: { line: number; columnName: string; code: string }) => `${i.line} ${i.columnName} ${i.code}`)).toEqual([
      "3 nationality personnel.nationality.not_code",
      "3 document_number personnel.document.empty",
      "3 site personnel.site.unknown",
      "4 document_number personnel.document.repeated_line",
      "4 entry_time personnel.entry_time.future",
    ]);
    expect(p.issues[2]).toMatchObject({ column: 6, where: 'line 3, column "site"', message: 'unknown site "MIAN"', hint: "use a host-country site of the scenario: MAIN, OUTPOST", params: { value: "MIAN" } });
    expect(p.rows.map((x: { line: number; issues: unknown[] }) => [x.line, x.issues.length])).toEqual([
      [2, 0],
      [3, 3],
      [4, 2],
    ]);
    expect(p.rows[0].cells).toEqual(["DOE, Jane", "XD", "XD-100", "1 Log Bn", "main-support", "MAIN", "2025-02-27 06:00"]);
    expect((await s.request(planner, "GET", "/api/persons")).body.items).toEqual([]);
  });

  it("refuses a file that is not a spreadsheet, and a sheet for a CSV, with codes", async () => {
    const pdf = await s.request(planner, "POST", "/api/personnel/import/preview", { body: { fileName: "roster.pdf", content: b64(GOOD) } });
    expect(pdf.body.issues.map((i: { code: string; hint: string }) => [i.code, i.hint])).toEqual([["import.file.not_spreadsheet", "use a .csv or .xlsx file (see docs/personnel-import.md)"]]);
    const sheet = await s.request(planner, "POST", "/api/personnel/import/preview", { body: { fileName: "roster.csv", content: b64(GOOD), sheet: "Roster" } });
    expect(sheet.body.issues.map((i: { code: string }) => i.code)).toEqual(["import.file.sheet_for_csv"]);
  });

  it("lets only the departing party's planners preview or import: 403 for the host and for other roles", async () => {
    for (const user of ["hp-officer", "hp-planner", "hp-member", "dp-member", "dp-observer", "dp-admin"]) {
      const session = await s.login(user);
      const preview = await s.request(session, "POST", "/api/personnel/import/preview", { body: { fileName: "roster.csv", content: b64(GOOD) } });
      const apply = await s.request(session, "POST", "/api/personnel/import", { body: { fileName: "roster.csv", content: b64(GOOD) } });
      expect([user, preview.status, apply.status]).toEqual([user, 403, 403]);
      expect(JSON.stringify(preview.body)).not.toContain("XD-100");
    }
    expect((await s.request(planner, "GET", "/api/persons")).body.items).toEqual([]);
  });

  it("reads an XLSX roster under a title row, its date cells as UTC times", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Roster");
    ws.addRow(["Roster of 1 Log Bn"]);
    ws.addRow(["Name", "Nationality", "Passport No.", "Unit", "Site", "Entry time"]);
    ws.addRow(["SMITH, Ann", "XD", "XD-200", "1 Log Bn", "MAIN", new Date("2025-02-28T14:30:00Z")]);
    ws.addRow(["JONES, Bo", "XD", "XD-201", "1 Log Bn", "OUTPOST", new Date("2025-02-28T00:00:00Z")]);
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
    const p = (await s.request(planner, "POST", "/api/personnel/import/preview", { body: { fileName: "roster.xlsx", content } })).body;
    expect(p).toMatchObject({ ok: true, format: "xlsx", sheet: "Roster", header: { line: 2 } });
    expect(p.notes.map((n: { code: string; text: string }) => [n.code, n.text])).toEqual([["import.note.header_row", "the header is row 2; the rows above it are not read"]]);
    expect(p.rows.map((r: { cells: string[] }) => r.cells[5])).toEqual(["2025-02-28T14:30Z", "2025-02-28"]);
    const done = await s.request(planner, "POST", "/api/personnel/import", { body: { fileName: "roster.xlsx", content } });
    expect(done.status).toBe(201);
    const where = await s.request(planner, "GET", "/api/personnel/headcount?at=2025-02-28T12:00:00Z");
    expect(where.body).toMatchObject({ total: 1, bySite: { OUTPOST: 1 } });
  });
});
