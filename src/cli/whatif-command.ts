import { type Command, InvalidArgumentError } from "commander";
import { formatInstant } from "#domain/time.ts";
import { describeVariation, type Variation } from "#planner/whatif/variation.ts";
import { runWhatIf, type WhatIf } from "#planner/whatif/what-if.ts";
import { type Io, loadScenario, UserError } from "./io.ts";
import { progressReporter } from "./progress.ts";
import {
  aircraftOutOption,
  clearanceDelayOption,
  deadlineOption,
  denyOption,
  fleetOption,
  leadTimeOption,
  toVariations,
  type WhatIfOption,
} from "./whatif-command-options.ts";

export interface WhatIfCommandOptions {
  readonly fleet?: readonly WhatIfOption[];
  readonly clearanceDelay?: readonly WhatIfOption[];
  readonly deny?: readonly WhatIfOption[];
  readonly deadline?: WhatIfOption;
  readonly aircraftOut?: readonly WhatIfOption[];
  readonly leadTime?: readonly WhatIfOption[];
  readonly json?: boolean;
  readonly fixes?: boolean;
  readonly seed?: number;
}

/** Adds `whatif` to the program (kept here so that main.ts only registers it). */
export function registerWhatIf(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command("whatif")
    .description("Plan the scenario as it is and with changes (fleet, clearance delays, denied airspace, deadline, aircraft out); print the key figures side by side, and what would fix a missed deadline.")
    .argument("<scenario>", "scenario JSON file")
    .option("--fleet <type=±n>", "more or fewer aircraft of a type (C-17A=+2, C-17A=-1), or the total (C-17A=3); repeatable", fleetOption)
    .option("--clearance-delay <target=duration>", "clearances of an airfield (DRRN=72h) or a country (NE=3d) take this much longer; repeatable", clearanceDelayOption)
    .option("--deny <country>", "no military flight may land in or overfly this country (DZ); repeatable", denyOption)
    .option("--deadline <date>", "a new deadline: 2024-09-30 (its 23:59Z), 2024-09-30T12:00Z, or +72h / -2d from the scenario's", deadlineOption)
    .option("--aircraft-out <fleet=n[@from..to]>", "aircraft of a fleet entry out of service (C17=1), for a period (C17=1@2024-07-01..2024-07-10); repeatable", aircraftOutOption)
    .option("--lead-time <country=lead>", "a country's clearance lead time: NE=1wd (working days), NE=48h, NE:landing=2d; repeatable", leadTimeOption)
    .option("--no-fixes", "do not search for what would fix a missed deadline")
    .option("--json", "print the comparison as JSON")
    .option("--seed <n>", "planner seed", seedOption, 1)
    .addHelpText("after", "\nExit codes: 0 the changed scenario meets the deadline with everything planned; 2 bad option or scenario; 3 it does not.")
    .action((scenario: string, opts: WhatIfCommandOptions) => done(whatifCommand(io, scenario, opts)));
}

const seedOption = (v: string) => {
  if (!/^-?\d+$/.test(v)) throw new InvalidArgumentError(`--seed must be a whole number, got "${v}"`);
  return Number(v);
};

/** `drawdown whatif <scenario> --fleet C-17A=+2 …`: the plan's key figures before and after, and fixes if it then misses. */
export function whatifCommand(io: Io, scenarioPath: string, opts: WhatIfCommandOptions): number {
  const rs = loadScenario(scenarioPath);
  const given = [...(opts.deadline ? [opts.deadline] : []), ...(opts.fleet ?? []), ...(opts.aircraftOut ?? []), ...(opts.leadTime ?? []), ...(opts.clearanceDelay ?? []), ...(opts.deny ?? [])];
  if (given.length === 0) throw new UserError("nothing to compare: give at least one change, e.g. --fleet C-17A=+1, --deny DZ or --deadline +72h");
  const asked = toVariations(rs, given);
  const progress = progressReporter(io);
  const result = runWhatIf(
    rs,
    asked.map((a) => a.variation),
    { seed: opts.seed ?? 1, fixes: opts.fixes !== false, onProgress: progress.update },
  );
  progress.stop();
  if (!result.ok) {
    const lines = result.issues.map((i) => {
      const n = typeof i.path[1] === "number" ? i.path[1] : -1;
      return `${asked[n]?.option ?? i.path.join(".")}: ${i.message}\n    hint: ${i.hint}`;
    });
    throw new UserError(`${lines.join("\n")}\nnothing was planned.`);
  }
  const w = result.value;
  io.out(opts.json ? JSON.stringify(toJson(w), null, 2) : formatWhatIf(w, asked.map((a) => a.option)));
  return w.variant.plan.summary.meetsDeadline && w.variant.plan.unplanned.length === 0 ? 0 : 3;
}

