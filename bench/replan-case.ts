// Re-plans a scenario after a set of events in a fresh process:
// node --import tsx bench/replan-case.ts <niger | preset:name> <runs>
// Niger keeps its fixed events (comparable across runs); a generated scenario gets the same four
// kinds of event, picked from its own plan 30 % of the way to closure.
import { readFileSync } from "node:fs";
import { type Plan, planSchema } from "#domain/plan.ts";
import { parseReplanEventsText } from "#domain/replan-events.ts";
import type { ScenarioInput } from "#domain/scenario.ts";
import { parseScenarioValue } from "#domain/scenario-file.ts";
import { generateScenario } from "#generate/generate.ts";
import { GENERATOR_PRESETS } from "#generate/presets.ts";
import { planWithdrawal } from "#planner/plan-withdrawal.ts";
import { applyEvents } from "#planner/replan/apply-events.ts";
import { replan } from "#planner/replan/replan.ts";

const [spec = "niger", runsArg = "5"] = process.argv.slice(2);
const runs = Number(runsArg);

function scenarioOf(s: string): ScenarioInput {
  if (s === "niger") return JSON.parse(readFileSync("scenarios/niger-2024.json", "utf8")) as ScenarioInput;
  const preset = GENERATOR_PRESETS[s.slice("preset:".length) as keyof typeof GENERATOR_PRESETS];
  if (!s.startsWith("preset:") || !preset) throw new Error(`unknown case ${s}: niger or preset:<name>`);
  return generateScenario(preset);
}

const gensets = (site: string) => ({
  kind: "new_cargo",
  cargo: [{ id: "bench-gensets", description: "Generators found in a warehouse", site, quantity: 4, unitWeight: 1800, dimensions: { length: 300, width: 150, height: 180 }, kind: "rolling_stock", assumption: true, rationale: "benchmark" }],
});

const NIGER_EVENTS = {
  formatVersion: 1,
  now: "2024-06-10T00:00:00Z",
  events: [
    { kind: "cancelled", movement: "S0012" },
    { kind: "aircraft_out", aircraft: "C17-1", from: "2024-06-14T00:00:00Z", to: "2024-06-17T00:00:00Z" },
    { kind: "clearance_delayed", country: "DZ", clearance: "overflight", from: "2024-06-20T00:00:00Z", until: "2024-06-22T00:00:00Z" },
    gensets("NIAMEY"),
  ],
};

const iso = (ms: number) => new Date(Math.round(ms / 3_600_000) * 3_600_000).toISOString().replace(".000Z", "Z");

/** A cancellation, an aircraft out, a clearance withheld and new cargo, from the plan itself. */
function derivedEvents(plan: Plan) {
  const start = Date.parse(plan.summary.start);
  const now = start + 0.3 * (Date.parse(plan.summary.closureAt) - start);
  const day = 86_400_000;
  const future = plan.sorties.filter((s) => Date.parse(s.legs[0]?.departAt ?? "") > now + 2 * day);
  const victim = future.find((s) => s.legs.some((l) => l.load && (l.load.pallets.length > 0 || l.load.items.length > 0)));
  if (!victim) throw new Error("no future loaded sortie to cancel");
  const from = victim.legs.find((l) => l.load && (l.load.pallets.length > 0 || l.load.items.length > 0))?.from ?? "";
  const over = plan.clearanceRequests.find((r) => r.kind === "overflight" && Date.parse(r.firstAt) > now + 5 * day);
  return {
    formatVersion: 1,
    now: iso(now),
    events: [
      { kind: "cancelled", movement: victim.id },
      { kind: "aircraft_out", aircraft: victim.aircraft, from: iso(now + 3 * day), to: iso(now + 6 * day) },
      ...(over ? [{ kind: "clearance_delayed", country: over.country, clearance: "overflight", from: iso(now + 5 * day), until: iso(now + 7 * day) }] : []),
      gensets(from),
    ],
  };
}

const input = scenarioOf(spec);
const parsed = parseScenarioValue(input);
if (!parsed.ok) throw new Error(`${spec} does not validate`);
const old = planSchema.parse(JSON.parse(JSON.stringify(planWithdrawal(parsed.value))));
const raw = JSON.stringify(spec === "niger" ? NIGER_EVENTS : derivedEvents(old));
const events = parseReplanEventsText(raw);
if (!events.ok) throw new Error(`bad benchmark events: ${JSON.stringify(events.issues)}`);
const times: number[] = [];
let summary: unknown;
let diff = { unchanged: 0, removed: 0, added: 0 };
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  // What `drawdown replan` does after reading the files: apply the events, validate, re-plan.
  const applied = applyEvents(structuredClone(input), parsed.value, old, events.value, events.raw);
  if (!applied.ok) throw new Error(`events do not apply: ${JSON.stringify(applied).slice(0, 300)}`);
  const after = parseScenarioValue(applied.scenario);
  if (!after.ok) throw new Error("scenario after the events does not validate");
  const r = replan(after.value, old, events.value);
  times.push(performance.now() - t);
  summary = r.plan.summary;
  diff = { unchanged: r.diff.unchanged.length, removed: r.diff.removed.length, added: r.diff.added.length };
}
console.log(JSON.stringify({ times, summary, diff, events: JSON.parse(raw).events.map((e: { kind: string }) => e.kind), now: JSON.parse(raw).now, maxRssKb: process.resourceUsage().maxRSS }));
