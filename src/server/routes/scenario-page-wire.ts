/**
 * The wire format of the Scenario page's routes: the scenario's facts with each figure's source or
 * "assumption", the cargo import's preview and result, and the personnel import's (a unit's roster
 * into the person register). It imports zod only, so the web app can
 * import its types (never its code).
 */
import { z } from "@hono/zod-openapi";

/** A figure as the scenario file states it, with where it comes from. */
export const factFigureSchema = z
  .object({
    value: z.union([z.number(), z.string()]).nullable(),
    unit: z.string().nullable().describe("As written in the file (kg, lb, working_days, …); null for a count."),
    source: z.string().nullable(),
    asOf: z.string().nullable(),
    assumption: z.boolean().describe("True when the figure is an estimate; `rationale` says why it is reasonable."),
    rationale: z.string().nullable(),
  })
  .openapi("FactFigure");

const provenance = factFigureSchema.omit({ value: true, unit: true });
const tally = z.object({ lines: z.number().int(), pieces: z.number().int(), kg: z.number() });

export const scenarioFactsSchema = z
  .object({
    version: z.number().int().describe("The stored scenario's version: send it as If-Match to change the scenario."),
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    agreement: z.object({
      title: z.string(),
      signedOn: z.string().nullable(),
      signedAt: z.string().nullable(),
      withdrawalStart: z.string(),
      deadline: z.string(),
      planningStart: z.string().nullable(),
      terms: z.array(z.string()),
      parties: z.array(z.object({ code: z.string(), name: z.string(), role: z.string(), country: z.string() })),
      headcountReports: z.array(factFigureSchema.extend({ qualifier: z.string().nullable() })),
      provenance,
    }),
    sites: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        icao: z.string().nullable(),
        kind: z.string(),
        country: z.string(),
        inHostCountry: z.boolean(),
        parking: z.array(z.object({ parkingClass: z.string(), spots: factFigureSchema })),
        provenance,
      }),
    ),
    personnel: z.object({
      people: z.number().int(),
      groups: z.array(z.object({ id: z.string(), site: z.string(), unit: z.string(), category: z.string(), count: factFigureSchema })),
    }),
    cargo: z.object({
      total: tally,
      bySite: z.array(tally.extend({ site: z.string() })),
      lines: z.array(
        z.object({
          id: z.string(),
          description: z.string(),
          site: z.string(),
          kind: z.string(),
          quantity: factFigureSchema,
          unitWeight: factFigureSchema,
          unitWeightKg: z.number(),
          hazard: z.string().nullable(),
          sensitive: z.boolean(),
          disposition: z.string(),
          provenance,
        }),
      ),
    }),
    fleet: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        typeName: z.string(),
        count: factFigureSchema,
        base: z.string(),
        crew: z.string().nullable(),
        availability: z.array(z.object({ from: z.string(), to: z.string() })),
        provenance,
      }),
    ),
    clearanceRules: z.array(
      z.object({
        country: z.string(),
        kind: z.enum(["landing", "overflight"]),
        leadTime: factFigureSchema,
        validBefore: factFigureSchema,
        validAfter: factFigureSchema,
        weekend: z.array(z.string()),
        provenance,
      }),
    ),
    commercial: z.array(z.object({ id: z.string(), airport: z.string(), airline: z.string(), weekdays: z.array(z.string()), seatsPerFlight: factFigureSchema })),
    roadRoutes: z.array(z.object({ id: z.string(), from: z.string(), to: z.string(), distance: factFigureSchema, ratePerDay: factFigureSchema, trucks: factFigureSchema })),
    figures: z.object({ sourced: z.number().int(), assumed: z.number().int() }).describe("Figures shown here with a source, and marked assumptions."),
  })
  .openapi("ScenarioFacts");

/** What every spreadsheet upload (cargo, roster) sends: the file, and for XLSX the worksheet to read. */
const spreadsheetUploadFields = {
  fileName: z.string().trim().min(1).max(200).describe("The file's name: .csv or .xlsx decides how it is read."),
  content: z
    .string()
    .min(1)
    .max(1_900_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "base64 text (the file's bytes)")
    .describe("The file's bytes in base64 (at most about 1.4 MB of file)."),
  sheet: z.string().trim().min(1).max(100).optional().describe("XLSX: the worksheet to read (default the first)."),
};

/** A cargo spreadsheet sent for a preview or an import. */
export const cargoImportRequestSchema = z
  .strictObject({
    ...spreadsheetUploadFields,
    mode: z.enum(["append", "replace"]).default("append").describe("append: add the lines; replace: replace all cargo of the sites in the file."),
  })
  .openapi("CargoImportRequest");

