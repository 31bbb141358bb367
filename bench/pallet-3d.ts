// Three-dimensional container loading on Bischoff & Ratcliff's sets 1–7 (../shared/bench/br3d):
// our pallet packer against npm binpackingjs 4.1.0, run side by side on the same instances. Every
// placement of both is checked with the independent validator (src/verify/pallet-geometry.ts)
// under the same rules: inside, no overlap, orientation allowed, 100 % of each base supported.
import { readdirSync, readFileSync } from "node:fs";
import { getDimension, type PackedItem3D, pack3D, RotationType } from "binpackingjs/3d";
import type { Orientation, PalletBox, Placement } from "../src/planner/pallet/box.ts";
import { parseBr } from "../src/planner/pallet/br-format.ts";
import { packPallet } from "../src/planner/pallet/pack-pallet.ts";
import { type GeometryContainer, validatePalletGeometry } from "../src/verify/pallet-geometry.ts";
import { type Benchmark, type BenchSection, median, percentile } from "./harness.ts";

/** Where the instances live: the shared folder beside the repository. */
export const BR3D_DIR = new URL("../../shared/bench/br3d/", import.meta.url);

/** One instance: the container and the boxes, one per unit. */
export interface Br3dInstance {
  readonly set: number;
  readonly name: string;
  readonly container: GeometryContainer;
  readonly boxes: readonly PalletBox[];
}

/** How one solver did on one set. */
export interface Pallet3dStats {
  readonly solver: string;
  readonly instances: number;
  /** Mean and least volume utilisation, 0–1 (as packed, invalid placements included). */
  readonly meanUtilisation: number;
  readonly minUtilisation: number;
  /** Boxes with at least one violation, over all instances. */
  readonly invalidPlacements: number;
  /** Instances with at least one invalid placement. */
  readonly invalidInstances: number;
  /** Mean utilisation counting only the boxes with no violation. */
  readonly meanValidUtilisation: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  /** CPU time of this process per instance: the machine may be shared, wall time then overstates. */
  readonly medianCpuMs: number;
}

/** Results of one set. */
export interface Pallet3dSetReport {
  readonly set: number;
  readonly results: readonly Pallet3dStats[];
}

/** The whole benchmark. */
export interface Pallet3dReport {
  readonly budgetMs: number;
  readonly sets: readonly Pallet3dSetReport[];
  /** All instances pooled, per solver. */
  readonly overall: readonly Pallet3dStats[];
}

/** Options of {@link runPallet3d}. */
export interface Pallet3dOptions {
  /** Sets to run, 1–7 (default all). */
  readonly sets?: readonly number[];
  /** Instances per set, the first n (default all 50). */
  readonly instances?: number;
  /** Our packer's wall-clock budget per instance, ms (default 1000). */
  readonly budgetMs?: number;
  /** Also run binpackingjs (default true). */
  readonly binpackingjs?: boolean;
  /** Progress lines. */
  readonly log?: (line: string) => void;
}

interface Run {
  readonly utilisation: number;
  readonly validUtilisation: number;
  readonly invalid: number;
  readonly ms: number;
  readonly cpuMs: number;
}

/** Reads the instances of the given sets (all 7 × 50 by default), in set and instance order. */
export function readBr3d(sets: readonly number[] = [1, 2, 3, 4, 5, 6, 7], perSet = Infinity): Br3dInstance[] {
  const out: Br3dInstance[] = [];
  for (const set of sets) {
    const dir = new URL(`set_${set}/`, BR3D_DIR);
    const names = readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.slice(0, -5))
      .sort((a, b) => Number(a) - Number(b))
      .slice(0, perSet);
    for (const name of names) out.push(parseBr3d(set, name, readFileSync(new URL(`${name}.json`, dir), "utf8")));
  }
  return out;
}

/**
 * One instance file as boxes, read by the parser of `drawdown pack --format br` (each box weighs its
 * volume in dm³, as if of uniform density: the files give no weights).
 */
export function parseBr3d(set: number, name: string, text: string): Br3dInstance {
  const read = parseBr(text);
  if (!read.ok) throw new Error(`set ${set} #${name}:${read.issues[0]?.line}: ${read.issues[0]?.message}`);
  const { length, width, height } = read.instance.container;
  return { set, name, container: { length, width, height }, boxes: read.instance.boxes };
}

