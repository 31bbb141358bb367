import { describe, expect, it } from "vitest";
import type { CellValue, SourceTable } from "./import-table.ts";
import { documentKey, importPersonnelTable, type PersonnelImportContext, parseEntryTime, summarisePersonnelImport } from "./personnel-import.ts";
import { parseInstant } from "./time.ts";

/** A CSV-like table: the header on line 1, the rows from line 2. */
function table(header: string, ...rows: CellValue[][]): SourceTable {
  return { format: "csv", header: { line: 1, cells: header.split(",") }, rows: rows.map((cells, i) => ({ line: i + 2, cells })) };
}

const NOW = parseInstant("2024-05-20T08:00Z") ?? 0;
const CONTEXT: PersonnelImportContext = {
  sites: [
    { id: "MAIN", inHostCountry: true },
    { id: "OUTPOST", inHostCountry: true },
    { id: "HOME", inHostCountry: false },
  ],
  groups: [{ id: "main-support" }, { id: "outpost-team" }],
  registered: new Map([[documentKey("US", "A1234567"), "P-7"]]),
  now: NOW as never,
};
const HEADER = "name,nationality,document_number,unit,group,site,entry_time";

describe("importPersonnelTable", () => {
  it("turns good rows into persons with their group and entry", () => {
    const r = importPersonnelTable(
      table(
        HEADER,
        ["DOE, Jane", "US", "X1234567", "724 EABS", "main-support", "MAIN", "2024-05-19 06:30"],
        ["ROE, Richard", "usa", " Y7654321 ", "724 EABS", "", "OUTPOST", ""],
        ["POE, Edgar", "XD", "Z1", "Det 1", "", "", ""],
      ),
      CONTEXT,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.persons).toEqual([
      {
        line: 2,
        personal: { name: "DOE, Jane", nationality: "US", documentNumber: "X1234567", unit: "724 EABS" },
        group: "main-support",
        entry: { site: "MAIN", at: parseInstant("2024-05-19T06:30Z") },
      },
      { line: 3, personal: { name: "ROE, Richard", nationality: "USA", documentNumber: "Y7654321", unit: "724 EABS" }, entry: { site: "OUTPOST" } },
      { line: 4, personal: { name: "POE, Edgar", nationality: "XD", documentNumber: "Z1", unit: "Det 1" } },
    ]);
    const s = summarisePersonnelImport(r.persons);
    expect(s.persons).toBe(3);
    expect(s.entries).toBe(2);
    expect(Object.fromEntries(s.bySite)).toEqual({ MAIN: 1, OUTPOST: 1 });
    expect(Object.fromEntries(s.byUnit)).toEqual({ "724 EABS": 2, "Det 1": 1 });
  });

  it("takes aliases for headers, and only the four personal columns are required", () => {
    const r = importPersonnelTable(table("Full Name,Citizenship,Passport No.,Organisation", ["A B", "NE", "N1", "FAN"]), CONTEXT);
    expect(r.ok && r.persons[0]?.personal).toEqual({ name: "A B", nationality: "NE", documentNumber: "N1", unit: "FAN" });
  });

  it("reports every bad cell with its line, column, a code and a hint, and returns no person", () => {
    const r = importPersonnelTable(
      table(
        HEADER,
        ["", "United States of America", "", "", "Main-Support", "MIAN", "2024-05-21 06:00"],
        ["A", "Americans", "A1234567", "U", "nope", "HOME", "yesterday"],
        ["B", "us", "a-123 4567", "U", "", "", "2024-05-19"],
        ["C", "US", "X9", "U", "", "main", "2024-02-30"],
      ),
      CONTEXT,
    );
    if (r.ok) throw new Error("expected problems");
    const said = r.issues.map((i) => `${i.where}: ${i.code}: ${i.message}; ${i.hint}`);
    expect(said).toEqual([
      'line 2, column "name": personnel.name.empty: no name; write the name as in the passport, e.g. "DOE, Jane"',
      'line 2, column "nationality": personnel.nationality.country_name: "United States of America" is the name of a country; write its code: US',
      'line 2, column "document_number": personnel.document.empty: no document number; write the passport or ID card number',
      'line 2, column "unit": personnel.unit.empty: no unit; write the person\'s unit, e.g. "724th Expeditionary Air Base Squadron"',
      'line 2, column "group": personnel.group.case: unknown personnel group "Main-Support"; did you mean main-support? Group ids are case-sensitive',
      'line 2, column "site": personnel.site.unknown: unknown site "MIAN"; use a host-country site of the scenario: MAIN, OUTPOST',
      "line 2, column \"entry_time\": personnel.entry_time.future: 2024-05-21 06:00Z is in the future (the server's time is 2024-05-20 08:00Z); write when the person arrived, at the latest now; leave it empty for now",
      'line 3, column "nationality": personnel.nationality.not_code: "Americans" is not a country code; write the ISO 3166-1 code in capitals: two letters (US) or three (USA)',
      'line 3, column "group": personnel.group.unknown: unknown personnel group "nope"; use a group of the scenario: main-support, outpost-team',
      'line 3, column "site": personnel.site.not_host: site "HOME" is not in the host country; a person is recorded at a host-country site: MAIN, OUTPOST',
      'line 3, column "entry_time": personnel.entry_time.bad: "yesterday" is not a time; write the time in UTC as 2024-05-20 08:00 (or 2024-05-20T08:00Z, or a date: 2024-05-20)',
      'line 4, column "document_number": personnel.document.registered: document number a-123 4567 is already in the register, as P-7; the person is registered: leave the row out, or correct the number',
      'line 4, column "entry_time": personnel.entry_time.without_site: an entry time without a site; write the site where the person is, or leave the time empty',
      'line 5, column "site": personnel.site.case: unknown site "main"; did you mean MAIN? Site ids are case-sensitive',
      'line 5, column "entry_time": personnel.entry_time.bad: "2024-02-30" is not a time; write the time in UTC as 2024-05-20 08:00 (or 2024-05-20T08:00Z, or a date: 2024-05-20)',
    ]);
    expect(r.issues.find((i) => i.code === "personnel.site.unknown")).toMatchObject({ line: 2, column: 6, path: "site", params: { value: "MIAN", sites: "MAIN, OUTPOST" } });
  });

  it("refuses the same document twice in a file, naming the first line, whatever its spacing", () => {
    const r = importPersonnelTable(table("name,nationality,document_number,unit", ["A", "US", "X 1", "U"], ["B", "NE", "X 1", "U"], ["C", "US", "x-1", "U"]));
    expect(r.ok ? [] : r.issues.map((i) => `${i.line}: ${i.message}`)).toEqual(["4: document number x-1 is already on line 2"]);
  });

  it("reports header problems: unknown, repeated and missing columns, a time without a site, no rows", () => {
    const r = importPersonnelTable(table("name,name,passport,rank,entry_time,# remarks"));
    expect(r.ok ? [] : r.issues.map((i) => `${i.where}: ${i.message}`)).toEqual([
      'line 1 (header): no nationality column',
      "line 1 (header): no unit column",
      "line 1 (header): no person rows under the header",
      'line 1, column "name": a second name column (the first is column 1)',
      'line 1, column "rank": unknown column "rank"',
      'line 1, column "entry_time": an entry_time column without a site column',
    ]);
  });

  it("names XLSX positions by sheet and cell, and reports values beyond the header", () => {
    const t: SourceTable = { format: "xlsx", sheet: "Roster", header: { line: 3, cells: ["name", "nationality", "document_number", "unit"] }, rows: [{ line: 4, cells: ["A", "ZZZZ", "1", "U", "stray"] }] };
    const r = importPersonnelTable(t);
    expect(r.ok ? [] : r.issues.map((i) => `${i.where}: ${i.message}`)).toEqual([
      'sheet "Roster", cell B4, column "nationality": "ZZZZ" is not a country code',
      'sheet "Roster", cell E4, column 5: "stray" is beyond the last column (the header has 4)',
    ]);
  });

  it("refuses personal data longer than the register keeps", () => {
    const r = importPersonnelTable(table("name,nationality,document_number,unit", ["N".repeat(201), "US", "D".repeat(65), "U"]));
    expect(r.ok ? [] : r.issues.map((i) => i.message)).toEqual(["the name has 201 characters", "the document_number has 65 characters"]);
  });
});

describe("parseEntryTime", () => {
  it("reads UTC times as spreadsheets write them, and ISO instants with an offset", () => {
    expect(parseEntryTime("2024-05-20 08:00")).toBe(parseInstant("2024-05-20T08:00Z"));
    expect(parseEntryTime("2024-05-20T08:00")).toBe(parseInstant("2024-05-20T08:00Z"));
    expect(parseEntryTime("2024-05-20 08:00:59")).toBe(parseInstant("2024-05-20T08:00Z"));
    expect(parseEntryTime("2024-05-20")).toBe(parseInstant("2024-05-20T00:00Z"));
    expect(parseEntryTime("2024-05-20T09:00+01:00")).toBe(parseInstant("2024-05-20T08:00Z"));
    for (const bad of ["20/05/2024", "2024-13-01", "2024-02-30 10:00", "08:00", ""]) expect(parseEntryTime(bad), bad).toBeUndefined();
  });
});
