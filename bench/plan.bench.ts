import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type BenchSection, type Benchmark, fmt, median } from "./harness.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

interface CaseResult {
  loadMs: number;
  times: number[];
  summary: { closureRatio: number; sorties: number; meetsDeadline: boolean; bindingBound: string; cargoPieces: number; personnel: number };
  unplanned: number;
  maxRssKb: number;
}

function runCase(spec: string, runs: number): CaseResult {
  const out = execFileSync(process.execPath, ["--import", "tsx", "bench/plan-case.ts", spec, String(runs)], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 26,
    timeout: 600_000,
  });
  return JSON.parse(out.trim().split("\n").pop() ?? "{}") as CaseResult;
}

const CASES: { label: string; spec: string; runs: number }[] = [
  { label: "Niger 2024", spec: "scenarios/niger-2024.json", runs: 7 },
  { label: "synthetic-small", spec: "scenarios/synthetic-small.json", runs: 7 },
  { label: "generated 1k items (200 personnel, 4 sites)", spec: "gen:200:1000:4:1", runs: 5 },
  { label: "generated 10k items (2,000 personnel, 8 sites)", spec: "gen:2000:10000:8:1", runs: 3 },
  { label: "generated 100k items (10,000 personnel, 20 sites)", spec: "gen:10000:100000:20:1", runs: 1 },
  // Goals: MINUSMA < 10 s; extra large < 60 s and < 4 GiB (peak RSS of its own process).
  { label: "MINUSMA scale (preset minusma: 13,000 personnel, 12 sites, 7,000 items, 40 aircraft of 4 types, 180 days, 3 road sites)", spec: "preset:minusma", runs: 1 },
  { label: "extra large (preset xl: 100,000 personnel, 40 sites, 50,000 items, 300 aircraft)", spec: "preset:xl", runs: 1 },
];

/** Plan time and quality of the end-to-end planner, each case in its own process. */
export const planBenchmark: Benchmark = {
  name: "plan",
  description: "end-to-end planning time, closure / bound and peak memory",
  async run(log) {
    const rows: (string | number)[][] = [];
    for (const c of CASES) {
      log(`plan: ${c.label}`);
      const r = runCase(c.spec, c.runs);
      const med = median(r.times);
      rows.push([
        c.label,
        r.summary.personnel,
        r.summary.cargoPieces,
        r.summary.sorties,
        fmt(r.loadMs, 0),
        fmt(med, 1),
        r.times.length,
        fmt(med / Math.max(r.loadMs, 1e-9), 2),
        fmt(r.summary.closureRatio, 3),
        r.summary.bindingBound,
        r.summary.meetsDeadline ? "yes" : "NO",
        r.unplanned,
        fmt(r.maxRssKb / 1024, 0),
      ]);
    }
    const section: BenchSection = {
      title: "Planning (drawdown plan)",
      intro:
        "Each case runs in a fresh Node process: the scenario is read and validated once (load ms), then planned `runs` times; plan ms is the median. Ratio = plan / load in the same process. Closure / bound is (closure − start) / (best lower bound − start): 1.000 is provably optimal.",
      columns: ["case", "personnel", "pieces", "sorties", "load ms", "plan ms (median)", "runs", "plan / load", "closure / bound", "binding bound", "meets deadline", "unplanned", "peak RSS MiB"],
      rows,
    };
    return [section];
  },
};
