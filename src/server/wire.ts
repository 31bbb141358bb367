/**
 * The wire format: zod schemas of what the API answers (named in the OpenAPI document). The
 * wire is never a row: presenters build these from workflow states, with instants as ISO text
 * and the caller's `abilities`.
 */
import { z } from "@hono/zod-openapi";

const json = z.record(z.string(), z.unknown());
const abilities = z.array(z.string()).describe("What the caller may do to this object, from the policy.");

/** The server's clock: the UI shows a "replay" badge when it is not the wall clock. */
export const clockSchema = z
  .object({
    mode: z.enum(["wall", "replay"]).describe("wall: the real time; replay: the shipped historical scenario replayed from its start (or DRAWDOWN_CLOCK)."),
    now: z.string().describe("The server's time now (ISO 8601): every decision is recorded at this time."),
  })
  .openapi("Clock");

/** One event of an object's history, with its ledger leaf. */
export const historyEntrySchema = z
  .object({
    type: z.string(),
    at: z.string(),
    actorId: z.string(),
    actorParty: z.string(),
    version: z.number().int(),
    data: json,
    ledgerIndex: z.number().int(),
    final: z.boolean().describe("Included in a checkpoint both parties cosigned."),
  })
  .openapi("HistoryEntry");

export const clearanceSchema = z
  .object({
    id: z.string(),
    owner: z.string(),
    status: z.string(),
    country: z.string(),
    kind: z.string(),
    source: json.optional(),
    details: json,
    submittedAt: z.string().optional(),
    clearance: json.optional(),
    used: json.optional(),
    denial: json.optional(),
    amendment: json.optional(),
    cancellation: json.optional(),
    version: z.number().int(),
    abilities,
    history: z.array(historyEntrySchema).optional(),
  })
  .openapi("ClearanceRequest");

export const movementSchema = z
  .object({
    id: z.string(),
    owner: z.string(),
    status: z.string(),
    kind: z.string(),
    from: z.string(),
    to: z.string(),
    departAt: z.string(),
    arriveAt: z.string(),
    planRef: z.string().optional(),
    clearances: z.array(z.string()),
    plannedPassengers: z.number().int(),
    manifest: z.object({
      passengers: z.number().int(),
      persons: z.array(json).optional(),
      items: z.array(z.object({ cargo: z.string(), quantity: z.number().int() })),
      pallets: z.array(z.string()),
      payloadKg: z.number().optional(),
    }),
    departedAt: z.string().optional(),
    arrivedAt: z.string().optional(),
    cancellation: json.optional(),
    version: z.number().int(),
    abilities,
    history: z.array(historyEntrySchema).optional(),
  })
  .openapi("Movement");

export const personSchema = z
  .object({
    id: z.string(),
    owner: z.string(),
    group: z.string().optional(),
    name: z.string(),
    nationality: z.string(),
    unit: z.string().optional(),
    documentNumber: z.string().optional(),
    erased: z.boolean().optional().describe("True once the personal data was erased: name and nationality are then empty."),
    presence: z.object({ status: z.string(), site: z.string().optional(), since: z.string().optional() }).optional(),
    version: z.number().int(),
    abilities,
    history: z.array(historyEntrySchema).optional(),
  })
  .openapi("Person");

export const personnelEventSchema = z
  .object({
    id: z.string(),
    person: z.string(),
    kind: z.string(),
    site: z.string(),
    at: z.string(),
    movement: z.string().optional(),
  })
  .openapi("PersonnelEvent");

export const dispositionSchema = z
  .object({
    cargo: z.string(),
    owner: z.string(),
    site: z.string(),
    description: z.string(),
    quantity: z.number().int(),
    intended: z.string(),
    withdrawn: z.array(json),
    handedOver: z.array(json),
    disposed: z.array(json),
    remaining: z.number().int(),
    status: z.string(),
    version: z.number().int(),
    abilities,
    history: z.array(historyEntrySchema).optional(),
  })
  .openapi("CargoDisposition");

export const handoverListSchema = z
  .object({
    id: z.string(),
    owner: z.string(),
    recipient: z.string(),
    site: z.string(),
    lines: z.array(json),
    digest: z.string(),
    status: z.string(),
    signatures: z.array(z.object({ party: z.string(), by: z.string(), at: z.string() })),
    cancellation: json.optional(),
    version: z.number().int(),
    abilities,
    history: z.array(historyEntrySchema).optional(),
  })
  .openapi("HandoverList");

export const planVersionSchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    scenario: z.string(),
    digest: z.string(),
    publishedAt: z.string(),
    publishedBy: z.string(),
    status: z.enum(["baseline", "superseded"]),
    note: z.string().optional(),
    summary: json,
    version: z.number().int(),
    abilities,
    plan: json.optional(),
  })
  .openapi("PlanVersion");

export const userSchema = z
  .object({
    id: z.string(),
    party: z.string(),
    username: z.string(),
    roles: z.array(z.string()),
    disabled: z.boolean(),
    createdAt: z.string(),
    version: z.number().int(),
    abilities,
  })
  .openapi("User");

export const checkpointSchema = z
  .object({
    treeSize: z.number().int(),
    rootHash: z.string().describe("Base64, as in the checkpoint body."),
    body: z.string(),
    note: z.string().describe("The signed note with the operator's signature and every cosignature."),
    createdAt: z.string(),
    cosignatures: z.array(z.object({ party: z.string(), keyName: z.string(), timestamp: z.number().int(), signature: z.string() })),
    final: z.boolean(),
  })
  .openapi("Checkpoint");

export const leafSchema = z
  .object({
    index: z.number().int(),
    hash: z.string().describe("RFC 9162 leaf hash, hex."),
    data: z.string().describe("The leaf's bytes: canonical JSON of the event."),
    createdAt: z.string(),
    final: z.boolean(),
  })
  .openapi("LedgerLeaf");

/** A list answer. */
export const listOf = <T extends z.ZodType>(item: T, name: string) => z.object({ items: z.array(item) }).openapi(name);
