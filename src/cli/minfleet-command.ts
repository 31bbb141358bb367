import { type Command, InvalidArgumentError } from "commander";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { formatHuman, formatInstant } from "#domain/time.ts";
import { type MinFleetResult, minFleet } from "#planner/whatif/min-fleet.ts";
import { type Io, loadScenario } from "./io.ts";
import { progressReporter } from "./progress.ts";

export interface MinFleetCommandOptions {
  readonly json?: boolean;
  readonly seed?: number;
  readonly maxPerType?: number;
}

/** Adds `minfleet` to the program (kept here so that main.ts only registers it). */
export function registerMinFleet(program: Command, io: Io, done: (code: number) => void): void {
  const whole = (name: string, min: number) => (v: string) => {
    if (!/^-?\d+$/.test(v) || Number(v) < min) throw new InvalidArgumentError(`${name} must be a whole number ≥ ${min}, got "${v}"`);
    return Number(v);
  };
  program
    .command("minfleet")
    .description("Find the smallest fleet by type that meets the deadline, with the lower bound that proves one aircraft fewer cannot (or says it is not proved).")
    .argument("<scenario>", "scenario JSON file")
    .option("--json", "print the result as JSON")
    .option("--seed <n>", "planner seed", whole("--seed", Number.MIN_SAFE_INTEGER), 1)
    .option("--max-per-type <n>", "most aircraft of one type to try (default 256)", whole("--max-per-type", 1))
    .addHelpText("after", "\nExit codes: 0 a fleet was found; 2 bad option or scenario; 3 no fleet up to the limit meets the deadline.")
    .action((scenario: string, opts: MinFleetCommandOptions) => done(minfleetCommand(io, scenario, opts)));
}

/** `drawdown minfleet <scenario>`: the smallest fleet by type that meets the deadline, and why one fewer cannot. */
export function minfleetCommand(io: Io, scenarioPath: string, opts: MinFleetCommandOptions): number {
  const rs = loadScenario(scenarioPath);
  const progress = progressReporter(io);
  const r = minFleet(rs, { seed: opts.seed ?? 1, onProgress: progress.update, ...(opts.maxPerType !== undefined ? { maxPerType: opts.maxPerType } : {}) });
  progress.stop();
  if (opts.json) {
    const { variant, oneFewer, ...rest } = r;
    const fewer = oneFewer.map((o) => (o.proof?.at !== undefined ? { ...o, proof: { ...o.proof, at: formatInstant(o.proof.at) } } : o));
    const json = { scenario: rs.scenario.id, deadline: formatInstant(rs.deadline), ...rest, oneFewer: fewer, ...(variant ? { summary: variant.plan.summary } : {}) };
    io.out(JSON.stringify(json, null, 2));
  } else io.out(formatMinFleet(rs, r));
  return r.found ? 0 : 3;
}

/** The fleet found, its plan in one line, and the evidence for each "one fewer cannot". */
export function formatMinFleet(rs: ResolvedScenario, r: MinFleetResult): string {
  const s = rs.scenario;
  const lines = [`Smallest fleet — ${s.name} (${s.id}), deadline ${formatHuman(rs.deadline)}`];
  if (!r.found) {
    lines.push(`  none found: ${r.reason ?? "no fleet meets the deadline"}`);
    lines.push(`  (${r.plansRun} plans, ${r.boundsRun} bound checks)`);
    return lines.join("\n");
  }
  const w = Math.max(8, ...r.fleet.map((f) => f.type.length)) + 2;
  lines.push(`  ${"type".padEnd(w)}${"now".padStart(6)}${"smallest".padStart(10)}`);
  for (const f of r.fleet) lines.push(`  ${f.type.padEnd(w)}${String(f.was).padStart(6)}${String(f.count).padStart(10)}`);
  const p = r.variant?.plan.summary;
  if (p)
    lines.push(
      "",
      `With it: closure ${p.closureAt.slice(0, 16).replace("T", " ")}Z, ${(p.slackHours / 24).toFixed(1)} days to spare, ${p.sorties} sorties, ${p.flyingHours.toFixed(1)} flying hours; closure / bound ${p.closureRatio === null ? "—" : p.closureRatio.toFixed(3)}`,
    );
  if (r.reason) lines.push(`  note: ${r.reason}`);
  if (r.oneFewer.length > 0) {
    lines.push("", "One aircraft fewer:");
    for (const o of r.oneFewer) {
      const head = `  ${`${o.type} ${o.count}`.padEnd(w + 4)}`;
      lines.push(o.verdict === "proved" ? `${head}cannot — proved (${o.proof?.name}): ${o.detail}` : `${head}NOT PROVED — ${o.detail.replace(/^not proved: /, "")}`);
    }
  }
  for (const e of r.plannerErrors) lines.push(`  warning: the planner failed on some fleets (counted as missing): ${e}`);
  lines.push(`  (${r.plansRun} plans, ${r.boundsRun} bound checks)`);
  return lines.join("\n");
}
