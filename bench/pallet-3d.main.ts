// npx tsx bench/pallet-3d.main.ts [--budget ms] [--sets 1,2,…] [--instances n] [--no-binpackingjs]
// Prints the 3-D loading benchmark (br3d sets 1–7, ours vs binpackingjs 4.1.0) as a markdown table;
// progress goes to stderr.
import { renderPallet3d, runPallet3d } from "./pallet-3d.ts";

const args = process.argv.slice(2);
const value = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  const v = i >= 0 ? args[i + 1] : undefined;
  return v !== undefined && !v.startsWith("--") ? v : undefined;
};
const budgetMs = Number(value("--budget") ?? 1000);
const sets = value("--sets")?.split(",").map(Number);
const instances = value("--instances");

const started = performance.now();
const report = await runPallet3d({
  budgetMs,
  ...(sets ? { sets } : {}),
  ...(instances ? { instances: Number(instances) } : {}),
  binpackingjs: !args.includes("--no-binpackingjs"),
  log: (line) => console.error(line),
});
console.log(`## 3-D container loading, Bischoff & Ratcliff sets (budget ${budgetMs} ms per instance, Node ${process.version})\n`);
console.log(renderPallet3d(report));
console.error(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
