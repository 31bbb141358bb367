import type { AircraftType } from "#domain/aircraft-type.ts";
import type { CargoItem } from "#domain/cargo.ts";
import type { LoadModel, PalletPosition } from "#domain/load-model.ts";
import type { Leg, LoadPlan, Sortie } from "#domain/plan.ts";
import type { VerifyContext } from "./context.ts";

/**
 * What the load-plan rules (`load.position`, `load.floor`, `load.placement`, `load.balance`) share:
 * the legs that carry a `loadPlan`, their type's load model, and the geometry of stations. Written
 * apart from the planner's load code, from docs/plan-format.md and `src/domain/load-model.ts` only.
 */

/** Stations are recorded to 0.01 cm: overlaps, covers and joins within this are not counted. */
export const STATION_TOLERANCE_CM = 0.05;
/** "allow 1 cm on lengths" (docs/plan-format.md): a floor piece's length along the fuselage. */
export const LENGTH_TOLERANCE_CM = 1;

/** One leg with a load plan, with its type and load model when the plan names a known type. */
export interface PlannedLeg {
  readonly sortie: Sortie;
  readonly leg: Leg;
  readonly plan: LoadPlan;
  readonly type: AircraftType | undefined;
  readonly model: LoadModel | undefined;
  /** `S3 leg 2 MAIN→HOME`. */
  readonly label: string;
}

/** Every leg that records a `loadPlan`, in plan order. */
export function plannedLegs(ctx: VerifyContext): PlannedLeg[] {
  const out: PlannedLeg[] = [];
  for (const sortie of ctx.plan.sorties) {
    const type = ctx.types.get(sortie.type);
    sortie.legs.forEach((leg, i) => {
      if (!leg.loadPlan) return;
      out.push({
        sortie,
        leg,
        plan: leg.loadPlan,
        type,
        model: type?.loadModel,
        label: `${sortie.id} leg ${i + 1} ${leg.from}→${leg.to}`,
      });
    });
  }
  return out;
}

/** A stretch of fuselage, cm from the datum. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/** Whether two stretches share more than the tolerance. */
export function overlap(a: Span, b: Span): boolean {
  return a.from < b.to - STATION_TOLERANCE_CM && b.from < a.to - STATION_TOLERANCE_CM;
}

/** The floor a position spans: its station ± half the position length. */
export function spanOf(model: LoadModel, p: PalletPosition): Span {
  return { from: p.station - model.positionLength / 2, to: p.station + model.positionLength / 2 };
}

/** Ids of the positions whose floor a stretch overlaps: a floor piece there covers them. */
export function positionsUnder(model: LoadModel, span: Span): string[] {
  return model.positions.filter((p) => overlap(spanOf(model, p), span)).map((p) => p.id);
}

/**
 * The side of a floor piece across the fuselage: its width when its length lies along, else its
 * length (whichever side is nearer the stretch it takes decides which lies along).
 */
export function acrossCm(piece: CargoItem, along: number): number {
  const { length, width } = piece.dimensions;
  return Math.abs(along - length) <= Math.abs(along - width) ? width : length;
}

/** Seat zone ids the plan seats passengers in (a count above 0). */
export function seatedZones(plan: LoadPlan): Set<string> {
  return new Set(plan.seats.filter((s) => s.count > 0).map((s) => s.zone));
}

/** `12.3 cm` for messages. */
export const fmtCm = (x: number): string => `${Math.round(x * 10) / 10} cm`;
/** `1069.3–1749.3 cm` for messages. */
export const fmtSpan = (s: Span): string => `${Math.round(s.from * 10) / 10}–${fmtCm(s.to)}`;
