/**
 * The web app imports the API's types only: `contract.ts` is the one file that reaches into the
 * server's sources, its imports are type-only and of wire files (zod schemas, no server code).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const WEB = fileURLToPath(new URL("../", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(p) && !p.endsWith(".test.ts") ? [p] : [];
  });
}

const imports = (text: string) => [...text.matchAll(/^\s*import\s+(type\s+)?[^;]*?from\s+["']([^"']+)["']/gms)].map((m) => ({ type: m[1] !== undefined, from: m[2] ?? "" }));

describe("the web app and the server", () => {
  it("reaches into src/ only from api/contract.ts", () => {
    const reaching = sources(WEB).filter((f) => imports(readFileSync(f, "utf8")).some((i) => i.from.includes("/src/") || i.from.startsWith("#")));
    expect(reaching.map((f) => relative(WEB, f))).toEqual(["api/contract.ts"]);
  });

  it("imports only types, and only from the wire files", () => {
    const list = imports(readFileSync(join(WEB, "api/contract.ts"), "utf8")).filter((i) => i.from.includes("/src/"));
    expect(list.length).toBeGreaterThan(0);
    for (const i of list) {
      expect(i.type, i.from).toBe(true);
      expect(i.from, i.from).toMatch(/\/src\/server\/(wire|routes\/[a-z-]+-wire)\.ts$/);
    }
  });

  it("keeps the wire files free of server code: they import zod and each other only", () => {
    const wires = [join(WEB, "../../src/server/wire.ts"), ...readdirSync(join(WEB, "../../src/server/routes")).filter((f) => f.endsWith("-wire.ts")).map((f) => join(WEB, "../../src/server/routes", f))];
    // zod, or another wire file (which this same test holds to zod only).
    for (const w of wires) for (const i of imports(readFileSync(w, "utf8"))) expect(i.from, w).toMatch(/^(@hono\/zod-openapi|\.\/[a-z-]+-wire\.ts|\.\.\/wire\.ts)$/);
  });
});
