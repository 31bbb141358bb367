import { z } from "zod";
import { toHex, utf8 } from "#ledger/bytes.ts";
import { canonicalJson } from "#ledger/canonical-json.ts";
import { sha256 } from "#ledger/hash.ts";
import type { Plan, PlanSummary } from "#domain/plan.ts";
import { type Instant, parseInstant } from "#domain/time.ts";
import type { Context } from "./actor.ts";
import { makeEvent, maybe, type WorkflowEvent } from "./event.ts";
import type { MovementId, PartyCode, PlanVersionId, UserId } from "./ids.ts";
import { type Movement, planMovements } from "./movement.ts";
import type { PersonnelEvent } from "./personnel.ts";
import { authorize } from "./policy.ts";
import { accept, refusal, refuse, type Transition } from "./transition.ts";

/**
 * Published plans. Publishing makes a plan the baseline (numbered 1, 2, …); the previous baseline
 * becomes superseded, so there is exactly one baseline at a time. The plan itself is identified by
 * its digest (SHA-256 of its canonical JSON), which the ledger records.
 */

/** Body of "publish": the plan (validated by the domain's plan schema) and a note. */
export const publishPlanCommandSchema = z.strictObject({ note: z.string().trim().max(2000).optional() });
/** Parsed body of "publish". */
export type PublishPlanCommand = z.output<typeof publishPlanCommandSchema>;

/** One published version (the plan body is stored beside it, by digest). */
export interface PlanVersion {
  readonly id: PlanVersionId;
  readonly number: number;
  readonly owner: PartyCode;
  readonly scenario: string;
  readonly digest: string;
  readonly publishedAt: Instant;
  readonly publishedBy: UserId;
  readonly status: "baseline" | "superseded";
  readonly note?: string | undefined;
  readonly summary: PlanSummary;
}

/** All versions of one scenario's plan, owned by the party that plans (the departing party). */
export interface PlanRegister {
  readonly owner: PartyCode;
  readonly versions: readonly PlanVersion[];
  /** Number of publications: the optimistic-lock value. */
  readonly version: number;
  readonly history: readonly WorkflowEvent[];
}

/** An empty register for the planning party. */
export function emptyRegister(owner: PartyCode): PlanRegister {
  return { owner, versions: [], version: 0, history: [] };
}

/** The current baseline, if any plan was published. */
export function baseline(register: PlanRegister): PlanVersion | undefined {
  return register.versions.find((v) => v.status === "baseline");
}

/**
 * SHA-256 (hex) of the plan's canonical JSON, or undefined when the plan is not plain JSON.
 *
 * @example
 * planDigest(plan); // "3b1f…"
 */
export function planDigest(plan: Plan): string | undefined {
  const text = canonicalJson(plan);
  return text.ok ? toHex(sha256(utf8(text.value))) : undefined;
}

/**
 * Publishes a plan as the new baseline (a planner or commission member of the departing party).
 *
 * @example
 * const r = publishPlan(register, { id: asPlanVersionId(ids()), plan }, ctx);
 * if (r.ok) store.savePlanVersion(r.next.versions.at(-1), plan, r.event);
 */
export function publishPlan(
  register: PlanRegister,
  cmd: PublishPlanCommand & { readonly id: PlanVersionId; readonly plan: Plan },
  ctx: Context,
): Transition<PlanRegister> {
  const denied = authorize(ctx.actor, "publish", { type: "plan_version", owner: register.owner });
  if (denied) return refusal(denied);
  const digest = planDigest(cmd.plan);
  if (digest === undefined) return refuse("plan.not_json", "the plan holds values that are not plain JSON");
  const first = register.versions[0];
  if (first && first.scenario !== cmd.plan.scenario)
    return refuse("plan.scenario_mismatch", `this register holds plans of ${first.scenario}, not ${cmd.plan.scenario}`);
  const current = baseline(register);
  if (current?.digest === digest)
    return refuse("plan.unchanged", `this plan is already the baseline (version ${current.number})`);
  const number = (register.versions.at(-1)?.number ?? 0) + 1;
  const published: PlanVersion = {
    id: cmd.id,
    number,
    owner: register.owner,
    scenario: cmd.plan.scenario,
    digest,
    publishedAt: ctx.now,
    publishedBy: ctx.actor.id,
    status: "baseline",
    ...(cmd.note === undefined ? {} : { note: cmd.note }),
    summary: cmd.plan.summary,
  };
  const s = cmd.plan.summary;
  const version = register.version + 1;
  const event = makeEvent(ctx, "plan.published", "plan_version", cmd.id, version, {
    number,
    scenario: cmd.plan.scenario,
    digest,
    planner: { name: cmd.plan.planner.name, version: cmd.plan.planner.version, seed: cmd.plan.planner.seed },
    summary: {
      closureAt: s.closureAt,
      deadline: s.deadline,
      meetsDeadline: s.meetsDeadline,
      sorties: s.sorties,
      convoys: s.convoys,
      commercialSeats: s.commercialSeats,
      clearanceRequests: s.clearanceRequests,
      personnel: s.personnel,
      cargoPieces: s.cargoPieces,
    },
    complete: cmd.plan.unplanned.length === 0,
    ...maybe("supersedes", current?.number),
    ...maybe("note", cmd.note),
  });
  return accept(
    {
      owner: register.owner,
      versions: [
        ...register.versions.map((v): PlanVersion => (v.status === "baseline" ? { ...v, status: "superseded" } : v)),
        published,
      ],
      version,
      history: [...register.history, event],
    },
    event,
  );
}

