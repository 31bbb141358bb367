/**
 * A clearance request as the page reads it: the wire's JSON parts (details, decision, source)
 * parsed once with zod, so a server that sends something unexpected shows as missing fields, not
 * as a broken page. Instants are ISO text everywhere (an amendment's changes come as the
 * workflow's minutes and are turned into ISO here).
 */
import * as z from "zod/mini";
import type { ClearanceRequest } from "../../api/contract.ts";

const instant = z.union([z.string(), z.number()]);
const legSchema = z.object({ from: z.string(), to: z.string(), departAt: instant, arriveAt: instant, overflies: z.optional(z.array(z.string())) });
const goodsSchema = z.object({
  description: z.string(),
  class: z.number(),
  division: z.optional(z.string()),
  unNumber: z.optional(z.string()),
  quantity: z.number(),
  cargo: z.optional(z.string()),
});
const weaponsSchema = z.object({ description: z.string(), quantity: z.number() });
const changeShape = {
  airfield: z.optional(z.string()),
  aircraft: z.optional(z.object({ type: z.string(), tailNumber: z.string(), callSign: z.optional(z.string()) })),
  itinerary: z.optional(z.array(legSchema)),
  firstAt: z.optional(instant),
  lastAt: z.optional(instant),
  passengers: z.optional(z.number()),
  crew: z.optional(z.number()),
  dangerousCargo: z.optional(z.array(goodsSchema)),
  weapons: z.optional(z.array(weaponsSchema)),
  remarks: z.optional(z.string()),
};
const changesSchema = z.looseObject(changeShape);
const sourceSchema = z.object({ planRequest: z.string(), sortie: z.string(), latestFilingAt: z.string() });
const grantSchema = z.object({ number: z.string(), validFrom: z.string(), validTo: z.string(), remarks: z.optional(z.string()) });

/** One leg of the itinerary. */
export interface ItineraryLeg {
  readonly from: string;
  readonly to: string;
  readonly departAt: string;
  readonly arriveAt: string;
  readonly overflies: readonly string[];
}

/** What a request asks for. */
export interface RequestDetails {
  readonly airfield?: string | undefined;
  readonly aircraft: { readonly type: string; readonly tailNumber: string; readonly callSign?: string | undefined };
  readonly itinerary: readonly ItineraryLeg[];
  readonly firstAt: string;
  readonly lastAt: string;
  readonly passengers: number;
  readonly crew: number;
  readonly dangerousCargo: readonly z.infer<typeof goodsSchema>[];
  readonly weapons: readonly z.infer<typeof weaponsSchema>[];
  readonly remarks?: string | undefined;
}

/** A change set (an amendment's or a draft edit's): only the fields that change, instants as ISO. */
export type RequestChanges = Partial<RequestDetails>;

/** A request with its parts parsed. */
export interface ClearanceView {
  readonly request: ClearanceRequest;
  readonly details: RequestDetails;
  readonly source?: z.infer<typeof sourceSchema> | undefined;
  readonly clearance?: z.infer<typeof grantSchema> | undefined;
  readonly denial?: { readonly reason: string } | undefined;
  readonly amendment?: { readonly reason: string; readonly changes: RequestChanges } | undefined;
  readonly cancellation?: { readonly from?: string | undefined; readonly reason?: string | undefined } | undefined;
  readonly used?: { readonly movement: string; readonly at: string } | undefined;
}

/**
 * An instant as ISO text: the wire's text as it is, the workflow's minutes since the epoch converted.
 *
 * @example
 * isoOf(28627200); // "2024-06-03T00:00:00.000Z"
 */
export function isoOf(v: string | number): string {
  return typeof v === "number" ? new Date(v * 60_000).toISOString() : v;
}

const legOf = (l: z.infer<typeof legSchema>): ItineraryLeg => ({
  from: l.from,
  to: l.to,
  departAt: isoOf(l.departAt),
  arriveAt: isoOf(l.arriveAt),
  overflies: l.overflies ?? [],
});

/** A change set with its instants as ISO text; unknown fields are dropped. */
export function changesOf(raw: unknown): RequestChanges {
  const p = changesSchema.safeParse(raw);
  if (!p.success) return {};
  const c = p.data;
  const out: { -readonly [K in keyof RequestDetails]?: RequestDetails[K] } = {};
  if (c.airfield !== undefined) out.airfield = c.airfield;
  if (c.aircraft !== undefined) out.aircraft = c.aircraft;
  if (c.itinerary !== undefined) out.itinerary = c.itinerary.map(legOf);
  if (c.firstAt !== undefined) out.firstAt = isoOf(c.firstAt);
  if (c.lastAt !== undefined) out.lastAt = isoOf(c.lastAt);
  if (c.passengers !== undefined) out.passengers = c.passengers;
  if (c.crew !== undefined) out.crew = c.crew;
  if (c.dangerousCargo !== undefined) out.dangerousCargo = c.dangerousCargo;
  if (c.weapons !== undefined) out.weapons = c.weapons;
  if (c.remarks !== undefined) out.remarks = c.remarks;
  return out;
}

/**
 * The page's view of a request.
 *
 * @example
 * const v = viewOf(request); v.details.aircraft.callSign; // "RCH0001"
 */
export function viewOf(r: ClearanceRequest): ClearanceView {
  const c = changesOf(r.details);
  const details: RequestDetails = {
    airfield: c.airfield,
    aircraft: c.aircraft ?? { type: "", tailNumber: "" },
    itinerary: c.itinerary ?? [],
    firstAt: c.firstAt ?? "",
    lastAt: c.lastAt ?? "",
    passengers: c.passengers ?? 0,
    crew: c.crew ?? 0,
    dangerousCargo: c.dangerousCargo ?? [],
    weapons: c.weapons ?? [],
    remarks: c.remarks,
  };
  const source = sourceSchema.safeParse(r.source);
  const grant = grantSchema.safeParse(r.clearance);
  const denial = z.object({ reason: z.string() }).safeParse(r.denial);
  const amendment = z.object({ reason: z.string(), changes: z.unknown() }).safeParse(r.amendment);
  const cancellation = z.object({ from: z.optional(z.string()), reason: z.optional(z.string()) }).safeParse(r.cancellation);
  const used = z.object({ movement: z.string(), at: z.string() }).safeParse(r.used);
  return {
    request: r,
    details,
    source: source.success ? source.data : undefined,
    clearance: grant.success ? grant.data : undefined,
    denial: denial.success ? denial.data : undefined,
    amendment: amendment.success ? { reason: amendment.data.reason, changes: changesOf(amendment.data.changes) } : undefined,
    cancellation: cancellation.success && r.cancellation !== undefined ? cancellation.data : undefined,
    used: used.success ? used.data : undefined,
  };
}

/** Whether the host can decide on the request now (its state; the abilities say who). */
export const awaitsHost = (status: string) => status === "submitted" || status === "resubmitted";
