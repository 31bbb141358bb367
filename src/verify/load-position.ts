import { limitPositions, overlapsOf, PALLET_463L_UNIT, unitTypesOf } from "#domain/load-model.ts";
import { PALLET_MAX_HEIGHT_CM } from "#domain/standard-weights.ts";
import { toCm } from "#domain/units.ts";
import type { VerifyContext } from "./context.ts";
import { EPSILON, fmtKg, palletTrueGrossKg } from "./load-measure.ts";
import { fmtCm, type PlannedLeg } from "./load-plan-legs.ts";
import { type ViolationSink, violation } from "./violation.ts";

/** A piece rides on a position only as a pre-built 463L pallet: within 108 × 88 in (docs/plan-format.md). */
const POSITION_LENGTH_CM = toCm(108, "in");
const POSITION_WIDTH_CM = toCm(88, "in");
const HEIGHT_TOLERANCE_CM = 0.01;

/**
 * `load.position`: each `positions[]` entry holds one pallet or one piece, names a position of the
 * type, uses it once, and its pallet (the heavier of stated and true gross) or piece is within the
 * position's maximum weight and height; a piece on a position is a pre-built pallet within the 463L
 * footprint; the position takes 463L pallets; no two overlapping positions are both loaded; and
 * the loads on the positions of each cumulative weight limit stay within it (a limit on a handling
 * code counts nothing: a scenario's cargo carries no such codes). Returns the entries checked.
 */
export function checkLoadPositions(ctx: VerifyContext, sink: ViolationSink, leg: PlannedLeg): number {
  const { model, plan, label } = leg;
  if (!model) return 0;
  const about = (subject?: string) => ({ movement: leg.sortie.id, subject });
  const byId = new Map(model.positions.map((p) => [p.id, p]));
  const used = new Set<string>();
  const kgOn = new Map<string, number>();
  for (const entry of plan.positions) {
    const what = entry.pallet ?? entry.item;
    if ((entry.pallet === undefined) === (entry.item === undefined)) {
      sink.add(
        violation(
          "load.position",
          `${label}: position ${entry.position} must hold exactly one pallet or one piece, not ${entry.pallet === undefined ? "neither" : "both"}`,
          about(entry.position),
        ),
      );
      continue;
    }
    const pos = byId.get(entry.position);
    if (!pos) {
      sink.add(
        violation(
          "load.position",
          `${label}: ${what} is on position ${entry.position}; a ${leg.sortie.type} has ${model.positions.map((p) => p.id).join(", ")}`,
          about(what),
        ),
      );
      continue;
    }
    if (used.has(pos.id))
      sink.add(violation("load.position", `${label}: position ${pos.id} is used twice (again by ${what})`, about(what)));
    used.add(pos.id);

    let kg: number | undefined;
    let height: number | undefined;
    if (entry.pallet !== undefined) {
      const p = ctx.pallets.get(entry.pallet);
      if (p) {
        kg = Math.max(p.grossWeightKg, palletTrueGrossKg(ctx, p));
        height = p.heightCm;
      }
    } else if (entry.item !== undefined) {
      const c = ctx.cargo.get(entry.item);
      if (c) {
        kg = c.unitWeight;
        height = c.dimensions.height;
        const { length: l, width: w } = c.dimensions;
        const inside =
          (l <= POSITION_LENGTH_CM + EPSILON && w <= POSITION_WIDTH_CM + EPSILON) ||
          (w <= POSITION_LENGTH_CM + EPSILON && l <= POSITION_WIDTH_CM + EPSILON);
        if (c.kind !== "pallet" || !inside || c.dimensions.height > PALLET_MAX_HEIGHT_CM + HEIGHT_TOLERANCE_CM)
          sink.add(
            violation(
              "load.position",
              `${label}: ${c.id} (${c.kind}, ${fmtCm(l)} × ${fmtCm(w)} × ${fmtCm(c.dimensions.height)}) is on position ${pos.id}; only a pre-built 463L pallet (kind pallet, within 108 × 88 × 96 in) rides on a position — put it on the floor`,
              about(c.id),
            ),
          );
      }
    }
    if (!unitTypesOf(pos).includes(PALLET_463L_UNIT))
      sink.add(violation("load.position", `${label}: ${what} is on position ${pos.id}, which takes ${unitTypesOf(pos).join(", ")}, not a 463L pallet`, about(what)));
    if (kg !== undefined) kgOn.set(pos.id, (kgOn.get(pos.id) ?? 0) + kg);
    if (kg !== undefined && kg > pos.maxWeight + EPSILON)
      sink.add(
        violation(
          "load.position",
          `${label}: ${what} weighs ${fmtKg(kg)}; position ${pos.id} takes ${fmtKg(pos.maxWeight)}`,
          about(what),
        ),
      );
    if (height !== undefined && height > pos.maxHeight + HEIGHT_TOLERANCE_CM)
      sink.add(
        violation(
          "load.position",
          `${label}: ${what} is ${fmtCm(height)} high; position ${pos.id} takes ${fmtCm(pos.maxHeight)}`,
          about(what),
        ),
      );
  }
  const overlaps = overlapsOf(model);
  for (const id of used)
    for (const o of overlaps.get(id) ?? [])
      if (id < o && used.has(o)) sink.add(violation("load.position", `${label}: positions ${id} and ${o} overlap; only one of them may be loaded`, about(id)));
  for (const l of model.weightLimits) {
    if (l.handlingCode !== undefined) continue;
    const kg = limitPositions(model, l).reduce((n, id) => n + (kgOn.get(id) ?? 0), 0);
    if (kg > l.maxWeight + EPSILON)
      sink.add(violation("load.position", `${label}: the pallets on ${l.positions.length > 0 ? l.positions.join(", ") : "every position"} weigh ${fmtKg(kg)}; limit ${l.id} allows ${fmtKg(l.maxWeight)}`, about(l.id)));
  }
  return plan.positions.length;
}
