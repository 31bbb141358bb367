/**
 * `npm run store:snapshots`: rewrites `src/store/queries/*.sql` from the current repository code
 * and removes snapshot files no repository produces any more.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderSnapshots } from "./snapshots.ts";

const here = dirname(fileURLToPath(import.meta.url));
const files = await renderSnapshots();
mkdirSync(join(here, "queries"), { recursive: true });
const wanted = new Set(files.map((f) => f.path));
for (const name of readdirSync(join(here, "queries"))) {
  if (name.endsWith(".sql") && !wanted.has(`queries/${name}`)) rmSync(join(here, "queries", name));
}
for (const f of files) writeFileSync(join(here, f.path), f.text);
console.log(`wrote ${files.length} SQL snapshots under src/store/queries/`);
