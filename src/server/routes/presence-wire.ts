/**
 * The wire format of `GET /api/personnel/presence`: where each person is by the records, with the
 * presence version an entry, transfer or exit is based on (If-Match). Persons by id only: names
 * come from `GET /api/persons`, as the caller may see them. It imports zod only, so the web app
 * can import its types (never its code).
 */
import { z } from "@hono/zod-openapi";

export const presenceSchema = z
  .object({
    person: z.string(),
    status: z.enum(["not_entered", "in_country", "left"]),
    site: z.string().optional().describe("Where the person is (in the country) or left from."),
    since: z.string().optional().describe("ISO instant of the person's last record."),
    version: z.number().int().describe("The number of records: the If-Match of the person's next entry, transfer or exit."),
  })
  .openapi("Presence");

export const presenceListSchema = z.object({ items: z.array(presenceSchema) }).openapi("PresenceList");
