/**
 * One sortie's load plan as the Plan page draws it: the aircraft type's load model (positions
 * with their stations, MAC, balance envelope, seat and floor zones), each loaded leg's positions,
 * floor pieces and seats, the centre of balance with the limits at that gross weight and the
 * margins to each, the pallets with their build-up, and the cargo lines on board. Pure.
 */
import type { z } from "@hono/zod-openapi";
import type { AircraftType } from "#domain/aircraft-type.ts";
import type { CargoItem } from "#domain/cargo.ts";
import { armOfPercentMac, envelopeAt, type LoadModel } from "#domain/load-model.ts";
import type { Leg, Pallet, Plan, Sortie } from "#domain/plan.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import type { loadLegSchema, loadModelViewSchema, sortieLoadSchema } from "./routes/plan-view-wire.ts";

type SortieLoad = z.infer<typeof sortieLoadSchema>;
type LoadLeg = z.infer<typeof loadLegSchema>;
type LoadModelView = z.infer<typeof loadModelViewSchema>;

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The model's figures that are assumptions rather than sourced, by part. */
function assumedParts(m: LoadModel): string[] {
  const parts: string[] = [];
  if (m.assumption === true) parts.push("model");
  if (m.positions.some((p) => p.assumption === true)) parts.push("positions");
  if (m.mac.assumption === true) parts.push("mac");
  if (m.envelope.assumption === true) parts.push("envelope");
  if (m.operating.assumption === true) parts.push("operating");
  if (m.seatZones.some((z) => z.assumption === true)) parts.push("seatZones");
  if (m.floorZones.some((z) => z.assumption === true)) parts.push("floorZones");
  return parts;
}

/** The load model in the wire's units (cm, kg, %MAC). */
export function loadModelView(m: LoadModel): LoadModelView {
  return {
    positionLengthCm: round(m.positionLength),
    positions: m.positions.map((p) => ({ id: p.id, stationCm: round(p.station), maxWeightKg: round(p.maxWeight, 1), maxHeightCm: round(p.maxHeight) })),
    lemacCm: round(m.mac.lemac),
    macCm: round(m.mac.length),
    envelope: {
      forwardPercentMac: m.envelope.forwardPercentMac,
      aftPercentMac: m.envelope.aftPercentMac,
      ...(m.envelope.byGrossWeight
        ? {
            byGrossWeight: m.envelope.byGrossWeight.map((p) => ({
              grossWeightKg: round(p.grossWeight, 1),
              forwardPercentMac: p.forwardPercentMac,
              aftPercentMac: p.aftPercentMac,
            })),
          }
        : {}),
    },
    operating: { weightKg: round(m.operating.weight, 1), armCm: round(m.operating.arm) },
    seatZones: m.seatZones.map((z) => ({ id: z.id, seats: z.seats, armCm: round(z.arm), positions: [...z.positions] })),
    floorZones: m.floorZones.map((z) => ({
      id: z.id,
      fromCm: round(z.from),
      toCm: round(z.to),
      widthCm: round(z.width),
      heightCm: round(z.height),
      maxLinearLoadKgPerCm: round(z.maxLinearLoad, 3),
    })),
    assumptions: assumedParts(m),
  };
}

/**
 * How wide a floor piece is across the fuselage: of its length and width, the one that does not
 * run along the floor span it takes.
 *
 * @example
 * widthAcross({ length: 1200, width: 600 }, 1200); // 600
 */
export function widthAcross(d: { readonly length: number; readonly width: number }, spanCm: number): number {
  return Math.abs(d.length - spanCm) <= Math.abs(d.width - spanCm) ? d.width : d.length;
}

function legPlan(leg: Leg, model: LoadModel | undefined, pallets: ReadonlyMap<string, Pallet>, cargo: ReadonlyMap<string, CargoItem>): LoadLeg["plan"] {
  const lp = leg.loadPlan;
  if (lp === undefined || model === undefined) return null;
  const gross = model.operating.weight + lp.totalKg;
  const limits = envelopeAt(model, gross);
  return {
    positions: lp.positions.map((p) => {
      const pallet = p.pallet === undefined ? undefined : pallets.get(p.pallet);
      const item = p.item === undefined ? undefined : cargo.get(p.item);
      return {
        position: p.position,
        pallet: p.pallet ?? null,
        item: p.item ?? null,
        weightKg: round(pallet?.grossWeightKg ?? item?.unitWeight ?? 0, 1),
        heightCm: round(pallet?.heightCm ?? item?.dimensions.height ?? 0),
      };
    }),
    floor: lp.floor.map((f) => {
      const item = cargo.get(f.item);
      const span = f.toCm - f.fromCm;
      return {
        item: f.item,
        fromCm: round(f.fromCm),
        toCm: round(f.toCm),
        widthCm: round(item ? widthAcross(item.dimensions, span) : 0),
        heightCm: round(item?.dimensions.height ?? 0),
        weightKg: round(item?.unitWeight ?? 0, 1),
      };
    }),
    seats: lp.seats.map((s) => ({ zone: s.zone, count: s.count })),
    cgPercentMac: round(lp.cgPercentMac),
    cgStationCm: round(armOfPercentMac(model, lp.cgPercentMac)),
    totalKg: round(lp.totalKg, 1),
    grossKg: round(gross, 1),
    forwardLimitPercentMac: round(limits.forward),
    aftLimitPercentMac: round(limits.aft),
    forwardMarginPercentMac: round(lp.cgPercentMac - limits.forward),
    aftMarginPercentMac: round(limits.aft - lp.cgPercentMac),
  };
}

