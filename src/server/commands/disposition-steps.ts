/**
 * Cargo dispositions: open one line or every line of the scenario, then record pieces withdrawn
 * (on a departed movement's manifest), disposed of, or handed over (on a final handover list).
 */
import { listDispositions } from "#store/dispositions.repository.ts";
import type { Actor } from "#workflow/actor.ts";
import {
  type CargoDisposition,
  dispositionsFromCargo,
  type OpenDispositionCommand,
  openDisposition,
  type RecordDisposalCommand,
  type RecordHandoverCommand,
  type RecordWithdrawalCommand,
  recordDisposal,
  recordHandover,
  recordWithdrawal,
} from "#workflow/disposition.ts";
import type { Transition } from "#workflow/transition.ts";
import { accepted, runCommand, type UnitOfWork } from "../command.ts";
import type { ServerDeps } from "../deps.ts";
import { insertDispositionStates, loadDisposition, loadHandoverList, loadMovement, saveDisposition } from "../persistence.ts";
import { stepObject } from "./object-step.ts";

/** Opens the disposition of one cargo line of the departing party. */
export async function openCargoDisposition(
  deps: ServerDeps,
  props: { readonly actor: Actor; readonly command: OpenDispositionCommand },
): Promise<CargoDisposition> {
  return runCommand(deps, props.actor, async (uow) => {
    const d = accepted(uow, openDisposition({ ...props.command, owner: deps.parties.departing }, uow.ctx));
    await insertDispositionStates(uow.trx, [d], uow.now);
    return d;
  });
}

/** Opens a disposition for every cargo line of the scenario that has none yet. */
export async function openDispositionsFromScenario(deps: ServerDeps, props: { readonly actor: Actor }): Promise<CargoDisposition[]> {
  return runCommand(deps, props.actor, async (uow) => {
    const open = new Set((await listDispositions(uow.trx)).map((d) => d.id));
    const cargo = deps.scenario.resolved.scenario.cargo.filter((c) => !open.has(c.id));
    const opened = dispositionsFromCargo(cargo, deps.parties.departing, uow.ctx).map((r) => accepted(uow, r));
    await insertDispositionStates(uow.trx, opened, uow.now);
    return opened;
  });
}

/** Who records what on which line, from which version. */
export interface DispositionProps {
  readonly actor: Actor;
  readonly cargo: string;
  readonly expectedVersion: number;
}

function step(
  deps: ServerDeps,
  props: DispositionProps,
  prepare: (uow: UnitOfWork) => Promise<(d: CargoDisposition, uow: UnitOfWork) => Transition<CargoDisposition>>,
): Promise<CargoDisposition> {
  let transition: (d: CargoDisposition, uow: UnitOfWork) => Transition<CargoDisposition> = () => {
    throw new Error("unreachable");
  };
  return stepObject(deps, props.actor, {
    load: async (uow) => {
      transition = await prepare(uow);
      return loadDisposition(uow.trx, props.cargo);
    },
    expectedVersion: props.expectedVersion,
    transition: (d, uow) => transition(d, uow),
    save: (uow, prev, next) => saveDisposition(uow.trx, prev.version, next, uow.now),
  });
}

/** Records pieces that left on a departed movement. */
export const recordCargoWithdrawal = (deps: ServerDeps, props: DispositionProps & { readonly command: RecordWithdrawalCommand }) =>
  step(deps, props, async (uow) => {
    const movement = await loadMovement(uow.trx, props.command.movement).catch(() => undefined);
    return (d, u) => recordWithdrawal(d, props.command, { ...u.ctx, movement });
  });

/** Records pieces disposed of in place. */
export const recordCargoDisposal = (deps: ServerDeps, props: DispositionProps & { readonly command: RecordDisposalCommand }) =>
  step(deps, props, async () => (d, u) => recordDisposal(d, props.command, u.ctx));

/** Records the pieces a final handover list gives the host. */
export const recordCargoHandover = (deps: ServerDeps, props: DispositionProps & { readonly command: RecordHandoverCommand }) =>
  step(deps, props, async (uow) => {
    const list = await loadHandoverList(uow.trx, props.command.list).catch(() => undefined);
    return (d, u) => recordHandover(d, props.command, { ...u.ctx, list });
  });
