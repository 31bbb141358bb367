// npm run bench [-- name …]: runs the named benchmarks (all by default) in one process and
// rewrites BENCHMARKS.md with the machine, Node version and date.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { aclppBenchmark } from "./aclpp.bench.ts";
import { type Benchmark, machine, renderSection } from "./harness.ts";
import { loadsBenchmark } from "./loads.bench.ts";
import { lpBoundBenchmark } from "./lp-bound.bench.ts";
import { pack1dBenchmark } from "./pack-1d.ts";
import { pallet3dBenchmark } from "./pallet-3d.ts";
import { planBenchmark } from "./plan.bench.ts";
import { replanBenchmark } from "./replan.bench.ts";
import { serverBenchmark } from "./server.bench.ts";
import { webBenchmark } from "./web.bench.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const FILE = `${ROOT}BENCHMARKS.md`;

const ALL: Benchmark[] = [planBenchmark, replanBenchmark, lpBoundBenchmark, pack1dBenchmark, pallet3dBenchmark, loadsBenchmark, aclppBenchmark, serverBenchmark, webBenchmark];

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
if (process.argv.includes("--help")) {
  console.log(`npm run bench [-- <name> …]\n\nBenchmarks:\n${ALL.map((b) => `  ${b.name.padEnd(10)} ${b.description}`).join("\n")}\n\nResults go to BENCHMARKS.md (sections of benchmarks not run are kept).`);
  process.exit(0);
}
const unknown = wanted.filter((w) => !ALL.some((b) => b.name === w));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(", ")}; known: ${ALL.map((b) => b.name).join(", ")}`);
  process.exit(2);
}
const selected = wanted.length > 0 ? ALL.filter((b) => wanted.includes(b.name)) : ALL;

// Keep the sections of benchmarks not run this time, so one can be re-measured alone.
const previous = existsSync(FILE) ? readFileSync(FILE, "utf8") : "";
const kept = new Map<string, string>();
for (const m of previous.matchAll(/<!-- bench:(\S+) -->\n([\s\S]*?)<!-- \/bench:\1 -->/g)) if (m[1] && m[2]) kept.set(m[1], m[2]);

const date = new Date();
for (const b of selected) {
  const started = performance.now();
  const sections = await b.run((line) => console.error(`[${b.name}] ${line}`));
  const body = `_Measured ${machine(date)} in ${((performance.now() - started) / 1000).toFixed(1)} s._\n\n${sections.map(renderSection).join("\n")}`;
  kept.set(b.name, body);
  console.log(body);
}

const order = ALL.map((b) => b.name).filter((n) => kept.has(n));
const text = `# Benchmarks

Written by \`npm run bench\` (never edit by hand). Speed is measured here, never in unit tests. Each
section states its machine and date; medians over the stated runs; ratios are against a baseline run in
the same process.

${order.map((n) => `<!-- bench:${n} -->\n${kept.get(n)}<!-- /bench:${n} -->`).join("\n\n")}
`;
writeFileSync(FILE, text);
console.error(`wrote ${FILE}`);
