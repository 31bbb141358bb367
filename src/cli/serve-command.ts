/**
 * `drawdown serve`: the Commission's server. Data in `./data` (or `DATA_DIR`), PostgreSQL when
 * `DATABASE_URL` is set; migrations applied; on first start the scenario (default the Niger
 * 2024 one) and demo users of both parties created, their random passwords printed once; the
 * API (and the web app, once built) on `PORT` (default 8080); a clean stop on SIGINT/SIGTERM.
 */
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { serve } from "@hono/node-server";
import { createApp } from "#server/app.ts";
import { startExpirySweep } from "#server/expiry-sweep.ts";
import { prepareServer } from "#server/bootstrap.ts";
import { randomIds } from "#server/ids.ts";
import { loadOrCreateLedgerKeys } from "#server/ledger-keys.ts";
import { stderrLogger } from "#server/logger.ts";
import { argon2Hasher } from "#server/password-hasher.ts";
import { parseConfiguredClock } from "#server/replay-clock.ts";
import type { Command } from "commander";
import { backupCommand, restoreCommand } from "./backup-command.ts";
import { type Io, readText, UserError } from "./io.ts";
import { ledgerVerifyCommand } from "./ledger-command.ts";
import { usersAddCommand, usersDisableCommand, usersListCommand } from "./users-command.ts";
import { keysDir, openServerDatabase, type ServerEnv } from "./server-env.ts";

/** Options of `drawdown serve`. */
export interface ServeOptions {
  /** Port (default `PORT` or 8080; 0 for any free port). */
  readonly port?: number;
  readonly host?: string;
  /** The scenario loaded on first start. */
  readonly scenario?: string;
  /** Demo setting: cosign each checkpoint at once with both parties' keys. */
  readonly demoAutoCosign?: boolean;
  /** The server's clock: `wall`, or an instant (e.g. 2024-05-20T08:00Z) to replay from; default chosen by the scenario's dates. */
  readonly clock?: string;
}

/** Hooks for tests: stop the server with a signal, learn the port it listens on. */
export interface ServeHooks {
  readonly signal?: AbortSignal;
  readonly onListening?: (port: number) => void;
  readonly env?: ServerEnv;
}

/** The scenario shipped with the project. */
export const DEFAULT_SCENARIO = "scenarios/niger-2024.json";

/**
 * Runs the server until stopped; returns the exit code.
 *
 * @example
 * await serveCommand(io, { port: 8080 }, {}); // until SIGINT or SIGTERM
 */
export async function serveCommand(io: Io, opts: ServeOptions, hooks: ServeHooks = {}): Promise<number> {
  const env = hooks.env ?? process.env;
  const port = opts.port ?? (env.PORT === undefined ? 8080 : Number(env.PORT));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`PORT must be a port number, got ${env.PORT ?? port}`);
  const configured = parseConfiguredClock(opts.clock ?? env.DRAWDOWN_CLOCK);
  if (!configured.ok) throw new UserError(`${opts.clock === undefined ? "DRAWDOWN_CLOCK" : "--clock"}: ${configured.message}`);
  const scenarioFile = opts.scenario ?? env.DRAWDOWN_SCENARIO ?? DEFAULT_SCENARIO;
  const store = await openServerDatabase(env);
  try {
    const autoCosign = opts.demoAutoCosign === true || env.DEMO_AUTO_COSIGN === "1";
    const { deps, applied, created, clockReason } = await prepareServer({
      db: store.db,
      scenarioText: () => readText(scenarioFile),
      configuredClock: configured.value,
      ids: randomIds,
      hasher: argon2Hasher(),
      logger: stderrLogger,
      keys: (origin, parties) => loadOrCreateLedgerKeys(keysDir(env), origin, parties),
      secureCookies: env.COOKIE_SECURE === "1",
      autoCosign,
      trustedOrigins: (env.TRUSTED_ORIGINS ?? "").split(",").filter((o) => o !== ""),
      webRoot: resolve("web/dist"),
      // A publication's plan takes a second or more: in a worker, both delegations' requests go on.
      publicationPlanner: "worker",
    });
    const where = store.engine.kind === "sqlite" ? store.engine.file : `${store.engine.url} (schema ${store.engine.schema})`;
    io.err(`database: ${where}${applied.length > 0 ? `; migrations applied: ${applied.join(", ")}` : ""}`);
    io.err(`scenario: ${deps.scenario.id} (${deps.scenario.name}); ledger origin ${deps.ledger.keys.origin}`);
    if (deps.clock.mode === "replay") {
      // Loud on purpose: every time the server shows and records is the replay's, not today's.
      io.err("*".repeat(78));
      io.err(`REPLAY CLOCK: it is ${deps.clock.now().toISOString()} for the server, and time runs on from there.`);
      io.err(`  Why: ${clockReason}.`);
      io.err("  Every decision is recorded at replay time. DRAWDOWN_CLOCK=wall runs on the real time.");
      io.err("*".repeat(78));
    } else io.err(`clock: ${clockReason}`);
    if (autoCosign) io.err("demo setting: every checkpoint is cosigned at once with both parties' keys (DEMO_AUTO_COSIGN)");
    if (created.length > 0) {
      io.out("Demo accounts created (shown this once):");
      for (const a of created) io.out(`  ${a.username.padEnd(14)} ${a.password}   ${a.party} ${a.roles.join(", ")}`);
      io.out("WARNING: change these passwords (drawdown users, or PATCH /api/users/{id}) before any real use.");
    }
    const { app } = createApp(deps);
    const server = serve({ fetch: app.fetch, port, hostname: opts.host ?? env.HOST ?? "0.0.0.0" });
    await new Promise<void>((resolveListening, reject) => {
      server.once("listening", () => resolveListening());
      server.once("error", reject);
    });
    const sweep = startExpirySweep(deps);
    const actual = (server.address() as AddressInfo).port;
    io.err(`listening on http://localhost:${actual} (API at /api, OpenAPI at /api/openapi.json)`);
    hooks.onListening?.(actual);

    await new Promise<void>((resolveStop) => {
      const stop = () => resolveStop();
      hooks.signal?.addEventListener("abort", stop, { once: true });
      if (hooks.signal === undefined) {
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      }
    });
    io.err("stopping: finishing requests in flight");
    await sweep.stop();
    await new Promise<void>((done) => {
      server.close(() => done());
      // Idle keep-alive connections would hold close() open.
      (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    });
    return 0;
  } finally {
    await store.close();
  }
}

