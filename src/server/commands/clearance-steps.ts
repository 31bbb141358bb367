/**
 * The one-step clearance commands: update a draft, submit, deny, amend, accept an amendment,
 * resubmit, cancel. Each is its own exported function named for what it does; approval, which
 * also clears movements, is in `clearance-approver.ts`.
 */
import {
  type AmendCommand,
  acceptAmendment,
  amend,
  type CancelCommand,
  type ClearanceChanges,
  type ClearanceRequest,
  cancel,
  type DenyCommand,
  deny,
  type ResubmitCommand,
  resubmit,
  submit,
  updateDraft,
} from "#workflow/clearance-request.ts";
import type { Actor } from "#workflow/actor.ts";
import type { Transition } from "#workflow/transition.ts";
import type { UnitOfWork } from "../command.ts";
import type { ServerDeps } from "../deps.ts";
import { loadClearance, saveClearance } from "../persistence.ts";
import { stepObject } from "./object-step.ts";

/** Who changes which request, from which version. */
export interface ClearanceProps {
  readonly actor: Actor;
  readonly id: string;
  /** The version the client read (If-Match). */
  readonly expectedVersion: number;
}

function step(
  deps: ServerDeps,
  props: ClearanceProps,
  transition: (r: ClearanceRequest, uow: UnitOfWork) => Transition<ClearanceRequest>,
): Promise<ClearanceRequest> {
  return stepObject(deps, props.actor, {
    load: (uow) => loadClearance(uow.trx, props.id),
    expectedVersion: props.expectedVersion,
    transition,
    save: (uow, prev, next) => saveClearance(uow.trx, prev.version, next, uow.now),
  });
}

const rules = (deps: ServerDeps) => deps.scenario.resolved.scenario.clearanceRules;

/** Changes a draft's details. */
export const updateClearanceDraft = (deps: ServerDeps, props: ClearanceProps & { readonly changes: ClearanceChanges }) =>
  step(deps, props, (r, uow) => updateDraft(r, props.changes, uow.ctx));

/** Files a draft with the host (completeness and lead time checked). */
export const submitClearance = (deps: ServerDeps, props: ClearanceProps) =>
  step(deps, props, (r, uow) => submit(r, {}, { ...uow.ctx, rules: rules(deps) }));

/** The host refuses a request. */
export const denyClearance = (deps: ServerDeps, props: ClearanceProps & { readonly command: DenyCommand }) =>
  step(deps, props, (r, uow) => deny(r, props.command, uow.ctx));

/** The host proposes changes. */
export const amendClearance = (deps: ServerDeps, props: ClearanceProps & { readonly command: AmendCommand }) =>
  step(deps, props, (r, uow) => amend(r, props.command, uow.ctx));

/** The requester accepts the host's amendment. */
export const acceptClearanceAmendment = (deps: ServerDeps, props: ClearanceProps) =>
  step(deps, props, (r, uow) => acceptAmendment(r, {}, uow.ctx));

/** The requester answers an amendment with its own version. */
export const resubmitClearance = (deps: ServerDeps, props: ClearanceProps & { readonly command: ResubmitCommand }) =>
  step(deps, props, (r, uow) => resubmit(r, props.command, { ...uow.ctx, rules: rules(deps) }));

/** The requester withdraws a request. */
export const cancelClearance = (deps: ServerDeps, props: ClearanceProps & { readonly command: CancelCommand }) =>
  step(deps, props, (r, uow) => cancel(r, props.command, uow.ctx));
