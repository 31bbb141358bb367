import { type Command, InvalidArgumentError, Option } from "commander";
import { importCargoTable } from "#domain/cargo-import.ts";
import type { CargoItem } from "#domain/cargo.ts";
import type { FileIssue } from "#domain/json-issues.ts";
import { PALLET_DECK_CM, PALLET_MAX_HEIGHT_CM, PALLET_USABLE_LENGTH_CM, PALLET_USABLE_WIDTH_CM } from "#domain/standard-weights.ts";
import type { PalletUnit } from "#planner/lift-unit.ts";
import { parseBpplib } from "#planner/pack/bpplib-format.ts";
import { packBins } from "#planner/pack/solve.ts";
import { buildLiftUnits, palletGroups, palletsLowerBound } from "#planner/palletise.ts";
import { ALL_ORIENTATIONS, type PalletBox } from "#planner/pallet/box.ts";
import { orientedDims } from "#planner/pallet/box-type.ts";
import { parseBr } from "#planner/pallet/br-format.ts";
import { packContainers } from "#planner/pallet/pack-containers.ts";
import { csvTable } from "./import-command-read.ts";
import { formatIssues, type Io, readText, UserError } from "./io.ts";

export const PACK_FORMATS = ["bpplib", "br", "csv"] as const;
export type PackFormat = (typeof PACK_FORMATS)[number];

export interface PackCommandOptions {
  readonly format: PackFormat;
  readonly json?: boolean;
  /** Search time, ms: for the whole instance (bpplib), per container (br) or per pallet (csv). */
  readonly time: number;
  readonly seed: number;
  /** br: containers to fill at most (default: until every box is in one). */
  readonly containers?: number;
}

