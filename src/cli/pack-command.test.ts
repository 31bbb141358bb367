import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PALLET_DECK_CM, PALLET_MAX_HEIGHT_CM, PALLET_USABLE_LENGTH_CM, PALLET_USABLE_WIDTH_CM } from "#domain/standard-weights.ts";
import { runCli } from "#test/cli-harness.ts";
import { ROOT } from "#test/scenarios.ts";
import { validatePalletGeometry } from "#verify/pallet-geometry.ts";

const dir = mkdtempSync(join(tmpdir(), "drawdown-pack-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

interface BinsJson {
  items: number;
  capacity: number;
  bins: { items: number[]; load: number }[];
  lowerBound: number;
  bound: string;
  provedOptimal: boolean;
  ms: number;
}

describe("drawdown pack --format bpplib", () => {
  it("packs a BPPLIB instance into the fewest bins and proves it with the bound", async () => {
    // 6+4, 5+3+2: two full bins of 10.
    const path = file("five.txt", "5\n10\n6\n5\n4\n3\n2\n");
    const r = await runCli(["pack", path, "--format", "bpplib", "--json", "--time", "50"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as BinsJson;
    expect(json.bins).toHaveLength(2);
    expect(json.lowerBound).toBe(2);
    expect(json.provedOptimal).toBe(true);
    expect(json.ms).toBeGreaterThanOrEqual(0);
    expect(json.bins.flatMap((b) => b.items).sort()).toEqual([0, 1, 2, 3, 4]);
    const weights = [6, 5, 4, 3, 2];
    for (const b of json.bins) expect(b.load).toBe(b.items.reduce((s, i) => s + (weights[i] ?? 0), 0));
    for (const b of json.bins) expect(b.load).toBeLessThanOrEqual(10);
  });

  it("prints the bins with their loads, and reads `weight count` lines", async () => {
    const path = file("pairs.txt", "2\n100\n60 3\n40 3\n");
    const r = await runCli(["pack", path, "--format", "bpplib", "--time", "50"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("6 items, capacity 100");
    expect(r.out).toMatch(/3 bins; lower bound 3 \(\w+\): optimal/);
    expect(r.out).toMatch(/bin 1: 100 \/ 100 {2}items/);
  });

  it("packs triplets that fill their bins exactly (as Falkenauer's T instances) to the optimum", async () => {
    // 20 triplets of 1000: a + b + (1000 − a − b), shuffled by a fixed stride; L1 = 20 proves it.
    const triplets = Array.from({ length: 20 }, (_, k) => [251 + 7 * k, 260 + 5 * k, 1000 - (251 + 7 * k) - (260 + 5 * k)]);
    const weights = triplets.flat();
    const order = weights.map((_, i) => (i * 37) % weights.length);
    const path = file("triplets.txt", `${weights.length}\n1000\n${order.map((i) => weights[i]).join("\n")}\n`);
    const r = await runCli(["pack", path, "--format", "bpplib", "--json", "--time", "500"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as BinsJson;
    expect(json.items).toBe(60);
    expect(json.bins.flatMap((b) => b.items).sort((a, b) => a - b)).toEqual(weights.map((_, i) => i));
    expect(json.bins).toHaveLength(20);
    expect(json.lowerBound).toBe(20);
    expect(json.provedOptimal).toBe(true);
  });

  it("lists every problem of a malformed file with its line, and packs nothing", async () => {
    const path = file("bad.txt", "4\n10\n6\nsix\n12\n");
    const r = await runCli(["pack", path, "--format", "bpplib"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(`${path}:4  "six" is not a weight`);
    expect(r.err).toContain(`${path}:5  weight 12 is above the capacity 10`);
    expect(r.err).toMatch(/line 1 announces 4 items, the file has 2/);
    expect(r.err).toMatch(/3 problems in .*; it is not a BPPLIB instance\. Nothing was packed\./);
    const empty = await runCli(["pack", file("empty.txt", "\n"), "--format", "bpplib"]);
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/the file ends before the item count and the capacity/);
  });
});

describe("drawdown pack --format br", () => {
  const instance = (quantity: number, extra = "") =>
    `{\n  "large_object": { "measurement": { "x": 10, "y": 10, "z": 10 } },\n  "small_items": [\n    { "measurement": { "x": 5, "y": 5, "z": 5 }, "quantity": ${quantity}${extra} }\n  ]\n}\n`;

  it("fills containers with valid placements and says how full the first is", async () => {
    const path = file("cubes.json", instance(10));
    const r = await runCli(["pack", path, "--format", "br", "--json", "--time", "100"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      bins: { boxes: number; volumeUtilisation: number; placements: { box: string; x: number; y: number; z: number; l: number; w: number; h: number; orientation: string }[] }[];
      unplaced: string[];
      lowerBound: number;
      provedOptimal: boolean;
      volumeUtilisation: number;
    };
    // Ten 5 cm cubes: eight fill the first container, two go in a second; ⌈10 / 8⌉ = 2 by volume.
    expect(json.bins.map((b) => b.boxes)).toEqual([8, 2]);
    expect(json.volumeUtilisation).toBe(1);
    expect(json.lowerBound).toBe(2);
    expect(json.provedOptimal).toBe(true);
    expect(json.unplaced).toEqual([]);
    const boxes = Array.from({ length: 10 }, (_, q) => ({ id: `t0-${q}`, length: 5, width: 5, height: 5, weight: 0.125 }));
    for (const b of json.bins)
      expect(validatePalletGeometry(boxes, b.placements.map((p) => ({ ...p, boxId: p.box })), { length: 10, width: 10, height: 10 })).toEqual([]);
  });

  it("with --containers 1 packs one container and leaves the rest out", async () => {
    const r = await runCli(["pack", file("cubes1.json", instance(10)), "--format", "br", "--containers", "1", "--time", "100"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1 container, 2 boxes left out; lower bound 2 by volume; first container 100\.0 % full/);
  });

  it("points at the line and JSON path of what is wrong", async () => {
    const missing = await runCli(["pack", file("noqty.json", instance(0)), "--format", "br"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/noqty\.json:4:\d+ {2}\$\.small_items\[0\]\.quantity {2}Too small.*\n {4}hint: /);
    const syntax = await runCli(["pack", file("syntax.json", '{ "large_object": { "measurement": { "x": 10 ], "small_items": [] }'), "--format", "br"]);
    expect(syntax.code).toBe(2);
    expect(syntax.err).toMatch(/syntax\.json:1:\d+ {2}\$ {2}JSON syntax error/);
    const noOrientation = await runCli(["pack", file("flags.json", instance(2, ', "constraint": { "orientation": { "xyz": false } }')), "--format", "br"]);
    expect(noOrientation.code).toBe(2);
    expect(noOrientation.err).toMatch(/at least one orientation must be allowed/);
  });
});

describe("drawdown pack --format csv", () => {
  it("builds the cargo list's boxes on 463L pallets piece by piece, and lists what travels loose", async () => {
    const r = await runCli(["pack", `${ROOT}test/fixtures/cargo-good.csv`, "--format", "csv", "--json", "--time", "50"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      pallets: { id: string; items: { cargo: string; quantity: number }[]; grossKg: number; heightCm: number; volumeUtilisation: number; buildUp: { pieces: { cargo: string; x: number; y: number; z: number; l: number; w: number; h: number; orientation: string }[] } }[];
      loose: { cargo: string; quantity: number }[];
      lowerBound: number;
      provedOptimal: boolean;
      volumeUtilisation: number;
      ms: number;
    };
    expect(json.pallets.length).toBeGreaterThanOrEqual(json.lowerBound);
    expect(json.provedOptimal).toBe(json.pallets.length === json.lowerBound);
    expect(json.volumeUtilisation).toBeGreaterThan(0);
    expect(json.loose.map((l) => l.cargo).sort()).toEqual(["imp-jeeps", "imp-water"]);
    const usable = { length: PALLET_USABLE_LENGTH_CM, width: PALLET_USABLE_WIDTH_CM, height: PALLET_MAX_HEIGHT_CM - PALLET_DECK_CM };
    for (const p of json.pallets) {
      const pieces = p.buildUp.pieces.map((x, i) => ({ ...x, boxId: `${x.cargo}#${i}` }));
      const boxes = pieces.map((x) => ({ id: x.boxId, length: x.orientation === "lwh" ? x.l : x.w, width: x.orientation === "lwh" ? x.w : x.l, height: x.h, weight: 1 }));
      expect(validatePalletGeometry(boxes, pieces, usable, { tolerance: 0.02 })).toEqual([]);
      expect(pieces).toHaveLength(p.items.reduce((s, i) => s + i.quantity, 0));
    }
  });

  it("reports every bad cell with its line and column, and packs nothing", async () => {
    const r = await runCli(["pack", `${ROOT}test/fixtures/cargo-bad.csv`, "--format", "csv"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/cargo-bad\.csv: line 3, column "weight": "12O0" is not a number\n {4}hint: write digits only/);
    expect(r.err).toMatch(/\d+ problems in .*cargo-bad\.csv; nothing was packed\./);
  });
});

describe("drawdown pack: options", () => {
  it("has help with the formats and exit codes", async () => {
    const r = await runCli(["pack", "--help"]);
    expect(r.out).toMatch(/Usage: drawdown pack/);
    expect(r.out).toContain("bpplib");
    expect(r.out).toContain("Exit codes");
  });

  it("refuses an unknown format, a missing one, a missing file, and --containers outside br", async () => {
    const path = file("two.txt", "1\n10\n5\n");
    expect((await runCli(["pack", path, "--format", "xml"])).code).toBe(2);
    expect((await runCli(["pack", path])).code).toBe(2);
    const gone = await runCli(["pack", join(dir, "nope.txt"), "--format", "bpplib"]);
    expect(gone.code).toBe(2);
    expect(gone.err).toMatch(/cannot read .*nope\.txt: no such file/);
    const containers = await runCli(["pack", path, "--format", "bpplib", "--containers", "2"]);
    expect(containers.code).toBe(2);
    expect(containers.err).toMatch(/--containers is for --format br/);
  });
});
