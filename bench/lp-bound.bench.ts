import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseScenarioText, parseScenarioValue } from "#domain/scenario-file.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import { formatHuman, instant, parseInstant } from "#domain/time.ts";
import { generateScenario } from "#generate/generate.ts";
import { GENERATOR_PRESETS, type GeneratorPresetName } from "#generate/presets.ts";
import { lpBoundHints, withLpBound } from "#planner/plan-with-bounds.ts";
import { planWithdrawal } from "#planner/plan-withdrawal.ts";
import { solveLpBound } from "../src/solve/lp-bound-runner.ts";
import type { Benchmark } from "./harness.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

function load(spec: string): ResolvedScenario {
  const r = spec.startsWith("preset:")
    ? parseScenarioValue(generateScenario(GENERATOR_PRESETS[spec.slice(7) as GeneratorPresetName]))
    : parseScenarioText(readFileSync(`${ROOT}${spec}`, "utf8"));
  if (!r.ok) throw new Error(`${spec} does not validate`);
  return r.value;
}

const CASES: { label: string; spec: string }[] = [
  { label: "Niger 2024", spec: "scenarios/niger-2024.json" },
  { label: "synthetic-small", spec: "scenarios/synthetic-small.json" },
  { label: "generated small", spec: "preset:small" },
  { label: "generated medium", spec: "preset:medium" },
  { label: "generated large", spec: "preset:large" },
];

const at = (iso: string) => instant(parseInstant(iso) ?? 0);
const ratio = (r: number | null) => (r === null ? "—" : r.toFixed(3));
const days = (from: number, to: number) => ((to - from) / 1440).toFixed(2);

/** The LP bound against the planner's other bounds and its closure, with the solver's time, per scenario. */
export const lpBoundBenchmark: Benchmark = {
  name: "lp-bound",
  description: "time-space network LP bound (HiGHS in a worker, 10 s): value, size and time",
  async run(log) {
    const rows: (string | number)[][] = [];
    for (const c of CASES) {
      log(`lp-bound: ${c.label}`);
      const rs = load(c.spec);
      const plan = planWithdrawal(rs);
      const lp = await solveLpBound(rs, { ...lpBoundHints(rs, plan), timeLimitMs: 10_000 });
      const merged = withLpBound(rs, plan, lp);
      const others = plan.bounds.filter((b) => b.name !== "start").map((b) => `${b.name} ${formatHuman(at(b.at))}`);
      const s = lp.stats;
      rows.push([
        c.label,
        formatHuman(at(plan.summary.closureAt)),
        others.join("; "),
        "at" in lp ? formatHuman(lp.at) : `— (${lp.unsolved})`,
        "at" in lp ? `${days(rs.start, lp.at)} vs ${days(rs.start, at(plan.summary.lowerBoundAt))}` : "—",
        `${ratio(plan.summary.closureRatio)} → ${ratio(merged.summary.closureRatio)} (${merged.summary.bindingBound})`,
        s.columns === undefined ? "—" : `${s.columns} × ${s.rows}`,
        s.bucketMinutes === undefined ? "—" : `${s.bucketMinutes / 60} h / ${(s.periodMinutes ?? 0) / 60} h`,
        `${s.solves.length} (${s.solves.map((x) => x.ms).join(", ")} ms)`,
        (s.totalMs / 1000).toFixed(1),
      ]);
    }
    return [
      {
        title: "LP relaxation bound",
        intro:
          "Plan by the greedy planner, then the time-space network LP bound in a worker thread (HiGHS 1.15.3, WebAssembly) with a 10 s limit, " +
          "searched from the best other bound up to the plan's closure. Days are from the planning start.",
        columns: ["scenario", "closure", "other bounds", "LP bound", "LP vs best other (days)", "closure / bound", "model (cols × rows)", "bucket / load period", "solves", "total s"],
        rows,
        notes: ["Total includes the worker's start (tsx, HiGHS load) and the model build. A run cut by the limit gives no bound (plans stay deterministic)."],
      },
    ];
  },
};
