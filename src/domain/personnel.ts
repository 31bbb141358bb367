import { z } from "zod";
import { countSchema, provenanceShape } from "./figure.ts";
import { groupIdSchema, siteIdSchema } from "./ids.ts";
import { instantSchema } from "./instant-schema.ts";

export const PERSONNEL_CATEGORIES = [
  "support",
  "security",
  "aircrew",
  "maintenance",
  "sensitive_duty",
  "closing_team",
] as const;
export const personnelCategorySchema = z.enum(PERSONNEL_CATEGORIES);
export type PersonnelCategory = z.output<typeof personnelCategorySchema>;

export const personnelGroupSchema = z.strictObject({
  id: groupIdSchema,
  site: z.string().describe("Id of the site the group leaves from."),
  unit: z.string().min(1).describe("The unit, e.g. '724th Expeditionary Air Base Squadron'."),
  count: countSchema,
  category: personnelCategorySchema.describe(
    "closing_team: stays until the site's last cargo has left; sensitive_duty: escorts sensitive items.",
  ),
  earliestDeparture: instantSchema.optional(),
  latestDeparture: instantSchema.optional(),
  ...provenanceShape,
});

/** The minimum that stays at a site until its last cargo leaves ("the remaining personnel oversee the removal of equipment"). */
export const closingTeamSchema = z.strictObject({
  site: siteIdSchema,
  minimum: countSchema,
  ...provenanceShape,
});

export type PersonnelGroup = z.output<typeof personnelGroupSchema>;
export type ClosingTeam = z.output<typeof closingTeamSchema>;
