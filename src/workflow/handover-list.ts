import { z } from "zod";
import { toHex, utf8 } from "#ledger/bytes.ts";
import { canonicalJson } from "#ledger/canonical-json.ts";
import { sha256 } from "#ledger/hash.ts";
import { formatInstant, type Instant } from "#domain/time.ts";
import type { Context } from "./actor.ts";
import { type EventData, makeEvent, maybe, type WorkflowEvent } from "./event.ts";
import type { HandoverListId, PartyCode, UserId } from "./ids.ts";
import { partyCodeSchema } from "./ids.ts";
import { type ActionOf, authorize } from "./policy.ts";
import { accept, type Refusal, refusal, refuse, type Transition } from "./transition.ts";

/**
 * A handover list: the cargo the departing party gives to the host at one site. It is final only
 * when both parties have signed the same content (its digest); after the first signature the lines
 * are locked, so both signatures always cover the same list.
 *
 * ```
 * draft ─sign (one party)→ partially_signed ─sign (the other)→ final
 * draft | partially_signed ─cancel→ cancelled
 * ```
 */

/** Every state of a handover list. */
export const HANDOVER_STATUSES = ["draft", "partially_signed", "final", "cancelled"] as const;
/** One state of a handover list. */
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

/** One line of a handover list: a cargo line and how many pieces. */
export const handoverLineSchema = z.strictObject({
  cargo: z.string().min(1).max(64).describe("Cargo line id."),
  quantity: z.number().int().positive(),
  description: z.string().trim().max(200).optional(),
  condition: z.string().trim().max(200).optional().describe("State the item is handed over in."),
});
/** One line of a handover list. */
export type HandoverLine = z.output<typeof handoverLineSchema>;

const linesSchema = z
  .array(handoverLineSchema)
  .min(1)
  .max(2000)
  .refine((ls) => new Set(ls.map((l) => l.cargo)).size === ls.length, { message: "a cargo line appears twice" });

/** Body of "create a handover list" (the server adds id and owner). */
export const createHandoverListCommandSchema = z.strictObject({
  site: z.string().min(1).max(64),
  recipient: partyCodeSchema,
  lines: linesSchema,
});
/** Body of "update a handover list" (drafts only). */
export const updateHandoverListCommandSchema = z.strictObject({ lines: linesSchema });
/** Body of "sign": the digest the signer saw, so nobody signs a list other than the one shown. */
export const signHandoverListCommandSchema = z.strictObject({
  digest: z.string().regex(/^[0-9a-f]{64}$/, "the list's SHA-256 digest in lower-case hex"),
});
/** Body of "cancel". */
export const cancelHandoverListCommandSchema = z.strictObject({ reason: z.string().trim().min(1).max(2000) });

/** Parsed body of "create a handover list". */
export type CreateHandoverListCommand = z.output<typeof createHandoverListCommandSchema>;
/** Parsed body of "sign". */
export type SignHandoverListCommand = z.output<typeof signHandoverListCommandSchema>;

/** One party's signature on the list's digest. */
export interface HandoverSignature {
  readonly party: PartyCode;
  readonly by: UserId;
  readonly at: Instant;
  readonly digest: string;
}

/** A handover list. */
export interface HandoverList {
  readonly id: HandoverListId;
  /** The giving (departing) party. */
  readonly owner: PartyCode;
  /** The receiving (host) party. */
  readonly recipient: PartyCode;
  readonly site: string;
  readonly lines: readonly HandoverLine[];
  /** SHA-256 (hex) of the canonical JSON of id, parties, site and lines: what a signature covers. */
  readonly digest: string;
  readonly status: HandoverStatus;
  readonly signatures: readonly HandoverSignature[];
  readonly cancellation?: { readonly reason: string };
  readonly version: number;
  readonly history: readonly WorkflowEvent[];
}

const iso = formatInstant;

function linesData(lines: readonly HandoverLine[]): EventData[string] {
  return lines.map((l) => ({
    cargo: l.cargo,
    quantity: l.quantity,
    ...maybe("description", l.description),
    ...maybe("condition", l.condition),
  }));
}

/**
 * The digest both parties sign: SHA-256 of the canonical JSON (RFC 8785) of the list's content.
 *
 * @example
 * handoverDigest({ id, owner: us, recipient: ne, site: "niamey-ab101", lines }); // "9f2c…"
 */
export function handoverDigest(list: Pick<HandoverList, "id" | "owner" | "recipient" | "site" | "lines">): string {
  const text = canonicalJson({
    id: list.id,
    owner: list.owner,
    recipient: list.recipient,
    site: list.site,
    lines: linesData(list.lines),
  });
  // Lines come through the schema (strings and integers only), so a failure here is a bug.
  if (!text.ok) throw new Error(`handover list ${list.id} is not canonical JSON: ${text.reason}`);
  return toHex(sha256(utf8(text.value)));
}

/** True when both parties have signed: the list then binds them. */
export function isFinal(list: HandoverList): boolean {
  return list.status === "final";
}

function guard(list: Pick<HandoverList, "owner">, action: ActionOf<"handover_list">, ctx: Context): Refusal | undefined {
  const denied = authorize(ctx.actor, action, { type: "handover_list", owner: list.owner });
  return denied ? refusal(denied) : undefined;
}

