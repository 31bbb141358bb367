import type { Command } from "commander";
import { type FileIssue, formatJsonPath, locate, parseLocatedJson } from "#domain/json-issues.ts";
import { type Plan, planSchema } from "#domain/plan.ts";
import { parseReplanEventsText } from "#domain/replan-events.ts";
import type { ScenarioInput } from "#domain/scenario.ts";
import { parseScenarioValue } from "#domain/scenario-file.ts";
import { formatHuman, instant, parseInstant } from "#domain/time.ts";
import { applyEvents } from "#planner/replan/apply-events.ts";
import { type PlanDiff, replan } from "#planner/replan/replan.ts";
import { verifyPlan } from "#verify/verify-plan.ts";
import { formatIssues, type Io, loadScenario, readText, UserError, writeTextAtomic } from "./io.ts";

export interface ReplanCommandOptions {
  readonly out?: string;
  readonly scenarioOut?: string;
  readonly json?: boolean;
}

/** Adds `replan` to the program (kept here so that main.ts only registers it). */
export function registerReplan(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command("replan")
    .description("Re-plan after events (executed and cancelled movements, aircraft out of service, clearances denied or delayed, new cargo), changing as few future movements as possible; prints the difference.")
    .argument("<scenario>", "scenario JSON file the plan was made for")
    .argument("<plan>", "plan JSON file (drawdown plan --out)")
    .argument("<events>", "events JSON file (docs/replan-events.md)")
    .option("--out <file>", "write the new plan here")
    .option("--scenario-out <file>", "write the scenario as the events leave it (to verify the new plan against)")
    .option("--json", "print the difference and the new summary as JSON")
    .addHelpText(
      "after",
      "\nThe new plan is checked by the independent verifier against the scenario as the events leave it.\nExit codes: 0 re-planned; 1 the complete new plan fails the verifier (a bug); 2 bad input (nothing written); 3 something could not be re-planned (listed).",
    )
    .action((scenario: string, plan: string, events: string, opts: ReplanCommandOptions) => done(replanCommand(io, scenario, plan, events, opts)));
}

/** `drawdown replan <scenario> <plan> <events>`. */
export function replanCommand(io: Io, scenarioPath: string, planPath: string, eventsPath: string, opts: ReplanCommandOptions): number {
  const rs = loadScenario(scenarioPath);
  const scenarioInput = JSON.parse(readText(scenarioPath)) as ScenarioInput;
  const old = readPlan(planPath);
  if (old.scenario !== rs.scenario.id)
    throw new UserError(`${planPath} is a plan for "${old.scenario}", not for ${scenarioPath} ("${rs.scenario.id}"). Give the scenario the plan was made for.`);
  const eventsText = readText(eventsPath);
  const events = parseReplanEventsText(eventsText);
  if (!events.ok) throw new UserError(`${formatIssues(eventsPath, events.issues)}\n${count(events.issues.length)} in ${eventsPath}; nothing was written.`);
  const applied = applyEvents(scenarioInput, rs, old, events.value, events.raw);
  if (!applied.ok) {
    const located = parseLocatedJson(eventsText);
    const issues: FileIssue[] = applied.issues.map((i) => ({ path: formatJsonPath(i.path), ...(located.ok ? locate(located.json, i.path) : { line: 1, column: 1 }), message: i.message, hint: i.hint }));
    throw new UserError(`${formatIssues(eventsPath, issues)}\n${count(issues.length)} in ${eventsPath}; nothing was written.`);
  }
  const after = parseScenarioValue(applied.scenario);
  if (!after.ok)
    throw new UserError(
      `the events leave an invalid scenario (check the new cargo lines):\n${after.issues.map((i) => `  ${i.path}  ${i.message}\n    hint: ${i.hint}`).join("\n")}\nnothing was written.`,
    );
  const { plan, diff } = replan(after.value, old, events.value);
  const report = verifyPlan(after.value, plan);
  if (opts.out) writeTextAtomic(opts.out, `${JSON.stringify({ $schema: "https://drawdown.local/schema/plan.schema.json", ...plan }, null, 2)}\n`);
  if (opts.scenarioOut) writeTextAtomic(opts.scenarioOut, `${JSON.stringify(applied.scenario, null, 2)}\n`);
  if (opts.json) io.out(JSON.stringify({ diff, before: old.summary, after: plan.summary, unplanned: plan.unplanned, violations: report.violations }, null, 2));
  else io.out(formatDiff(old, plan, diff, events.value.now, report.violations.length, opts));
  if (!report.ok && !opts.json) for (const v of report.violations.slice(0, 20)) io.err(`${v.code} ${v.movement ?? ""} ${v.message}`);
  // An incomplete plan breaks the rules that say so (and what follows from it): exit 3, as `plan` does.
  if (plan.unplanned.length > 0) return 3;
  return report.ok ? 0 : 1;
}

