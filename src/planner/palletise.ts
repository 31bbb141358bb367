import type { CargoItem, Hazard } from "#domain/cargo.ts";
import { segregationKeys } from "#domain/hazard-compatibility.ts";
import type { CargoId, SiteId } from "#domain/ids.ts";
import type { PalletBuildUp, PalletPiece } from "#domain/plan.ts";
import {
  PALLET_DECK_CM,
  PALLET_MAX_GROSS_KG,
  PALLET_MAX_HEIGHT_CM,
  PALLET_TARE_KG,
  PALLET_USABLE_LENGTH_CM,
  PALLET_USABLE_WIDTH_CM,
  positionEquivalents,
} from "#domain/standard-weights.ts";
import type { LiftUnit, LoosePiece, PalletUnit } from "./lift-unit.ts";
import type { PalletBox } from "./pallet/box.ts";
import { type Built463LPallet, build463L, piecesFromCargo } from "./pallet/build-463l.ts";

const USABLE_HEIGHT_CM = PALLET_MAX_HEIGHT_CM - PALLET_DECK_CM;
const MAX_NET_KG = PALLET_MAX_GROSS_KG - PALLET_TARE_KG;

/**
 * Greedy constructions per pallet. The planner has no clock (it is pure), so the build-up's search is
 * bounded by work, not time: the packer's three first constructions (by volume, by fit, heaviest
 * first) already give its block-building result on the few box types of one site's group; more cost
 * plan time for little (on Niger 8 save 3 pallets of 165, 20 save 2; see bench/pallet-3d.ts for what
 * a long search reaches).
 */
export const PALLET_BUILD_ITERATIONS = 3;

/**
 * Whether a box can go on a 463L pallet: it stands upright (the cargo list gives no "may lie on its
 * side"), its footprint fits 104 × 84 in either way round, it is no taller than 96 in less the deck,
 * and no heavier than 10,000 lb less tare and nets.
 */
export function fitsPallet(c: CargoItem): boolean {
  const { length: l, width: w, height: h } = c.dimensions;
  const footprint = (l <= PALLET_USABLE_LENGTH_CM && w <= PALLET_USABLE_WIDTH_CM) || (w <= PALLET_USABLE_LENGTH_CM && l <= PALLET_USABLE_WIDTH_CM);
  return c.kind === "box" && footprint && h <= USABLE_HEIGHT_CM && c.unitWeight <= MAX_NET_KG;
}

/**
 * What decides whether two hazards may share a pallet: the segregation table's keys, and for
 * explosives the division with its compatibility group and the UN number (same article or not).
 * Class 9 and other unsegregated hazards have no key: they go with unhazardous boxes.
 */
export function hazardProfile(h: Hazard | undefined): string {
  if (!h) return "";
  const keys = segregationKeys(h).sort().join("+");
  return h.class === 1 ? `${keys}/${h.division ?? ""}/${h.unNumber ?? ""}` : keys;
}

