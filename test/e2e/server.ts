/**
 * A real `drawdown serve` for the browser tests: its own process on a free port, a fresh data
 * directory with the embedded SQLite database, a replay clock, and test accounts created with
 * `drawdown users add --password-stdin` (the test chooses their passwords; production auth is
 * untouched). `stop()` ends the process and removes the directory.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "#test/scenarios.ts";

/** A test account. */
export interface E2eUser {
  readonly username: string;
  readonly password: string;
  readonly party: string;
  readonly role: string;
}

/** A running server. */
export interface E2eServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly dataDir: string;
  /** The accounts asked for, by the name given. */
  readonly users: Readonly<Record<string, E2eUser>>;
  /** What the server printed, for failure messages. */
  log(): string;
  /**
   * Stops the server and starts it again on the same data directory with its replay clock at
   * `clock` (time has gone on: a flight's departure, days later). Sessions older than their
   * lifetime have ended; log in again.
   */
  restart(clock: string): Promise<void>;
  stop(): Promise<void>;
}

/** What to start. */
export interface E2eServerOptions {
  /** The replay clock's start (DRAWDOWN_CLOCK). */
  readonly clock: string;
  /** Accounts to create: name → party and role. */
  readonly users: Readonly<Record<string, { party: string; role: string }>>;
  /** The scenario file loaded on first start (DRAWDOWN_SCENARIO); default the Niger scenario. */
  readonly scenario?: string;
}

const BIN = join(ROOT, "bin/drawdown.js");

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** The environment of the server and its CLI: the embedded database in `dataDir`, always. */
function serverEnv(dataDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, ...extra };
  delete env.DATABASE_URL;
  delete env.DEMO_AUTO_COSIGN;
  return env;
}

function run(args: string[], env: NodeJS.ProcessEnv, stdin: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out }));
    child.stdin.end(stdin);
  });
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before answering:\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the server did not answer /api/health within 60 s:\n${log()}`);
}

/**
 * Starts a server with the built web app and the given accounts.
 *
 * @example
 * const server = await startServer({ clock: "2024-05-20T08:00Z", users: { planner: { party: "US", role: "movement_planner" } } });
 */
export async function startServer(options: E2eServerOptions): Promise<E2eServer> {
  if (!existsSync(join(ROOT, "web/dist/index.html")))
    throw new Error("web/dist is missing: `npm install` builds it (the prepare script); or run `npm run web:build`");
  const dataDir = mkdtempSync(join(tmpdir(), "drawdown-e2e-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = serverEnv(dataDir, { PORT: String(port), DRAWDOWN_CLOCK: options.clock, ...(options.scenario === undefined ? {} : { DRAWDOWN_SCENARIO: options.scenario }) });
  let output = "";
  const launch = (clock: string) => {
    const c = spawn(process.execPath, [BIN, "serve"], { cwd: ROOT, env: { ...env, DRAWDOWN_CLOCK: clock }, stdio: ["ignore", "pipe", "pipe"] });
    c.stdout?.on("data", (d: Buffer) => (output += d.toString()));
    c.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    return c;
  };
  let child = launch(options.clock);
  const log = () => output.slice(-4000);
  const end = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  };
  const stop = async () => {
    await end();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const restart = async (clock: string) => {
    await end();
    child = launch(clock);
    await waitUntilUp(url, child, log);
  };
  try {
    await waitUntilUp(url, child, log);
    const users: Record<string, E2eUser> = {};
    for (const [name, u] of Object.entries(options.users)) {
      const username = `e2e-${name}`;
      const password = randomBytes(18).toString("base64url");
      const r = await run(["users", "add", username, "--party", u.party, "--role", u.role, "--password-stdin"], env, `${password}\n`);
      if (r.code !== 0) throw new Error(`users add ${username} failed (${r.code}):\n${r.out}`);
      users[name] = { username, password, ...u };
    }
    return { url, dataDir, users, log, restart, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
