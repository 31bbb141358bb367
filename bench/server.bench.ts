import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { postgresUnavailable } from "#store/testing/engines.ts";
import { type Benchmark, type BenchSection, fmt } from "./harness.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
/** Seconds per route (BENCH_SERVER_SECONDS shortens a check run). */
const SECONDS = Number(process.env.BENCH_SERVER_SECONDS ?? 10);
const CONNECTIONS = 10;

/** What the server process prints once it is ready. */
interface Ready {
  readonly base: string;
  readonly cookie: string;
  readonly csrf: string;
  readonly clearance: string;
  readonly clearances: number;
}

/** One measured route. */
interface Route {
  readonly label: string;
  readonly kind: "baseline" | "read" | "write";
  readonly method: "GET" | "POST";
  readonly path: (r: Ready) => string;
  readonly body?: string;
}

const ROUTES: readonly Route[] = [
  { label: "GET /api/health (no session; select 1)", kind: "baseline", method: "GET", path: () => "/api/health" },
  { label: "GET /api/auth/me (session lookup)", kind: "read", method: "GET", path: () => "/api/auth/me" },
  { label: "GET /api/clearances/{id} (with history, finality)", kind: "read", method: "GET", path: (r) => `/api/clearances/${r.clearance}` },
  { label: "GET /api/clearances (every request)", kind: "read", method: "GET", path: () => "/api/clearances" },
  {
    label: "POST /api/persons (commit + ledger leaf + checkpoint)",
    kind: "write",
    method: "POST",
    path: () => "/api/persons",
    body: JSON.stringify({ personal: { name: "Bench Person", nationality: "US", documentNumber: "B0000001", unit: "bench" } }),
  },
];

async function startServer(engine: string): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/server-case.ts", engine], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout as NonNullable<typeof child.stdout> });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the ${engine} server exited (${code}) before it was ready`)));
    lines.once("line", (line) => resolve(JSON.parse(line) as Ready));
  });
  return { child, ready };
}

async function stopServer(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** Read and write throughput with p99 latency on loopback, against a baseline in the same run. */
export const serverBenchmark: Benchmark = {
  name: "server",
  description: "HTTP read and write throughput and p99 latency on loopback (autocannon), SQLite and PostgreSQL",
  async run(log) {
    const engines = ["sqlite"];
    const pgDown = await postgresUnavailable();
    if (pgDown === undefined) engines.push("postgres");
    else log(`PostgreSQL unreachable (${pgDown}): SQLite only`);
    const rows: (string | number)[][] = [];
    let clearances = 0;
    for (const engine of engines) {
      log(`${engine}: starting the server (Niger scenario, plan published, clearances drafted)`);
      const { child, ready } = await startServer(engine);
      clearances = ready.clearances;
      let baseline = Number.NaN;
      try {
        // Warm-up, not recorded: the first seconds of a fresh process measure the JIT, not the server.
        for (const route of ROUTES.filter((r) => r.method === "GET"))
          await autocannon({ url: `${ready.base}${route.path(ready)}`, connections: CONNECTIONS, duration: 1, headers: { cookie: ready.cookie } });
        for (const route of ROUTES) {
          log(`${engine}: ${route.label} for ${SECONDS} s`);
          const r = await autocannon({
            url: `${ready.base}${route.path(ready)}`,
            method: route.method,
            connections: CONNECTIONS,
            duration: SECONDS,
            headers: {
              cookie: ready.cookie,
              "x-csrf-token": ready.csrf,
              origin: ready.base,
              ...(route.body === undefined ? {} : { "content-type": "application/json" }),
            },
            ...(route.body === undefined ? {} : { body: route.body }),
          });
          const perSecond = r.requests.average;
          if (route.kind === "baseline") baseline = perSecond;
          rows.push([
            engine,
            route.label,
            route.kind,
            fmt(perSecond, 0),
            fmt(perSecond / baseline, 3),
            fmt(r.latency.p50, 1),
            fmt(r.latency.p99, 1),
            r.requests.total,
            r.non2xx + r.errors + r.timeouts,
          ]);
        }
      } finally {
        await stopServer(child);
      }
    }
    const section: BenchSection = {
      title: "Server throughput (autocannon on loopback)",
      intro: `The server runs in its own process on a fresh database of each engine (Niger scenario, plan published, ${clearances} host clearance requests drafted); after a 1 s unrecorded warm-up of each read route, autocannon drives it from the benchmark's process with ${CONNECTIONS} connections for ${SECONDS} s per route, logged in as the departing party's planner. Ratio = req/s ÷ the baseline's req/s measured in the same run. Writes commit with synchronous=FULL (SQLite) or fsync (PostgreSQL), append a ledger leaf and sign a checkpoint.`,
      columns: ["engine", "route", "kind", "req/s (mean)", "÷ baseline", "p50 ms", "p99 ms", "requests", "non-2xx or errors"],
      rows,
      notes: ["Both processes share the machine's cores: the load generator takes part of what the server could use."],
    };
    return [section];
  },
};
