import type { BookedPiece, CargoFlightProblem } from "#domain/cargo-flight.ts";
import { mayShareUnit, separationIndex } from "#domain/handling-separation.ts";
import { beyondCut, type UldType } from "#domain/uld-type.ts";
import type { BuiltUld, UldLoadPlan } from "#domain/uld-load-plan.ts";
import { type GeometryBox, type GeometryPlacement, validatePalletGeometry } from "./pallet-geometry.ts";
import { fmtKg, SLACK, type UldViolation } from "./uld-violation.ts";

/** How far a stated gross may be from tare plus pieces (rounding). */
const STATED_TOLERANCE_KG = 1;
/** Tolerance on lengths, cm. */
const LENGTH_TOLERANCE = 1e-6;

/**
 * The weight its top bears, kg, lying this way: kg/cm² of the dimension standing vertical times
 * the top's area. Undefined when the booking states none for that dimension.
 */
function bearingKg(piece: BookedPiece, orientation: string, l: number, w: number): number | undefined {
  const vertical = orientation[2];
  const perCm2 = vertical === "l" ? piece.bearing.length : vertical === "w" ? piece.bearing.width : piece.bearing.height;
  return perCm2 === undefined ? undefined : perCm2 * l * w;
}

/** Checks one ULD's pieces against its type's contour: no piece in a block or beyond a cut. */
function contourViolations(uld: BuiltUld, type: UldType, blocks: boolean): UldViolation[] {
  const out: UldViolation[] = [];
  for (const p of uld.pieces) {
    const x1 = p.x + p.l;
    const y1 = p.y + p.w;
    const z1 = p.z + p.h;
    for (const b of blocks ? type.blocks : [])
      if (p.x < b.x1 - LENGTH_TOLERANCE && b.x0 < x1 - LENGTH_TOLERANCE && p.y < b.y1 - LENGTH_TOLERANCE && b.y0 < y1 - LENGTH_TOLERANCE && p.z < b.z1 - LENGTH_TOLERANCE && b.z0 < z1 - LENGTH_TOLERANCE) {
        out.push({ code: "uld.contour", subject: uld.id, message: `${uld.id}: ${p.piece} at (${p.x}, ${p.y}, ${p.z}) reaches into a block of ${type.id} that must stay empty (${b.x0}–${b.x1} × ${b.y0}–${b.y1} × ${b.z0}–${b.z1})` });
        break;
      }
    // The usable cross-section is convex: a box is inside when its four corners are.
    const corners: [number, number][] = [
      [p.y, p.z],
      [y1, p.z],
      [p.y, z1],
      [y1, z1],
    ];
    if (type.cuts.some((c) => corners.some(([y, z]) => beyondCut(type, c, y, z, LENGTH_TOLERANCE))))
      out.push({ code: "uld.contour", subject: uld.id, message: `${uld.id}: ${p.piece} (${p.y}–${y1} across, ${p.z}–${z1} up) crosses the contour of ${type.id}` });
  }
  return out;
}

/**
 * The rules of each ULD on its own: `uld.type`, `uld.piece`, `uld.weight`, `uld.separation`,
 * `uld.geometry`, `uld.contour` (blocks only when `blocks`). Returns the violations and each ULD's true gross (tare plus the
 * booked weight of its pieces; an unknown type counts no tare).
 */