const positiveInt = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number at least 1, got "${v}"`);
  return n;
};

/** Adds `drawdown pack` to the program (kept here so that main.ts only registers it). */
export function registerPack(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command("pack")
    .description("Pack one instance or cargo list and print the packing with its lower bound: 1-D bins (BPPLIB), a 3-D container (Bischoff–Ratcliff JSON), or 463L pallets from a cargo list (CSV).")
    .argument("<file>", "the instance or cargo list")
    .addOption(new Option("--format <format>", "bpplib: item count, capacity, one weight a line; br: Bischoff–Ratcliff JSON; csv: a cargo list as `drawdown import` reads it").choices(PACK_FORMATS).makeOptionMandatory())
    .option("--json", "print one JSON object: bins or pallets, lowerBound, provedOptimal, volumeUtilisation (3-D), ms")
    .option("--time <ms>", "search time: for the whole instance (bpplib), per container (br), per pallet (csv)", positiveInt("--time"), 1000)
    .option("--seed <n>", "seed of the randomised search", positiveInt("--seed"), 1)
    .option("--containers <n>", "br: fill at most this many containers (default: until every box is in one; 1 is Bischoff and Ratcliff's problem)", positiveInt("--containers"))
    .addHelpText(
      "after",
      [
        "",
        "Examples:",
        "  drawdown pack ../shared/bench/bpp1d/falkenauer-u/Falkenauer_u120_00.txt --format bpplib",
        "  drawdown pack ../shared/bench/br3d/set_1/1.json --format br --containers 1 --json",
        "  drawdown pack cargo.csv --format csv        # how many 463L pallets, built piece by piece",
        "",
        "The packing is valid whatever the time; the time only buys a better one. With --json, bins are",
        "lists of item indices (0 = the first weight of the file); 3-D coordinates are the lowest corner of",
        "each box, x along the length, y across, z up, in the file's unit (cm for pallets, from the corner of",
        "the usable 104 × 84 in surface, z above the deck).",
        "",
        "Exit codes: 0 packed; 2 bad file or option (every problem listed with its line).",
      ].join("\n"),
    )
    .action((file: string, opts: PackCommandOptions) => done(packCommand(io, file, opts)));
}

/** Rounds for output: 0.01 cm is finer than any tape measure. */
const r2 = (x: number) => Math.round(x * 100) / 100;
const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** `drawdown pack <file> --format …`: packs and prints; exit 0, or a UserError (exit 2) listing every problem. */
export function packCommand(io: Io, file: string, opts: PackCommandOptions): number {
  if (opts.containers !== undefined && opts.format !== "br") throw new UserError("--containers is for --format br (containers of a 3-D instance)");
  const text = readText(file);
  const out = opts.format === "bpplib" ? packBpplib(file, text, opts) : opts.format === "br" ? packBr(file, text, opts) : packCsv(file, text, opts);
  io.out(opts.json ? JSON.stringify(out.json, null, 2) : out.text);
  return 0;
}

interface Packed {
  readonly json: Record<string, unknown>;
  readonly text: string;
}

function lineIssues(file: string, issues: readonly FileIssue[], what: string): UserError {
  const body = issues.map((i) => `${file}:${i.line}  ${i.message}\n    hint: ${i.hint}`).join("\n");
  return new UserError(`${body}\n${issues.length} problem${issues.length === 1 ? "" : "s"} in ${file}; it is not ${what}. Nothing was packed.`);
}

function packBpplib(file: string, text: string, opts: PackCommandOptions): Packed {
  const read = parseBpplib(text);
  if (!read.ok) throw lineIssues(file, read.issues, "a BPPLIB instance");
  const { capacity, weights } = read.instance;
  const t0 = performance.now();
  const r = packBins(weights, capacity, { budgetMs: opts.time, now: () => performance.now(), seed: opts.seed });
  const ms = performance.now() - t0;
  // parseBpplib already refuses what packBins would: this is a bug, not bad input.
  if (!r.ok) throw new Error(`packBins refused a parsed instance: ${r.issues[0]?.message}`);
  const bins = r.bins.map((b) => ({ items: b, load: r4(b.reduce((s, i) => s + (weights[i] ?? 0), 0)) }));
  const json = { format: "bpplib", file, items: weights.length, capacity, bins, lowerBound: r.lowerBound, bound: r.bound, provedOptimal: r.provedOptimal, ms: r2(ms) };
  const lines = [
    `${file}: ${weights.length} items, capacity ${capacity}`,
    `${bins.length} bins; lower bound ${r.lowerBound} (${r.bound})${r.provedOptimal ? ": optimal" : `: at most ${bins.length - r.lowerBound} more than the optimum`}; ${Math.round(ms)} ms`,
    ...bins.map((b, k) => `  bin ${k + 1}: ${b.load} / ${capacity}  items ${b.items.map((i) => `${i}:${weights[i]}`).join(" ")}`),
  ];
  return { json, text: lines.join("\n") };
}

function packBr(file: string, text: string, opts: PackCommandOptions): Packed {
  const read = parseBr(text);
  if (!read.ok) throw new UserError(`${formatIssues(file, read.issues)}\n${read.issues.length} problem${read.issues.length === 1 ? "" : "s"} in ${file}; it is not a Bischoff–Ratcliff instance. Nothing was packed.`);
  const { container, boxes } = read.instance;
  const t0 = performance.now();
  const packed = packContainers(boxes, container, {
    now: () => performance.now(),
    timeLimitMs: opts.time,
    seed: opts.seed,
    ...(opts.containers !== undefined ? { maxContainers: opts.containers } : {}),
  });
  const ms = performance.now() - t0;
  const capacity = container.length * container.width * container.height;
  const byId = new Map(boxes.map((b) => [b.id, b]));
  // Boxes that fit no container in any allowed orientation are left out of the bound: no packing places them.
  const fitsAlone = (b: PalletBox) =>
    (b.orientations ?? ALL_ORIENTATIONS).some((o) => {
      const [x, y, z] = orientedDims(b, o);
      return x <= container.length && y <= container.width && z <= container.height;
    });
  const fitting = boxes.filter(fitsAlone);
  const volume = fitting.reduce((s, b) => s + b.length * b.width * b.height, 0);
  const lowerBound = Math.ceil(volume / capacity - 1e-9);
  const placedAll = packed.unplaced.every((id) => {
    const b = byId.get(id);
    return b !== undefined && !fitsAlone(b);
  });
  const bins = packed.containers.map((c) => ({
    boxes: c.placements.length,
    volumeUtilisation: r4(c.volumeUtilisation),
    placements: c.placements.map((p) => ({ box: p.boxId, x: r2(p.x), y: r2(p.y), z: r2(p.z), l: r2(p.l), w: r2(p.w), h: r2(p.h), orientation: p.orientation })),
  }));
  const first = packed.containers[0]?.volumeUtilisation ?? 0;
  const complete = placedAll;
  const json = {
    format: "br",
    file,
    boxes: boxes.length,
    container,
    bins,
    unplaced: packed.unplaced,
    lowerBound,
    provedOptimal: complete && bins.length === lowerBound,
    volumeUtilisation: r4(first),
    ms: r2(ms),
  };
  const lines = [
    `${file}: ${boxes.length} boxes, container ${container.length} × ${container.width} × ${container.height}`,
    `${bins.length} container${bins.length === 1 ? "" : "s"}${packed.unplaced.length === 0 ? "" : `, ${packed.unplaced.length} boxes left out`}; lower bound ${lowerBound} by volume${complete && bins.length === lowerBound ? ": optimal" : ""}; first container ${pct(first)} full (Bischoff and Ratcliff's measure); ${Math.round(ms)} ms`,
    ...packed.containers.map((c, k) => `  container ${k + 1}: ${c.placements.length} boxes, ${pct(c.volumeUtilisation)} of its volume`),
  ];
  const misfits = boxes.filter((b) => !fitsAlone(b));
  if (misfits.length > 0) lines.push(`  fit no container: ${misfits.map((b) => `${b.id} (${b.length} × ${b.width} × ${b.height})`).join(", ")}`);
  return { json, text: lines.join("\n") };
}

