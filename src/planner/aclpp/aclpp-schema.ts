import { z } from "zod";

/**
 * The entities of the ACLPP instance files (Brandt, KIT 2017; `../shared/bench/aclpp/doc/format.md`),
 * as written: cm, kg, seconds. Flight files hold the problem and the authors' solution side by side;
 * attributes the format marks [S] (solution) are kept in separate shapes here, so that only the
 * reference reader (`aclpp-reference.ts`) ever sees them and the problem builder cannot.
 */

/** A position or code name: YAML reads `31` or `35` as numbers. */
export const nameSchema = z.union([z.string().min(1), z.number()]).transform(String);

const num = z.number().finite();

/** One node of a compartment's position tree: attributes, and child nodes under any other key. */
export const positionAttributesShape = {
  is_virtual: z.boolean().optional(),
  label: z.string().optional(),
  compatible_uld_types: z.array(nameSchema).optional(),
  deck: z.enum(["MD", "LD"]).optional(),
  distance_from_door: num.optional(),
  blocking_positions: z.array(nameSchema).optional(),
  lat_arm: num.optional(),
  left_lat_arm: num.optional(),
  right_lat_arm: num.optional(),
  lng_arm: num.optional(),
  max_weight: num.optional(),
};
export const POSITION_ATTRIBUTES = new Set(Object.keys(positionAttributesShape));
export const positionAttributesSchema = z.strictObject(positionAttributesShape);
export type PositionAttributes = z.output<typeof positionAttributesSchema>;

/** A node of the position tree: attribute values, and child nodes (mappings) under other keys. */
export interface PositionNode {
  readonly [key: string]: unknown;
}

const isNode = (v: unknown): v is PositionNode => v !== null && typeof v === "object" && !Array.isArray(v);

/** Checks every attribute of every node; anything else must be a child node. */
function checkNode(node: PositionNode, path: (string | number)[], ctx: z.RefinementCtx): void {
  for (const [key, value] of Object.entries(node)) {
    if (POSITION_ATTRIBUTES.has(key)) {
      const schema = positionAttributesShape[key as keyof typeof positionAttributesShape];
      const r = schema.safeParse(value);
      if (!r.success) for (const i of r.error.issues) ctx.addIssue({ code: "custom", path: [...path, key, ...i.path.map((p) => (typeof p === "symbol" ? String(p) : p))], message: i.message, input: value });
    } else if (isNode(value)) checkNode(value, [...path, key], ctx);
    else
      ctx.addIssue({
        code: "custom",
        path: [...path, key],
        message: `${key} is neither a position attribute (${[...POSITION_ATTRIBUTES].join(", ")}) nor a child node`,
        input: value,
      });
  }
}

export const positionTreeSchema = z.record(z.string(), z.unknown()).superRefine((node, ctx) => checkNode(node, [], ctx));

export const compartmentSchema = z.strictObject({
  label: z.string().optional(),
  deck: z.enum(["MD", "LD"]),
  virtual_positions: positionTreeSchema,
});

export const aircraftTypeSchema = z.strictObject({
  model: z.string().min(1),
  class: z.string().optional(),
  oew: num.positive(),
  oew_lng_arm: num,
  min_lng_arm: num,
  max_lng_arm: num,
  opt_lng_arm: num,
  compartments: z.record(z.string(), compartmentSchema),
  overlapping_positions: z.array(z.tuple([nameSchema, nameSchema])).default([]),
  weight_constraints: z.record(z.string(), z.strictObject({ limit: num.positive(), positions: z.array(nameSchema).default([]) })).default({}),
  // Not in format.md; read as: the net weight of cargo whose code starts the constraint's name (ICE_LD12: ICE).
  net_weight_constraint: z.record(z.string(), z.strictObject({ limit: num.nonnegative(), position: z.array(nameSchema) })).default({}),
});
export type AclppAircraft = z.output<typeof aircraftTypeSchema>;

