/**
 * The server's commands end to end on a real socket: `serve` on a fresh data directory (demo
 * accounts printed once), a decision through HTTP, `ledger verify` against the server and the
 * database (and after tampering with SQL), `users`, `backup` and `restore`, then a clean stop.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { backupCommand, restoreCommand } from "./backup-command.ts";
import type { Io } from "./io.ts";
import { ledgerVerifyCommand } from "./ledger-command.ts";
import { serveCommand } from "./serve-command.ts";
import { usersAddCommand, usersDisableCommand, usersListCommand } from "./users-command.ts";

function captureIo() {
  const lines: string[] = [];
  const io: Io = { out: (t) => void lines.push(t), err: (t) => void lines.push(t), interactive: false };
  return { io, lines, text: () => lines.join("\n") };
}

const dir = mkdtempSync(join(tmpdir(), "drawdown-serve-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("drawdown serve, ledger verify, users, backup, restore", () => {
  it("serves the Niger scenario, verifies its ledger, and stops cleanly", async () => {
    const env = { DATA_DIR: join(dir, "data"), PORT: "0", DRAWDOWN_CLOCK: "2024-05-20T08:00:00Z" };
    const out = captureIo();
    const stop = new AbortController();
    let port = 0;
    let listening: () => void = () => {};
    const ready = new Promise<void>((resolve) => {
      listening = resolve;
    });
    const running = serveCommand(out.io, {}, { env, signal: stop.signal, onListening: (p) => ((port = p), listening()) });
    await ready;
    const base = `http://127.0.0.1:${port}`;
    expect(out.text()).toMatch(/Demo accounts created \(shown this once\)/);
    expect(out.text()).toMatch(/WARNING: change these passwords/);
    const password = /us-member\s+(\S+)/.exec(out.text())?.[1] ?? "";
    expect(((await (await fetch(`${base}/api/health`)).json()) as { scenario: string }).scenario).toBe("niger-2024");

    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "us-member", password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const published = await fetch(`${base}/api/plans`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, "x-csrf-token": csrf, origin: base },
      body: JSON.stringify({ note: "from the CLI test" }),
    });
    expect(published.status).toBe(201);
    const cosigned = await fetch(`${base}/api/ledger/checkpoints/1/cosignatures/US`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, "x-csrf-token": csrf, origin: base },
      body: "{}",
    });
    expect(cosigned.status).toBe(200);

    const remote = captureIo();
    expect(await ledgerVerifyCommand(remote.io, { url: base }, { DRAWDOWN_USERNAME: "us-member", DRAWDOWN_PASSWORD: password })).toBe(0);
    expect(remote.text()).toMatch(/ledger OK: 1 leaves, 1 checkpoints, 1 cosignatures/);

    stop.abort();
    expect(await running).toBe(0);
    expect(out.text()).toMatch(/stopping/);

    // Against the database, then after a row was changed directly in it.
    const local = captureIo();
    expect(await ledgerVerifyCommand(local.io, {}, env)).toBe(0);
    const raw = new Database(join(env.DATA_DIR, "drawdown.sqlite"));
    raw.prepare(`update ledger_leaves set leaf_data = replace(leaf_data, 'from the CLI test', 'from someone else') where idx = 0`).run();
    raw.close();
    const tampered = captureIo();
    expect(await ledgerVerifyCommand(tampered.io, {}, env)).toBe(1);
    expect(tampered.text()).toMatch(/ledger NOT OK: first bad entry: leaf 0/);
  });

  it("adds, lists and disables accounts; backs up and restores the database", async () => {
    const env = { DATA_DIR: join(dir, "data") };
    const add = captureIo();
    expect(await usersAddCommand(add.io, "Amina", { party: "NE", role: ["clearance_officer"] }, env)).toBe(0);
    expect(add.text()).toMatch(/created amina \(NE; clearance_officer\)\npassword \(shown once\): \S{16,}/);
    await expect(usersAddCommand(add.io, "amina", { party: "NE", role: ["clearance_officer"] }, env)).rejects.toThrow(/taken/);
    await expect(usersAddCommand(add.io, "x", { party: "NE", role: ["king"] }, env)).rejects.toThrow(/--role must be one of/);
    const disable = captureIo();
    expect(await usersDisableCommand(disable.io, "amina", env)).toBe(0);
    const list = captureIo();
    expect(await usersListCommand(list.io, env)).toBe(0);
    expect(list.text()).toMatch(/amina\s+NE\s+disabled clearance_officer/);
    expect(list.text()).toMatch(/us-planner\s+US\s+active/);

    const file = join(dir, "backup.sqlite");
    const backup = captureIo();
    expect(await backupCommand(backup.io, file, {}, env)).toBe(0);
    const restore = captureIo();
    expect(await restoreCommand(restore.io, file, {}, { DATA_DIR: join(dir, "restored") })).toBe(0);
    expect(restore.text()).toMatch(/0002_workflow/);
    await expect(restoreCommand(restore.io, file, {}, { DATA_DIR: join(dir, "restored") })).rejects.toThrow(/already exists/);
  });
});
