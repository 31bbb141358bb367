import type { CargoItem } from "#domain/cargo.ts";
import type { FloorZone, LoadModel } from "#domain/load-model.ts";
import type { VerifyContext } from "./context.ts";
import {
  acrossCm,
  fmtCm,
  fmtSpan,
  LENGTH_TOLERANCE_CM,
  overlap,
  type PlannedLeg,
  positionsUnder,
  type Span,
  STATION_TOLERANCE_CM,
  seatedZones,
} from "./load-plan-legs.ts";
import { type ViolationSink, violation } from "./violation.ts";

/** A floor entry with its cargo line resolved. */
interface Piece {
  readonly cargo: CargoItem;
  readonly span: Span;
  readonly along: number;
  readonly across: number;
}

/** The zones under a stretch, forward to aft, or `undefined` unless they cover it without a gap. */
function zonesCovering(model: LoadModel, span: Span): FloorZone[] | undefined {
  const zones = model.floorZones.filter((z) => overlap({ from: z.from, to: z.to }, span)).sort((a, b) => a.from - b.from);
  let reached = span.from;
  for (const z of zones) {
    if (z.from > reached + STATION_TOLERANCE_CM) return undefined;
    reached = Math.max(reached, z.to);
  }
  return reached >= span.to - STATION_TOLERANCE_CM ? zones : undefined;
}

/**
 * `load.floor`: each `floor[]` piece lies along the fuselage by its length or width (± 1 cm), on
 * floor zones that cover it without a gap, within their height and linear load; pieces beside one
 * another (overlapping stations) are together no wider than the narrowest zone under each; and it
 * covers no position that holds a pallet or piece or seats passengers. Returns the pieces checked.
 */
export function checkLoadFloor(ctx: VerifyContext, sink: ViolationSink, leg: PlannedLeg): number {
  const { model, plan, label } = leg;
  if (!model) return 0;
  const about = (subject: string) => ({ movement: leg.sortie.id, subject });
  const pieces: Piece[] = [];
  for (const f of plan.floor) {
    const cargo = ctx.cargo.get(f.item);
    if (!cargo) continue;
    const along = f.toCm - f.fromCm;
    const { length, width, height } = cargo.dimensions;
    const where = fmtSpan({ from: f.fromCm, to: f.toCm });
    if (Math.abs(along - length) > LENGTH_TOLERANCE_CM && Math.abs(along - width) > LENGTH_TOLERANCE_CM) {
      sink.add(
        violation(
          "load.floor",
          `${label}: ${cargo.id} takes ${where} (${fmtCm(along)}) along the floor, but it is ${fmtCm(length)} × ${fmtCm(width)}: give its length or its width`,
          about(cargo.id),
        ),
      );
      continue;
    }
    const span = { from: f.fromCm, to: f.toCm };
    pieces.push({ cargo, span, along, across: acrossCm(cargo, along) });
    const zones = zonesCovering(model, span);
    if (!zones) {
      sink.add(
        violation(
          "load.floor",
          `${label}: ${cargo.id} at ${where} is not on the cargo floor (zones ${model.floorZones.map((z) => `${z.id} ${fmtSpan(z)}`).join(", ")})`,
          about(cargo.id),
        ),
      );
      continue;
    }
    for (const z of zones) {
      if (height > z.height + 0.01)
        sink.add(
          violation(
            "load.floor",
            `${label}: ${cargo.id} is ${fmtCm(height)} high; floor zone ${z.id} takes ${fmtCm(z.height)}`,
            about(cargo.id),
          ),
        );
      // Stations are rounded to 0.01 cm: the length may read 0.02 cm short.
      if (cargo.unitWeight > z.maxLinearLoad * (along + 2 * 0.01))
        sink.add(
          violation(
            "load.floor",
            `${label}: ${cargo.id} puts ${(cargo.unitWeight / along).toFixed(1)} kg/cm on floor zone ${z.id}, which bears ${z.maxLinearLoad.toFixed(1)} kg/cm`,
            about(cargo.id),
          ),
        );
    }
  }

  for (const g of pieces) {
    const zones = zonesCovering(model, g.span);
    if (!zones || zones.length === 0) continue;
    const narrowest = Math.min(...zones.map((z) => z.width));
    const beside = pieces.filter((h) => overlap(h.span, g.span));
    const width = beside.reduce((n, h) => n + h.across, 0);
    if (width > narrowest + STATION_TOLERANCE_CM)
      sink.add(
        violation(
          "load.floor",
          `${label}: ${beside.map((h) => h.cargo.id).join(", ")} lie side by side at ${fmtSpan(g.span)}, ${fmtCm(width)} wide; the floor there is ${fmtCm(narrowest)}`,
          about(g.cargo.id),
        ),
      );
  }

  const held = new Map(plan.positions.map((p) => [p.position, p.pallet ?? p.item ?? "?"]));
  const seated = seatedZones(plan);
  const seatsOn = new Map<string, string>();
  for (const z of model.seatZones) if (seated.has(z.id)) for (const p of z.positions) seatsOn.set(p, z.id);
  for (const g of pieces)
    for (const id of positionsUnder(model, g.span)) {
      const on = held.get(id);
      if (on !== undefined)
        sink.add(
          violation(
            "load.floor",
            `${label}: ${g.cargo.id} at ${fmtSpan(g.span)} covers position ${id}, which holds ${on}`,
            about(g.cargo.id),
          ),
        );
      const zone = seatsOn.get(id);
      if (zone !== undefined)
        sink.add(
          violation(
            "load.floor",
            `${label}: ${g.cargo.id} at ${fmtSpan(g.span)} covers position ${id}, where seat zone ${zone} seats passengers`,
            about(g.cargo.id),
          ),
        );
    }
  return plan.floor.length;
}
