import type { ScenarioInput } from "#domain/scenario.ts";
import {
  PALLET_DECK_CM,
  PALLET_MAX_HEIGHT_CM,
  PALLET_USABLE_LENGTH_CM,
  PALLET_USABLE_WIDTH_CM,
} from "#domain/standard-weights.ts";
import type { LoadTally } from "./airlift-estimate.ts";
import { apportion } from "./apportion.ts";
import {
  CARGO_CLASSES,
  CARGO_TEMPLATES,
  type CargoClass,
  type CargoMix,
  type CargoTemplate,
  type Range,
} from "./cargo-catalogue.ts";
import type { Rng } from "./rng.ts";

/** One cargo line as the scenario file holds it. */
export type CargoLineInput = ScenarioInput["cargo"][number];

/** What to draw at one site. */
export interface SiteCargoOptions {
  readonly site: string;
  /** Pieces to generate at the site, exactly. */
  readonly pieces: number;
  readonly mix: CargoMix;
  /**
   * Sensitive-duty escorts the site can spare. Each sensitive sortie takes one escort along,
   * so sensitive lines are only drawn while the escorts they may need stay within this budget.
   */
  readonly escortBudget: number;
}

/** A site's cargo lines and the escorts they need. */
export interface SiteCargo {
  readonly lines: CargoLineInput[];
  /** Escorts the sensitive lines may need: one per sensitive pallet at worst, plus one. */
  readonly escorts: number;
}

const PALLET_VOLUME_CM3 =
  PALLET_USABLE_LENGTH_CM * PALLET_USABLE_WIDTH_CM * (PALLET_MAX_HEIGHT_CM - PALLET_DECK_CM);

/** Priorities of ordinary lines: most are routine (3), a tenth move first, a tenth last. */
const PRIORITIES: readonly (readonly [number, number])[] = [
  [1, 0.1],
  [2, 0.2],
  [3, 0.4],
  [4, 0.2],
  [5, 0.1],
];

/** Share of ordinary lines the force leaves behind (≈ 5 % of pieces), handed over or destroyed. */
const LEFT_BEHIND = 0.06;

const draw = (rng: Rng, r: Range) => rng.int(r[0], r[1]);

/**
 * Escorts a site's sensitive boxes may need: one per sortie that carries any, so at worst one per
 * sensitive pallet. Pallets are built first-fit (a new pallet only for a box no open pallet takes),
 * so any two pallets together hold more than one pallet's worth by weight or volume: with `size`
 * the boxes' weight and volume in pallets (here at 3,500 kg and half the volume, below the real
 * limits), there are at most 2 × size + 1 pallets. One more spare escort on top.
 */
const escortsFor = (size: number) => (size === 0 ? 0 : Math.floor(2 * size) + 2);

/**
 * Draws a site's cargo lines: `pieces` pieces exactly, split over the classes of the mix, with
 * several pieces to a line. Adds every piece that leaves the country to `tally`. Linear in lines.
 */
export function generateSiteCargo(rng: Rng, opts: SiteCargoOptions, tally: LoadTally): SiteCargo {
  const split = apportion(
    opts.pieces,
    CARGO_CLASSES.map((c) => opts.mix[c]),
  );
  const counts = new Map<CargoClass, number>(CARGO_CLASSES.map((c, i) => [c, split[i] ?? 0]));
  const lines: CargoLineInput[] = [];
  let serial = 0;
  const nextId = () => `${opts.site}.${String(++serial).padStart(4, "0")}`;

  // Sensitive lines first, while the escort budget lasts; what does not fit becomes ordinary boxes.
  let sensitiveLeft = counts.get("sensitive") ?? 0;
  let size = 0;
  while (sensitiveLeft > 0) {
    const t = rng.weighted(CARGO_TEMPLATES.sensitive.map((x) => [x, x.share] as const));
    const quantity = Math.min(sensitiveLeft, draw(rng, t.quantity));
    const piece = drawPiece(rng, t);
    const d = piece.dimensions;
    const more =
      quantity * (piece.unitWeight / 3_500 + (d.length * d.width * d.height) / (0.5 * PALLET_VOLUME_CM3));
    if (escortsFor(size + more) > opts.escortBudget) break;
    size += more;
    sensitiveLeft -= quantity;
    lines.push({ id: nextId(), ...piece, site: opts.site, quantity, sensitive: true, priority: 1 });
    tally.addBoxes(quantity, piece.dimensions, piece.unitWeight, "1|S|0");
  }
  counts.set("box", (counts.get("box") ?? 0) + sensitiveLeft);
  counts.set("sensitive", 0);

  for (const cls of CARGO_CLASSES) {
    let left = counts.get(cls) ?? 0;
    const choices = CARGO_TEMPLATES[cls].map((x) => [x, x.share] as const);
    while (left > 0) {
      const t = rng.weighted(choices);
      const quantity = Math.min(left, draw(rng, t.quantity));
      left -= quantity;
      const piece = drawPiece(rng, t);
      const priority = t.hazard ? rng.int(2, 4) : rng.weighted(PRIORITIES);
      const disposition =
        t.hazard || !rng.chance(LEFT_BEHIND)
          ? "withdraw"
          : cls === "container" || rng.chance(0.6)
            ? "handover"
            : "dispose";
      lines.push({
        id: nextId(),
        ...piece,
        site: opts.site,
        quantity,
        ...(t.hazard ? { hazard: { ...t.hazard } } : {}),
        ...(priority !== 3 ? { priority } : {}),
        ...(disposition !== "withdraw" ? { disposition } : {}),
      });
      if (disposition !== "withdraw") continue;
      if (t.kind === "box")
        tally.addBoxes(quantity, piece.dimensions, piece.unitWeight, `${priority}|-|${t.hazard?.class ?? 0}`);
      else tally.addLoose(quantity, piece.dimensions, piece.unitWeight, t.kind === "pallet");
    }
  }
  return { lines, escorts: escortsFor(size) };
}

/** One piece from a template: whole centimetres and kilograms inside its ranges. */
function drawPiece(rng: Rng, t: CargoTemplate) {
  return {
    description: t.description,
    kind: t.kind,
    unitWeight: draw(rng, t.weight),
    dimensions: { length: draw(rng, t.length), width: draw(rng, t.width), height: draw(rng, t.height) },
  };
}