/**
 * Registers the server's commands on the program: `serve`, `users add|list|disable`, `backup`,
 * `restore`, `ledger verify`.
 */
export function registerServer(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command("serve")
    .description("Run the Commission's server: API (and web app) on PORT (default 8080), data in DATA_DIR (./data) or DATABASE_URL.")
    .option("--port <n>", "port to listen on (default PORT or 8080)", (v) => Number(v))
    .option("--host <address>", "address to listen on (default 0.0.0.0)")
    .option("--scenario <file>", `scenario loaded on first start (default ${DEFAULT_SCENARIO})`)
    .option("--demo-auto-cosign", "demo setting: cosign every checkpoint at once with both parties' keys (also DEMO_AUTO_COSIGN=1)")
    .option(
      "--clock <wall|instant>",
      "the server's clock for this run: 'wall', or an instant to replay from, e.g. 2024-05-20T08:00Z (also DRAWDOWN_CLOCK); default: a replay from the scenario's start when its deadline has passed (stored at first start), else the wall clock",
    )
    .action(async (opts: ServeOptions) => done(await serveCommand(io, opts)));

  const users = program.command("users").description("Manage accounts on the server's database.");
  users
    .command("add")
    .description("Create an account; prints a random password once (or reads one line from standard input with --password-stdin).")
    .argument("<username>")
    .requiredOption("--party <code>", "party code, e.g. US or NE")
    .option("--role <role>", "a role (repeatable): movement_planner, clearance_officer, commission_member, observer, administrator", (v: string, all: string[] = []) => [...all, v])
    .option("--password-stdin", "read the password from standard input")
    .action(async (username: string, opts: { party: string; role?: string[]; passwordStdin?: boolean }) => {
      const password = opts.passwordStdin === true ? (await readStdin()).split("\n")[0]?.trim() : undefined;
      done(await usersAddCommand(io, username, { party: opts.party, role: opts.role ?? [], ...(password === undefined ? {} : { password }) }));
    });
  users.command("list").description("List the accounts.").action(async () => done(await usersListCommand(io)));
  users
    .command("disable")
    .description("Disable an account; its sessions end at once.")
    .argument("<username>")
    .action(async (username: string) => done(await usersDisableCommand(io, username)));

  program
    .command("backup")
    .description("Write a consistent copy of the live SQLite database (safe while the server runs).")
    .argument("<file>")
    .option("--overwrite", "replace an existing file")
    .action(async (file: string, opts: { overwrite?: boolean }) => done(await backupCommand(io, file, opts)));
  program
    .command("restore")
    .description("Restore a backup into the data directory (stop the server first).")
    .argument("<file>")
    .option("--overwrite", "replace the existing database")
    .action(async (file: string, opts: { overwrite?: boolean }) => done(await restoreCommand(io, file, opts)));

  program
    .command("ledger")
    .description("The Commission's ledger.")
    .command("verify")
    .description("Recompute the ledger from the first leaf and check every checkpoint, signature, cosignature and consistency; names the first bad entry (exit 1).")
    .option("--url <url>", "verify a running server instead of the database (log in with DRAWDOWN_USERNAME / DRAWDOWN_PASSWORD)")
    .option("--json", "print the report as JSON")
    .action(async (opts: { url?: string; json?: boolean }) => done(await ledgerVerifyCommand(io, opts)));
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