function packCsv(file: string, text: string, opts: PackCommandOptions): Packed {
  const read = csvTable(text.replace(/^\uFEFF/, ""));
  const imported = read.ok ? importCargoTable(read.table) : read;
  if (!imported.ok) {
    const body = imported.issues.map((i) => `${file}: ${i.where}: ${i.message}\n    hint: ${i.hint}`).join("\n");
    throw new UserError(`${body}\n${imported.issues.length} problem${imported.issues.length === 1 ? "" : "s"} in ${file}; nothing was packed.`);
  }
  const cargo: CargoItem[] = imported.lines.map((l) => l.item);
  const sites = [...new Set(cargo.map((c) => c.site))];
  const t0 = performance.now();
  const pallets: PalletUnit[] = [];
  let lowerBound = 0;
  const loose: { cargo: string; quantity: number; kind: string }[] = [];
  for (const site of sites) {
    const { groups, loose: rest } = palletGroups(site, cargo);
    for (const lines of groups.values()) lowerBound += palletsLowerBound(lines);
    for (const c of rest) loose.push({ cargo: c.id, quantity: c.quantity, kind: c.kind });
    for (const u of buildLiftUnits(site, cargo, { now: () => performance.now(), timeLimitMs: opts.time, seed: opts.seed })) if (u.kind === "pallet") pallets.push(u);
  }
  const ms = performance.now() - t0;
  const usable = PALLET_USABLE_LENGTH_CM * PALLET_USABLE_WIDTH_CM * (PALLET_MAX_HEIGHT_CM - PALLET_DECK_CM);
  const byId = new Map(cargo.map((c) => [c.id as string, c]));
  const volumeOf = (p: PalletUnit) => p.items.reduce((s, i) => {
    const d = byId.get(i.cargo)?.dimensions;
    return s + (d ? i.quantity * d.length * d.width * d.height : 0);
  }, 0);
  const total = pallets.reduce((s, p) => s + volumeOf(p), 0);
  const utilisation = pallets.length > 0 ? total / (pallets.length * usable) : 0;
  const json = {
    format: "csv",
    file,
    pallets: pallets.map((p) => ({
      id: p.id,
      site: p.site,
      items: p.items,
      grossKg: r2(p.weightKg),
      heightCm: r2(p.heightCm),
      volumeUtilisation: r4(volumeOf(p) / usable),
      ...(p.buildUp ? { buildUp: p.buildUp } : {}),
    })),
    loose,
    lowerBound,
    provedOptimal: pallets.length === lowerBound,
    volumeUtilisation: r4(utilisation),
    ms: r2(ms),
  };
  const inch = (cm: number) => Math.round(cm / 2.54);
  const lines = [
    `${file}: ${cargo.length} cargo lines at ${sites.length} site${sites.length === 1 ? "" : "s"}`,
    `${pallets.length} 463L pallets; lower bound ${lowerBound} (weight, volume, boxes that stand alone)${pallets.length === lowerBound ? ": optimal" : ""}; ${pct(utilisation)} of their usable volume; ${Math.round(ms)} ms`,
    ...pallets.map(
      (p) =>
        `  ${p.id}: ${p.items.map((i) => `${i.quantity} × ${i.cargo}`).join(", ")}; ${Math.round(p.weightKg).toLocaleString("en-US")} kg gross, ${inch(p.heightCm)} in high, ${pct(volumeOf(p) / usable)} full`,
    ),
  ];
  if (loose.length > 0) lines.push(`  not on pallets (vehicles, containers, outsize, or boxes too big or heavy for one): ${loose.map((l) => `${l.quantity} × ${l.cargo}`).join(", ")}`);
  return { json, text: lines.join("\n") };
}
