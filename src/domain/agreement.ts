import { z } from "zod";
import { countSchema, provenanceShape } from "./figure.ts";
import { countryCodeSchema } from "./ids.ts";
import { instantSchema } from "./instant-schema.ts";

export const partySchema = z.strictObject({
  code: z.string().regex(/^[A-Z]{2,3}$/, "a short code in capitals, e.g. US or NE"),
  name: z.string().min(1),
  role: z.enum(["departing", "host"]).describe("The departing party withdraws; the host grants clearances."),
  country: countryCodeSchema,
});

/** A press or official figure for the total headcount: they differ, so all are kept. */
export const headcountReportSchema = z.strictObject({
  value: z.number().int().nonnegative(),
  qualifier: z.enum(["exactly", "about", "fewer_than", "more_than", "up_to"]),
  source: z.string().min(1),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}/),
});

export const agreementSchema = z
  .strictObject({
    title: z.string().min(1),
    parties: z.array(partySchema).length(2, "an agreement has exactly two parties: one departing, one host"),
    signedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use an ISO date such as 2024-05-19"),
    signedAt: z.string().min(1),
    withdrawalStart: instantSchema.describe("When the withdrawal starts (or started)."),
    deadline: instantSchema.describe("Everything and everyone must be out by this instant (a hard limit)."),
    terms: z.array(z.string().min(1)).default([]),
    headcountReports: z.array(headcountReportSchema).default([]),
    ...provenanceShape,
  })
  .superRefine((a, ctx) => {
    const roles = a.parties.map((p) => p.role).sort();
    if (roles.join() !== "departing,host") {
      ctx.addIssue({
        code: "custom",
        path: ["parties"],
        message: "one party must have role 'departing' and the other 'host'",
        input: a.parties,
      });
    }
    if (a.deadline <= a.withdrawalStart) {
      ctx.addIssue({
        code: "custom",
        path: ["deadline"],
        message: "the deadline must come after the start of the withdrawal",
        input: a.deadline,
      });
    }
  });

export type Agreement = z.output<typeof agreementSchema>;
export type Party = z.output<typeof partySchema>;

/** Re-exported for figures that count people: keeps the import list of scenario files short. */
export { countSchema };
