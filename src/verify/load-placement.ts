import type { VerifyContext } from "./context.ts";
import type { PlannedLeg } from "./load-plan-legs.ts";
import { type ViolationSink, violation } from "./violation.ts";

/** How far `totalKg` may be from `payloadKg` (rounding). */
const TOTAL_TOLERANCE_KG = 1;

/** Counts of each id in a list. */
function tally(ids: Iterable<readonly [string, number]>): Map<string, number> {
  const m = new Map<string, number>();
  for (const [id, n] of ids) m.set(id, (m.get(id) ?? 0) + n);
  return m;
}

/** The ids whose counts differ, with both counts, as `PB3 (load 1, placed 0)`. */
function differences(load: Map<string, number>, placed: Map<string, number>): string[] {
  const out: string[] = [];
  for (const id of new Set([...load.keys(), ...placed.keys()])) {
    const a = load.get(id) ?? 0;
    const b = placed.get(id) ?? 0;
    if (a !== b) out.push(`${id} (load ${a}, placed ${b})`);
  }
  return out;
}

/**
 * `load.placement`: the `loadPlan` places every pallet and loose piece of the leg's `load` exactly
 * once and nothing else; its seats hold the leg's passengers, each zone a zone of the type, within
 * its seats and usable (no pallet or piece on its positions; a floor piece over them is
 * `load.floor`'s); `totalKg` equals `payloadKg` (± 1 kg); and the type has a load model at all.
 * Returns the load plans checked.
 */
export function checkLoadPlacement(_ctx: VerifyContext, sink: ViolationSink, leg: PlannedLeg): number {
  const { model, plan, label } = leg;
  const about = (subject?: string) => ({ movement: leg.sortie.id, subject });
  if (!model) {
    sink.add(
      violation(
        "load.placement",
        `${label} records a loadPlan, but ${leg.sortie.type} has no load model (no positions, seats or floor to place it on): leave the loadPlan out`,
        about(),
      ),
    );
    return 1;
  }
  const load = leg.leg.load ?? { pallets: [], items: [], passengers: [] };

  const pallets = differences(
    tally(load.pallets.map((p) => [p, 1] as const)),
    tally(plan.positions.flatMap((p) => (p.pallet !== undefined ? [[p.pallet, 1] as const] : []))),
  );
  if (pallets.length > 0)
    sink.add(
      violation(
        "load.placement",
        `${label}: the loadPlan must place each pallet of the load once; it differs for ${pallets.join(", ")}`,
        about(pallets[0]?.split(" ")[0]),
      ),
    );
  const pieces = differences(
    tally(load.items.map((i) => [i.cargo, i.quantity] as const)),
    tally([
      ...plan.positions.flatMap((p) => (p.item !== undefined ? [[p.item, 1] as const] : [])),
      ...plan.floor.map((f) => [f.item, 1] as const),
    ]),
  );
  if (pieces.length > 0)
    sink.add(
      violation(
        "load.placement",
        `${label}: the loadPlan must place each loose piece of the load once (on a position or the floor); it differs for ${pieces.join(", ")}`,
        about(pieces[0]?.split(" ")[0]),
      ),
    );

  const passengers = load.passengers.reduce((n, g) => n + g.count, 0);
  const seated = plan.seats.reduce((n, s) => n + s.count, 0);
  if (seated !== passengers)
    sink.add(violation("load.placement", `${label} carries ${passengers} passengers; its loadPlan seats ${seated}`, about()));
  const held = new Map(plan.positions.map((p) => [p.position, p.pallet ?? p.item ?? "?"]));
  const byZone = tally(plan.seats.map((s) => [s.zone, s.count] as const));
  for (const [zoneId, count] of byZone) {
    const zone = model.seatZones.find((z) => z.id === zoneId);
    if (!zone) {
      sink.add(
        violation(
          "load.placement",
          `${label}: seat zone ${zoneId} is not one of a ${leg.sortie.type}'s (${model.seatZones.map((z) => z.id).join(", ")})`,
          about(zoneId),
        ),
      );
      continue;
    }
    if (count > zone.seats)
      sink.add(violation("load.placement", `${label}: ${count} passengers in seat zone ${zone.id}, which has ${zone.seats} seats`, about(zone.id)));
    const blocking = zone.positions.filter((p) => held.has(p));
    if (count > 0 && blocking.length > 0)
      sink.add(
        violation(
          "load.placement",
          `${label}: seat zone ${zone.id} seats ${count} on position${blocking.length > 1 ? "s" : ""} ${blocking.join(", ")}, which hold${blocking.length > 1 ? "" : "s"} ${blocking.map((p) => held.get(p)).join(", ")}`,
          about(zone.id),
        ),
      );
  }

  if (Math.abs(plan.totalKg - leg.leg.payloadKg) > TOTAL_TOLERANCE_KG)
    sink.add(
      violation("load.placement", `${label}: loadPlan totalKg ${plan.totalKg} differs from the leg's payloadKg ${leg.leg.payloadKg}`, about()),
    );
  return 1;
}
