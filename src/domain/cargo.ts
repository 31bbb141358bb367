import { z } from "zod";
import { lengthSchema, massSchema, provenanceShape } from "./figure.ts";
import { cargoIdSchema, siteIdSchema } from "./ids.ts";

export const CARGO_KINDS = ["box", "rolling_stock", "container", "outsize", "pallet"] as const;
export const cargoKindSchema = z
  .enum(CARGO_KINDS)
  .describe(
    "box: palletisable; rolling_stock: drives or is towed on; container: ISO or transport container; outsize: fits only where its dimensions fit; pallet: a pre-built 463L pallet.",
  );
export type CargoKind = z.output<typeof cargoKindSchema>;

export const hazardSchema = z
  .strictObject({
    class: z.number().int().min(1).max(9).describe("UN hazard class 1–9."),
    division: z
      .string()
      .regex(/^[1-9]\.[1-6][A-S]?$/, "a division such as 1.4S or 2.1")
      .optional(),
    unNumber: z
      .string()
      .regex(/^UN\d{4}$/, "e.g. UN1203")
      .optional(),
  })
  .superRefine((h, ctx) => {
    if (h.division && Number(h.division[0]) !== h.class) {
      ctx.addIssue({
        code: "custom",
        path: ["division"],
        message: `division ${h.division} does not belong to class ${h.class}`,
        input: h.division,
      });
    }
  });

export const dimensionsSchema = z.strictObject({
  length: lengthSchema,
  width: lengthSchema,
  height: lengthSchema,
});

export const cargoItemSchema = z.strictObject({
  id: cargoIdSchema,
  description: z.string().min(1),
  site: siteIdSchema,
  quantity: z.number().int().positive().describe("Identical pieces on this line."),
  unitWeight: massSchema.describe("Weight of one piece."),
  dimensions: dimensionsSchema.describe("Of one piece, as it travels (length ≥ width is not required)."),
  kind: cargoKindSchema,
  hazard: hazardSchema.optional(),
  sensitive: z.boolean().default(false).describe("Travels only with sensitive-duty or closing-team escort."),
  priority: z.number().int().min(1).max(5).default(3).describe("1 moves first, 5 last."),
  disposition: z
    .enum(["withdraw", "handover", "dispose"])
    .default("withdraw")
    .describe("withdraw: leaves the country; handover: given to the host; dispose: destroyed in place."),
  stackable: z.boolean().default(true),
  ...provenanceShape,
});

export type CargoItem = z.output<typeof cargoItemSchema>;
export type Hazard = z.output<typeof hazardSchema>;