const blockSchema = z.strictObject({ min_lng: num, max_lng: num, min_lat: num, max_lat: num, min_height: num, max_height: num });
const cutSchema = z.strictObject({ lat1: num, height1: num, lat2: num, height2: num });

export const uldTypeSchema = z.strictObject({
  is_container: z.boolean(),
  inner_lng_size: num.positive(),
  inner_lat_size: num.positive(),
  inner_height: num.positive(),
  tare_weight: num.nonnegative(),
  max_weight: num.positive(),
  build_up_time: num.nonnegative(),
  build_up_cost: num.nonnegative(),
  uld_blocks: z.array(blockSchema).default([]),
  uld_cuts: z.array(cutSchema).default([]),
});
export type AclppUldType = z.output<typeof uldTypeSchema>;

export const separationSchema = z.array(z.strictObject({ code_a: nameSchema, code_b: nameSchema }));

/** A leg's problem attributes. */
export const legProblemShape = {
  est_fuel_weight: num.nonnegative(),
  extra_fuel_cost_factor: num.nonnegative(),
  segments: z.array(z.string().min(1)).min(1),
  sequence: z.number().int().positive().default(1),
};
/** A leg's solution attributes [S]. */
export const legSolutionShape = {
  extra_fuel_cost: num.optional(),
  loaded_ulds: z
    .record(z.string(), z.strictObject({ segment: z.string().min(1), uld: z.string().min(1) }))
    .nullish(),
  loading_operations_before: num.optional(),
  unloading_operations_after: num.optional(),
  // Not in format.md; a cost of the solution's handling operations, so solution too.
  extra_handling_cost_after: num.optional(),
};

export const flightSchema = z.strictObject({
  aircraft_type: z.string().min(1),
  std_timestamp: z.number().int(),
  legs: z.record(z.string(), z.strictObject({ ...legProblemShape, ...legSolutionShape })),
});
export type AclppFlight = z.output<typeof flightSchema>;

export const pieceSchema = z.strictObject({
  allowed_rotations: z.number().int().min(1).max(63),
  amount: z.number().int().positive(),
  avail: z.number().int(),
  height: num.positive(),
  lat: num.positive(),
  lng: num.positive(),
  offload_penalty: num.nonnegative(),
  specials: z.string().optional(),
  stack_height: num.nonnegative().optional(),
  stack_lat: num.nonnegative().optional(),
  stack_lng: num.nonnegative().optional(),
  weight: num.nonnegative(),
});

/** A segment's problem attributes. */
export const segmentProblemShape = {
  std_timestamp: z.number().int(),
  shipments: z.record(z.string(), z.strictObject({ pieces: z.record(z.string(), pieceSchema) })),
};

const loadedItemSchema = z.strictObject({
  piece: z.string().min(1),
  shipment: z.string().min(1),
  lng: num,
  lat: num,
  height: num,
  start_lng: num,
  start_lat: num,
  start_height: num,
});
/** A segment's solution attributes [S]. */
export const segmentSolutionShape = {
  built_ulds: z
    .record(
      z.string(),
      z.strictObject({
        uld_type: z.string().min(1),
        start: num.optional(),
        finish: num.optional(),
        total_weight: num.nonnegative(),
        loaded: z.array(loadedItemSchema).default([]),
      }),
    )
    .nullish(),
  offloads: z.record(z.string(), z.number().int().nonnegative()).nullish(),
};

export const segmentSchema = z.strictObject({ ...segmentProblemShape, ...segmentSolutionShape });
export type AclppSegment = z.output<typeof segmentSchema>;

/** What each root key of a file holds. */
export const ROOT_SCHEMAS = {
  aircraft_types: z.record(z.string(), aircraftTypeSchema),
  uld_types: z.record(z.string(), uldTypeSchema),
  separation_constraints: separationSchema,
  flights: z.record(z.string(), flightSchema),
  segments: z.record(z.string(), segmentSchema),
} as const;
export type RootKey = keyof typeof ROOT_SCHEMAS;
