/**
 * The rules of a freighter's ULD load plan (`verifyUldLoadPlan`), each with a stable code:
 * - `uld.type`: the ULD's type is one the aircraft takes.
 * - `uld.piece`: every piece on a ULD is booked on the ULD's segment, and no piece more often than booked.
 * - `uld.weight`: the stated gross is tare plus the pieces (± 1 kg), and within the type's most gross weight.
 * - `uld.separation`: no ULD holds two pieces whose handling codes may not share a ULD.
 * - `uld.geometry`: every piece inside the ULD, lying as it may, no two overlapping, fully
 *   supported, nothing on what may bear nothing, the weight above each within what its top bears.
 * - `uld.contour`: no piece in a block or beyond a cut of the ULD's contour.
 * - `position.unknown`: the position exists; one ULD per position and one position per ULD on a leg.
 * - `position.type`: the position takes the ULD's type.
 * - `position.weight`: the ULD is within the position's most weight.
 * - `position.overlap`: no two overlapping positions both loaded.
 * - `position.limit`: every cumulative weight limit kept (gross; net of the handling code where it names one).
 * - `leg.balance`: the centre of gravity on every leg within the limits.
 * - `leg.continuity`: a ULD rides exactly the legs that carry its segment (moving it at a stop is allowed).
 */
export const ULD_RULES = [
  "uld.type",
  "uld.piece",
  "uld.weight",
  "uld.separation",
  "uld.geometry",
  "uld.contour",
  "position.unknown",
  "position.type",
  "position.weight",
  "position.overlap",
  "position.limit",
  "leg.balance",
  "leg.continuity",
] as const;

export type UldRule = (typeof ULD_RULES)[number];

/** One broken rule, with the ULD, position or leg it concerns. */
export interface UldViolation {
  readonly code: UldRule;
  readonly subject: string;
  readonly message: string;
}

/** Float slack on weights (kg) and arms (cm). */
export const SLACK = 1e-6;

export const fmtKg = (kg: number): string => `${Math.round(kg * 10) / 10} kg`;
