// npx tsx bench/lp-bound.main.ts: prints the LP bound benchmark as a markdown table (progress on stderr).
import { machine, renderSection } from "./harness.ts";
import { lpBoundBenchmark } from "./lp-bound.bench.ts";

const sections = await lpBoundBenchmark.run((line) => console.error(line));
console.log(`_Measured ${machine(new Date())}._\n`);
for (const s of sections) console.log(renderSection(s));
