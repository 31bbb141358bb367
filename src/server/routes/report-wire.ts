/**
 * The wire format of `GET /api/report`: the joint progress report's figures beyond the overview
 * (movements done and planned, clearances by state, personnel in and out, asset disposition, and
 * the ledger's latest final checkpoint). One report for both parties: counts and ids only, no
 * personal data. It imports zod only, so the web app can import its types (never its code).
 */
import { z } from "@hono/zod-openapi";

const instant = z.string().describe("ISO 8601 instant, UTC.");
const count = z.number().int().nonnegative();

export const reportMovementSchema = z
  .object({
    id: z.string(),
    planRef: z.string().optional(),
    kind: z.string(),
    status: z.string(),
    from: z.string(),
    to: z.string(),
    departAt: instant.describe("Planned departure."),
    arriveAt: instant.describe("Planned arrival."),
    departedAt: instant.optional(),
    arrivedAt: instant.optional(),
    passengers: count.describe("On the manifest once departed, else planned."),
    payloadKg: z.number().optional(),
  })
  .openapi("ReportMovement");

export const reportCheckpointSchema = z
  .object({
    treeSize: count.describe("Entries the checkpoint covers: 0 to treeSize − 1."),
    rootHash: z.string().describe("Base64, as in the checkpoint body."),
    body: z.string().describe("The signed checkpoint body (C2SP tlog-checkpoint)."),
    createdAt: instant,
    cosignatures: z.array(z.object({ party: z.string(), keyName: z.string(), keyId: z.string().describe("8 hex digits."), at: instant })),
  })
  .openapi("ReportCheckpoint");

export const reportSchema = z
  .object({
    at: instant.describe("The server's time the report was made at."),
    scenario: z.object({ id: z.string(), name: z.string(), start: instant, deadline: instant }),
    parties: z.array(z.object({ code: z.string(), name: z.string(), role: z.enum(["departing", "host"]) })),
    movements: z.object({
      byKind: z.array(z.object({ kind: z.string(), counts: z.record(z.string(), count), total: count })).describe("Counts by kind and status."),
      statuses: z.array(z.string()).describe("The statuses in order."),
      done: z.array(reportMovementSchema).describe("Departed or arrived, latest departure first."),
      planned: z.array(reportMovementSchema).describe("Not departed nor cancelled, soonest first."),
    }),
    clearances: z.object({
      statuses: z.array(z.string()),
      byCountry: z.array(z.object({ country: z.string(), counts: z.record(z.string(), count), total: count })),
      total: count,
    }),
    personnel: z.object({
      headcount: count.describe("People in the country now, by the entry and exit records."),
      bySite: z.array(z.object({ site: z.string(), present: count, entries: count, exits: count, transfersIn: count, transfersOut: count })),
      reconciliation: z.object({ inCountry: count, left: count, leftUnrecorded: count, exitWithoutManifest: count, neverEntered: count }),
    }),
    dispositions: z.object({
      byIntent: z.array(
        z.object({ intended: z.string(), lines: count, quantity: count, withdrawn: count, handedOver: count, disposed: count, remaining: count, complete: count }),
      ),
    }),
    ledger: z.object({
      size: count,
      finalSize: count.describe("Entries below it are final: in a checkpoint both parties cosigned."),
      latestFinal: reportCheckpointSchema.nullable().describe("The largest checkpoint both parties cosigned."),
      keys: z.object({ origin: z.string(), log: z.string(), parties: z.record(z.string(), z.string()) }).describe("Public verifier keys (vkeys)."),
    }),
  })
  .openapi("Report");
