import type { Pallet } from "#domain/plan.ts";
import { PALLET_DECK_CM, PALLET_MAX_HEIGHT_CM, PALLET_USABLE_LENGTH_CM, PALLET_USABLE_WIDTH_CM } from "#domain/standard-weights.ts";
import type { VerifyContext } from "./context.ts";
import { type GeometryBox, type GeometryPlacement, validatePalletGeometry } from "./pallet-geometry.ts";
import { type ViolationSink, violation } from "./violation.ts";

/** The usable box of a 463L pallet: 104 × 84 in, up to 96 in above the floor less the deck. */
const USABLE = {
  length: PALLET_USABLE_LENGTH_CM,
  width: PALLET_USABLE_WIDTH_CM,
  height: PALLET_MAX_HEIGHT_CM - PALLET_DECK_CM,
} as const;
/** Coordinates are recorded to 0.01 cm: two rounded ends may be 0.01 apart. */
const TOLERANCE_CM = 0.02;
/** How far the stated centre of gravity may be from the pieces' (rounding). */
const CG_TOLERANCE_CM = 1;
/** Pieces stand upright: turned about the vertical only (docs/plan-format.md). */
const UPRIGHT = ["lwh", "wlh"] as const;

const cm = (x: number) => `${Math.round(x * 10) / 10} cm`;

/**
 * `pallet.build`, for a pallet that records its `buildUp`: the build-up places every piece of the
 * pallet's `items` once and nothing else, each upright, inside the usable 104 × 84 in under 96 in,
 * without overlap, fully supported, nothing on a piece that is not stackable (the independent
 * validator `validatePalletGeometry`); the pallet's `heightCm` reaches the top piece plus the deck;
 * and `cg` is the pieces' centre of gravity (± 1 cm). Returns the build-ups checked.
 */
export function checkPalletBuildUps(ctx: VerifyContext, sink: ViolationSink): number {
  let checked = 0;
  for (const p of ctx.plan.pallets) {
    if (!p.buildUp) continue;
    checked++;
    checkOne(ctx, sink, p, p.buildUp);
  }
  return checked;
}

function checkOne(ctx: VerifyContext, sink: ViolationSink, pallet: Pallet, buildUp: NonNullable<Pallet["buildUp"]>): void {
  const about = { subject: pallet.id };
  const add = (message: string) => sink.add(violation("pallet.build", `pallet ${pallet.id} build-up: ${message}`, about));

  const listed = new Map<string, number>();
  for (const it of pallet.items) listed.set(it.cargo, (listed.get(it.cargo) ?? 0) + it.quantity);
  const placed = new Map<string, number>();
  for (const piece of buildUp.pieces) placed.set(piece.cargo, (placed.get(piece.cargo) ?? 0) + 1);
  const off = [...new Set([...listed.keys(), ...placed.keys()])].filter((id) => (listed.get(id) ?? 0) !== (placed.get(id) ?? 0));
  if (off.length > 0)
    add(`it must place each piece of the pallet's items once; it differs for ${off.map((id) => `${id} (items ${listed.get(id) ?? 0}, placed ${placed.get(id) ?? 0})`).join(", ")}`);

  // One geometry box per piece the pallet lists, and placements named the same way in order.
  const boxes: GeometryBox[] = [];
  for (const [id, n] of listed) {
    const c = ctx.cargo.get(id);
    if (!c) continue;
    for (let k = 1; k <= n; k++)
      boxes.push({
        id: `${id}#${k}`,
        length: c.dimensions.length,
        width: c.dimensions.width,
        height: c.dimensions.height,
        weight: c.unitWeight,
        orientations: UPRIGHT,
        stackable: c.stackable,
      });
  }
  const seen = new Map<string, number>();
  const placements: GeometryPlacement[] = [];
  let kg = 0;
  let mx = 0;
  let my = 0;
  let mz = 0;
  let top = 0;
  for (const piece of buildUp.pieces) {
    const k = (seen.get(piece.cargo) ?? 0) + 1;
    seen.set(piece.cargo, k);
    placements.push({ boxId: `${piece.cargo}#${k}`, x: piece.x, y: piece.y, z: piece.z, l: piece.l, w: piece.w, h: piece.h, orientation: piece.orientation });
    top = Math.max(top, piece.z + piece.h);
    const w = ctx.cargo.get(piece.cargo)?.unitWeight ?? 0;
    kg += w;
    mx += w * (piece.x + piece.l / 2);
    my += w * (piece.y + piece.w / 2);
    mz += w * (piece.z + piece.h / 2);
  }
  // Extra pieces are already reported above; the geometry speaks of the rest.
  for (const v of validatePalletGeometry(boxes, placements, USABLE, { tolerance: TOLERANCE_CM }))
    if (v.kind !== "unknown_box") add(v.message);

  if (pallet.heightCm + TOLERANCE_CM < top + PALLET_DECK_CM)
    add(`its top piece reaches ${cm(top)} above the deck, so the pallet stands ${cm(top + PALLET_DECK_CM)} high, not ${cm(pallet.heightCm)}`);
  if (kg > 0) {
    const cg = { x: mx / kg, y: my / kg, z: mz / kg };
    const d = Math.max(Math.abs(cg.x - buildUp.cg.x), Math.abs(cg.y - buildUp.cg.y), Math.abs(cg.z - buildUp.cg.z));
    if (d > CG_TOLERANCE_CM)
      add(`cg states (${cm(buildUp.cg.x)}, ${cm(buildUp.cg.y)}, ${cm(buildUp.cg.z)}), the pieces' centre of gravity is (${cm(cg.x)}, ${cm(cg.y)}, ${cm(cg.z)})`);
  }
}
