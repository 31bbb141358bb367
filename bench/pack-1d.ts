// One-dimensional bin packing on the public sets in ../shared/bench/bpp1d: our packer against
// bin-packer 1.7.0 (FFD, BFD, Korf's bin completion) and, optionally, the arc-flow model
// solved by HiGHS. Every packing is checked with validatePacking before it is counted.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { bestFitDecreasing as bpBfd, firstFitDecreasing as bpFfd, lowerBound2 as bpLowerBound2 } from "bin-packer";
import { parseBpplib } from "../src/planner/pack/bpplib-format.ts";
import { packBins } from "../src/planner/pack/solve.ts";
import { validatePacking } from "../src/planner/pack/validate-packing.ts";
import type { Benchmark, BenchSection } from "./harness.ts";

/** Where the instances live: the shared folder beside the repository. */
export const BPP1D_DIR = new URL("../../shared/bench/bpp1d/", import.meta.url);

/** One instance: name (file name without .txt), capacity, weights, and the known optimum. */
export interface Instance {
  readonly set: string;
  readonly name: string;
  readonly capacity: number;
  readonly weights: readonly number[];
  readonly optimum: number;
}

/** How one solver did on one set. */
export interface SolverStats {
  readonly solver: string;
  readonly instances: number;
  /** Instances solved with the known optimum. */
  readonly optimal: number;
  readonly meanExtra: number;
  readonly maxExtra: number;
  /** Instances whose packing the solver's own lower bound proves optimal (null: no bound). */
  readonly proved: number | null;
  readonly medianMs: number;
  readonly p95Ms: number;
  /** Median process CPU time (ms): less sensitive than wall time to other load on the machine. */
  readonly medianCpuMs: number;
  /** Instances cut off by the time limit (their last packing, if any, is counted). */
  readonly timeouts: number;
}

/** Results of one instance set. */
export interface SetReport {
  readonly set: string;
  readonly results: readonly SolverStats[];
}

/** The whole benchmark. */
export interface Pack1dReport {
  readonly budgetMs: number;
  readonly sets: readonly SetReport[];
  /** Every instance of every set pooled, per solver. */
  readonly overall: readonly SolverStats[];
}

/** Options of {@link runPack1d}. */
export interface Pack1dOptions {
  /** Folder names under bpp1d (default: all). */
  readonly sets?: readonly string[];
  /** The first n instances of each set, by file name (default: all). */
  readonly perSet?: number;
  /** Our packer's budget per instance in ms (default 2000). */
  readonly budgetMs?: number;
  /** Time limit of bin-packer's bin completion per instance (default 200 ms; 0 skips it). A run
   * cut off is scored with the BFD packing it starts from. */
  readonly binCompletionMs?: number;
  /** Also solve the arc-flow model with HiGHS on the instances whose name matches this. */
  readonly highsFilter?: RegExp;
  /** Also solve it on the first n instances of each set (with or without `highsFilter`). */
  readonly highsPerSet?: number;
  /** HiGHS time limit per instance in seconds (default 30). */
  readonly highsSeconds?: number;
  /** Progress lines. */
  readonly log?: (line: string) => void;
}

interface Run {
  readonly bins: number | null;
  /** Whether the solver's own bound proves its packing optimal; null if it has no bound. */
  readonly proved: boolean | null;
  readonly ms: number;
  readonly cpuMs: number;
  readonly timeout: boolean;
}

