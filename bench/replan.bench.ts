import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type Benchmark, fmt, median } from "./harness.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

interface CaseResult {
  times: number[];
  summary: { closureRatio: number; sorties: number };
  diff: { unchanged: number; removed: number; added: number };
  events: string[];
  now: string;
  maxRssKb: number;
}

const CASES: { label: string; spec: string; runs: number }[] = [
  { label: "Niger 2024", spec: "niger", runs: 7 },
  { label: "MINUSMA scale (preset minusma)", spec: "preset:minusma", runs: 3 },
];

/** Re-planning after four kinds of event (a cancellation, an aircraft out, a clearance withheld, new cargo). */
export const replanBenchmark: Benchmark = {
  name: "replan",
  description: "drawdown replan on Niger and at MINUSMA scale after four events: time, movements kept and changed",
  async run(log) {
    const rows: (string | number)[][] = [];
    for (const c of CASES) {
      log(`replan: ${c.label}`);
      const out = execFileSync(process.execPath, ["--import", "tsx", "bench/replan-case.ts", c.spec, String(c.runs)], { cwd: ROOT, encoding: "utf8", timeout: 600_000, maxBuffer: 1 << 26 });
      const r = JSON.parse(out.trim().split("\n").pop() ?? "{}") as CaseResult;
      rows.push([c.label, r.now, r.events.join(", "), fmt(median(r.times), 1), r.times.length, r.diff.unchanged, r.diff.removed, r.diff.added, r.summary.sorties, fmt(r.maxRssKb / 1024, 0)]);
    }
    return [
      {
        title: "Re-planning (drawdown replan)",
        intro:
          "Each case is planned, then re-planned at `now` after its events. Niger: S0012 is cancelled, C17-1 is out for three days, Algeria withholds overflights for two days and four generators turn up at Niamey. A generated case gets the same kinds of event from its own plan, 30 % of the way to closure: the first loaded sortie two days ahead is cancelled, its aircraft is out for three days, the country of the next overflight withholds it for two days, and four generators turn up where that sortie loaded. Time covers applying the events, validating the scenario they leave and re-planning (median of the runs, one fresh process per case).",
        columns: ["case", "now", "events", "replan ms (median)", "runs", "future kept", "removed", "added", "sorties after", "peak RSS MiB"],
        rows,
        notes: ["Goals: < 1 s for Niger, < 10 s at MINUSMA scale."],
      },
    ];
  },
};
