import { readFileSync } from "node:fs";
import { type Command, Option } from "commander";
import { extname } from "node:path";
import { type ImportedLine, type ImportIssue, importCargoTable, summariseImport, type ImportTally } from "#domain/cargo-import.ts";
import { mergeCargoText } from "#domain/cargo-import-merge.ts";
import type { FileIssue } from "#domain/json-issues.ts";
import { parseScenarioText } from "#domain/scenario-file.ts";
import { csvTableOfBytes, type TableRead, xlsxTable } from "./import-command-read.ts";
import { importPersonnelCommand } from "./import-personnel-command.ts";
import { formatIssues, type Io, readText, UserError, writeTextAtomic } from "./io.ts";

export interface ImportCommandOptions {
  readonly into?: string;
  readonly dryRun?: boolean;
  readonly replace?: boolean;
  readonly append?: boolean;
  readonly sheet?: string;
}

/** Adds `drawdown import` to the program. */
export function registerImport(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command("import")
    .description(
      "Import a unit's equipment list (CSV or XLSX) into a scenario's cargo, or (--kind personnel) a unit's roster into a running server's person register: every bad cell listed with its line and column; nothing written unless every row is valid.",
    )
    .argument("<file>", "the spreadsheet: .csv (comma, semicolon or tab; UTF-8 with or without BOM) or .xlsx")
    .addOption(new Option("--kind <kind>", "what the file holds").choices(["cargo", "personnel"]).default("cargo"))
    .option("--into <scenario>", "cargo: scenario JSON file to add the cargo lines to (rewritten in place, atomically)")
    .option("--url <url>", "personnel: the server whose register to import into (log in with DRAWDOWN_USERNAME and DRAWDOWN_PASSWORD)")
    .option("--dry-run", "check and preview (counts per site and kind, total weight, the first rows); write nothing")
    .addOption(new Option("--append", "add the lines; an id already in the scenario is refused (the default)").conflicts("replace"))
    .addOption(new Option("--replace", "replace all cargo lines of the sites named in the file").conflicts("append"))
    .option("--sheet <name>", "XLSX: the worksheet to read (default: the first)")
    .addHelpText(
      "after",
      [
        "",
        "Columns (header names are case-insensitive; see docs/cargo-import.md for aliases):",
        "  required  id, description, site, quantity, weight, length, width, height, kind",
        "  units     weight_unit (kg|lb|t) and dimension_unit (cm|in|m|ft), or in the header: \"weight (lb)\", \"length (in)\"",
        "  optional  hazard_class, hazard_division, un_number, sensitive (yes/no), priority (1-5),",
        "            disposition (withdraw|handover|dispose), stackable (yes/no), source",
        "",
        "Personnel (--kind personnel --url URL; see docs/personnel-import.md):",
        "  required  name, nationality (ISO code), document_number, unit",
        "  optional  group (a personnel group of the scenario), site (where the person is), entry_time (UTC, since when)",
        "",
        "Exit codes: 0 imported (or, with --dry-run, would be); 2 bad input (every problem listed, nothing written).",
      ].join("\n"),
    )
    .action(async (file: string, opts: ImportCommandOptions & { kind: "cargo" | "personnel"; url?: string }) => {
      if (opts.kind === "personnel") {
        if (opts.into !== undefined || opts.replace === true || opts.append === true) throw new UserError("--into, --append and --replace are for cargo; a roster goes to a server's register (--url)");
        done(await importPersonnelCommand(io, file, { ...(opts.url === undefined ? {} : { url: opts.url }), ...(opts.dryRun === undefined ? {} : { dryRun: opts.dryRun }), ...(opts.sheet === undefined ? {} : { sheet: opts.sheet }) }));
        return;
      }
      if (opts.url !== undefined) throw new UserError("--url is for --kind personnel; cargo goes into a scenario file (--into)");
      done(await importCommand(io, file, opts));
    });
}

