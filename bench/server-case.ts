// The server under load, in a process of its own so the load generator does not share its event
// loop: node --import tsx bench/server-case.ts <sqlite | postgres>
// Starts the Commission's server on a fresh database of that engine (the Niger scenario, its
// plan published and every host clearance drafted), prints one JSON line with the port, a
// session and object ids, then serves until SIGTERM, when it removes its database.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import pg from "pg";
import { createApp } from "#server/app.ts";
import { prepareServer } from "#server/bootstrap.ts";
import { offsetClock } from "#server/clock.ts";
import { randomIds } from "#server/ids.ts";
import { generateLedgerKeys } from "#server/ledger-keys.ts";
import { jsonLogger } from "#server/logger.ts";
import { argon2Hasher } from "#server/password-hasher.ts";
import { openDatabase } from "#store/database.ts";
import type { DatabaseLocation } from "#store/engine.ts";
import { testDatabaseUrl, withSearchPath } from "#store/testing/engines.ts";

const engine = process.argv[2] === "postgres" ? "postgres" : "sqlite";
const PASSWORD = "bench password, not a secret";

let location: DatabaseLocation;
let cleanup: () => Promise<void>;
if (engine === "sqlite") {
  const dir = mkdtempSync(join(tmpdir(), "drawdown-bench-"));
  location = { dataDir: join(dir, "data") };
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
} else {
  const schema = `drawdown_bench_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  location = { databaseUrl: withSearchPath(testDatabaseUrl(), schema) };
  cleanup = async () => {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  };
}

const store = await openDatabase(location);
const { deps } = await prepareServer({
  db: store.db,
  scenarioText: () => readFileSync("scenarios/niger-2024.json", "utf8"),
  clock: offsetClock(new Date("2024-05-20T08:00:00Z")),
  ids: randomIds,
  hasher: argon2Hasher(),
  logger: jsonLogger(() => {}),
  keys: (origin, parties) => generateLedgerKeys(origin, parties),
  demoPassword: PASSWORD,
});
const { app } = createApp(deps);
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
await new Promise<void>((resolve) => server.once("listening", () => resolve()));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// The departing party's planner publishes the plan and drafts the host's requests.
const login = await fetch(`${base}/api/auth/login`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ username: "us-planner", password: PASSWORD }),
});
const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
const headers = { "content-type": "application/json", cookie, "x-csrf-token": csrf, origin: base };
const post = async (path: string, body: unknown) => {
  const r = await fetch(`${base}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
  if (r.status >= 300) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r.json() as Promise<Record<string, unknown>>;
};
await post("/api/plans", { note: "benchmark baseline" });
const drafted = (await post("/api/clearances/drafts", { callSignPrefix: "RCH", crew: 5 })).drafted as { id: string }[];

console.log(JSON.stringify({ base, cookie, csrf, clearance: drafted[0]?.id, clearances: drafted.length }));

process.once("SIGTERM", () => {
  server.close(() => {
    void store
      .close()
      .then(cleanup)
      .then(() => process.exit(0));
  });
  (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
});
