import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase } from "./backup.ts";
import { openDatabase } from "./database.ts";
import { StoreError } from "./errors.ts";
import { appendLeaves, ledgerSize, readLeaves } from "./ledger.repository.ts";
import { migrateToLatest } from "./migrate.ts";
import { buildLeaf, seedUsers } from "./testing/factories.ts";
import { listUsers } from "./users.repository.ts";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "drawdown-backup-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function refusal(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

/** A migrated data directory with two users and `leaves` ledger leaves, left open. */
async function liveStore(leaves: number) {
  const dataDir = join(tempDir(), "data");
  const store = await openDatabase({ dataDir });
  await migrateToLatest(store.db);
  await seedUsers(store.db);
  await appendLeaves(
    store.db,
    Array.from({ length: leaves }, (_, i) => buildLeaf(i)),
  );
  return { dataDir, store };
}

describe("SQLite backup and restore", () => {
  it("backs up a running database to a standalone file and restores it into a new data directory", async () => {
    const { dataDir, store } = await liveStore(5);
    const file = join(tempDir(), "backups", "drawdown.backup.sqlite");
    try {
      const report = await backupDatabase({ dataDir }, file);
      expect(report.file).toBe(file);
      expect(report.bytes).toBeGreaterThan(0);
      // The live database keeps working while and after it is backed up.
      await appendLeaves(store.db, [buildLeaf(5)]);
    } finally {
      await store.close();
    }
    expect(existsSync(`${file}-wal`)).toBe(false);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("delete");
    raw.close();

    const restoredDir = join(tempDir(), "restored");
    const restored = await restoreDatabase({ dataDir: restoredDir }, file);
    expect(restored.migrations).toEqual(["0001_initial", "0002_workflow"]);
    const reopened = await openDatabase({ dataDir: restoredDir });
    try {
      expect(await migrateToLatest(reopened.db)).toEqual({ applied: [] });
      expect(await ledgerSize(reopened.db)).toBe(5);
      expect(await readLeaves(reopened.db, 0, 10)).toEqual([0, 1, 2, 3, 4].map((i) => buildLeaf(i)));
      expect((await listUsers(reopened.db)).map((u) => u.username)).toEqual(["amina", "camille"]);
    } finally {
      await reopened.close();
    }
  });

  it("refuses to overwrite a backup file unless told to", async () => {
    const { dataDir, store } = await liveStore(1);
    const file = join(tempDir(), "b.sqlite");
    try {
      await backupDatabase({ dataDir }, file);
      expect((await refusal(backupDatabase({ dataDir }, file))).code).toBe("store.backup_refused");
      await appendLeaves(store.db, [buildLeaf(1)]);
      await backupDatabase({ dataDir }, file, { overwrite: true });
    } finally {
      await store.close();
    }
    const restoredDir = join(tempDir(), "r");
    await restoreDatabase({ dataDir: restoredDir }, file);
    const reopened = await openDatabase({ dataDir: restoredDir });
    expect(await ledgerSize(reopened.db)).toBe(2);
    await reopened.close();
  });

  it("refuses to back up a data directory with no database", async () => {
    const error = await refusal(backupDatabase({ dataDir: join(tempDir(), "empty") }, join(tempDir(), "x.sqlite")));
    expect(error.code).toBe("store.backup_refused");
  });

  it("restores over an existing database only when told to and only when it is stopped", async () => {
    const { dataDir, store } = await liveStore(3);
    const file = join(tempDir(), "three.sqlite");
    await backupDatabase({ dataDir }, file);
    await appendLeaves(store.db, [buildLeaf(3), buildLeaf(4)]);

    expect((await refusal(restoreDatabase({ dataDir }, file))).message).toMatch(/already exists/);
    const inUse = await refusal(restoreDatabase({ dataDir }, file, { overwrite: true }));
    expect(inUse.code).toBe("store.restore_refused");
    expect(inUse.message).toMatch(/in use/);
    expect(await ledgerSize(store.db)).toBe(5); // untouched by the refused restore
    await store.close();

    await restoreDatabase({ dataDir }, file, { overwrite: true });
    const reopened = await openDatabase({ dataDir });
    expect(await ledgerSize(reopened.db)).toBe(3);
    await reopened.close();
  });

  it("refuses a file that is not an intact Drawdown database", async () => {
    const dir = tempDir();
    const garbage = join(dir, "garbage.sqlite");
    writeFileSync(garbage, "this is not a database, just some text that is long enough ".repeat(100));
    expect((await refusal(restoreDatabase({ dataDir: join(dir, "a") }, garbage))).code).toBe("store.restore_refused");

    const foreign = join(dir, "foreign.sqlite");
    const db = new Database(foreign);
    db.exec("create table t (x)");
    db.close();
    expect((await refusal(restoreDatabase({ dataDir: join(dir, "b") }, foreign))).message).toMatch(
      /not a Drawdown database/,
    );

    const future = join(dir, "future.sqlite");
    const f = new Database(future);
    f.exec("create table kysely_migration (name text primary key, timestamp text)");
    f.exec("insert into kysely_migration values ('0001_initial', 'x'), ('9999_from_the_future', 'y')");
    f.close();
    expect((await refusal(restoreDatabase({ dataDir: join(dir, "c") }, future))).message).toMatch(/9999_from_the_future/);
    expect(existsSync(join(dir, "c", "drawdown.sqlite"))).toBe(false);
    expect((await refusal(restoreDatabase({ dataDir: join(dir, "d") }, join(dir, "missing")))).code).toBe(
      "store.restore_refused",
    );
  });
});

describe("PostgreSQL backup and restore", () => {
  it("is pg_dump's and pg_restore's job: the store says so instead of pretending", async () => {
    const location = { databaseUrl: "postgres://postgres@127.0.0.1:5432/test" };
    const backup = await refusal(backupDatabase(location, join(tempDir(), "pg.sqlite")));
    expect(backup.code).toBe("store.unsupported");
    expect(backup.message).toMatch(/pg_dump/);
    const restore = await refusal(restoreDatabase(location, join(tempDir(), "pg.sqlite")));
    expect(restore.code).toBe("store.unsupported");
    expect(restore.message).toMatch(/pg_restore/);
  });
});