/** Process CPU time in ms (all threads). */
function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Reads every instance of the given sets with its optimum from bounds.tsv. */
export function readInstances(sets?: readonly string[], perSet = Number.POSITIVE_INFINITY): Instance[] {
  const optimum = new Map<string, number>();
  for (const line of readFileSync(new URL("bounds.tsv", BPP1D_DIR), "utf8").split(/\r?\n/)) {
    const [name, lower, upper] = line.split("\t");
    if (name && lower && upper && lower === upper) optimum.set(name, Number(lower));
  }
  const all = readdirSync(BPP1D_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const out: Instance[] = [];
  for (const set of sets ?? all) {
    for (const file of readdirSync(new URL(`${set}/`, BPP1D_DIR))
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .slice(0, perSet)) {
      const name = file.slice(0, -4);
      // The parser of `drawdown pack --format bpplib`: the benchmark reads files as the command does.
      const read = parseBpplib(readFileSync(new URL(`${set}/${file}`, BPP1D_DIR), "utf8"));
      const opt = optimum.get(name);
      if (!read.ok) throw new Error(`${set}/${file}:${read.issues[0]?.line}: ${read.issues[0]?.message}`);
      if (opt === undefined) throw new Error(`${set}/${file}: no optimum in bounds.tsv`);
      out.push({ set, name, capacity: read.instance.capacity, weights: read.instance.weights, optimum: opt });
    }
  }
  return out;
}

/**
 * Runs our packer and the peers on every instance of the chosen sets and summarises them.
 *
 * @example const report = await runPack1d({ sets: ["falkenauer-u"], budgetMs: 1000 });
 */
export async function runPack1d(opts: Pack1dOptions = {}): Promise<Pack1dReport> {
  const budgetMs = opts.budgetMs ?? 2000;
  const bcMs = opts.binCompletionMs ?? 200;
  const log = opts.log ?? (() => {});
  const instances = readInstances(opts.sets, opts.perSet);
  const firstOfSet = new Map<string, number>();
  const highsWanted = (inst: Instance, k: number): boolean => {
    if (!firstOfSet.has(inst.set)) firstOfSet.set(inst.set, k);
    return (opts.highsFilter?.test(inst.name) ?? false) || k - (firstOfSet.get(inst.set) ?? k) < (opts.highsPerSet ?? 0);
  };
  const runs = new Map<string, Map<Instance, Run>>();
  const record = (solver: string, inst: Instance, run: Run): void => {
    let m = runs.get(solver);
    if (!m) runs.set(solver, (m = new Map()));
    m.set(inst, run);
  };

  const completion = bcMs > 0 ? new BinCompletionRunner() : null;
  const highs = opts.highsFilter || (opts.highsPerSet ?? 0) > 0 ? await loadHighs() : null;
  try {
    for (const [k, inst] of instances.entries()) {
      if (k % 50 === 0) log(`${k}/${instances.length} ${inst.set}/${inst.name}`);
      const { weights, capacity } = inst;

      const c0 = cpuNow();
      const t0 = performance.now();
      const r = packBins(weights, capacity, { budgetMs, now: () => performance.now(), seed: 1 });
      const ms = performance.now() - t0;
      const cpuMs = cpuNow() - c0;
      if (!r.ok) throw new Error(`${inst.name}: ${r.issues[0]?.message}`);
      check("drawdown", inst, r.bins);
      record("drawdown", inst, { bins: r.bins.length, proved: r.provedOptimal, ms, cpuMs, timeout: false });
      if (r.bins.length !== inst.optimum) log(`drawdown: ${inst.set}/${inst.name} ${r.bins.length} bins, optimum ${inst.optimum}`);

      // bin-packer takes objects and a size function and returns the objects in bins.
      const items = weights.map((w, i) => ({ i, w }));
      const size = (o: { w: number }): number => o.w;
      const bound = bpLowerBound2(items.slice(), size, capacity).bound;
      let bfdBins = weights.length;
      for (const [solver, fn] of [
        ["bin-packer FFD", bpFfd],
        ["bin-packer BFD", bpBfd],
      ] as const) {
        const c = cpuNow();
        const s = performance.now();
        const out = fn(items.slice(), size, capacity);
        const dt = performance.now() - s;
        const cpu = cpuNow() - c;
        const bins = out.bins.map((b) => b.map((o) => o.i));
        check(solver, inst, bins);
        record(solver, inst, { bins: bins.length, proved: bins.length === bound, ms: dt, cpuMs: cpu, timeout: false });
        bfdBins = bins.length;
      }
      if (completion) {
        // Bin completion starts from BFD's packing: a run cut off is scored with that packing.
        const c = cpuNow();
        const res = await completion.solve(weights, capacity, bcMs);
        const cpu = cpuNow() - c;
        if (res.bins) check("bin-packer BC", inst, res.bins);
        const bins = res.bins ? res.bins.length : bfdBins;
        record("bin-packer BC", inst, { bins, proved: bins === bound, ms: res.ms, cpuMs: cpu, timeout: res.bins === null });
      }
      if (highs && highsWanted(inst, k)) {
        const res = solveArcFlow(highs, weights, capacity, opts.highsSeconds ?? 30);
        record("HiGHS arc-flow", inst, res);
      }
    }
  } finally {
    await completion?.close();
  }

  const solvers = [...runs.keys()];
  const sets = [...new Set(instances.map((i) => i.set))].map((set) => ({
    set,
    results: solvers.flatMap((s) => {
      const m = runs.get(s)!;
      const rows = instances.filter((i) => i.set === set && m.has(i)).map((i) => [i, m.get(i)!] as const);
      return rows.length > 0 ? [summarise(s, rows)] : [];
    }),
  }));
  const overall = solvers.map((s) => {
    const m = runs.get(s)!;
    return summarise(s, [...m.entries()]);
  });
  return { budgetMs, sets, overall };
}

function check(solver: string, inst: Instance, bins: readonly (readonly number[])[]): void {
  const v = validatePacking(bins, inst.weights, inst.capacity);
  if (v.length > 0) throw new Error(`${solver} on ${inst.set}/${inst.name}: invalid packing: ${v[0]?.message}`);
}

function summarise(solver: string, rows: readonly (readonly [Instance, Run])[]): SolverStats {
  const ms = rows.map(([, r]) => r.ms).sort((a, b) => a - b);
  const cpu = rows.map(([, r]) => r.cpuMs).sort((a, b) => a - b);
  // A run without a packing (timed out) counts as the number of items: a trivial packing.
  const extra = rows.map(([i, r]) => (r.bins ?? i.weights.length) - i.optimum);
  const hasBound = rows.every(([, r]) => r.proved !== null);
  return {
    solver,
    instances: rows.length,
    optimal: extra.filter((e) => e === 0).length,
    meanExtra: extra.reduce((a, b) => a + b, 0) / Math.max(1, rows.length),
    maxExtra: Math.max(0, ...extra),
    proved: hasBound ? rows.filter(([, r]) => r.proved).length : null,
    medianMs: quantile(ms, 0.5),
    p95Ms: quantile(ms, 0.95),
    medianCpuMs: quantile(cpu, 0.5),
    timeouts: rows.filter(([, r]) => r.timeout).length,
  };
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * bin-packer's bin completion has no time limit, so it runs in a worker thread that is
 * terminated (and replaced) when an instance takes too long.
 */
class BinCompletionRunner {
  private worker: Worker | null = null;
  private readonly modulePath = createRequire(import.meta.url).resolve("bin-packer");

  private start(): Worker {
    const code = `
      const { parentPort, workerData } = require("node:worker_threads");
      const bp = require(workerData.modulePath);
      parentPort.on("message", ({ weights, capacity }) => {
        const items = weights.map((w, i) => ({ i, w }));
        const t0 = performance.now();
        const out = bp.binCompletion(items, (o) => o.w, capacity);
        parentPort.postMessage({ bins: out.bins.map((b) => b.map((o) => o.i)), ms: performance.now() - t0 });
      });`;
    return new Worker(code, { eval: true, workerData: { modulePath: this.modulePath } });
  }

  async solve(weights: readonly number[], capacity: number, limitMs: number): Promise<{ bins: number[][] | null; ms: number }> {
    const worker = (this.worker ??= this.start());
    const res = await new Promise<{ bins: number[][] | null; ms: number }>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        worker.removeAllListeners("message");
        worker.removeAllListeners("error");
      };
      const timer = setTimeout(() => {
        done();
        resolve({ bins: null, ms: limitMs });
      }, limitMs);
      worker.once("message", (msg: { bins: number[][]; ms: number }) => {
        done();
        resolve({ bins: msg.bins, ms: msg.ms });
      });
      worker.once("error", (err) => {
        done();
        this.worker = null;
        reject(err);
      });
      worker.postMessage({ weights, capacity });
    });
    if (res.bins === null) {
      // Still searching: stop the thread before the next instance is timed.
      this.worker = null;
      await worker.terminate();
    }
    return res;
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}

