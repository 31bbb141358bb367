// Re-plans Niger after a set of events in a fresh process: node --import tsx bench/replan-case.ts <runs>
import { readFileSync } from "node:fs";
import { planSchema } from "#domain/plan.ts";
import { parseReplanEventsText } from "#domain/replan-events.ts";
import type { ScenarioInput } from "#domain/scenario.ts";
import { parseScenarioText, parseScenarioValue } from "#domain/scenario-file.ts";
import { planWithdrawal } from "#planner/plan-withdrawal.ts";
import { applyEvents } from "#planner/replan/apply-events.ts";
import { replan } from "#planner/replan/replan.ts";

const runs = Number(process.argv[2] ?? 5);
const text = readFileSync("scenarios/niger-2024.json", "utf8");
const parsed = parseScenarioText(text);
if (!parsed.ok) throw new Error("niger-2024 does not validate");
const old = planSchema.parse(JSON.parse(JSON.stringify(planWithdrawal(parsed.value))));
const events = parseReplanEventsText(
  JSON.stringify({
    formatVersion: 1,
    now: "2024-06-10T00:00:00Z",
    events: [
      { kind: "cancelled", movement: "S0012" },
      { kind: "aircraft_out", aircraft: "C17-1", from: "2024-06-14T00:00:00Z", to: "2024-06-17T00:00:00Z" },
      { kind: "clearance_delayed", country: "DZ", clearance: "overflight", from: "2024-06-20T00:00:00Z", until: "2024-06-22T00:00:00Z" },
      { kind: "new_cargo", cargo: [{ id: "bench-gensets", description: "Generators found in a warehouse", site: "NIAMEY", quantity: 4, unitWeight: 1800, dimensions: { length: 300, width: 150, height: 180 }, kind: "rolling_stock", assumption: true, rationale: "benchmark" }] },
    ],
  }),
);
if (!events.ok) throw new Error(`bad benchmark events: ${JSON.stringify(events.issues)}`);
const times: number[] = [];
let summary: unknown;
let diff = { unchanged: 0, removed: 0, added: 0 };
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  // What `drawdown replan` does after reading the files: apply the events, validate, re-plan.
  const applied = applyEvents(JSON.parse(text) as ScenarioInput, parsed.value, old, events.value, events.raw);
  if (!applied.ok) throw new Error("events do not apply");
  const after = parseScenarioValue(applied.scenario);
  if (!after.ok) throw new Error("scenario after the events does not validate");
  const r = replan(after.value, old, events.value);
  times.push(performance.now() - t);
  summary = r.plan.summary;
  diff = { unchanged: r.diff.unchanged.length, removed: r.diff.removed.length, added: r.diff.added.length };
}
console.log(JSON.stringify({ times, summary, diff, maxRssKb: process.resourceUsage().maxRSS }));