function toJson(w: WhatIf) {
  return {
    scenario: w.base.rs.scenario.id,
    variations: w.variations.map((v: Variation) => ({ ...v, ...("at" in v ? { at: formatInstant(v.at) } : {}), ...("from" in v && v.from !== undefined ? { from: formatInstant(v.from) } : {}), ...("to" in v && v.to !== undefined ? { to: formatInstant(v.to) } : {}), description: describeVariation(v) })),
    before: w.base.plan.summary,
    after: w.variant.plan.summary,
    rows: w.rows,
    // The English, as before the notes had codes; `noteCodes` beside it for a script or a
    // translation (the codes and their templates are in src/planner/whatif/whatif-notes.ts).
    notes: w.notes.map((n) => n.text),
    noteCodes: w.notes.map((n) => ({ code: n.code, params: n.params })),
    unplannedAfter: w.variant.plan.unplanned,
    ...(w.fixes ? { fixes: { ...w.fixes, fixes: w.fixes.fixes.map((f) => ({ ...f, variation: { ...f.variation, ...("at" in f.variation ? { at: formatInstant(f.variation.at) } : {}) } })) } } : {}),
  };
}

/** The comparison as a table, then notes, what is not planned and the fixes. */
export function formatWhatIf(w: WhatIf, options: readonly string[]): string {
  const s = w.base.rs.scenario;
  const lines = [`What if — ${s.name} (${s.id}): ${w.variations.map(describeVariation).join("; ")}`, `  (${options.join(" ")})`, ""];
  const width = Math.max(...w.rows.map((r) => r.label.length)) + 2;
  const col = Math.max(20, ...w.rows.map((r) => Math.max(r.baseText.length, r.variantText.length))) + 2;
  lines.push(`${"".padEnd(width)}${"before".padEnd(col)}${"after".padEnd(col)}change`);
  for (const r of w.rows) lines.push(`${r.label.padEnd(width)}${r.baseText.padEnd(col)}${r.variantText.padEnd(col)}${r.change}`.trimEnd());
  if (w.notes.length > 0) {
    lines.push("", "Notes");
    for (const n of w.notes) lines.push(`  ${n.text}`);
  }
  const unplanned = w.variant.plan.unplanned;
  if (unplanned.length > 0) {
    lines.push("", `NOT PLANNED after the change (${unplanned.length}):`);
    for (const u of unplanned.slice(0, 8)) lines.push(`  ${u.what} ${u.id}: ${u.reason}`);
    if (unplanned.length > 8) lines.push(`  … and ${unplanned.length - 8} more (--json for all)`);
  }
  const f = w.fixes;
  if (f?.needed) {
    lines.push("", "What would fix it (each found by re-planning, on top of the change):");
    if (f.blocked) lines.push(`  ${f.blocked}`);
    for (const x of f.fixes) lines.push(`  ${x.description}: closes ${x.closureAt.slice(0, 16).replace("T", " ")}Z, ${x.slackHours.toFixed(1)} h to spare`);
    for (const x of f.noFix) lines.push(`  not ${x.subject}: ${x.reason}`);
    if (!f.blocked && f.fixes.length === 0) lines.push("  no single change found.");
    for (const e of f.plannerErrors) lines.push(`  warning: the planner failed on some variants (counted as missing): ${e}`);
    lines.push(`  (${f.plansRun} plans)`);
  }
  return lines.join("\n");
}
