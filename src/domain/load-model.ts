import { z } from "zod";
import { lengthSchema, massSchema, provenanceShape, signedLengthSchema } from "./figure.ts";
import { LENGTH_UNITS, MASS_UNITS } from "./units.ts";

/**
 * Where things sit in an aircraft and how they balance: pallet positions with their fuselage
 * station (arm), the mean aerodynamic chord, the centre-of-balance envelope in %MAC, the operating
 * weight and its arm, seat zones and floor zones for rolling stock. Stations are lengths from the
 * type's datum and parse to cm, like every length; only the longitudinal balance is checked (a
 * position may state its lateral arm, for display and for the lateral moment). Freighters add what
 * military types rarely state: unit load devices other than the 463L pallet per position, a lower
 * deck, positions that overlap (one wide position or two narrow ones), and cumulative weight limits
 * over groups of positions.
 * Shared by the load planner and the verifier, so a change here changes the model, not one side.
 */

const LINEAR_LOAD_UNITS = {
  "kg/cm": 1,
  "kg/m": 0.01,
  "lb/in": MASS_UNITS.lb / LENGTH_UNITS.in,
  "lb/ft": MASS_UNITS.lb / LENGTH_UNITS.ft,
} as const;
type LinearLoadUnit = keyof typeof LINEAR_LOAD_UNITS;

/** Weight per unit of floor length (a simplified axle or treadway limit): parses to kg per cm. */
export const linearLoadSchema = z
  .union([
    z.number().finite().positive(),
    z.strictObject({
      value: z.number().finite().positive(),
      unit: z.enum(Object.keys(LINEAR_LOAD_UNITS) as [LinearLoadUnit, ...LinearLoadUnit[]]),
      ...provenanceShape,
    }),
  ])
  .transform((v) => (typeof v === "number" ? v : v.value * LINEAR_LOAD_UNITS[v.unit]))
  .describe("Weight per unit of floor length: a number in kg/cm, or { value, unit: kg/cm | kg/m | lb/in | lb/ft }.");

const positionIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "a position id such as 1, 1L or R5");

/** What a position takes when it names no unit types: one 463L pallet. */
export const PALLET_463L_UNIT = "463L";

/** One pallet or container position. */
export const palletPositionSchema = z.strictObject({
  id: positionIdSchema,
  station: lengthSchema.describe("Fuselage station (arm) of the position's centre, from the type's datum."),
  maxWeight: massSchema.describe("Heaviest pallet (gross) the position takes."),
  maxHeight: lengthSchema.describe("Tallest pallet (with its deck) the position takes."),
  deck: z.enum(["main", "lower"]).optional().describe("The deck it is on: main (the default) or lower."),
  lateralArm: signedLengthSchema.optional().describe("Lateral arm of its centre from the centreline (left negative), cm; 0 when not stated."),
  unitTypes: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe("Unit load devices it takes (ULD type ids, 463L for the military pallet); without it, a 463L pallet only."),
  ...provenanceShape,
});

/**
 * A cumulative limit: the units on these positions together weigh at most this (gross, tare
 * included). With `handlingCode`, only the net weight of cargo carrying that special handling code
 * counts (e.g. ICE, dry ice, in a lower-deck compartment). Without positions, every position.
 */
export const weightLimitSchema = z.strictObject({
  id: z.string().min(1),
  maxWeight: massSchema,
  positions: z.array(positionIdSchema).default([]).describe("Positions it covers; empty: every position (a total)."),
  handlingCode: z.string().min(1).optional().describe("Count only cargo with this special handling code, net of tare."),
  ...provenanceShape,
});

export const balanceEnvelopePointSchema = z.strictObject({
  grossWeight: massSchema,
  forwardPercentMac: z.number().finite(),
  aftPercentMac: z.number().finite(),
});

/** Centre-of-balance limits in %MAC: one pair, optionally varying with gross weight (linear between points). */
export const balanceEnvelopeSchema = z.strictObject({
  forwardPercentMac: z.number().finite().describe("Forward limit, %MAC."),
  aftPercentMac: z.number().finite().describe("Aft limit, %MAC."),
  optimumPercentMac: z.number().finite().optional().describe("Centre of balance that burns the least fuel (trim drag), %MAC, when the type's data gives one."),
  byGrossWeight: z
    .array(balanceEnvelopePointSchema)
    .min(2)
    .optional()
    .describe("Limits by gross weight, ascending; linear between points, the end points' limits beyond them. Overrides the pair."),
  ...provenanceShape,
});

