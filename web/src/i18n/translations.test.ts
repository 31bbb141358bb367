/**
 * French is complete: every English key the app uses (in `t("…")` and `msg("…")` calls) has a
 * French translation, no translation is left over, and each keeps its `{{placeholders}}`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { fr } from "./fr.ts";

const SRC = fileURLToPath(new URL("../", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(p) && !p.endsWith(".test.ts") ? [p] : [];
  });
}

/** The keys used in the sources: the first argument of `t(` and `msg(` when it is a string literal. */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  const call = /\b(?:t|msg)\(\s*"((?:[^"\\]|\\.)*)"/g;
  for (const file of sources(SRC)) {
    // Comments may show calls as examples: they are not keys.
    const code = readFileSync(file, "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/^\s*\/\/.*$/gm, "");
    for (const m of code.matchAll(call)) keys.add(JSON.parse(`"${m[1]}"`) as string);
  }
  return keys;
}

/** The base key of a plural form (`x_one` → `x`). */
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, "");
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe("translations", () => {
  const used = usedKeys();

  it("finds the app's keys", () => {
    expect(used.size).toBeGreaterThan(100);
    expect(used.has("Overview")).toBe(true);
  });

  it("has French for every key the app uses", () => {
    const french = new Set(Object.keys(fr).map(base));
    expect([...used].filter((k) => !french.has(k)).sort()).toEqual([]);
  });

  it("has no French left over for keys the app no longer uses", () => {
    expect(Object.keys(fr).filter((k) => !used.has(base(k))).sort()).toEqual([]);
    expect(Object.keys(en).filter((k) => !used.has(base(k))).sort()).toEqual([]);
  });

  it("keeps each key's placeholders in French (plural forms may use the formatted count)", () => {
    for (const [k, v] of Object.entries(fr)) {
      const want = placeholders(base(k)).filter((p) => p !== "count");
      expect(placeholders(v).filter((p) => p !== "count" && p !== "formatted"), k).toEqual(want);
    }
  });

  it("gives plural keys both French forms", () => {
    for (const k of Object.keys(en).filter((x) => x.endsWith("_one"))) {
      expect(fr[k], k).toBeDefined();
      expect(fr[`${base(k)}_other`], k).toBeDefined();
    }
  });
});