/** Rows shown by --dry-run. */
const PREVIEW_ROWS = 10;

/**
 * `drawdown import <cargo.csv|cargo.xlsx> --into <scenario>`: reads a unit's equipment list and adds
 * its lines to the scenario's cargo. Every bad cell is listed; nothing is written unless every row is
 * valid and the scenario still validates. Exit 0 imported (or would be, with --dry-run); 2 bad input.
 */
export async function importCommand(io: Io, file: string, opts: ImportCommandOptions): Promise<number> {
  if (opts.into === undefined) throw new UserError("give the scenario to import the cargo into: --into <scenario.json>");
  const into = opts.into;
  if (opts.replace && opts.append) throw new UserError("choose --append (the default) or --replace, not both");
  const mode = opts.replace ? "replace" : "append";
  const format = formatOf(file);
  if (opts.sheet !== undefined && format !== "xlsx") throw new UserError("--sheet is for .xlsx workbooks; a CSV file has one table");

  const scenarioText = readText(into);
  const before = parseScenarioText(scenarioText);
  if (!before.ok)
    throw new UserError(
      `${formatIssues(into, before.issues)}\n${into} does not validate (${plural(before.issues.length, "problem")}); fix it first (drawdown validate ${into}). Nothing was written.`,
    );
  const scenario = before.value.scenario;

  const read = await readTable(file, format, opts.sheet);
  if (!read.ok) return reportIssues(io, file, read.issues);
  const result = importCargoTable(read.table, {
    sites: scenario.sites.map((s) => ({ id: s.id, inHostCountry: s.inHostCountry })),
    existing: scenario.cargo.map((c) => ({ id: c.id, site: c.site })),
    mode,
  });
  if (!result.ok) {
    const taken = result.issues.filter((i) => i.code === "cargo.id.in_scenario").length;
    const extra = taken > 0 ? `${plural(taken, "id")} already in ${into}: choose other ids, or use --replace to replace the cargo of the sites in the file.` : undefined;
    return reportIssues(io, file, result.issues, extra);
  }

  const merged = mergeCargoText(scenarioText, result.lines.map((l) => l.input), mode);
  const after = parseScenarioText(merged.text);
  if (!after.ok) {
    io.err(after.issues.map((i) => `${into}: ${whereInImport(i, merged.firstNew, result.lines)}${i.path}  ${i.message}\n    hint: ${i.hint}`).join("\n"));
    io.err(`with these lines ${into} would not validate (${plural(after.issues.length, "problem")}); nothing was written.`);
    return 2;
  }

  const summary = summariseImport(result.lines);
  const total = scenario.cargo.length - merged.removed.length + result.lines.length;
  const change =
    mode === "replace"
      ? `replacing ${plural(merged.removed.length, "cargo line")} of ${[...summary.bySite.keys()].join(", ")}; ${into} then holds ${plural(total, "cargo line")}`
      : `appending to the ${plural(scenario.cargo.length, "cargo line")} of ${into}: ${total} in all`;
  const headline = `${file}: ${plural(summary.total.lines, "line")}, ${plural(summary.total.pieces, "piece")}, ${kgText(summary.total.kg)}; ${change}`;
  for (const note of read.notes) io.err(`${file}: ${note.text}`);

  if (opts.dryRun) {
    io.out([headline, "", ...previewTables(summary, result.lines), "", `dry run: nothing was written to ${into}`].join("\n"));
    return 0;
  }
  writeTextAtomic(into, merged.text);
  io.out(`${headline}\nwritten to ${into}`);
  return 0;
}

function formatOf(file: string): "csv" | "xlsx" {
  const ext = extname(file).toLowerCase();
  if (ext === ".csv" || ext === ".txt") return "csv";
  if (ext === ".xlsx") return "xlsx";
  if (ext === ".xls") throw new UserError(`${file} is an old .xls workbook; save it as .xlsx (or as CSV UTF-8) and import that`);
  throw new UserError(`cannot import ${file}: use a .csv or .xlsx file (see docs/cargo-import.md)`);
}

