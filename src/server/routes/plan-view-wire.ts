/**
 * The wire format of the Plan page's reads: the Gantt of a published plan (sorties by aircraft,
 * convoys, airline seats, with the clearance and movement status each has on the server) and one
 * sortie's load plan with the aircraft type's load model. It imports zod only, so the web app can
 * import its types (never its code).
 */
import { z } from "@hono/zod-openapi";

const instant = z.string().describe("ISO 8601 instant, UTC.");

/** Where a sortie's clearance requests stand on the server, as one word for its bar. */
export const clearanceStateSchema = z
  .enum(["none", "draft", "pending", "approved", "denied", "expired"])
  .describe(
    "none: no request of this plan version on the server; draft: only drafts; pending: one awaits the host's decision; approved: every live request approved; denied: one was denied; expired: one expired unused.",
  );

const movementStatus = z.string().nullable().describe("The stored movement's status (planned … arrived, cancelled); null when none was created.");

export const ganttLegSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    departAt: instant,
    arriveAt: instant,
    loaded: z.boolean().describe("False for a positioning leg."),
    passengers: z.number().int(),
    payloadKg: z.number(),
    pallets: z.number().int(),
  })
  .openapi("GanttLeg");

export const ganttSortieSchema = z
  .object({
    id: z.string(),
    aircraft: z.string().describe("Tail id, `<fleet id>-<n>`."),
    type: z.string(),
    departAt: instant.describe("First leg's departure."),
    arriveAt: instant.describe("Last leg's arrival."),
    legs: z.array(ganttLegSchema),
    hasLoadPlan: z.boolean().describe("A leg carries a load plan (a type with a load model)."),
    clearance: clearanceStateSchema,
    clearanceRequests: z.number().int().describe("Requests of this plan version for the sortie on the server."),
    movement: movementStatus,
  })
  .openapi("GanttSortie");

export const ganttConvoySchema = z
  .object({
    id: z.string(),
    route: z.string(),
    from: z.string(),
    to: z.string(),
    departAt: instant,
    arriveAt: instant,
    trucks: z.number().int(),
    pallets: z.number().int(),
    pieces: z.number().int(),
    passengers: z.number().int(),
    movement: movementStatus,
  })
  .openapi("GanttConvoy");

export const ganttSeatsSchema = z
  .object({
    id: z.string(),
    service: z.string(),
    airport: z.string(),
    departAt: instant,
    passengers: z.number().int(),
    movement: movementStatus,
  })
  .openapi("GanttSeats");

export const planGanttSchema = z
  .object({
    version: z.object({ id: z.string(), number: z.number().int(), publishedAt: instant, baseline: z.boolean() }),
    start: instant,
    deadline: instant,
    closureAt: instant,
    sites: z.array(z.object({ id: z.string(), name: z.string() })),
    aircraft: z.array(z.object({ tail: z.string(), type: z.string(), sorties: z.number().int() })).describe("One Gantt row per tail, in fleet order."),
    sorties: z.array(ganttSortieSchema).describe("By departure."),
    convoys: z.array(ganttConvoySchema),
    seats: z.array(ganttSeatsSchema).describe("Commercial seats: people on airline flights."),
  })
  .openapi("PlanGantt");

const position = z.object({
  id: z.string(),
  stationCm: z.number(),
  maxWeightKg: z.number(),
  maxHeightCm: z.number(),
});

export const loadModelViewSchema = z
  .object({
    positionLengthCm: z.number().describe("Floor a position takes along the fuselage."),
    positions: z.array(position).describe("Forward to aft."),
    lemacCm: z.number(),
    macCm: z.number(),
    envelope: z.object({
      forwardPercentMac: z.number(),
      aftPercentMac: z.number(),
      byGrossWeight: z.array(z.object({ grossWeightKg: z.number(), forwardPercentMac: z.number(), aftPercentMac: z.number() })).optional(),
    }),
    operating: z.object({ weightKg: z.number(), armCm: z.number() }),
    seatZones: z.array(z.object({ id: z.string(), seats: z.number().int(), armCm: z.number(), positions: z.array(z.string()) })),
    floorZones: z.array(z.object({ id: z.string(), fromCm: z.number(), toCm: z.number(), widthCm: z.number(), heightCm: z.number(), maxLinearLoadKgPerCm: z.number() })),
    assumptions: z.array(z.string()).describe("Which of the model's figures are assumptions (positions, mac, envelope, operating, …)."),
  })
  .openapi("LoadModelView");

