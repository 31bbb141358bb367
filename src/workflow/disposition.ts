import { z } from "zod";
import type { CargoItem } from "#domain/cargo.ts";
import type { Context } from "./actor.ts";
import { type EventData, makeEvent, maybe, type WorkflowEvent } from "./event.ts";
import { type HandoverListId, handoverListIdSchema, type MovementId, movementIdSchema, type PartyCode } from "./ids.ts";
import type { HandoverList } from "./handover-list.ts";
import type { Movement } from "./movement.ts";
import { type ActionOf, authorize } from "./policy.ts";
import { accept, type Refusal, refusal, refuse, type Transition } from "./transition.ts";

/**
 * What became of each cargo line: its pieces withdrawn (on departed movements), handed over to the
 * host (on handover lists both parties signed) or disposed of in place. Pieces are counted, so a
 * line of 40 boxes can leave on several movements; the sum never exceeds the line's quantity.
 *
 * ```
 * open (pieces remaining) ─withdraw | hand over | dispose→ … → complete (nothing remaining)
 * ```
 */

/** What may become of cargo (as `cargo[].disposition` in the scenario). */
export const DISPOSITIONS = ["withdraw", "handover", "dispose"] as const;
/** One disposition. */
export type DispositionKind = (typeof DISPOSITIONS)[number];

/** Body of "open a disposition" (usually made from the scenario's cargo lines instead). */
export const openDispositionCommandSchema = z.strictObject({
  cargo: z.string().min(1).max(64),
  site: z.string().min(1).max(64),
  description: z.string().trim().min(1).max(200),
  quantity: z.number().int().positive(),
  intended: z.enum(DISPOSITIONS),
});
/** Body of "record a withdrawal": pieces that left on a movement. */
export const recordWithdrawalCommandSchema = z.strictObject({
  movement: movementIdSchema,
  quantity: z.number().int().positive(),
});
/** Body of "record a disposal". */
export const recordDisposalCommandSchema = z.strictObject({
  quantity: z.number().int().positive(),
  method: z.string().trim().min(1).max(200).describe("How: destroyed, demilitarised, …"),
  note: z.string().trim().max(2000).optional(),
});
/** Body of "record a handover": the final handover list that covers the line. */
export const recordHandoverCommandSchema = z.strictObject({ list: handoverListIdSchema });

/** Parsed body of "open a disposition". */
export type OpenDispositionCommand = z.output<typeof openDispositionCommandSchema>;
/** Parsed body of "record a withdrawal". */
export type RecordWithdrawalCommand = z.output<typeof recordWithdrawalCommandSchema>;
/** Parsed body of "record a disposal". */
export type RecordDisposalCommand = z.output<typeof recordDisposalCommandSchema>;
/** Parsed body of "record a handover". */
export type RecordHandoverCommand = z.output<typeof recordHandoverCommandSchema>;

/** The disposition of one cargo line. */
export interface CargoDisposition {
  /** The cargo line id: also this object's id. */
  readonly cargo: string;
  readonly owner: PartyCode;
  readonly site: string;
  readonly description: string;
  readonly quantity: number;
  /** What the scenario intended; what happened may differ (the report shows it). */
  readonly intended: DispositionKind;
  readonly withdrawn: readonly { readonly movement: MovementId; readonly quantity: number }[];
  readonly handedOver: readonly { readonly list: HandoverListId; readonly quantity: number }[];
  readonly disposed: readonly { readonly quantity: number; readonly method: string }[];
  readonly version: number;
  readonly history: readonly WorkflowEvent[];
}

const sum = (xs: readonly { quantity: number }[]) => xs.reduce((n, x) => n + x.quantity, 0);

/** Pieces whose fate is not recorded yet. */
export function remaining(d: CargoDisposition): number {
  return d.quantity - sum(d.withdrawn) - sum(d.handedOver) - sum(d.disposed);
}

/** `complete` when every piece is accounted for. */
export function dispositionStatus(d: CargoDisposition): "open" | "complete" {
  return remaining(d) === 0 ? "complete" : "open";
}

function guard(d: Pick<CargoDisposition, "owner">, action: ActionOf<"cargo_disposition">, ctx: Context): Refusal | undefined {
  const denied = authorize(ctx.actor, action, { type: "cargo_disposition", owner: d.owner });
  return denied ? refusal(denied) : undefined;
}

function step(
  d: CargoDisposition,
  ctx: Context,
  type: `disposition.${string}`,
  data: EventData,
  next: Omit<CargoDisposition, "version" | "history">,
): Transition<CargoDisposition> {
  const version = d.version + 1;
  const after = { ...next, version, history: d.history };
  const event = makeEvent(ctx, type, "cargo_disposition", d.cargo, version, {
    ...data,
    remaining: remaining(after),
    status: dispositionStatus(after),
  });
  return accept({ ...after, history: [...d.history, event] }, event);
}

function tooMany(d: CargoDisposition, quantity: number): Refusal | undefined {
  const left = remaining(d);
  return quantity > left
    ? refuse("disposition.quantity_exceeds", `${quantity} pieces of ${d.cargo} but only ${left} are unaccounted for`, {
        remaining: left,
      })
    : undefined;
}

const fields = (d: CargoDisposition): Omit<CargoDisposition, "version" | "history"> => ({
  cargo: d.cargo,
  owner: d.owner,
  site: d.site,
  description: d.description,
  quantity: d.quantity,
  intended: d.intended,
  withdrawn: d.withdrawn,
  handedOver: d.handedOver,
  disposed: d.disposed,
});