interface HighsSolver {
  solve(problem: string, options?: Record<string, unknown>): {
    Status: string;
    ObjectiveValue: number;
  };
}

async function loadHighs(): Promise<HighsSolver> {
  // highs ships CommonJS typings for an ESM build: unwrap `default` until the loader shows.
  let loader: unknown = await import("highs");
  for (let k = 0; k < 3 && typeof loader !== "function"; k++) loader = (loader as { default?: unknown }).default;
  if (typeof loader !== "function") throw new Error("cannot find the highs loader");
  return (await (loader as () => Promise<unknown>)()) as HighsSolver;
}

/**
 * Valério de Carvalho's arc-flow model: nodes are bin loads 0..C, an arc (p, p + w) packs an
 * item of weight w, loss arcs run to C; z units of flow leave 0 and reach C, one per bin, and
 * each weight's arcs carry at least its demand. Item arcs leave only loads reachable with
 * heavier-or-equal items (items in falling order), which removes most symmetric paths.
 */
export function arcFlowLp(weights: readonly number[], capacity: number): string {
  const demand = new Map<number, number>();
  for (const w of weights) demand.set(w, (demand.get(w) ?? 0) + 1);
  const types = [...demand.keys()].sort((a, b) => b - a);
  const C = capacity;
  const reach = new Uint8Array(C + 1);
  reach[0] = 1;
  const arcs: { from: number; to: number; type: number }[] = [];
  for (const [t, w] of types.entries()) {
    const copies = Math.min(demand.get(w)!, Math.floor(C / w));
    // Arcs of this type leave every load reachable so far, chained up to `copies` times.
    const from = [];
    for (let p = 0; p + w <= C; p++) if (reach[p]) from.push(p);
    const added = new Set<number>();
    let frontier = from;
    for (let c = 0; c < copies && frontier.length > 0; c++) {
      const next: number[] = [];
      for (const p of frontier) {
        const key = p;
        if (added.has(key) || p + w > C) continue;
        added.add(key);
        arcs.push({ from: p, to: p + w, type: t });
        next.push(p + w);
      }
      for (const q of next) reach[q] = 1;
      frontier = next;
    }
  }
  const nodes: number[] = [];
  for (let p = 0; p <= C; p++) if (reach[p] || p === C) nodes.push(p);
  // Loss arcs: from every reachable load straight to C.
  for (const p of nodes) if (p > 0 && p < C) arcs.push({ from: p, to: C, type: -1 });
  const into = new Map<number, string[]>();
  const out = new Map<number, string[]>();
  const byType = new Map<number, string[]>();
  arcs.forEach((a, k) => {
    const v = `x${k}`;
    (out.get(a.from) ?? out.set(a.from, []).get(a.from)!).push(v);
    (into.get(a.to) ?? into.set(a.to, []).get(a.to)!).push(v);
    if (a.type >= 0) (byType.get(a.type) ?? byType.set(a.type, []).get(a.type)!).push(v);
  });
  const lines: string[] = ["Minimize", " obj: z", "Subject To"];
  lines.push(` src: ${(out.get(0) ?? []).join(" + ")} - z = 0`);
  lines.push(` snk: ${(into.get(C) ?? []).join(" + ")} - z = 0`);
  for (const p of nodes) {
    if (p === 0 || p === C) continue;
    const i = into.get(p) ?? [];
    const o = out.get(p) ?? [];
    if (i.length === 0 && o.length === 0) continue;
    lines.push(` n${p}: ${[...i.map((v) => `+ ${v}`), ...o.map((v) => `- ${v}`)].join(" ")} = 0`);
  }
  for (const [t, w] of types.entries()) lines.push(` d${t}: ${(byType.get(t) ?? []).join(" + ")} >= ${demand.get(w)}`);
  lines.push("Bounds", " z >= 0", "Generals", ` z ${arcs.map((_, k) => `x${k}`).join(" ")}`, "End");
  return lines.join("\n");
}