// --- comparison with actuals ---------------------------------------------------------------------

/** Planned against actual at one instant. */
export interface BaselineComparison {
  readonly at: Instant;
  readonly movements: {
    /** Movements in the plan. */
    readonly planned: number;
    /** Planned to have departed by `at`. */
    readonly due: number;
    readonly departed: number;
    readonly arrived: number;
    readonly cancelled: number;
    /** Due by `at` but not departed (plan ids). */
    readonly overdue: readonly string[];
    /** Departed later than planned. */
    readonly late: readonly {
      readonly planRef: string;
      readonly movement: MovementId;
      readonly plannedAt: Instant;
      readonly departedAt: Instant;
      readonly delayMinutes: number;
    }[];
    /** Movements not in the baseline. */
    readonly unplanned: readonly MovementId[];
  };
  readonly people: {
    /** People the plan takes out of the country by `at`. */
    readonly plannedOut: number;
    /** People recorded as out of the country at `at`. */
    readonly actualOut: number;
  };
}

const instantOf = (s: string): Instant => {
  const t = parseInstant(s);
  if (t === undefined) throw new RangeError(`not an ISO instant in the plan: ${s}`);
  return t;
};

/** People the plan takes out of the host country by `at` (boarding inside, leaving to outside). */
export function plannedOutBy(plan: Plan, at: Instant, inHostCountry: (site: string) => boolean): number {
  const count = (ps: readonly { count: number }[] | undefined) => (ps ?? []).reduce((n, p) => n + p.count, 0);
  let out = 0;
  for (const s of plan.sorties)
    for (const l of s.legs)
      if (instantOf(l.departAt) <= at && inHostCountry(l.from) && !inHostCountry(l.to)) out += count(l.load?.passengers);
  for (const c of plan.convoys)
    if (instantOf(c.departAt) <= at && inHostCountry(c.from) && !inHostCountry(c.to)) out += count(c.load.passengers);
  for (const c of plan.commercial) if (instantOf(c.departAt) <= at && inHostCountry(c.airport)) out += count(c.passengers);
  return out;
}

/**
 * Compares the movements and people actually out with the baseline plan at `at`. Movements are
 * matched to the plan by `details.planRef`.
 *
 * @example
 * compareWithBaseline(plan, movements, personnelEvents, now, (site) => sites.get(site)?.inHostCountry ?? false);
 */
export function compareWithBaseline(
  plan: Plan,
  movements: readonly Movement[],
  personnelEvents: readonly PersonnelEvent[],
  at: Instant,
  inHostCountry: (site: string) => boolean,
): BaselineComparison {
  const planned = planMovements(plan);
  const refs = new Set(planned.map((p) => p.planRef));
  const byRef = new Map<string, Movement>();
  for (const m of movements) if (m.details.planRef !== undefined) byRef.set(m.details.planRef, m);
  const departedBy = (m: Movement | undefined) =>
    m !== undefined && (m.status === "departed" || m.status === "arrived") && m.departedAt <= at;

  const due = planned.filter((p) => p.departAt <= at);
  const overdue = due.flatMap((p) => (p.planRef !== undefined && !departedBy(byRef.get(p.planRef)) ? [p.planRef] : []));
  const late = planned.flatMap((p) => {
    const m = p.planRef === undefined ? undefined : byRef.get(p.planRef);
    if (!m || p.planRef === undefined || !departedBy(m) || (m.status !== "departed" && m.status !== "arrived")) return [];
    const delayMinutes = m.departedAt - p.departAt;
    return delayMinutes > 0 ? [{ planRef: p.planRef, movement: m.id, plannedAt: p.departAt, departedAt: m.departedAt, delayMinutes }] : [];
  });

  // People out at `at`: the last event of each person up to `at` is an exit.
  const last = new Map<string, PersonnelEvent>();
  for (const e of [...personnelEvents].sort((a, b) => a.at - b.at)) if (e.at <= at) last.set(e.person, e);
  const actualOut = [...last.values()].filter((e) => e.kind === "exit").length;

  return {
    at,
    movements: {
      planned: planned.length,
      due: due.length,
      departed: movements.filter(departedBy).length,
      arrived: movements.filter((m) => m.status === "arrived" && m.arrivedAt <= at).length,
      cancelled: movements.filter((m) => m.status === "cancelled").length,
      overdue,
      late,
      unplanned: movements.filter((m) => m.details.planRef === undefined || !refs.has(m.details.planRef)).map((m) => m.id),
    },
    people: { plannedOut: plannedOutBy(plan, at, inHostCountry), actualOut },
  };
}

