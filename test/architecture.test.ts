import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./scenarios.ts";

const PURE = ["src/domain", "src/planner", "src/verify", "src/ledger", "src/generate", "src/workflow"];

function sources(dir: string): string[] {
  const abs = join(ROOT, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const p = join(abs, e);
    if (statSync(p).isDirectory()) return sources(relative(ROOT, p));
    return p.endsWith(".ts") && !p.endsWith(".test.ts") ? [p] : [];
  });
}

/** Imports and calls that would tie the pure core to the platform, a clock or unseeded randomness. */
const FORBIDDEN: [RegExp, string][] = [
  [/from\s+["'](node:)?(fs|fs\/promises|child_process|net|http|https|worker_threads)["']/, "I/O module"],
  [/from\s+["'](kysely|pg|better-sqlite3|hono)["'/]/, "store or server library"],
  [/\bDate\.now\s*\(/, "the clock (Date.now)"],
  [/new Date\(\s*\)/, "the clock (new Date())"],
  [/\bperformance\.now\s*\(/, "the clock (performance.now)"],
  [/\bMath\.random\s*\(/, "unseeded randomness"],
  [/\bprocess\.(env|argv|stdout|stderr|exit)/, "the process"],
];

describe("architecture: the pure core", () => {
  for (const dir of PURE) {
    for (const file of sources(dir)) {
      const rel = relative(ROOT, file);
      it(`${rel} uses no I/O, clock or unseeded randomness`, () => {
        const text = readFileSync(file, "utf8");
        // node:crypto is allowed in the ledger (hashing and signatures are pure functions of their input).
        for (const [re, what] of FORBIDDEN) expect(re.test(text), `${rel} imports or calls ${what}`).toBe(false);
      });
    }
  }

  it("the verifier shares nothing with the planner", () => {
    for (const file of sources("src/verify")) {
      const text = readFileSync(file, "utf8");
      expect(/#planner\/|\.\.\/planner\//.test(text), `${relative(ROOT, file)} imports the planner`).toBe(false);
    }
  });

  it("the domain imports nothing else of ours", () => {
    for (const file of sources("src/domain")) {
      const text = readFileSync(file, "utf8");
      expect(/from\s+["'](#(planner|verify|ledger|cli|store|server|workflow)\/|\.\.\/(planner|verify|ledger|cli))/.test(text), relative(ROOT, file)).toBe(false);
    }
  });
});