function solveArcFlow(highs: HighsSolver, weights: readonly number[], capacity: number, seconds: number): Run {
  const c0 = cpuNow();
  const t0 = performance.now();
  const res = highs.solve(arcFlowLp(weights, capacity), { time_limit: seconds, output_flag: false });
  const ms = performance.now() - t0;
  const cpuMs = cpuNow() - c0;
  const hasSolution = res.Status === "Optimal" || res.Status === "Time limit reached";
  return {
    bins: hasSolution && Number.isFinite(res.ObjectiveValue) ? Math.round(res.ObjectiveValue) : null,
    proved: res.Status === "Optimal",
    ms,
    cpuMs,
    timeout: res.Status !== "Optimal",
  };
}

/** The report as markdown tables: one per set, then all sets pooled. */
export function renderPack1d(report: Pack1dReport): string {
  const head =
    "| solver | instances | optimal | mean extra | max extra | proved | median ms | p95 ms | median CPU ms | timeouts |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
  const row = (s: SolverStats): string =>
    `| ${s.solver} | ${s.instances} | ${s.optimal} | ${s.meanExtra.toFixed(3)} | ${s.maxExtra} | ${s.proved ?? "–"} | ${fmt(s.medianMs)} | ${fmt(s.p95Ms)} | ${fmt(s.medianCpuMs)} | ${s.timeouts} |`;
  const parts = report.sets.map((s) => `### ${s.set}\n\n${head}\n${s.results.map(row).join("\n")}\n`);
  parts.push(`### all sets\n\n${head}\n${report.overall.map(row).join("\n")}\n`);
  return parts.join("\n");
}

