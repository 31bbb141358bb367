/**
 * Handover lists: the departing party drafts the list of what it leaves to the host; each
 * party's commission member signs the same digest; the second signature makes it final.
 */
import type { Actor } from "#workflow/actor.ts";
import {
  type CreateHandoverListCommand,
  cancelHandoverList,
  createHandoverList,
  type HandoverLine,
  type HandoverList,
  type SignHandoverListCommand,
  signHandoverList,
  updateHandoverList,
} from "#workflow/handover-list.ts";
import type { HandoverListId } from "#workflow/ids.ts";
import type { Transition } from "#workflow/transition.ts";
import { accepted, runCommand, type UnitOfWork } from "../command.ts";
import type { ServerDeps } from "../deps.ts";
import { insertHandoverListState, loadHandoverList, saveHandoverList } from "../persistence.ts";
import { stepObject } from "./object-step.ts";

/** Drafts a handover list of the departing party. */
export async function createHandoverListRecord(
  deps: ServerDeps,
  props: { readonly actor: Actor; readonly command: CreateHandoverListCommand },
): Promise<HandoverList> {
  return runCommand(deps, props.actor, async (uow) => {
    const list = accepted(
      uow,
      createHandoverList({ ...props.command, id: deps.ids("HL") as HandoverListId, owner: deps.parties.departing }, uow.ctx),
    );
    await insertHandoverListState(uow.trx, list, uow.now);
    return list;
  });
}

/** Who changes which list, from which version. */
export interface HandoverProps {
  readonly actor: Actor;
  readonly id: string;
  readonly expectedVersion: number;
}

function step(
  deps: ServerDeps,
  props: HandoverProps,
  transition: (l: HandoverList, uow: UnitOfWork) => Transition<HandoverList>,
): Promise<HandoverList> {
  return stepObject(deps, props.actor, {
    load: (uow) => loadHandoverList(uow.trx, props.id),
    expectedVersion: props.expectedVersion,
    transition,
    save: (uow, prev, next) => saveHandoverList(uow.trx, prev, next, uow.now),
  });
}

/** Replaces the lines of an unsigned list. */
export const updateHandoverListLines = (deps: ServerDeps, props: HandoverProps & { readonly lines: readonly HandoverLine[] }) =>
  step(deps, props, (l, uow) => updateHandoverList(l, { lines: props.lines }, uow.ctx));

/** Signs the list for the caller's party. */
export const signHandoverListRecord = (deps: ServerDeps, props: HandoverProps & { readonly command: SignHandoverListCommand }) =>
  step(deps, props, (l, uow) => signHandoverList(l, props.command, uow.ctx));

/** Withdraws a list that is not final. */
export const cancelHandoverListRecord = (deps: ServerDeps, props: HandoverProps & { readonly reason: string }) =>
  step(deps, props, (l, uow) => cancelHandoverList(l, { reason: props.reason }, uow.ctx));
