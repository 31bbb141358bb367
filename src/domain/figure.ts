import { z } from "zod";
import {
  DISTANCE_UNITS,
  DURATION_UNITS,
  LENGTH_UNITS,
  MASS_UNITS,
  SPEED_UNITS,
  toCm,
  toKg,
  toKm,
  toKmh,
  toMinutes,
} from "./units.ts";

/**
 * Provenance that any figure may carry. `assumption: true` marks an estimate and needs a
 * one-line `rationale`; a figure from a public report names its `source` and the date it was true (`asOf`).
 */
export const provenanceShape = {
  source: z.string().min(1).optional().describe("Where the figure comes from: a report, a URL, a document."),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}/, "use an ISO date such as 2024-06-07")
    .optional()
    .describe("The date the figure was true or published (ISO 8601)."),
  assumption: z.boolean().optional().describe("True when the figure is an estimate, not a reported fact."),
  rationale: z.string().min(1).optional().describe("Why the assumed value is reasonable (one line)."),
};

export interface Provenance {
  readonly source?: string | undefined;
  readonly asOf?: string | undefined;
  readonly assumption?: boolean | undefined;
  readonly rationale?: string | undefined;
}

const assumptionNeedsRationale = (p: Provenance, ctx: z.RefinementCtx) => {
  if (p.assumption === true && !p.rationale) {
    ctx.addIssue({
      code: "custom",
      message: "an assumption needs a one-line rationale",
      path: ["rationale"],
      input: p,
    });
  }
};

/**
 * A physical figure: a bare number in the SI default unit, or `{ value, unit, source?, asOf?, assumption? }`.
 * Parses to the number in the SI unit; provenance is collected separately (see `provenance.ts`).
 */
function measure<U extends string, T>(
  name: string,
  units: Readonly<Record<U, number>>,
  defaultUnit: U,
  convert: (value: number, unit: U) => T,
  nonNegative = true,
) {
  const value = nonNegative ? z.number().finite().nonnegative() : z.number().finite();
  const unitNames = Object.keys(units) as [U, ...U[]];
  const stated = z
    .strictObject({
      value,
      unit: z.enum(unitNames).describe(`Unit of the value: ${unitNames.join(", ")}.`),
      ...provenanceShape,
    })
    .superRefine(assumptionNeedsRationale);
  return z
    .union([value.describe(`${name} in ${defaultUnit}`), stated])
    .transform((v) => (typeof v === "number" ? convert(v, defaultUnit) : convert(v.value, v.unit)))
    .describe(`${name}: a number in ${defaultUnit}, or { value, unit, source?, asOf?, assumption?, rationale? }`);
}

export const massSchema = measure("Mass", MASS_UNITS, "kg", toKg);
export const lengthSchema = measure("Length", LENGTH_UNITS, "cm", toCm);
/** A length that may be negative: an offset either side of a reference line (a lateral arm, left negative). */
export const signedLengthSchema = measure("Length", LENGTH_UNITS, "cm", toCm, false);
export const distanceSchema = measure("Distance", DISTANCE_UNITS, "km", toKm);
export const durationSchema = measure("Duration", DURATION_UNITS, "minutes", toMinutes);
export const speedSchema = measure("Speed", SPEED_UNITS, "km/h", toKmh);

/**
 * A count of people or things. Never a bare number: press figures differ ("about 1,000",
 * "fewer than 1,000", 946), so every count names its source or is marked an assumption.
 */
export const countSchema = z
  .strictObject({
    value: z.number().int().nonnegative(),
    ...provenanceShape,
  })
  .superRefine((p, ctx) => {
    assumptionNeedsRationale(p, ctx);
    if (!p.source && p.assumption !== true) {
      ctx.addIssue({
        code: "custom",
        message: "a count needs a `source`, or `assumption: true` with a `rationale`",
        path: ["source"],
        input: p,
      });
    }
  })
  .transform((c) => c.value)
  .describe("A count with its provenance: { value, source } or { value, assumption: true, rationale }.");

/** Any other number that should carry its provenance (seats per flight, trucks, spots). */
export const sourcedIntSchema = z
  .union([
    z.number().int().nonnegative(),
    z.strictObject({ value: z.number().int().nonnegative(), ...provenanceShape }).superRefine(assumptionNeedsRationale),
  ])
  .transform((v) => (typeof v === "number" ? v : v.value))
  .describe("A whole number, bare or as { value, source?, asOf?, assumption?, rationale? }.");