function fmt(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(0);
}

/**
 * Instances per set that HiGHS's arc-flow model is also run on, 30 s each: on the whole library it
 * would take hours (Scholl's and Wäscher's capacities make models of tens of thousands of nodes).
 */
export const HIGHS_PER_SET = 4;

/** The benchmark in the shape `bench/run.ts` expects (register it there to include it). */
export const pack1dBenchmark: Benchmark = {
  name: "pack-1d",
  description: "1-D bin packing on Falkenauer, Scholl, Schwerin and Wäscher sets vs bin-packer 1.7.0",
  async run(log) {
    const report = await runPack1d({ log, highsPerSet: HIGHS_PER_SET, highsSeconds: 30 });
    const columns = ["set", "solver", "instances", "optimal", "mean extra", "max extra", "proved", "median ms", "p95 ms", "median CPU ms", "timeouts"];
    const rows = [...report.sets.map((s) => [s.set, s.results] as const), ["all", report.overall] as const].flatMap(([set, results]) =>
      results.map((s) => [set, s.solver, s.instances, s.optimal, s.meanExtra.toFixed(3), s.maxExtra, s.proved ?? "–", fmt(s.medianMs), fmt(s.p95Ms), fmt(s.medianCpuMs), s.timeouts]),
    );
    const section: BenchSection = {
      title: "1-D bin packing (bpp1d)",
      intro: `Our packer with a ${report.budgetMs} ms budget per instance; bin-packer's bin completion cut off at 200 ms. HiGHS solves Valério de Carvalho's arc-flow model with a 30 s limit on the first ${HIGHS_PER_SET} instances of each set only (by file name): on all of them it would take hours, so its rows count fewer instances.`,
      columns,
      rows,
      notes: [
        "proved: the solver's own lower bound equals its packing (bin-packer: its lowerBound2; HiGHS: solved to optimality within the limit).",
        "A HiGHS run cut off by its limit is scored with its best packing so far (timeouts), or as one bin per item without one.",
        "Files are read by the parser of `drawdown pack --format bpplib` and packed by the same `packBins` call.",
      ],
    };
    return [section];
  },
};