/** Seats at one arm. Without `positions` they are always usable (sidewall); with, only while those positions are empty. */
export const seatZoneSchema = z.strictObject({
  id: z.string().min(1),
  seats: z.number().int().positive(),
  arm: lengthSchema.describe("Fuselage station of the seated passengers' centre of mass."),
  positions: z.array(positionIdSchema).default([]).describe("Pallet positions these seats occupy (centreline seats)."),
  ...provenanceShape,
});

/** A stretch of cargo floor for rolling stock and outsize pieces. */
export const floorZoneSchema = z.strictObject({
  id: z.string().min(1),
  from: lengthSchema.describe("Fuselage station where the zone starts."),
  to: lengthSchema.describe("Fuselage station where it ends."),
  width: lengthSchema.describe("Usable width; pieces side by side may not exceed it."),
  height: lengthSchema.describe("Usable height."),
  maxLinearLoad: linearLoadSchema.describe("Most weight per unit of length a piece may put on this floor (simplified axle/treadway limit)."),
  ...provenanceShape,
});

export const loadModelSchema = z
  .strictObject({
    datum: z.string().min(1).describe("What station 0 is, in words."),
    positionLength: lengthSchema.describe("Length of floor a pallet position takes along the fuselage (pallet plus spacing)."),
    positions: z.array(palletPositionSchema).min(1).describe("Every pallet or container position, forward to aft."),
    mac: z.strictObject({
      lemac: lengthSchema.describe("Station of the leading edge of the mean aerodynamic chord."),
      length: lengthSchema.describe("Length of the mean aerodynamic chord."),
      ...provenanceShape,
    }),
    envelope: balanceEnvelopeSchema,
    operating: z
      .strictObject({
        weight: massSchema.describe("Operating weight: empty aircraft, crew and fuel for a typical leg (simplified: fixed)."),
        arm: lengthSchema.describe("Its station."),
        ...provenanceShape,
      })
      .describe("Everything but the load, as one mass at one arm."),
    seatZones: z.array(seatZoneSchema).default([]).describe("Seats; a freighter may have none."),
    floorZones: z.array(floorZoneSchema).default([]).describe("Floor for rolling stock; a freighter taking only pallets and containers has none."),
    overlaps: z
      .array(z.tuple([positionIdSchema, positionIdSchema]))
      .default([])
      .describe("Pairs of positions that share floor (one wide position over two narrow ones): never both loaded."),
    weightLimits: z.array(weightLimitSchema).default([]).describe("Cumulative weight limits over groups of positions."),
    ...provenanceShape,
  })
  .superRefine((m, ctx) => {
    const ids = new Set<string>();
    m.positions.forEach((p, i) => {
      if (ids.has(p.id)) ctx.addIssue({ code: "custom", path: ["positions", i, "id"], message: `position ${p.id} listed twice`, input: p.id });
      ids.add(p.id);
    });
    const seated = new Set<string>();
    m.seatZones.forEach((z, i) =>
      z.positions.forEach((p, j) => {
        if (!ids.has(p)) ctx.addIssue({ code: "custom", path: ["seatZones", i, "positions", j], message: `unknown position ${p}`, input: p });
        if (seated.has(p))
          ctx.addIssue({ code: "custom", path: ["seatZones", i, "positions", j], message: `position ${p} is in two seat zones`, input: p });
        seated.add(p);
      }),
    );
    m.overlaps.forEach((pair, i) =>
      pair.forEach((id, j) => {
        if (!ids.has(id)) ctx.addIssue({ code: "custom", path: ["overlaps", i, j], message: `unknown position ${id}`, input: id });
      }),
    );
    m.overlaps.forEach(([a, b], i) => {
      if (a === b) ctx.addIssue({ code: "custom", path: ["overlaps", i], message: `position ${a} cannot overlap itself`, input: a });
    });
    m.weightLimits.forEach((l, i) =>
      l.positions.forEach((id, j) => {
        if (!ids.has(id)) ctx.addIssue({ code: "custom", path: ["weightLimits", i, "positions", j], message: `unknown position ${id}`, input: id });
      }),
    );
    m.floorZones.forEach((f, i) => {
      if (f.to <= f.from) ctx.addIssue({ code: "custom", path: ["floorZones", i, "to"], message: "a floor zone must end after it starts", input: f.to });
    });
    if (m.mac.length <= 0) ctx.addIssue({ code: "custom", path: ["mac", "length"], message: "the MAC must have a length", input: m.mac.length });
    const pairs = m.envelope.byGrossWeight ?? [m.envelope];
    pairs.forEach((p, i) => {
      if (p.forwardPercentMac >= p.aftPercentMac)
        ctx.addIssue({ code: "custom", path: ["envelope"], message: `forward limit must be ahead of the aft limit (entry ${i})`, input: p });
    });
    (m.envelope.byGrossWeight ?? []).forEach((p, i, all) => {
      const prev = all[i - 1];
      if (prev && p.grossWeight <= prev.grossWeight)
        ctx.addIssue({ code: "custom", path: ["envelope", "byGrossWeight", i], message: "points must be in ascending gross weight", input: p });
    });
  });

