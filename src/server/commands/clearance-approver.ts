/**
 * The host approves a clearance request (clearance number and validity window). In the same
 * transaction, every scheduled movement whose clearances are now all approved is marked cleared
 * by the server as a system actor: the approval and its consequence are one ledger batch.
 */
import type { Actor } from "#workflow/actor.ts";
import { type ApproveCommand, approve, type ClearanceRequest } from "#workflow/clearance-request.ts";
import type { Movement } from "#workflow/movement.ts";
import type { ServerDeps } from "../deps.ts";
import { loadClearance, saveClearance } from "../persistence.ts";
import { autoClearAfterApproval } from "./movement-clearer.ts";
import { stepObject } from "./object-step.ts";

/** Props of an approval. */
export interface ApproveClearanceProps {
  readonly actor: Actor;
  readonly id: string;
  readonly expectedVersion: number;
  readonly command: ApproveCommand;
}

/** The approved request and the movements it cleared. */
export interface ApproveClearanceResult {
  readonly request: ClearanceRequest;
  readonly cleared: readonly Movement[];
}

/**
 * Approves a request.
 *
 * @example
 * const { request, cleared } = await approveClearance(deps, { actor, id, expectedVersion: 2, command });
 */
export async function approveClearance(deps: ServerDeps, props: ApproveClearanceProps): Promise<ApproveClearanceResult> {
  let cleared: Movement[] = [];
  const request = await stepObject(deps, props.actor, {
    load: (uow) => loadClearance(uow.trx, props.id),
    expectedVersion: props.expectedVersion,
    transition: (r, uow) => approve(r, props.command, uow.ctx),
    save: (uow, prev, next) => saveClearance(uow.trx, prev.version, next, uow.now),
    after: async (uow, next) => {
      cleared = await autoClearAfterApproval(deps, uow, next.id);
    },
  });
  return { request, cleared };
}