const pieceSchema = z.object({
  cargo: z.string(),
  x: z.number(),
  y: z.number(),
  z: z.number(),
  l: z.number(),
  w: z.number(),
  h: z.number(),
  orientation: z.string(),
});

export const loadPalletSchema = z
  .object({
    id: z.string(),
    site: z.string(),
    grossWeightKg: z.number(),
    heightCm: z.number(),
    items: z.array(z.object({ cargo: z.string(), quantity: z.number().int() })),
    buildUp: z
      .object({ pieces: z.array(pieceSchema), cg: z.object({ x: z.number(), y: z.number(), z: z.number() }) })
      .nullable()
      .describe("Each piece's place on the pallet (cm from the usable surface's corner); null when the plan has none."),
  })
  .openapi("LoadPallet");

export const loadCargoSchema = z
  .object({
    id: z.string(),
    description: z.string(),
    kind: z.string(),
    unitWeightKg: z.number(),
    lengthCm: z.number(),
    widthCm: z.number(),
    heightCm: z.number(),
    hazardClass: z.number().nullable(),
    hazardDivision: z.string().nullable(),
    sensitive: z.boolean(),
  })
  .openapi("LoadCargo");

export const loadLegSchema = z
  .object({
    index: z.number().int(),
    from: z.string(),
    to: z.string(),
    departAt: instant,
    arriveAt: instant,
    payloadKg: z.number(),
    pallets: z.array(z.string()),
    items: z.array(z.object({ cargo: z.string(), quantity: z.number().int() })),
    passengers: z.array(z.object({ group: z.string(), count: z.number().int(), unit: z.string() })),
    plan: z
      .object({
        positions: z.array(z.object({ position: z.string(), pallet: z.string().nullable(), item: z.string().nullable(), weightKg: z.number(), heightCm: z.number() })),
        floor: z.array(z.object({ item: z.string(), fromCm: z.number(), toCm: z.number(), widthCm: z.number(), heightCm: z.number(), weightKg: z.number() })),
        seats: z.array(z.object({ zone: z.string(), count: z.number().int() })),
        cgPercentMac: z.number(),
        cgStationCm: z.number(),
        totalKg: z.number(),
        grossKg: z.number().describe("Operating weight plus the load."),
        forwardLimitPercentMac: z.number().describe("At this gross weight."),
        aftLimitPercentMac: z.number(),
        forwardMarginPercentMac: z.number().describe("Centre of balance minus the forward limit: negative when ahead of it."),
        aftMarginPercentMac: z.number().describe("The aft limit minus the centre of balance: negative when behind it."),
      })
      .nullable()
      .describe("Null for a positioning leg or a type without a load model."),
  })
  .openapi("LoadLeg");

export const sortieLoadSchema = z
  .object({
    version: z.object({ id: z.string(), number: z.number().int() }),
    sortie: z.object({ id: z.string(), aircraft: z.string(), type: z.string(), typeName: z.string() }),
    model: loadModelViewSchema.nullable().describe("Null for a type without a load model (a passenger charter)."),
    cargoFloor: z.object({ lengthCm: z.number(), widthCm: z.number(), heightCm: z.number() }).nullable(),
    legs: z.array(loadLegSchema).describe("Loaded legs only."),
    pallets: z.array(loadPalletSchema).describe("Every pallet on a loaded leg."),
    cargo: z.array(loadCargoSchema).describe("Every cargo line on board (on pallets, loose or on the floor)."),
  })
  .openapi("SortieLoad");