/** Pieces that may share a pallet: same priority, same sensitivity (escort), same hazard profile. */
function groupKey(c: CargoItem): string {
  return `${c.priority}|${c.sensitive ? "S" : "-"}|${hazardProfile(c.hazard)}`;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The build-up as the plan file records it: cargo ids, coordinates to 0.01 cm. */
function buildUpRecord(built: Built463LPallet, cargoOf: ReadonlyMap<string, CargoId>): PalletBuildUp {
  const pieces: PalletPiece[] = built.placements.map((p) => ({
    cargo: cargoOf.get(p.boxId) ?? (p.boxId as CargoId),
    x: round2(p.x),
    y: round2(p.y),
    z: round2(p.z),
    l: round2(p.l),
    w: round2(p.w),
    h: round2(p.h),
    // Pieces stand upright: the packer is only offered these two.
    orientation: p.orientation === "wlh" ? "wlh" : "lwh",
  }));
  return { pieces, cg: { x: round2(built.cg.x), y: round2(built.cg.y), z: round2(built.cg.z) } };
}

/** Options of {@link buildLiftUnits}. */
export interface PalletiseOptions {
  /** Greedy constructions per pallet (default {@link PALLET_BUILD_ITERATIONS}, or no limit with a clock). */
  readonly iterations?: number;
  /** Seed of the build-up's randomised constructions (default 1). */
  readonly seed?: number;
  /** A clock in ms, for a time budget per pallet instead (the planner passes none: it is pure). */
  readonly now?: () => number;
  /** Time budget per pallet with `now`, ms (default 1000). */
  readonly timeLimitMs?: number;
}

/**
 * The boxes of a site that go on pallets, in the groups that may share one (priority, escort, hazard
 * profile), keys in order; the rest of the site's cargo to withdraw, which travels loose.
 */
export function palletGroups(site: SiteId, cargo: readonly CargoItem[]): { groups: Map<string, CargoItem[]>; loose: CargoItem[] } {
  const groups = new Map<string, CargoItem[]>();
  const loose: CargoItem[] = [];
  for (const c of cargo) {
    if (c.site !== site || c.disposition !== "withdraw") continue;
    if (!fitsPallet(c)) {
      loose.push(c);
      continue;
    }
    const key = groupKey(c);
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  return { groups: new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), loose };
}

const USABLE_VOLUME_CM3 = PALLET_USABLE_LENGTH_CM * PALLET_USABLE_WIDTH_CM * USABLE_HEIGHT_CM;

/**
 * No build-up puts these boxes (one group, which may share pallets) on fewer 463L pallets:
 * max(⌈weight / 9,645 lb⌉, ⌈volume / usable volume⌉, boxes whose footprint takes more than half the
 * usable surface and that may not be stacked on).
 */
export function palletsLowerBound(lines: readonly CargoItem[]): number {
  let kg = 0;
  let volume = 0;
  let alone = 0;
  const half = (PALLET_USABLE_LENGTH_CM * PALLET_USABLE_WIDTH_CM) / 2;
  for (const c of lines) {
    const { length: l, width: w, height: h } = c.dimensions;
    kg += c.quantity * c.unitWeight;
    volume += c.quantity * l * w * h;
    // Upright, two such boxes cannot stand side by side, and neither can stand on the other.
    if (!c.stackable && l * w > half) alone += c.quantity;
  }
  const up = (x: number) => Math.ceil(x - 1e-9);
  return Math.max(up(kg / MAX_NET_KG), up(volume / USABLE_VOLUME_CM3), alone);
}

/**
 * Turns a site's cargo to withdraw into lift units: boxes onto 463L pallets built in three
 * dimensions ({@link build463L}: every piece placed, fully supported, heavy low, the centre of
 * gravity near the middle), kept apart by priority, sensitivity and hazard profile (so that
 * segregation and escort apply to whole pallets); everything else as loose pieces, one unit a piece.
 * @example buildLiftUnits("NIAMEY" as SiteId, scenario.cargo)[0] // { kind: "pallet", buildUp: { pieces: [...] }, ... }
 */
export function buildLiftUnits(site: SiteId, cargo: readonly CargoItem[], opts: PalletiseOptions = {}): LiftUnit[] {
  const units: LiftUnit[] = [];
  const loose = (c: CargoItem): LoosePiece => ({
    kind: "loose",
    cargo: c,
    site,
    weightKg: c.unitWeight,
    positions: positionEquivalents(c.dimensions),
    priority: c.priority,
    sensitive: c.sensitive,
  });
  const { groups, loose: unpalletised } = palletGroups(site, cargo);
  for (const c of unpalletised) for (let i = 0; i < c.quantity; i++) units.push(loose(c));
  let n = 0;
  for (const lines of groups.values()) {
    const first = lines[0];
    if (!first) continue;
    // Heaviest lines first: the packer breaks ties in input order.
    const sorted = [...lines].sort((a, b) => b.unitWeight - a.unitWeight || a.id.localeCompare(b.id));
    const pieces: PalletBox[] = piecesFromCargo(sorted);
    const cargoOf = new Map<string, CargoId>();
    const byId = new Map<string, CargoItem>();
    for (const c of sorted) byId.set(c.id, c);
    for (const p of pieces) cargoOf.set(p.id, p.id.slice(0, p.id.lastIndexOf("#")) as CargoId);
    const built = build463L(pieces, {
      ...(opts.now ? { now: opts.now, timeLimitMs: opts.timeLimitMs ?? 1000 } : {}),
      ...(opts.iterations !== undefined || !opts.now ? { maxIterations: opts.iterations ?? PALLET_BUILD_ITERATIONS } : {}),
      seed: opts.seed ?? 1,
    });
    for (const b of built.pallets) {
      const items = new Map<CargoId, number>();
      for (const p of b.placements) {
        const id = cargoOf.get(p.boxId);
        if (id !== undefined) items.set(id, (items.get(id) ?? 0) + 1);
      }
      const pallet: PalletUnit = {
        kind: "pallet",
        id: `${site}-PAL-${String(++n).padStart(4, "0")}`,
        site,
        items: [...items].map(([id, quantity]) => ({ cargo: id, quantity })),
        weightKg: b.grossKg,
        heightCm: b.heightCm,
        positions: 1,
        priority: first.priority,
        sensitive: first.sensitive,
        buildUp: buildUpRecord(b, cargoOf),
      };
      units.push(pallet);
    }
    // fitsPallet and the packer agree on what fits a pallet; should they ever not, the piece still moves, loose.
    for (const id of built.unplaceable) {
      const c = byId.get(cargoOf.get(id) ?? "");
      if (c) units.push(loose(c));
    }
  }
  return units;
}