function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Checks placements with the validator; the utilisation with and without the invalid ones. */
function judge(inst: Br3dInstance, placements: readonly Placement[], ms: number, cpuMs: number): Run {
  const { length, width, height } = inst.container;
  const bad = new Set(validatePalletGeometry(inst.boxes, placements, inst.container).map((v) => v.boxId));
  let all = 0;
  let valid = 0;
  for (const p of placements) {
    const v = p.l * p.w * p.h;
    all += v;
    if (!bad.has(p.boxId)) valid += v;
  }
  const cap = length * width * height;
  return { utilisation: all / cap, validUtilisation: valid / cap, invalid: bad.size, ms, cpuMs };
}

/** Ours: packPallet with the wall-clock budget. */
function runOurs(inst: Br3dInstance, budgetMs: number): Run {
  const c0 = cpuNow();
  const t0 = performance.now();
  const r = packPallet(inst.boxes, inst.container, { now: () => performance.now(), timeLimitMs: budgetMs, seed: 1 });
  const ms = performance.now() - t0;
  return judge(inst, r.placements, ms, cpuNow() - c0);
}

/**
 * binpackingjs names its axes width, height (vertical) and depth; we give it the box's length as
 * width, its height as height and its width as depth, so that its rotation WHD is our `lwh`.
 */
const LETTER = ["", "l", "h", "w"] as const;
const ROTATIONS = [RotationType.WHD, RotationType.HWD, RotationType.HDW, RotationType.DHW, RotationType.DWH, RotationType.WDH];
/** Our orientation for each of binpackingjs's rotations: which measurement lies along x, y (its depth), z (its height). */
const ROTATION_TO_ORIENTATION = new Map(
  ROTATIONS.map((r) => {
    const [alongX, alongZ, alongY] = getDimension(1, 2, 3, r);
    return [r, `${LETTER[alongX] ?? ""}${LETTER[alongY] ?? ""}${LETTER[alongZ] ?? ""}` as Orientation];
  }),
);

/** binpackingjs 4.1.0's pack3D on one bin, its placements turned into ours. */
function runBinpackingjs(inst: Br3dInstance): Run {
  const { length, width, height } = inst.container;
  const items = inst.boxes.map((b) => ({
    name: b.id,
    width: b.length,
    height: b.height,
    depth: b.width,
    weight: b.weight,
    allowedRotations: ROTATIONS.filter((r) => {
      const o = ROTATION_TO_ORIENTATION.get(r);
      return o !== undefined && (b.orientations ?? [o]).includes(o);
    }),
  }));
  const c0 = cpuNow();
  const t0 = performance.now();
  const result = pack3D({ bins: [{ name: "container", width: length, height, depth: width, maxWeight: Infinity }], items });
  const ms = performance.now() - t0;
  const cpuMs = cpuNow() - c0;
  const packed: readonly PackedItem3D[] = result.packedBins[0]?.items ?? [];
  const placements: Placement[] = packed.map((it) => ({
    boxId: it.name,
    x: it.position[0],
    y: it.position[2],
    z: it.position[1],
    l: it.dimension[0],
    w: it.dimension[2],
    h: it.dimension[1],
    orientation: ROTATION_TO_ORIENTATION.get(it.rotationType) ?? "lwh",
  }));
  return judge(inst, placements, ms, cpuMs);
}

function summarise(solver: string, runs: readonly Run[]): Pallet3dStats {
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return {
    solver,
    instances: runs.length,
    meanUtilisation: mean(runs.map((r) => r.utilisation)),
    minUtilisation: Math.min(...runs.map((r) => r.utilisation)),
    invalidPlacements: runs.reduce((n, r) => n + r.invalid, 0),
    invalidInstances: runs.filter((r) => r.invalid > 0).length,
    meanValidUtilisation: mean(runs.map((r) => r.validUtilisation)),
    medianMs: median(runs.map((r) => r.ms)),
    p95Ms: percentile(runs.map((r) => r.ms), 95),
    medianCpuMs: median(runs.map((r) => r.cpuMs)),
  };
}

/**
 * Runs the benchmark: every instance with our packer (budget per instance) and with binpackingjs,
 * validating every placement of both.
 * @example const report = await runPallet3d({ sets: [1], instances: 5, budgetMs: 500 });
 */
