import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileSchemas } from "#domain/schemas-json.ts";
import { type Io, writeTextAtomic } from "./io.ts";

/** `drawdown schema [--check]`: writes schema/*.json from the zod types, or checks they are current. */
export function schemaCommand(io: Io, opts: { check?: boolean; dir?: string }): number {
  const dir = opts.dir ?? "schema";
  const stale: string[] = [];
  for (const [name, text] of Object.entries(fileSchemas())) {
    const path = join(dir, name);
    if (opts.check) {
      if (!existsSync(path) || readFileSync(path, "utf8") !== text) stale.push(path);
    } else {
      mkdirSync(dir, { recursive: true });
      writeTextAtomic(path, text);
      io.out(`wrote ${path}`);
    }
  }
  if (stale.length > 0) {
    io.err(`${stale.join(", ")} ${stale.length === 1 ? "is" : "are"} out of date with src/domain: run \`npm run schema\` and commit the result.`);
    return 1;
  }
  if (opts.check) io.out("schema/ is up to date");
  return 0;
}
