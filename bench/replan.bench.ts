import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type Benchmark, fmt, median } from "./harness.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** Re-planning Niger after four events (a cancellation, an aircraft out, a clearance withheld, new cargo). */
export const replanBenchmark: Benchmark = {
  name: "replan",
  description: "drawdown replan on Niger after four events: time, movements kept and changed",
  async run(log) {
    log("replan: Niger 2024, 4 events");
    const out = execFileSync(process.execPath, ["--import", "tsx", "bench/replan-case.ts", "7"], { cwd: ROOT, encoding: "utf8", timeout: 600_000 });
    const r = JSON.parse(out.trim().split("\n").pop() ?? "{}") as {
      times: number[];
      summary: { closureRatio: number; sorties: number };
      diff: { unchanged: number; removed: number; added: number };
      maxRssKb: number;
    };
    return [
      {
        title: "Re-planning (drawdown replan)",
        intro:
          "Niger 2024 planned, then re-planned at 2024-06-10 after S0012 is cancelled, C17-1 is out for three days, Algeria withholds overflights for two days and four generators turn up at Niamey. Time covers applying the events, validating the scenario they leave and re-planning (median of the runs, one fresh process).",
        columns: ["case", "replan ms (median)", "runs", "future kept", "removed", "added", "sorties after", "peak RSS MiB"],
        rows: [["Niger 2024, 4 events", fmt(median(r.times), 1), r.times.length, r.diff.unchanged, r.diff.removed, r.diff.added, r.summary.sorties, fmt(r.maxRssKb / 1024, 0)]],
        notes: ["Goal: < 1 s for Niger."],
      },
    ];
  },
};
