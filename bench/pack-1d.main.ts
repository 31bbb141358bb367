// npx tsx bench/pack-1d.main.ts [--budget ms] [--sets a,b] [--per-set n] [--bc ms] [--highs [regex]] [--highs-per-set n] [--highs-seconds s]
// Prints the 1-D bin-packing benchmark as markdown tables (progress goes to stderr).
import { renderPack1d, runPack1d } from "./pack-1d.ts";

const args = process.argv.slice(2);
const value = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  const v = i >= 0 ? args[i + 1] : undefined;
  return v !== undefined && !v.startsWith("--") ? v : undefined;
};
const budgetMs = Number(value("--budget") ?? 2000);
const sets = value("--sets")?.split(",");
const binCompletionMs = Number(value("--bc") ?? 200);
// HiGHS is slow (seconds per instance): by default only on Falkenauer U 120.
const highsFilter = args.includes("--highs") ? new RegExp(value("--highs") ?? "^Falkenauer_u120_") : undefined;
const highsSeconds = Number(value("--highs-seconds") ?? 30);
const perSet = value("--per-set");
const highsPerSet = value("--highs-per-set");

const started = performance.now();
const report = await runPack1d({
  ...(sets ? { sets } : {}),
  ...(perSet ? { perSet: Number(perSet) } : {}),
  ...(highsPerSet ? { highsPerSet: Number(highsPerSet) } : {}),
  budgetMs,
  binCompletionMs,
  ...(highsFilter ? { highsFilter } : {}),
  highsSeconds,
  log: (line) => console.error(line),
});
console.log(`## 1-D bin packing (budget ${budgetMs} ms per instance, Node ${process.version})\n`);
console.log(renderPack1d(report));
console.error(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