/** A message's stable code and values, for the web app to say in the reader's language; `text` is the English. */
export const codedTextSchema = z
  .object({
    code: z.string().describe("Stable code of the message, e.g. import.note.semicolons."),
    params: z.record(z.string(), z.union([z.string(), z.number()])).describe("The values of the message's placeholders."),
    text: z.string().describe("The message in English."),
  })
  .openapi("CodedText");

export const importIssueSchema = z
  .object({
    line: z.number().int().describe("The file's line (CSV) or row (XLSX)."),
    column: z.number().int().describe("1 for the first column."),
    columnName: z.string().nullable(),
    cell: z.string().nullable().describe("XLSX: the cell, e.g. D7."),
    where: z.string().describe('As a person reads it: `line 7, column "weight"`.'),
    message: z.string(),
    hint: z.string(),
    code: z.string().describe("Stable code of the message and its hint (e.g. cargo.number.not_number), for translation."),
    params: z.record(z.string(), z.union([z.string(), z.number()])).describe("The values of the message's and hint's placeholders."),
  })
  .openapi("ImportIssue");

export const cargoImportPreviewSchema = z
  .object({
    ok: z.boolean().describe("True when every row is valid and the scenario would still validate: the import can be applied."),
    fileName: z.string(),
    format: z.enum(["csv", "xlsx"]),
    sheet: z.string().nullable(),
    mode: z.enum(["append", "replace"]),
    notes: z.array(codedTextSchema).describe("How the file was read (delimiter, encoding, header row)."),
    header: z.object({ line: z.number().int(), cells: z.array(z.string()) }).nullable(),
    rows: z
      .array(z.object({ line: z.number().int(), cells: z.array(z.string()), issues: z.array(importIssueSchema) }))
      .describe("Every data row as read, with its problems (at most `rowLimit`)."),
    rowCount: z.number().int(),
    rowLimit: z.number().int(),
    issues: z.array(importIssueSchema).describe("Every problem, in file order: the header's, the rows', and the scenario's once merged."),
    summary: z.object({ total: tally, bySite: z.array(tally.extend({ site: z.string() })), byKind: z.array(tally.extend({ kind: z.string() })) }).nullable(),
    cargoLines: z.object({ before: z.number().int(), removed: z.number().int(), after: z.number().int() }).nullable(),
    scenarioVersion: z.number().int(),
  })
  .openapi("CargoImportPreview");

export const cargoImportResultSchema = z
  .object({
    fileName: z.string(),
    mode: z.enum(["append", "replace"]),
    summary: z.object({ total: tally, bySite: z.array(tally.extend({ site: z.string() })) }),
    cargoLines: z.object({ before: z.number().int(), removed: z.number().int(), after: z.number().int() }),
    scenarioVersion: z.number().int().describe("The scenario's new version."),
    digest: z.string().describe("SHA-256 of the file, as recorded in the ledger."),
  })
  .openapi("CargoImportResult");

/** A roster sent for a preview or an import. */
export const personnelImportRequestSchema = z.strictObject(spreadsheetUploadFields).openapi("PersonnelImportRequest");

const count = z.number().int();

export const personnelImportSummarySchema = z.object({
  persons: count,
  entries: count.describe("Persons recorded as present at a site."),
  bySite: z.array(z.object({ site: z.string(), persons: count })),
  byUnit: z.array(z.object({ unit: z.string(), persons: count })),
});

export const personnelImportPreviewSchema = z
  .object({
    ok: z.boolean().describe("True when every row is valid: the import can be applied."),
    fileName: z.string(),
    format: z.enum(["csv", "xlsx"]),
    sheet: z.string().nullable(),
    notes: z.array(codedTextSchema).describe("How the file was read (delimiter, encoding, header row)."),
    header: z.object({ line: z.number().int(), cells: z.array(z.string()) }).nullable(),
    rows: z
      .array(z.object({ line: z.number().int(), cells: z.array(z.string()), issues: z.array(importIssueSchema) }))
      .describe("Every data row as read, with its problems (at most `rowLimit`). Personal data: only the departing party's planners get this answer."),
    rowCount: z.number().int(),
    rowLimit: z.number().int(),
    issues: z.array(importIssueSchema).describe("Every problem, in file order: the header's and the rows'."),
    summary: personnelImportSummarySchema.nullable(),
    registered: count.describe("Persons of the party in the register now."),
  })
  .openapi("PersonnelImportPreview");

export const personnelImportResultSchema = z
  .object({
    fileName: z.string(),
    summary: personnelImportSummarySchema,
    persons: z.array(z.string()).describe("The new persons' ids, in the file's order."),
    registered: count.describe("Persons of the party in the register after the import."),
  })
  .openapi("PersonnelImportResult");
