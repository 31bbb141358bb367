import { z } from "zod";

/**
 * The plan file: what the planner produces and the verifier checks. Instants are ISO strings
 * (minute precision, UTC), masses kg, lengths cm. The format is versioned and has its own JSON Schema
 * (schema/plan.schema.json). Movement ids (S…, C…, P…) are what violations and clearances refer to.
 */
export const PLAN_FORMAT_VERSION = 1;

const iso = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/, "an instant at a whole minute in UTC, e.g. 2024-09-15T22:59:00Z")
  .describe("RFC 3339 UTC instant at a whole minute");
const id = z.string().min(1);

export const passengerLoadSchema = z.strictObject({
  group: id.describe("Personnel group id."),
  count: z.number().int().positive(),
});

export const itemLoadSchema = z.strictObject({
  cargo: id.describe("Cargo line id."),
  quantity: z.number().int().positive(),
});

export const loadSchema = z.strictObject({
  pallets: z.array(id).default([]).describe("Ids of pallets (see `pallets`) on board."),
  items: z.array(itemLoadSchema).default([]).describe("Pieces carried loose: rolling stock, containers, outsize."),
  passengers: z.array(passengerLoadSchema).default([]),
});

/** One piece of a pallet's build-up: where its lowest corner sits and how it lies. */
export const palletPieceSchema = z.strictObject({
  cargo: id.describe("Cargo line id of the piece."),
  x: z.number().describe("cm along the pallet's 104 in usable length, from the corner of the usable surface."),
  y: z.number().describe("cm along its 84 in usable width."),
  z: z.number().describe("cm above the deck."),
  l: z.number().positive().describe("Extent along x, cm."),
  w: z.number().positive().describe("Extent along y, cm."),
  h: z.number().positive().describe("Extent up, cm."),
  orientation: z
    .enum(["lwh", "wlh"])
    .describe("Which of the piece's length and width runs along x: `lwh` as listed, `wlh` turned a quarter (pieces stand upright)."),
});

/** Where every piece of a pallet sits, for checking and drawing it from the top and the side. */
export const palletBuildUpSchema = z.strictObject({
  pieces: z.array(palletPieceSchema).describe("Every piece of the pallet's `items`, once each."),
  cg: z
    .strictObject({ x: z.number(), y: z.number(), z: z.number() })
    .describe("Centre of gravity of the pieces, cm, in the same axes (the usable surface's centre is 132.08, 106.68)."),
});

/** A 463L pallet built at a site; its pieces travel together. */
export const palletSchema = z.strictObject({
  id,
  site: id,
  items: z.array(itemLoadSchema).min(1),
  grossWeightKg: z.number().nonnegative().describe("Cargo plus pallet tare and nets."),
  heightCm: z.number().nonnegative(),
  buildUp: palletBuildUpSchema.optional().describe("The three-dimensional build-up: each piece's place on the pallet."),
});

/**
 * Where a leg's load sits in the aircraft, for types with a load model: pallets (and loose pieces
 * that ride on a position, such as pre-built pallets) by position, other loose pieces on the floor
 * by fuselage station, passengers by seat zone; with the centre of balance it gives.
 */
export const loadPlanSchema = z.strictObject({
  positions: z
    .array(
      z.strictObject({
        position: id.describe("Position id of the type's load model."),
        pallet: id.optional().describe("Pallet id (see `pallets`) on this position."),
        item: id.optional().describe("Cargo id of a loose piece on this position (a pre-built pallet)."),
      }),
    )
    .describe("Loaded positions only; each holds one pallet or one piece."),
  floor: z
    .array(
      z.strictObject({
        item: id.describe("Cargo id of one loose piece (rolling stock, container, outsize)."),
        fromCm: z.number().describe("Fuselage station of its forward end, cm from the type's datum."),
        toCm: z.number().describe("Fuselage station of its aft end; its centre of mass is taken midway."),
      }),
    )
    .default([])
    .describe("Loose pieces on the floor; they cover every position whose floor they overlap."),
  seats: z
    .array(z.strictObject({ zone: id.describe("Seat zone id of the type's load model."), count: z.number().int().positive() }))
    .default([])
    .describe("Passengers by seat zone."),
  cgPercentMac: z.number().describe("Centre of balance with the type's operating weight, %MAC."),
  totalKg: z.number().nonnegative().describe("The load: pallets gross, loose pieces and passengers (as `payloadKg`)."),
});

export const legSchema = z.strictObject({
  from: id,
  to: id,
  departAt: iso,
  arriveAt: iso,
  overflies: z.array(z.string()).describe("Countries crossed, as in the scenario's air leg."),
  load: loadSchema.optional().describe("Boards at `from`, leaves at `to`. Absent: a positioning leg."),
  positionsUsed: z.number().int().nonnegative().default(0),
  payloadKg: z.number().nonnegative().default(0),
  loadPlan: loadPlanSchema.optional().describe("Positions, floor and seats of the load, and its balance (types with a load model)."),
  crew: id
    .optional()
    .describe("Crew flying the leg: `<tail>:crew` (the aircraft's own) or `<fleet id>@<site>:<n>` (staged). Absent: the aircraft's own crew."),
});

