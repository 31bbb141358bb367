/**
 * One-step movement commands: schedule (then clear at once if every clearance is already
 * approved), record the manifest, arrive, cancel. Departure, which touches clearances and
 * persons too, is in `movement-departer.ts`.
 */
import { existingPersonIds } from "#store/persons.repository.ts";
import type { Actor } from "#workflow/actor.ts";
import {
  type ActualTimeCommand,
  arrive,
  type CancelMovementCommand,
  cancelMovement,
  type Manifest,
  type Movement,
  type MovementChanges,
  recordManifest,
  schedule,
} from "#workflow/movement.ts";
import type { Transition } from "#workflow/transition.ts";
import type { UnitOfWork } from "../command.ts";
import type { ServerDeps } from "../deps.ts";
import { HttpError } from "../http-error.ts";
import { loadMovement, saveMovement } from "../persistence.ts";
import { autoClearMovements } from "./movement-clearer.ts";
import { stepObject } from "./object-step.ts";

/** Who changes which movement, from which version. */
export interface MovementProps {
  readonly actor: Actor;
  readonly id: string;
  readonly expectedVersion: number;
}

function step(
  deps: ServerDeps,
  props: MovementProps,
  transition: (m: Movement, uow: UnitOfWork) => Transition<Movement>,
  after?: (uow: UnitOfWork, next: Movement) => Promise<void>,
): Promise<Movement> {
  return stepObject(deps, props.actor, {
    load: (uow) => loadMovement(uow.trx, props.id),
    expectedVersion: props.expectedVersion,
    transition,
    save: (uow, prev, next) => saveMovement(uow.trx, prev, next, uow.now),
    ...(after === undefined ? {} : { after }),
  });
}

/** Checks that every person on a manifest is registered (422 naming the unknown ones). */
export async function checkManifestPersons(uow: UnitOfWork, manifest: Manifest): Promise<void> {
  const known = new Set(await existingPersonIds(uow.trx, manifest.persons));
  const unknown = manifest.persons.filter((p) => !known.has(p));
  if (unknown.length > 0)
    throw new HttpError(422, "movement.unknown_person", "Unknown person on the manifest", `no person ${unknown.slice(0, 10).join(", ")}`, {
      details: { unknown },
    });
}

/** Commits a movement to the schedule; clears it at once when its clearances are all approved. */
export async function scheduleMovement(deps: ServerDeps, props: MovementProps & { readonly changes: MovementChanges }): Promise<Movement> {
  let result: Movement | undefined;
  const scheduled = await step(
    deps,
    props,
    (m, uow) => schedule(m, props.changes, uow.ctx),
    async (uow, next) => {
      result = (await autoClearMovements(deps, uow, [next.id]))[0];
    },
  );
  return result ?? scheduled;
}

/** Records who and what is on board (until departure). */
export function recordMovementManifest(deps: ServerDeps, props: MovementProps & { readonly manifest: Manifest }): Promise<Movement> {
  return stepObject(deps, props.actor, {
    load: async (uow) => {
      await checkManifestPersons(uow, props.manifest);
      return loadMovement(uow.trx, props.id);
    },
    expectedVersion: props.expectedVersion,
    transition: (m, uow) => recordManifest(m, props.manifest, uow.ctx),
    save: (uow, prev, next) => saveMovement(uow.trx, prev, next, uow.now),
  });
}

/** Records the arrival. */
export const arriveMovement = (deps: ServerDeps, props: MovementProps & { readonly command: ActualTimeCommand }) =>
  step(deps, props, (m, uow) => arrive(m, props.command, uow.ctx));

/** Cancels a movement that has not departed. */
export const cancelMovementCommand = (deps: ServerDeps, props: MovementProps & { readonly command: CancelMovementCommand }) =>
  step(deps, props, (m, uow) => cancelMovement(m, props.command, uow.ctx));
