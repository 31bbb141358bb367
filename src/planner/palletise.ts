import type { CargoItem } from "#domain/cargo.ts";
import type { CargoId, SiteId } from "#domain/ids.ts";
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

/**
 * Share of a pallet's usable volume that boxes may fill. Without a three-dimensional build-up
 * (load planning does that) this keeps the estimate buildable: hand-built pallets rarely pass 80 %.
 */
export const PALLET_FILL_LIMIT = 0.8;

const USABLE_HEIGHT_CM = PALLET_MAX_HEIGHT_CM - PALLET_DECK_CM;
const USABLE_VOLUME_CM3 = PALLET_USABLE_LENGTH_CM * PALLET_USABLE_WIDTH_CM * USABLE_HEIGHT_CM;
const MAX_NET_KG = PALLET_MAX_GROSS_KG - PALLET_TARE_KG;

/** Whether a box can sit on a 463L pallet in some orientation. */
export function fitsPallet(c: CargoItem): boolean {
  const [a = 0, b = 0, h = 0] = [c.dimensions.length, c.dimensions.width, c.dimensions.height].sort((x, y) => y - x);
  // Lying on its largest face: the two longer sides on the deck, the shortest up.
  return (
    c.kind === "box" &&
    a <= PALLET_USABLE_LENGTH_CM &&
    b <= PALLET_USABLE_WIDTH_CM &&
    h <= USABLE_HEIGHT_CM &&
    c.unitWeight <= MAX_NET_KG
  );
}

const volume = (c: CargoItem) => c.dimensions.length * c.dimensions.width * c.dimensions.height;

interface OpenPallet {
  readonly key: string;
  readonly items: Map<CargoId, number>;
  netKg: number;
  volumeCm3: number;
  tallestCm: number;
  priority: number;
  sensitive: boolean;
}

/**
 * Turns a site's cargo to withdraw into lift units: boxes onto pallets by first-fit decreasing on
 * weight and volume, kept apart by priority, sensitivity and hazard class (so that segregation and
 * escort apply to whole pallets); everything else as loose pieces, one unit a piece.
 */
export function buildLiftUnits(site: SiteId, cargo: readonly CargoItem[]): LiftUnit[] {
  const units: LiftUnit[] = [];
  const pieces: CargoItem[] = [];
  for (const c of cargo) {
    if (c.site !== site || c.disposition !== "withdraw") continue;
    if (fitsPallet(c)) {
      for (let i = 0; i < c.quantity; i++) pieces.push(c);
    } else {
      const positions = positionEquivalents(c.dimensions);
      for (let i = 0; i < c.quantity; i++) {
        const piece: LoosePiece = {
          kind: "loose",
          cargo: c,
          site,
          weightKg: c.unitWeight,
          positions,
          priority: c.priority,
          sensitive: c.sensitive,
        };
        units.push(piece);
      }
    }
  }
  // Heaviest first within each compatible group: first-fit decreasing.
  pieces.sort((a, b) => groupKey(a).localeCompare(groupKey(b)) || b.unitWeight - a.unitWeight || volume(b) - volume(a));
  const open: OpenPallet[] = [];
  const closed: OpenPallet[] = [];
  let currentKey = "";
  for (const p of pieces) {
    const key = groupKey(p);
    if (key !== currentKey) {
      closed.push(...open.splice(0));
      currentKey = key;
    }
    const height = Math.min(p.dimensions.length, p.dimensions.width, p.dimensions.height);
    let target = open.find(
      (o) => o.netKg + p.unitWeight <= MAX_NET_KG && o.volumeCm3 + volume(p) <= USABLE_VOLUME_CM3 * PALLET_FILL_LIMIT,
    );
    if (!target) {
      target = { key, items: new Map(), netKg: 0, volumeCm3: 0, tallestCm: 0, priority: p.priority, sensitive: p.sensitive };
      open.push(target);
    }
    target.items.set(p.id, (target.items.get(p.id) ?? 0) + 1);
    target.netKg += p.unitWeight;
    target.volumeCm3 += volume(p);
    target.tallestCm = Math.max(target.tallestCm, height);
  }
  closed.push(...open);
  closed.forEach((o, i) => {
    const pallet: PalletUnit = {
      kind: "pallet",
      id: `${site}-PAL-${String(i + 1).padStart(4, "0")}`,
      site,
      items: [...o.items].map(([cargoId, quantity]) => ({ cargo: cargoId, quantity })),
      weightKg: o.netKg + PALLET_TARE_KG,
      heightCm: PALLET_MAX_HEIGHT_CM,
      positions: 1,
      priority: o.priority,
      sensitive: o.sensitive,
    };
    units.push(pallet);
  });
  return units;
}

/** Pieces that may share a pallet: same priority, same sensitivity, same hazard class. */
function groupKey(c: CargoItem): string {
  return `${c.priority}|${c.sensitive ? "S" : "-"}|${c.hazard ? c.hazard.class : 0}`;
}
