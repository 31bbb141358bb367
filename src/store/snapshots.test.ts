import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatSql, renderSnapshots } from "./snapshots.ts";

const here = dirname(fileURLToPath(import.meta.url));

describe("SQL snapshots", async () => {
  const files = await renderSnapshots();

  it.each(files.map((f) => [f.path, f.text] as const))("%s is up to date (npm run store:snapshots)", (path, text) => {
    let committed: string;
    try {
      committed = readFileSync(join(here, path), "utf8");
    } catch {
      throw new Error(`${path} is missing: run npm run store:snapshots and commit it`);
    }
    expect(committed, `${path} is stale: run npm run store:snapshots and review the SQL diff`).toBe(text);
  });

  it("has no snapshot file that no query produces", () => {
    const wanted = new Set(files.map((f) => f.path));
    const stray = readdirSync(join(here, "queries")).filter((n) => n.endsWith(".sql") && !wanted.has(`queries/${n}`));
    expect(stray).toEqual([]);
  });

  it("covers both dialects for every group", () => {
    const groups = new Set(files.map((f) => f.path.replace(/\.(sqlite|postgres)\.sql$/, "")));
    expect(files).toHaveLength(groups.size * 2);
  });

  it("changes only whitespace outside quotes when laying out SQL", () => {
    const statement = `select "a from b", 'x where y' from "t" where "a" = ? and "b" in (select 1 from "u" where "c" = ?)`;
    const formatted = formatSql(statement);
    expect(formatted.replace(/\s+/g, " ")).toBe(statement);
    expect(formatted).toContain(`"a from b"`);
    expect(formatted.split("\n")).toEqual([
      `select "a from b", 'x where y'`,
      `from "t"`,
      `where "a" = ?`,
      `  and "b" in (select 1 from "u" where "c" = ?)`,
    ]);
  });
});
