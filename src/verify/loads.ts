import type { AircraftType } from "#domain/aircraft-type.ts";
import { allowableLoad, seatsAvailable } from "#domain/payload-range.ts";
import type { PersonnelCategory } from "#domain/personnel.ts";
import { PALLET_MAX_GROSS_KG, PALLET_MAX_HEIGHT_CM } from "#domain/standard-weights.ts";
import type { Movement, VerifyContext } from "./context.ts";
import { legGeometry } from "./leg-distance.ts";
import { EPSILON, fmtKg, measureLoad, palletTrueGrossKg } from "./load-measure.ts";
import { parseTail } from "./tail.ts";
import { type ViolationSink, violation } from "./violation.ts";

/** Categories that may escort sensitive cargo. */
const ESCORTS: readonly PersonnelCategory[] = ["sensitive_duty", "closing_team"];

/** How far a stated payload may be from the computed one (rounding). */
const PAYLOAD_TOLERANCE_KG = 1;

/**
 * The aircraft load rules of every leg — `load.payload`, `load.positions`, `load.seats`, `load.fit`,
 * `load.charter_cargo` — and `load.sensitive` for legs and convoys. Returns the loads checked.
 */
export function checkLoads(ctx: VerifyContext, sink: ViolationSink): number {
  let checked = 0;
  for (const s of ctx.plan.sorties) {
    const fleet = parseTail(ctx.fleet, s.aircraft).fleet;
    const type = ctx.types.get(s.type) ?? (fleet ? ctx.types.get(fleet.type) : undefined);
    if (!type) continue;
    s.legs.forEach((leg, i) => {
      checked++;
      const label = `${s.id} leg ${i + 1} ${leg.from}→${leg.to}`;
      const about = { movement: s.id };
      const load = leg.load ?? { pallets: [], items: [], passengers: [] };
      const m = measureLoad(ctx, load);
      const { distance } = legGeometry(ctx, leg);

      const allowed = distance === undefined ? undefined : allowableLoad(type, distance);
      if (allowed !== undefined && m.limitKg > allowed + EPSILON)
        sink.add(
          violation(
            "load.payload",
            `${label} carries ${fmtKg(m.limitKg)}, above a ${type.id}'s allowable ${fmtKg(allowed)} for ${Math.round(distance ?? 0)} km`,
            about,
          ),
        );
      const states = (kg: number) => Math.abs(leg.payloadKg - kg) <= PAYLOAD_TOLERANCE_KG;
      if (!states(m.statedKg) && !states(m.trueKg))
        sink.add(
          violation(
            "load.payload",
            `${label} states payloadKg ${leg.payloadKg}, but its load weighs ${fmtKg(m.trueKg)} (pallets + loose pieces + ${m.passengers} passengers)`,
            about,
          ),
        );

      if (m.positions > type.palletPositions)
        sink.add(
          violation(
            "load.positions",
            `${label} needs ${m.positions} positions (${m.pallets} pallets + ${m.looseEquivalents} for loose pieces); a ${type.id} has ${type.palletPositions}`,
            about,
          ),
        );
      if (leg.positionsUsed !== m.positions)
        sink.add(
          violation(
            "load.positions",
            `${label} states positionsUsed ${leg.positionsUsed}, its load takes ${m.positions}`,
            about,
          ),
        );

      const seats = seatsAvailable(type, m.positions);
      if (m.passengers > seats)
        sink.add(
          violation(
            "load.seats",
            `${label} carries ${m.passengers} passengers; a ${type.id} with ${m.positions} positions used seats ${seats}`,
            about,
          ),
        );

      checkFit(ctx, sink, type, label, s.id, load.items, load.pallets);

      if (type.role === "passenger_charter" && (load.pallets.length > 0 || load.items.length > 0))
        sink.add(
          violation(
            "load.charter_cargo",
            `${label} is flown by ${type.id}, a passenger charter, yet carries cargo`,
            about,
          ),
        );
    });
  }
  for (const mv of ctx.movements) {
    if (mv.kind === "commercial") continue;
    checked++;
    checkSensitive(ctx, sink, mv);
  }
  return checked;
}

function checkFit(
  ctx: VerifyContext,
  sink: ViolationSink,
  type: AircraftType,
  label: string,
  movement: string,
  items: readonly { cargo: string }[],
  pallets: readonly string[],
): void {
  const floor = type.cargoFloor;
  const seen = new Set<string>();
  // Without floor figures the type cannot be checked; a charter's cargo is load.charter_cargo's business.
  if (floor)
    for (const it of items) {
      const c = ctx.cargo.get(it.cargo);
      if (!c || seen.has(c.id)) continue;
      seen.add(c.id);
      const { length: l, width: w, height: h } = c.dimensions;
      const flat =
        (l <= floor.length + EPSILON && w <= floor.width + EPSILON) ||
        (w <= floor.length + EPSILON && l <= floor.width + EPSILON);
      if (!flat || h > floor.height + EPSILON)
        sink.add(
          violation(
            "load.fit",
            `${label}: ${c.id} (${l} × ${w} × ${h} cm) does not fit a ${type.id}'s cargo floor ${Math.round(floor.length)} × ${Math.round(floor.width)} × ${Math.round(floor.height)} cm`,
            { movement, subject: c.id },
          ),
        );
    }
  const maxHeight = type.positionMaxHeight ?? PALLET_MAX_HEIGHT_CM;
  const maxWeight = type.positionMaxWeight ?? PALLET_MAX_GROSS_KG;
  for (const id of pallets) {
    const p = ctx.pallets.get(id);
    if (!p) continue;
    const kg = Math.max(p.grossWeightKg, palletTrueGrossKg(ctx, p));
    if (p.heightCm > maxHeight + EPSILON)
      sink.add(
        violation(
          "load.fit",
          `${label}: pallet ${p.id} is ${p.heightCm} cm high; a ${type.id} position takes ${Math.round(maxHeight * 10) / 10} cm`,
          {
            movement,
            subject: p.id,
          },
        ),
      );
    if (kg > maxWeight + EPSILON)
      sink.add(
        violation(
          "load.fit",
          `${label}: pallet ${p.id} weighs ${fmtKg(kg)}; a ${type.id} position takes ${fmtKg(maxWeight)}`,
          {
            movement,
            subject: p.id,
          },
        ),
      );
  }
}

function checkSensitive(ctx: VerifyContext, sink: ViolationSink, mv: Movement): void {
  const { sensitive } = measureLoad(ctx, mv);
  if (sensitive.length === 0) return;
  const escorted = mv.passengers.some((g) => {
    const cat = ctx.groups.get(g.group)?.category;
    return cat !== undefined && ESCORTS.includes(cat);
  });
  if (!escorted)
    sink.add(
      violation(
        "load.sensitive",
        `${mv.label} carries sensitive ${sensitive.join(", ")} without a sensitive-duty or closing-team passenger`,
        { movement: mv.id, subject: sensitive[0] },
      ),
    );
}