export function checkBuildUps(problem: CargoFlightProblem, plan: UldLoadPlan, blocks = true): { violations: UldViolation[]; grossKg: Map<string, number> } {
  const out: UldViolation[] = [];
  const grossKg = new Map<string, number>();
  const types = new Map(problem.aircraft.uldTypes.map((t) => [t.id, t]));
  const taken = new Set(problem.aircraft.loadModel.positions.flatMap((p) => p.unitTypes ?? []));
  const segments = new Map(problem.flight.segments.map((s) => [s.id, new Map(s.pieces.map((p) => [p.id, p]))]));
  const allPieces = new Map(problem.flight.segments.flatMap((s) => s.pieces.map((p) => [p.id, p] as const)));
  const index = separationIndex(problem.separation);
  const used = new Map<string, number>();
  const ids = new Set<string>();

  for (const uld of plan.ulds) {
    if (ids.has(uld.id)) out.push({ code: "uld.piece", subject: uld.id, message: `ULD ${uld.id} is listed twice` });
    ids.add(uld.id);
    const type = types.get(uld.type);
    if (!type || !taken.has(uld.type))
      out.push({ code: "uld.type", subject: uld.id, message: `${uld.id} is a ${uld.type}; the ${problem.aircraft.id} takes ${[...taken].sort().join(", ")}` });
    const booked = segments.get(uld.segment);
    if (!booked) out.push({ code: "uld.piece", subject: uld.id, message: `${uld.id} belongs to segment ${uld.segment}, which the flight does not carry` });
    let net = 0;
    for (const p of uld.pieces) {
      const piece = booked?.get(p.piece);
      if (!piece) {
        if (booked)
          out.push({ code: "uld.piece", subject: uld.id, message: `${uld.id} holds ${p.piece}, which is not booked on segment ${uld.segment}${allPieces.has(p.piece) ? " (it is booked on another segment)" : ""}` });
        continue;
      }
      net += piece.weight;
      used.set(piece.id, (used.get(piece.id) ?? 0) + 1);
    }
    const gross = net + (type?.tare ?? 0);
    grossKg.set(uld.id, gross);
    if (Math.abs(uld.grossKg - gross) > STATED_TOLERANCE_KG)
      out.push({ code: "uld.weight", subject: uld.id, message: `${uld.id} states ${fmtKg(uld.grossKg)} gross; tare and pieces weigh ${fmtKg(gross)}` });
    if (type && gross > type.maxGross + SLACK)
      out.push({ code: "uld.weight", subject: uld.id, message: `${uld.id} weighs ${fmtKg(gross)}; a ${type.id} takes ${fmtKg(type.maxGross)} gross` });

    const codes = uld.pieces.map((p) => booked?.get(p.piece)?.handlingCodes ?? []);
    const distinct = [...new Map(codes.map((c) => [c.join(" "), c])).values()];
    outer: for (let i = 0; i < distinct.length; i++)
      for (let j = i + 1; j < distinct.length; j++) {
        const a = distinct[i] ?? [];
        const b = distinct[j] ?? [];
        if (!mayShareUnit(index, a, b)) {
          out.push({ code: "uld.separation", subject: uld.id, message: `${uld.id} holds cargo coded ${a.join(" ")} and cargo coded ${b.join(" ")}, which may not share a ULD` });
          break outer;
        }
      }
    // Codes within one piece's own set conflict too (a booking coded RFL and ROX at once).
    for (const c of distinct)
      if (!mayShareUnit(index, c, c)) out.push({ code: "uld.separation", subject: uld.id, message: `${uld.id} holds a piece coded ${c.join(" ")}, codes that may not share a ULD` });

    if (!type || !booked) continue;
    const boxes: GeometryBox[] = [];
    const placements: GeometryPlacement[] = [];
    const seen = new Map<string, number>();
    for (const p of uld.pieces) {
      const piece = booked.get(p.piece);
      if (!piece) continue;
      const n = (seen.get(p.piece) ?? 0) + 1;
      seen.set(p.piece, n);
      const id = `${p.piece}#${n}`;
      const bears = bearingKg(piece, p.orientation, p.l, p.w);
      boxes.push({
        id,
        length: piece.length,
        width: piece.width,
        height: piece.height,
        weight: piece.weight,
        orientations: piece.orientations,
        stackable: bears === undefined || bears > 0,
        ...(bears !== undefined ? { maxLoadOnTop: bears } : {}),
      });
      placements.push({ boxId: id, x: p.x, y: p.y, z: p.z, l: p.l, w: p.w, h: p.h, orientation: p.orientation });
    }
    const geometry = validatePalletGeometry(boxes, placements, { length: type.length, width: type.width, height: type.height }, { tolerance: LENGTH_TOLERANCE });
    for (const g of geometry) out.push({ code: "uld.geometry", subject: uld.id, message: `${uld.id}: ${g.message}` });
    out.push(...contourViolations(uld, type, blocks));
  }
  for (const [id, n] of used) {
    const piece = allPieces.get(id);
    if (piece && n > piece.count) out.push({ code: "uld.piece", subject: id, message: `${id} is loaded ${n} times; ${piece.count} are booked` });
  }
  return { violations: out, grossKg };
}