export type LoadModel = z.output<typeof loadModelSchema>;
export type PalletPosition = z.output<typeof palletPositionSchema>;
export type SeatZone = z.output<typeof seatZoneSchema>;
export type FloorZone = z.output<typeof floorZoneSchema>;
export type WeightLimit = z.output<typeof weightLimitSchema>;

/** The unit types a position takes. */
export function unitTypesOf(p: PalletPosition): readonly string[] {
  return p.unitTypes ?? [PALLET_463L_UNIT];
}

/** Position id → the positions it overlaps (both ways). */
export function overlapsOf(model: LoadModel): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    const s = out.get(a) ?? new Set<string>();
    s.add(b);
    out.set(a, s);
  };
  for (const [a, b] of model.overlaps) {
    add(a, b);
    add(b, a);
  }
  return out;
}

/** The positions a cumulative limit covers (every position when it lists none). */
export function limitPositions(model: LoadModel, limit: WeightLimit): readonly string[] {
  return limit.positions.length > 0 ? limit.positions : model.positions.map((p) => p.id);
}

/** Centre of balance as a percentage of the MAC, from an arm in cm. */
export function percentMac(model: LoadModel, armCm: number): number {
  return ((armCm - model.mac.lemac) / model.mac.length) * 100;
}

/** The arm (cm) of a %MAC figure. */
export function armOfPercentMac(model: LoadModel, pct: number): number {
  return model.mac.lemac + (pct / 100) * model.mac.length;
}

/** Forward and aft limits (%MAC) at a gross weight (kg). */
export function envelopeAt(model: LoadModel, grossKg: number): { forward: number; aft: number } {
  const pts = model.envelope.byGrossWeight;
  if (!pts) return { forward: model.envelope.forwardPercentMac, aft: model.envelope.aftPercentMac };
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (!first || !last) return { forward: model.envelope.forwardPercentMac, aft: model.envelope.aftPercentMac };
  if (grossKg <= first.grossWeight) return { forward: first.forwardPercentMac, aft: first.aftPercentMac };
  if (grossKg >= last.grossWeight) return { forward: last.forwardPercentMac, aft: last.aftPercentMac };
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1];
    const b = pts[i];
    if (!a || !b || grossKg > b.grossWeight) continue;
    const f = (grossKg - a.grossWeight) / (b.grossWeight - a.grossWeight);
    return { forward: a.forwardPercentMac + f * (b.forwardPercentMac - a.forwardPercentMac), aft: a.aftPercentMac + f * (b.aftPercentMac - a.aftPercentMac) };
  }
  return { forward: last.forwardPercentMac, aft: last.aftPercentMac };
}

/** One mass at one arm. */
export interface Moment {
  readonly kg: number;
  readonly armCm: number;
}

/**
 * Gross weight, arm and %MAC of the aircraft with these masses on board (the operating weight
 * at its arm is always included).
 * @example balanceOf(model, [{ kg: 4536, armCm: 1209 }]).percentMac
 */
export function balanceOf(model: LoadModel, masses: readonly Moment[]): { grossKg: number; armCm: number; percentMac: number } {
  let kg: number = model.operating.weight;
  let moment = model.operating.weight * model.operating.arm;
  for (const m of masses) {
    kg += m.kg;
    moment += m.kg * m.armCm;
  }
  const armCm = moment / kg;
  return { grossKg: kg, armCm, percentMac: percentMac(model, armCm) };
}

/** The stretch of floor [from, to] (cm) a position takes. */
export function positionSpan(model: LoadModel, p: PalletPosition): { from: number; to: number } {
  return { from: p.station - model.positionLength / 2, to: p.station + model.positionLength / 2 };
}

/** Seat zones in boarding order: sidewall zones first (always usable), then centreline zones, each in listed order. */
export function seatOrder(model: LoadModel): SeatZone[] {
  return [...model.seatZones.filter((z) => z.positions.length === 0), ...model.seatZones.filter((z) => z.positions.length > 0)];
}