/**
 * The load of one sortie of a plan, or undefined when the plan has no such sortie.
 *
 * @example
 * const load = sortieLoad(plan, "S0001", rs, { id: "PV-1", number: 1 });
 * load?.legs[0]?.plan?.forwardMarginPercentMac; // 13.68
 */
export function sortieLoad(plan: Plan, sortieId: string, rs: ResolvedScenario, version: { id: string; number: number }): SortieLoad | undefined {
  const sortie: Sortie | undefined = plan.sorties.find((s) => s.id === sortieId);
  if (sortie === undefined) return undefined;
  const type: AircraftType | undefined = rs.types.get(sortie.type as never);
  const model = type?.loadModel;
  const palletById = new Map(plan.pallets.map((p) => [p.id, p]));
  const cargoById = new Map(rs.scenario.cargo.map((c) => [c.id as string, c]));
  const groups = new Map(rs.scenario.personnel.map((g) => [g.id as string, g.unit]));

  const loaded = sortie.legs.map((leg, index) => ({ leg, index })).filter(({ leg }) => leg.load !== undefined);
  const palletIds = new Set(loaded.flatMap(({ leg }) => leg.load?.pallets ?? []));
  const cargoIds = new Set<string>();
  for (const { leg } of loaded) {
    for (const i of leg.load?.items ?? []) cargoIds.add(i.cargo);
    for (const id of leg.load?.pallets ?? []) for (const i of palletById.get(id)?.items ?? []) cargoIds.add(i.cargo);
  }

  return {
    version,
    sortie: { id: sortie.id, aircraft: sortie.aircraft, type: sortie.type, typeName: type?.name ?? sortie.type },
    model: model === undefined ? null : loadModelView(model),
    cargoFloor:
      type?.cargoFloor === undefined
        ? null
        : { lengthCm: round(type.cargoFloor.length), widthCm: round(type.cargoFloor.width), heightCm: round(type.cargoFloor.height) },
    legs: loaded.map(({ leg, index }) => ({
      index,
      from: leg.from,
      to: leg.to,
      departAt: leg.departAt,
      arriveAt: leg.arriveAt,
      payloadKg: round(leg.payloadKg, 1),
      pallets: [...(leg.load?.pallets ?? [])],
      items: (leg.load?.items ?? []).map((i) => ({ cargo: i.cargo, quantity: i.quantity })),
      passengers: (leg.load?.passengers ?? []).map((p) => ({ group: p.group, count: p.count, unit: groups.get(p.group) ?? p.group })),
      plan: legPlan(leg, model, palletById, cargoById),
    })),
    pallets: [...palletIds].flatMap((id) => {
      const p = palletById.get(id);
      if (p === undefined) return [];
      return [
        {
          id: p.id,
          site: p.site,
          grossWeightKg: round(p.grossWeightKg, 1),
          heightCm: round(p.heightCm),
          items: p.items.map((i) => ({ cargo: i.cargo, quantity: i.quantity })),
          buildUp: p.buildUp === undefined ? null : { pieces: p.buildUp.pieces.map((x) => ({ ...x })), cg: { ...p.buildUp.cg } },
        },
      ];
    }),
    cargo: [...cargoIds].sort().flatMap((id) => {
      const c = cargoById.get(id);
      if (c === undefined) return [];
      return [
        {
          id,
          description: c.description,
          kind: c.kind,
          unitWeightKg: round(c.unitWeight, 1),
          lengthCm: round(c.dimensions.length),
          widthCm: round(c.dimensions.width),
          heightCm: round(c.dimensions.height),
          hazardClass: c.hazard?.class ?? null,
          hazardDivision: c.hazard?.division ?? null,
          sensitive: c.sensitive,
        },
      ];
    }),
  };
}
