/**
 * Several processes on one database, as the CLI and the server share it: run on both engines
 * with real child processes (SQLite's locks are per process, so in-process tests cannot show this).
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import type { DatabaseLocation } from "./engine.ts";
import { ledgerSize, readLeaves } from "./ledger.repository.ts";
import { appliedMigrations } from "./migrate.ts";
import { describeEngines } from "./testing/engines.ts";
import { seedUsers } from "./testing/factories.ts";
import { findUserById } from "./users.repository.ts";

const WORKER = fileURLToPath(new URL("./testing/worker.ts", import.meta.url));

function runWorker(task: { task: string; location: DatabaseLocation } & Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", WORKER, JSON.stringify(task)],
      { timeout: 90_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`worker failed: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout.trim().split("\n").at(-1) ?? "null"));
      },
    );
  });
}

describeEngines("several processes", (engine) => {
  it("migrate together once, then append without gaps, duplicates or failures", async () => {
    const location = await engine.location();
    const workers = ["w1", "w2", "w3"];
    const results = (await Promise.all(
      workers.map((tag) => runWorker({ task: "append", location, count: 25, tag })),
    )) as { applied: string[]; indexes: number[] }[];

    expect(results.flatMap((r) => r.applied)).toEqual(["0001_initial", "0002_workflow"]); // exactly one process migrated
    const indexes = results.flatMap((r) => r.indexes).sort((a, b) => a - b);
    expect(indexes).toEqual(Array.from({ length: 75 }, (_, i) => i));

    const store = await engine.open(location);
    expect(await appliedMigrations(store.db)).toEqual(["0001_initial", "0002_workflow"]);
    expect(await ledgerSize(store.db)).toBe(75);
    const leaves = await readLeaves(store.db, 0, 100);
    expect(leaves.map((l) => l.idx)).toEqual(indexes);
    for (const tag of workers) {
      // each worker's leaves are in its own order
      const mine = leaves.map((l) => JSON.parse(l.leaf_data).event as string).filter((e) => e.startsWith(`${tag}-`));
      expect(mine).toEqual(Array.from({ length: 25 }, (_, i) => `${tag}-${i}`));
    }
  });

  it("let exactly one of several processes update a row at the same expected version", async () => {
    const { handle, location } = await engine.fresh();
    await seedUsers(handle.db);
    const startAt = Date.now() + 2500; // after every worker has started and connected
    const results = (await Promise.all(
      ["w1", "w2", "w3", "w4"].map((tag) => runWorker({ task: "race", location, startAt, tag })),
    )) as { won: boolean }[];
    expect(results.filter((r) => r.won)).toHaveLength(1);
    const winner = ["w1", "w2", "w3", "w4"][results.findIndex((r) => r.won)];
    expect(await findUserById(handle.db, "u-fr-1")).toMatchObject({ version: 2, roles: JSON.stringify([winner]) });
  });
});
