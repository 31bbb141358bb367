// Runs one planning case in a fresh process so its peak memory is its own:
// node --import tsx bench/plan-case.ts <scenario.json | gen:personnel:items:sites:seed | preset:name> <runs>
import { readFileSync } from "node:fs";
import { parseScenarioText, parseScenarioValue } from "#domain/scenario-file.ts";
import { planWithdrawal } from "#planner/plan-withdrawal.ts";

const [spec = "", runsArg = "3"] = process.argv.slice(2);
const runs = Number(runsArg);
const t0 = performance.now();
let parsed: ReturnType<typeof parseScenarioText>;
if (spec.startsWith("gen:")) {
  const [, personnel, items, sites, seed] = spec.split(":").map(Number);
  const { generateScenario } = await import("#generate/generate.ts");
  parsed = parseScenarioValue(generateScenario({ personnel: personnel ?? 0, items: items ?? 0, sites: sites ?? 1, seed: seed ?? 1 }));
} else if (spec.startsWith("preset:")) {
  const { generateScenario } = await import("#generate/generate.ts");
  const { GENERATOR_PRESETS } = await import("#generate/presets.ts");
  const preset = GENERATOR_PRESETS[spec.slice("preset:".length) as keyof typeof GENERATOR_PRESETS];
  if (!preset) throw new Error(`unknown preset in ${spec}`);
  parsed = parseScenarioValue(generateScenario(preset));
} else {
  parsed = parseScenarioText(readFileSync(spec, "utf8"));
}
const loadMs = performance.now() - t0;
if (!parsed.ok) {
  console.log(JSON.stringify({ error: parsed.issues.slice(0, 3) }));
  process.exit(1);
}
const times: number[] = [];
let summary: unknown;
let unplanned = 0;
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  const plan = planWithdrawal(parsed.value);
  times.push(performance.now() - t);
  summary = plan.summary;
  unplanned = plan.unplanned.length;
}
console.log(JSON.stringify({ loadMs, times, summary, unplanned, maxRssKb: process.resourceUsage().maxRSS }));