export async function runPallet3d(opts: Pallet3dOptions = {}): Promise<Pallet3dReport> {
  const budgetMs = opts.budgetMs ?? 1000;
  const log = opts.log ?? (() => {});
  const instances = readBr3d(opts.sets, opts.instances);
  const solvers = ["drawdown", ...(opts.binpackingjs === false ? [] : ["binpackingjs 4.1.0"])];
  const runs = new Map<string, Map<Br3dInstance, Run>>(solvers.map((s) => [s, new Map()]));
  for (const [k, inst] of instances.entries()) {
    const ours = runOurs(inst, budgetMs);
    runs.get("drawdown")?.set(inst, ours);
    let line = `${k + 1}/${instances.length} set ${inst.set} #${inst.name}: ours ${(100 * ours.utilisation).toFixed(2)} %`;
    if (ours.invalid > 0) line += ` (${ours.invalid} INVALID)`;
    if (opts.binpackingjs !== false) {
      const theirs = runBinpackingjs(inst);
      runs.get("binpackingjs 4.1.0")?.set(inst, theirs);
      line += `, binpackingjs ${(100 * theirs.utilisation).toFixed(2)} % (${theirs.invalid} invalid)`;
    }
    log(line);
    // Let other work on the event loop breathe between instances.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const setIds = [...new Set(instances.map((i) => i.set))];
  const sets = setIds.map((set) => ({
    set,
    results: solvers.map((s) => {
      const m = runs.get(s) ?? new Map<Br3dInstance, Run>();
      return summarise(s, instances.filter((i) => i.set === set).flatMap((i) => m.get(i) ?? []));
    }),
  }));
  const overall = solvers.map((s) => summarise(s, [...(runs.get(s)?.values() ?? [])]));
  return { budgetMs, sets, overall };
}

const pct = (x: number): string => (Number.isFinite(x) ? (100 * x).toFixed(2) : "—");
const ms = (x: number): string => (!Number.isFinite(x) ? "—" : x < 10 ? x.toFixed(2) : x.toFixed(0));

const COLUMNS = [
  "set",
  "solver",
  "instances",
  "mean util. %",
  "min util. %",
  "invalid placements",
  "instances with invalid",
  "mean valid util. %",
  "median ms",
  "p95 ms",
  "median CPU ms",
] as const;

function rows(report: Pallet3dReport): (string | number)[][] {
  return [...report.sets.map((s) => [String(s.set), s.results] as const), ["all", report.overall] as const].flatMap(([set, results]) =>
    results.map((s) => [
      set,
      s.solver,
      s.instances,
      pct(s.meanUtilisation),
      pct(s.minUtilisation),
      s.invalidPlacements,
      s.invalidInstances,
      pct(s.meanValidUtilisation),
      ms(s.medianMs),
      ms(s.p95Ms),
      ms(s.medianCpuMs),
    ]),
  );
}

const NOTES = [
  "Instances: Bischoff & Ratcliff (1995) sets 1–7, 50 each, from lucasguesserts/bischoff-and-ratcliff-instances @ a301351 (MIT).",
  "Invalid placements: boxes the independent validator rejects (overlap, outside, orientation, or less than 100 % of the base supported). binpackingjs does not model support, so most of its rejections are boxes that float.",
  "mean valid util.: the utilisation counting only boxes with no violation.",
  "Files are read by the parser of `drawdown pack --format br`; `drawdown pack <file> --format br --containers 1` runs the same search on one instance.",
];

/** The report as one markdown table (sets, then all pooled) with its notes. */
export function renderPallet3d(report: Pallet3dReport): string {
  const lines = [`| ${COLUMNS.join(" | ")} |`, `|${COLUMNS.map((_, i) => (i < 2 ? "---" : "---:")).join("|")}|`];
  for (const r of rows(report)) lines.push(`| ${r.join(" | ")} |`);
  return `${lines.join("\n")}\n\n${NOTES.map((n) => `- ${n}`).join("\n")}\n`;
}

/** The benchmark in the shape `bench/run.ts` expects (register it there to include it). */
export const pallet3dBenchmark: Benchmark = {
  name: "pallet-3d",
  description: "3-D container loading on Bischoff & Ratcliff sets 1–7 vs binpackingjs 4.1.0",
  async run(log) {
    const report = await runPallet3d({ log });
    const section: BenchSection = {
      title: "3-D pallet and container loading (br3d)",
      intro: `Our packer with a ${report.budgetMs} ms wall-clock budget per instance; binpackingjs 4.1.0 runs to completion.`,
      columns: [...COLUMNS],
      rows: rows(report),
      notes: NOTES,
    };
    return [section];
  },
};
