/**
 * The ledger is pure (docs: ARCHITECTURE.md): its modules may import only node:crypto and each
 * other, and read no clock or ambient randomness. Test files are exempt.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const DIR = fileURLToPath(new URL(".", import.meta.url));
const modules = readdirSync(DIR).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

describe("ledger purity", () => {
  it("has modules to check", () => {
    expect(modules.length).toBeGreaterThan(5);
  });

  it.each(modules)("%s imports only node:crypto and sibling files", (file) => {
    const source = readFileSync(`${DIR}${file}`, "utf8");
    const specifiers = [...source.matchAll(/\bfrom\s+"([^"]+)"|\bimport\s*\(\s*"([^"]+)"/g)].map(
      (m) => m[1] ?? m[2],
    );
    for (const s of specifiers)
      expect(s === "node:crypto" || /^\.\/[\w.-]+\.ts$/.test(s ?? ""), s).toBe(true);
  });

  it.each(modules)("%s reads no clock and no ambient randomness", (file) => {
    const source = readFileSync(`${DIR}${file}`, "utf8");
    expect(source).not.toMatch(
      /\bDate\.now\b|\bnew Date\b|\bperformance\.now\b|\bMath\.random\b|\brandomBytes\b/,
    );
  });
});