function step(
  list: HandoverList,
  ctx: Context,
  type: `handover.${string}`,
  data: EventData,
  next: Omit<HandoverList, "version" | "history">,
): Transition<HandoverList> {
  const version = list.version + 1;
  const event = makeEvent(ctx, type, "handover_list", list.id, version, {
    ...data,
    from: list.status,
    status: next.status,
    digest: next.digest,
  });
  return accept({ ...next, version, history: [...list.history, event] }, event);
}

function content(list: HandoverList): Omit<HandoverList, "version" | "history"> {
  return {
    id: list.id,
    owner: list.owner,
    recipient: list.recipient,
    site: list.site,
    lines: list.lines,
    digest: list.digest,
    status: list.status,
    signatures: list.signatures,
    ...(list.cancellation ? { cancellation: list.cancellation } : {}),
  };
}

/** Drafts a list (a planner of the giving party). */
export function createHandoverList(
  cmd: CreateHandoverListCommand & { readonly id: HandoverListId; readonly owner: PartyCode },
  ctx: Context,
): Transition<HandoverList> {
  const denied = guard(cmd, "create", ctx);
  if (denied) return denied;
  if (cmd.recipient === cmd.owner) return refuse("handover.same_party", "a handover goes to the other party");
  const digest = handoverDigest(cmd);
  const event = makeEvent(ctx, "handover.drafted", "handover_list", cmd.id, 1, {
    status: "draft",
    owner: cmd.owner,
    recipient: cmd.recipient,
    site: cmd.site,
    lines: linesData(cmd.lines),
    digest,
  });
  return accept(
    {
      id: cmd.id,
      owner: cmd.owner,
      recipient: cmd.recipient,
      site: cmd.site,
      lines: cmd.lines,
      digest,
      status: "draft",
      signatures: [],
      version: 1,
      history: [event],
    },
    event,
  );
}

/** Replaces the lines of an unsigned list. */
export function updateHandoverList(
  list: HandoverList,
  cmd: { readonly lines: readonly HandoverLine[] },
  ctx: Context,
): Transition<HandoverList> {
  const denied = guard(list, "update", ctx);
  if (denied) return denied;
  if (list.status !== "draft")
    return refuse("handover.not_editable", `${list.id} is ${list.status}: only an unsigned list can change`, { status: list.status });
  const lines = cmd.lines;
  const digest = handoverDigest({ ...list, lines });
  return step(list, ctx, "handover.updated", { lines: linesData(lines) }, { ...content(list), lines, digest });
}

/**
 * Signs the list for the actor's party (a commission member of either party). The second party's
 * signature makes it final.
 */
export function signHandoverList(list: HandoverList, cmd: SignHandoverListCommand, ctx: Context): Transition<HandoverList> {
  const denied = guard(list, "sign", ctx);
  if (denied) return denied;
  const party = ctx.actor.party;
  if (party !== list.owner && party !== list.recipient)
    return refuse("handover.not_a_party", `${party} is not a party to handover list ${list.id}`);
  if (list.status !== "draft" && list.status !== "partially_signed")
    return refuse("handover.not_signable", `${list.id} is ${list.status}`, { status: list.status });
  if (list.signatures.some((s) => s.party === party))
    return refuse("handover.already_signed", `${party} has already signed ${list.id}`);
  if (cmd.digest !== list.digest)
    return refuse("handover.digest_mismatch", "the list changed since it was shown: review it again before signing", {
      digest: list.digest,
    });
  const signatures = [...list.signatures, { party, by: ctx.actor.id, at: ctx.now, digest: list.digest }];
  const status: HandoverStatus = signatures.length === 2 ? "final" : "partially_signed";
  return step(list, ctx, "handover.signed", { party, signedAt: iso(ctx.now) }, { ...content(list), signatures, status });
}

/** Withdraws a list that is not yet final. */
export function cancelHandoverList(list: HandoverList, cmd: { readonly reason: string }, ctx: Context): Transition<HandoverList> {
  const denied = guard(list, "cancel", ctx);
  if (denied) return denied;
  if (list.status !== "draft" && list.status !== "partially_signed")
    return refuse("handover.not_cancellable", `${list.id} is ${list.status}`, { status: list.status });
  return step(
    list,
    ctx,
    "handover.cancelled",
    { reason: cmd.reason },
    { ...content(list), status: "cancelled", cancellation: { reason: cmd.reason } },
  );
}

/** What is wrong with a list's state (empty when nothing). */
export function handoverInvariantViolations(list: HandoverList): string[] {
  const out: string[] = [];
  if (list.version !== list.history.length) out.push(`version ${list.version} ≠ history length ${list.history.length}`);
  if (list.digest !== handoverDigest(list)) out.push("digest does not match the content");
  const parties = list.signatures.map((s) => s.party);
  if (new Set(parties).size !== parties.length) out.push("a party signed twice");
  if (parties.some((p) => p !== list.owner && p !== list.recipient)) out.push("a signature by a third party");
  if (list.signatures.some((s) => s.digest !== list.digest)) out.push("a signature covers other content");
  const expected = list.status === "final" ? 2 : list.status === "partially_signed" ? 1 : list.status === "draft" ? 0 : undefined;
  if (expected !== undefined && list.signatures.length !== expected)
    out.push(`${list.status} with ${list.signatures.length} signatures`);
  return out;
}