/** One aircraft's mission: usually a positioning leg into the country and a loaded leg out. */
export const sortieSchema = z.strictObject({
  id,
  aircraft: id.describe("Tail id: `<fleet id>-<n>`, n from 1 to the fleet entry's count."),
  type: id,
  legs: z.array(legSchema).min(1),
});

export const convoySchema = z.strictObject({
  id,
  route: id,
  from: id,
  to: id,
  departAt: iso,
  arriveAt: iso,
  trucks: z.number().int().positive(),
  load: loadSchema,
});

export const commercialMovementSchema = z.strictObject({
  id,
  service: id,
  airport: id,
  departAt: iso,
  passengers: z.array(passengerLoadSchema).min(1),
});

export const clearanceRequestSchema = z.strictObject({
  id,
  sortie: id,
  country: z.string(),
  kind: z.enum(["landing", "overflight"]),
  airfield: id.optional().describe("For a landing clearance: where."),
  firstAt: iso.describe("First departure of the sortie's legs that land in or cross the country (any kind)."),
  lastAt: iso.describe("Last arrival of those legs."),
  latestFilingAt: iso.describe("File no later than this, by the country's lead time."),
  validFrom: iso,
  validTo: iso,
});

export const siteClosureSchema = z.strictObject({
  site: id,
  lastCargoAt: iso.optional().describe("Departure of the last cargo from the site."),
  closedAt: iso.describe("Departure of the last person or cargo from the site."),
});

export const boundSchema = z.strictObject({
  name: z.string(),
  at: iso,
  detail: z.string(),
});

export const planSummarySchema = z.strictObject({
  start: iso,
  deadline: iso,
  closureAt: iso.describe("The last departure of a person or cargo from the host country."),
  lowerBoundAt: iso.describe("No plan can close before this."),
  bindingBound: z.string(),
  closureRatio: z
    .number()
    .nullable()
    .describe("(closure − start) / (bound − start); 1 is provably optimal; null when no bound lies after the start."),
  slackHours: z.number().describe("Deadline minus closure, hours; negative when the deadline is missed."),
  meetsDeadline: z.boolean(),
  sorties: z.number().int().nonnegative(),
  sortiesByType: z.record(z.string(), z.number().int().nonnegative()),
  flyingHours: z.number().nonnegative(),
  convoys: z.number().int().nonnegative(),
  commercialSeats: z.number().int().nonnegative(),
  clearanceRequests: z.number().int().nonnegative(),
  personnel: z.number().int().nonnegative().describe("People the plan takes out of the host country."),
  cargoPieces: z.number().int().nonnegative().describe("Pieces of cargo the plan takes out of the host country."),
  cargoKg: z.number().nonnegative().describe("Their weight, kg."),
  pallets: z.number().int().nonnegative(),
});

export const planSchema = z.strictObject({
  $schema: z.string().optional(),
  formatVersion: z.literal(PLAN_FORMAT_VERSION),
  scenario: z.string().describe("Id of the scenario planned."),
  planner: z.strictObject({ name: z.string(), version: z.string(), seed: z.number().int() }),
  summary: planSummarySchema,
  pallets: z.array(palletSchema),
  sorties: z.array(sortieSchema),
  convoys: z.array(convoySchema),
  commercial: z.array(commercialMovementSchema),
  clearanceRequests: z.array(clearanceRequestSchema),
  siteClosures: z.array(siteClosureSchema),
  bounds: z.array(boundSchema),
  unplanned: z
    .array(z.strictObject({ what: z.string(), id, reason: z.string() }))
    .default([])
    .describe("What the planner could not move, and why (the plan is then not complete)."),
});

export type Plan = z.output<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;
export type Sortie = z.output<typeof sortieSchema>;
export type Leg = z.output<typeof legSchema>;
export type LoadPlan = z.output<typeof loadPlanSchema>;
export type Load = z.output<typeof loadSchema>;
export type Pallet = z.output<typeof palletSchema>;
export type PalletBuildUp = z.output<typeof palletBuildUpSchema>;
export type PalletPiece = z.output<typeof palletPieceSchema>;
export type Convoy = z.output<typeof convoySchema>;
export type CommercialMovement = z.output<typeof commercialMovementSchema>;
export type ClearanceRequest = z.output<typeof clearanceRequestSchema>;
export type SiteClosure = z.output<typeof siteClosureSchema>;
export type PlanSummary = z.output<typeof planSummarySchema>;
export type Bound = z.output<typeof boundSchema>;