const count = (n: number) => `${n} problem${n === 1 ? "" : "s"}`;

function readPlan(path: string): Plan {
  let json: unknown;
  try {
    json = JSON.parse(readText(path));
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${path} is not JSON: ${(e as Error).message}. Write it with \`drawdown plan --out\`.`);
  }
  const r = planSchema.safeParse(json);
  if (!r.success)
    throw new UserError(`${path} is not a plan: ${r.error.issues.slice(0, 3).map((i) => `${formatJsonPath(i.path as (string | number)[])} ${i.message}`).join("; ")}. Write it with \`drawdown plan --out\`.`);
  return r.data;
}

const human = (iso: string) => formatHuman(instant(parseInstant(iso) ?? 0));

/** What the re-plan kept, took out and added, and what it does to the closure. */
export function formatDiff(old: Plan, plan: Plan, diff: PlanDiff, now: number, violations: number, opts: ReplanCommandOptions): string {
  const b = old.summary;
  const a = plan.summary;
  const shift = ((parseInstant(a.closureAt) ?? 0) - (parseInstant(b.closureAt) ?? 0)) / 1440;
  const list = (ids: readonly string[], max = 12) => (ids.length === 0 ? "none" : `${ids.slice(0, max).join(", ")}${ids.length > max ? `, … (${ids.length - max} more)` : ""}`);
  const lines = [
    `Re-plan of ${plan.scenario} at ${formatHuman(instant(now))}`,
    `  History      ${diff.history.length} movements took place before now: kept as they were`,
    `  Unchanged    ${diff.unchanged.length} future movements kept as planned`,
    `  Removed      ${diff.removed.length}${diff.removed.length > 0 ? ":" : ""}`,
    ...diff.removed.slice(0, 20).map((r) => `    ${r.id.padEnd(7)} ${r.reason}`),
    ...(diff.removed.length > 20 ? [`    … and ${diff.removed.length - 20} more (--json for all)`] : []),
    `  Added        ${diff.added.length}: ${list(diff.added)}`,
    `  Closure      ${human(b.closureAt)} → ${human(a.closureAt)} (${shift >= 0 ? "+" : ""}${shift.toFixed(1)} days)   ${a.meetsDeadline ? "meets the deadline" : "MISSES the deadline"}`,
    `  Sorties      ${b.sorties} → ${a.sorties}   convoys ${b.convoys} → ${a.convoys}`,
    `  Verifier     ${violations === 0 ? "no violations (against the scenario as the events leave it)" : `${violations} VIOLATIONS`}`,
  ];
  if (plan.unplanned.length > 0) lines.push(`  NOT PLANNED  ${plan.unplanned.length}: ${plan.unplanned.slice(0, 5).map((u) => `${u.what} ${u.id} (${u.reason})`).join("; ")}`);
  if (opts.out) lines.push(`\nNew plan written to ${opts.out}`);
  if (opts.scenarioOut) lines.push(`Scenario after the events written to ${opts.scenarioOut}`);
  return lines.join("\n");
}