/** Opens the record of one cargo line (a planner of the owning party). */
export function openDisposition(cmd: OpenDispositionCommand & { readonly owner: PartyCode }, ctx: Context): Transition<CargoDisposition> {
  const denied = guard(cmd, "create", ctx);
  if (denied) return denied;
  const event = makeEvent(ctx, "disposition.opened", "cargo_disposition", cmd.cargo, 1, {
    owner: cmd.owner,
    site: cmd.site,
    quantity: cmd.quantity,
    intended: cmd.intended,
    remaining: cmd.quantity,
    status: "open",
  });
  return accept(
    {
      cargo: cmd.cargo,
      owner: cmd.owner,
      site: cmd.site,
      description: cmd.description,
      quantity: cmd.quantity,
      intended: cmd.intended,
      withdrawn: [],
      handedOver: [],
      disposed: [],
      version: 1,
      history: [event],
    },
    event,
  );
}

/**
 * One open disposition per cargo line of the scenario, with the line's intended disposition.
 *
 * @example
 * dispositionsFromCargo(scenario.cargo, us, ctx).flatMap((r) => (r.ok ? [r.next] : []));
 */
export function dispositionsFromCargo(
  cargo: readonly CargoItem[],
  owner: PartyCode,
  ctx: Context,
): Transition<CargoDisposition>[] {
  return cargo.map((c) =>
    openDisposition(
      { cargo: c.id, site: c.site, description: c.description, quantity: c.quantity, intended: c.disposition, owner },
      ctx,
    ),
  );
}

/** Records pieces that left the country on a departed movement whose manifest carries them. */
export function recordWithdrawal(
  d: CargoDisposition,
  cmd: RecordWithdrawalCommand,
  ctx: Context & { readonly movement?: Movement | undefined },
): Transition<CargoDisposition> {
  const denied = guard(d, "record_withdrawal", ctx);
  if (denied) return denied;
  const m = ctx.movement;
  if (!m || m.id !== cmd.movement) return refuse("disposition.unknown_movement", `movement ${cmd.movement} is not known`);
  if (m.status !== "departed" && m.status !== "arrived")
    return refuse("disposition.movement_not_departed", `movement ${m.id} is ${m.status}, not departed`);
  const loaded = m.manifest.items.filter((i) => i.cargo === d.cargo).reduce((n, i) => n + i.quantity, 0);
  const already = sum(d.withdrawn.filter((w) => w.movement === m.id));
  if (cmd.quantity > loaded - already)
    return refuse(
      "disposition.not_on_manifest",
      `${m.id}'s manifest carries ${loaded} pieces of ${d.cargo}, ${already} already recorded`,
      { onManifest: loaded, recorded: already },
    );
  const over = tooMany(d, cmd.quantity);
  if (over) return over;
  return step(d, ctx, "disposition.withdrawn", { movement: m.id, quantity: cmd.quantity }, {
    ...fields(d),
    withdrawn: [...d.withdrawn, { movement: m.id, quantity: cmd.quantity }],
  });
}

/** Records pieces disposed of in place. */
export function recordDisposal(d: CargoDisposition, cmd: RecordDisposalCommand, ctx: Context): Transition<CargoDisposition> {
  const denied = guard(d, "record_disposal", ctx);
  if (denied) return denied;
  const over = tooMany(d, cmd.quantity);
  if (over) return over;
  return step(
    d,
    ctx,
    "disposition.disposed",
    { quantity: cmd.quantity, method: cmd.method, ...maybe("note", cmd.note) },
    { ...fields(d), disposed: [...d.disposed, { quantity: cmd.quantity, method: cmd.method }] },
  );
}

/** Records the pieces a final (both-signed) handover list gives to the host. */
export function recordHandover(
  d: CargoDisposition,
  cmd: RecordHandoverCommand,
  ctx: Context & { readonly list?: HandoverList | undefined },
): Transition<CargoDisposition> {
  const denied = guard(d, "record_handover", ctx);
  if (denied) return denied;
  const list = ctx.list;
  if (!list || list.id !== cmd.list) return refuse("disposition.unknown_list", `handover list ${cmd.list} is not known`);
  if (list.status !== "final")
    return refuse("disposition.handover_not_final", `handover list ${list.id} is ${list.status}: both parties must sign it first`);
  if (list.owner !== d.owner) return refuse("disposition.not_on_list", `handover list ${list.id} is not ${d.owner}'s`);
  const line = list.lines.find((l) => l.cargo === d.cargo);
  if (!line) return refuse("disposition.not_on_list", `handover list ${list.id} has no line for ${d.cargo}`);
  if (d.handedOver.some((h) => h.list === list.id))
    return refuse("disposition.handover_already_recorded", `handover list ${list.id} is already recorded for ${d.cargo}`);
  const over = tooMany(d, line.quantity);
  if (over) return over;
  return step(d, ctx, "disposition.handed_over", { list: list.id, quantity: line.quantity, listDigest: list.digest }, {
    ...fields(d),
    handedOver: [...d.handedOver, { list: list.id, quantity: line.quantity }],
  });
}

/** What is wrong with a disposition's state (empty when nothing). */
export function dispositionInvariantViolations(d: CargoDisposition): string[] {
  const out: string[] = [];
  if (d.version !== d.history.length) out.push(`version ${d.version} ≠ history length ${d.history.length}`);
  if (remaining(d) < 0) out.push(`more pieces accounted for than the line holds (${remaining(d)})`);
  if (new Set(d.handedOver.map((h) => h.list)).size !== d.handedOver.length) out.push("a handover list counted twice");
  return out;
}