async function readTable(file: string, format: "csv" | "xlsx", sheet: string | undefined): Promise<TableRead> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`cannot read ${file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : (code ?? "unreadable")}. Check the path (relative to ${process.cwd()}).`);
  }
  try {
    return format === "xlsx" ? await xlsxTable(bytes, sheet) : csvTableOfBytes(bytes);
  } catch (e) {
    if (e instanceof UserError) throw new UserError(`cannot import ${file}: ${e.message}`);
    throw e;
  }
}

/** `cargo.csv: line 7, column "weight": "12O0" is not a number; write digits only, e.g. 1200`, one a line. */
function reportIssues(io: Io, file: string, issues: readonly ImportIssue[], extra?: string): number {
  io.err(issues.map((i) => `${file}: ${i.where}: ${i.message}; ${i.hint}`).join("\n"));
  if (extra) io.err(extra);
  io.err(`${plural(issues.length, "problem")} in ${file}; nothing was written.`);
  return 2;
}

/** A scenario issue about an imported line points back at the row it came from. */
function whereInImport(issue: FileIssue, firstNew: number, lines: readonly ImportedLine[]): string {
  const m = /^\$\.cargo\[(\d+)\]/.exec(issue.path);
  const line = m ? lines[Number(m[1]) - firstNew] : undefined;
  return line ? `(imported from line ${line.line}) ` : `${issue.line}:${issue.column}  `;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const kgText = (kg: number) => `${grouped.format(kg)} kg`;

function previewTables(summary: ReturnType<typeof summariseImport>, lines: readonly ImportedLine[]): string[] {
  const tallyRows = (map: ReadonlyMap<string, ImportTally>) =>
    [...map].map(([k, t]) => [k, String(t.lines), String(t.pieces), kgText(t.kg)]);
  const out = [
    "By site",
    ...table(["site", "lines", "pieces", "weight"], tallyRows(summary.bySite), [false, true, true, true]),
    "",
    "By kind",
    ...table(["kind", "lines", "pieces", "weight"], tallyRows(summary.byKind), [false, true, true, true]),
    "",
    `First ${Math.min(PREVIEW_ROWS, lines.length)} of ${plural(lines.length, "line")}`,
  ];
  const rows = lines.slice(0, PREVIEW_ROWS).map(({ line, input: c }) => {
    const d = c.dimensions;
    const sameUnit = d.length.unit === d.width.unit && d.width.unit === d.height.unit;
    const size = sameUnit
      ? `${d.length.value}×${d.width.value}×${d.height.value} ${d.length.unit}`
      : `${d.length.value} ${d.length.unit}×${d.width.value} ${d.width.unit}×${d.height.value} ${d.height.unit}`;
    const hazard = c.hazard ? [c.hazard.division ?? String(c.hazard.class), c.hazard.unNumber].filter(Boolean).join(" ") : "";
    return [
      String(line),
      c.id,
      c.description.length > 28 ? `${c.description.slice(0, 27)}…` : c.description,
      c.site,
      String(c.quantity),
      `${c.unitWeight.value} ${c.unitWeight.unit}`,
      size,
      c.kind,
      hazard,
      c.sensitive ? "yes" : "",
      String(c.priority ?? 3),
      c.disposition ?? "withdraw",
    ];
  });
  out.push(
    ...table(
      ["line", "id", "description", "site", "qty", "weight each", "L×W×H", "kind", "hazard", "sensitive", "priority", "disposition"],
      rows,
      [true, false, false, false, true, true, false, false, false, false, true, false],
    ),
  );
  return out;
}

function table(head: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    `  ${cells.map((c, i) => (right[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join("  ")}`.trimEnd();
  return [line(head), ...rows.map(line)];
}
