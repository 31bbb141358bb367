import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ScenarioInput } from "#domain/scenario.ts";
import { parseScenarioValue } from "#domain/scenario-file.ts";
import { generateScenario } from "#generate/generate.ts";
import { loadQuality } from "#planner/load/load-quality.ts";
import { planWithdrawal } from "#planner/plan-withdrawal.ts";
import { verifyPlan } from "#verify/verify-plan.ts";
import { type BenchSection, type Benchmark, fmt } from "./harness.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** The same scenario flown by C-17As only, as many as the fleet had aircraft: the bound's own case. */
function c17Only(s: ScenarioInput): ScenarioInput {
  const count = s.fleet.reduce((n, f) => n + (typeof f.count === "number" ? f.count : f.count.value), 0);
  const first = s.fleet.find((f) => f.type === "C-17A") ?? s.fleet[0];
  if (!first) return s;
  return { ...s, fleet: [{ ...first, id: "C17", type: "C-17A", count }] };
}

const niger = (): ScenarioInput => JSON.parse(readFileSync(`${ROOT}scenarios/niger-2024.json`, "utf8")) as ScenarioInput;
const gen = (personnel: number, items: number, sites: number, seed: number) => generateScenario({ personnel, items, sites, seed });

const CASES: { label: string; scenario: () => ScenarioInput }[] = [
  { label: "Niger 2024 (1 C-17A + 1 C-130J-30)", scenario: niger },
  { label: "Niger 2024, C-17As only (2)", scenario: () => c17Only(niger()) },
  { label: "generated 1k items, 4 sites, seed 1", scenario: () => gen(200, 1000, 4, 1) },
  { label: "generated 1k items, 4 sites, seed 1, C-17As only", scenario: () => c17Only(gen(200, 1000, 4, 1)) },
  { label: "generated 1.5k items, 4 sites, seed 2", scenario: () => gen(300, 1500, 4, 2) },
  { label: "generated 10k items, 8 sites, seed 1", scenario: () => gen(2000, 10000, 8, 1) },
];

/** Aircraft loads against the load bounds, with the verifier's verdict on balance. */
export const loadsBenchmark: Benchmark = {
  name: "loads",
  description: "aircraft loads against the load bounds (any types; given each load's type and site), balance by the verifier",
  async run(log) {
    const rows: (string | number)[][] = [];
    for (const c of CASES) {
      log(`loads: ${c.label}`);
      const parsed = parseScenarioValue(c.scenario());
      if (!parsed.ok) throw new Error(`${c.label}: invalid scenario: ${JSON.stringify(parsed.issues.slice(0, 2))}`);
      const t = performance.now();
      const plan = planWithdrawal(parsed.value);
      const planMs = performance.now() - t;
      const q = loadQuality(parsed.value, plan);
      const report = verifyPlan(parsed.value, plan);
      const unbalanced = new Set(report.violations.filter((v) => v.code === "load.balance").map((v) => v.movement)).size;
      const withPlan = report.checked.loadPlans;
      const types = Object.entries(q.loadsByType)
        .map(([t, n]) => `${n} ${t}`)
        .join(" + ");
      const binding = Object.entries(q.anyTypes.terms)
        .filter(([, v]) => v === q.anyTypes.bound)
        .map(([k]) => k)
        .join(", ");
      rows.push([
        c.label,
        `${q.loads} (${types})`,
        `${q.anyTypes.bound} (${binding})`,
        fmt(q.loads / q.anyTypes.bound, 3),
        q.givenTypes.bound,
        fmt(q.loads / q.givenTypes.bound, 3),
        `${withPlan - unbalanced} / ${withPlan}`,
        report.violations.length,
        plan.unplanned.length,
        fmt(planMs, 0),
      ]);
    }
    const section: BenchSection = {
      title: "Aircraft loads against the load bound",
      intro:
        "Loads are the plan's loaded legs. Bound (any types): no plan moves the same cargo and passengers in fewer loads, flying any type of the fleet: max(weight / the largest allowable load, positions / the most positions, seats, units that fit only one type, units that cannot share, pairwise incompatible hazards). Bound (given types): the sum of that bound over each (aircraft type, boarding site) group of the plan's loads: no plan sending every piece from the same site on the same type, each load boarding at one site, needs fewer. With a mixed fleet the first also counts the schedule's choice of smaller aircraft (a C-130J-30 carries 8 positions, a C-17A 18); the second judges the packing of each load. Balance: loads with a load plan whose centre of balance the verifier finds inside the envelope. Goal: loads ≤ 1.05 × bound (≤ bound + 1 when the bound ≤ 10), 100 % balanced.",
      columns: ["case", "loads", "bound, any types (binding)", "loads / bound", "bound, given types", "loads / bound given types", "balanced (verifier)", "verifier violations", "unplanned", "plan ms (1 run)"],
      rows,
    };
    return [section];
  },
};
