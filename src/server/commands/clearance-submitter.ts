/**
 * Submits clearance requests in bulk: one transaction, each request succeeding or failing on its
 * own (a late or incomplete one does not hold back the others), in the order given.
 */
import type { Actor } from "#workflow/actor.ts";
import { type ClearanceRequest, submit } from "#workflow/clearance-request.ts";
import { runCommand } from "../command.ts";
import type { ServerDeps } from "../deps.ts";
import { fromDomainError, HttpError, notFound, versionConflict } from "../http-error.ts";
import { loadClearance, saveClearance } from "../persistence.ts";

/** One request to submit, at the version the client read. */
export interface SubmitItem {
  readonly id: string;
  readonly version: number;
}

/** What happened to one request. */
export type SubmitOutcome =
  | { readonly id: string; readonly ok: true; readonly request: ClearanceRequest }
  | { readonly id: string; readonly ok: false; readonly status: number; readonly code: string; readonly detail: string };

/**
 * Submits each request; returns one outcome per item.
 *
 * @example
 * const outcomes = await submitClearances(deps, { actor, items: [{ id: "CR-1", version: 1 }] });
 */
export async function submitClearances(
  deps: ServerDeps,
  props: { readonly actor: Actor; readonly items: readonly SubmitItem[] },
): Promise<SubmitOutcome[]> {
  return runCommand(deps, props.actor, async (uow) => {
    const outcomes: SubmitOutcome[] = [];
    const rules = deps.scenario.resolved.scenario.clearanceRules;
    for (const item of props.items) {
      try {
        const r = await loadClearance(uow.trx, item.id).catch(() => {
          throw notFound("clearance_request", item.id);
        });
        if (r.version !== item.version) throw versionConflict(r.version);
        const result = submit(r, {}, { ...uow.ctx, rules });
        if (!result.ok) throw fromDomainError(result.error);
        await saveClearance(uow.trx, r.version, result.next, uow.now);
        uow.record(result.event);
        outcomes.push({ id: item.id, ok: true, request: result.next });
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        outcomes.push({ id: item.id, ok: false, status: error.status, code: error.code, detail: error.detail ?? error.title });
      }
    }
    return outcomes;
  });
}
