import type { BookedPiece } from "#domain/cargo-flight.ts";
import type { PalletBox } from "../pallet/box.ts";

/** The weight a piece's top bears lying this way, kg (undefined: not stated for the side standing up). */
function bearingKg(p: BookedPiece, vertical: string, top: number): number | undefined {
  const perCm2 = vertical === "l" ? p.bearing.length : vertical === "w" ? p.bearing.width : p.bearing.height;
  return perCm2 === undefined ? undefined : perCm2 * top;
}

/**
 * One box per unit of a booked piece, id `<piece>#<n>`, with the orientations the booking allows.
 * The packer takes one limit on top per box, so it is the least the piece bears in any allowed
 * orientation (kg/cm² of the side standing up × the top's area): safe whichever way it lies.
 */
export function boxesOf(p: BookedPiece): PalletBox[] {
  const dims: Record<string, number> = { l: p.length, w: p.width, h: p.height };
  let least: number | undefined;
  for (const o of p.orientations) {
    const top = (dims[o[0] ?? "l"] ?? 0) * (dims[o[1] ?? "w"] ?? 0);
    const kg = bearingKg(p, o[2] ?? "h", top);
    if (kg !== undefined) least = least === undefined ? kg : Math.min(least, kg);
  }
  const out: PalletBox[] = [];
  for (let n = 1; n <= p.count; n++)
    out.push({
      id: `${p.id}#${n}`,
      length: p.length,
      width: p.width,
      height: p.height,
      weight: p.weight,
      orientations: p.orientations,
      stackable: least === undefined || least > 0,
      ...(least !== undefined && least > 0 ? { maxLoadOnTop: least } : {}),
    });
  return out;
}

/** The booked piece id of a box id. */
export const pieceOfBox = (boxId: string): string => boxId.slice(0, boxId.lastIndexOf("#"));
