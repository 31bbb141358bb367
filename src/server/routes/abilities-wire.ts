/**
 * The wire format of `GET /api/abilities`: what the caller may do to each kind of object of each
 * party, from the policy, for actions that have no object yet ("publish a plan", "draft
 * requests"). Objects carry their own `abilities`. Imports zod only (the web app reads its types).
 */
import { z } from "@hono/zod-openapi";

export const abilitiesSchema = z
  .object({
    party: z.string().describe("The caller's party."),
    side: z.string().describe("departing or host."),
    roles: z.array(z.string()),
    byParty: z
      .record(z.string(), z.record(z.string(), z.array(z.string())))
      .describe("Party code → resource kind → the actions the caller may take on that party's objects of that kind."),
  })
  .openapi("Abilities");
