/**
 * Person records and presence: register, correct, and record entries, transfers and exits.
 * Each entry, transfer or exit takes the person's next presence version (UNIQUE per person), so
 * two concurrent records for one person give one success and one 409.
 */
import type { Actor } from "#workflow/actor.ts";
import { asPersonId, asPersonnelEventId, type PartyCode } from "#workflow/ids.ts";
import type { Movement } from "#workflow/movement.ts";
import {
  type EntryCommand,
  erasePerson,
  type ExitCommand,
  type Person,
  type PersonnelEvent,
  type Presence,
  type PresenceTransition,
  type RegisterPersonCommand,
  recordEntry,
  recordExit,
  recordTransfer,
  registerPerson,
  type TransferCommand,
  type UpdatePersonCommand,
  updatePerson,
} from "#workflow/personnel.ts";
import { accepted, runCommand, type UnitOfWork } from "../command.ts";
import type { ServerDeps } from "../deps.ts";
import { fromDomainError } from "../http-error.ts";
import { checkVersion, insertPersonnelRecord, insertPersonState, loadMovement, loadPerson, loadPresence, savePerson } from "../persistence.ts";
import { stepObject } from "./object-step.ts";

/**
 * Registers a person of the departing party.
 *
 * @example
 * await registerPersonRecord(deps, { actor, command: { personal: { name, nationality, documentNumber, unit } } });
 */
export async function registerPersonRecord(
  deps: ServerDeps,
  props: { readonly actor: Actor; readonly command: RegisterPersonCommand; readonly owner?: PartyCode },
): Promise<Person> {
  return runCommand(deps, props.actor, async (uow) => {
    const person = accepted(
      uow,
      registerPerson({ ...props.command, id: asPersonId(deps.ids("P")), owner: props.owner ?? deps.parties.departing }, uow.ctx),
    );
    await insertPersonState(uow.trx, person, uow.now);
    return person;
  });
}

/** Corrects a person's record. */
export function updatePersonRecord(
  deps: ServerDeps,
  props: { readonly actor: Actor; readonly id: string; readonly expectedVersion: number; readonly command: UpdatePersonCommand },
): Promise<Person> {
  return stepObject(deps, props.actor, {
    load: (uow) => loadPerson(uow.trx, props.id),
    expectedVersion: props.expectedVersion,
    transition: (p, uow) => updatePerson(p, props.command, uow.ctx),
    save: (uow, prev, next) => savePerson(uow.trx, prev.version, next),
  });
}

/**
 * Erases a person's personal data (refused while they are in the country); the record, their
 * presence records and the ledger stay.
 *
 * @example
 * await erasePersonRecord(deps, { actor, id: "P-1", expectedVersion: 2 });
 */
export function erasePersonRecord(
  deps: ServerDeps,
  props: { readonly actor: Actor; readonly id: string; readonly expectedVersion: number },
): Promise<Person> {
  let presence: Presence | undefined;
  return stepObject(deps, props.actor, {
    load: async (uow) => {
      const p = await loadPerson(uow.trx, props.id);
      presence = await loadPresence(uow.trx, p);
      return p;
    },
    expectedVersion: props.expectedVersion,
    transition: (p, uow) => erasePerson(p, presence ?? { status: "not_entered" }, uow.ctx),
    save: (uow, prev, next) => savePerson(uow.trx, prev.version, next),
  });
}

/** The three presence records. */
export type PresenceCommand =
  | { readonly kind: "entry"; readonly command: EntryCommand }
  | { readonly kind: "exit"; readonly command: ExitCommand }
  | { readonly kind: "transfer"; readonly command: TransferCommand };

async function movementOf(uow: UnitOfWork, id: string | undefined): Promise<Movement | undefined> {
  return id === undefined ? undefined : loadMovement(uow.trx, id).catch(() => undefined);
}

/**
 * Records an entry, transfer or exit of a person; `expectedVersion` is the presence version read
 * (the number of records the client saw).
 *
 * @example
 * await recordPresence(deps, { actor, person: "P-1", expectedVersion: 0, record: { kind: "entry", command: { site: "NIAMEY" } } });
 */
export async function recordPresence(
  deps: ServerDeps,
  props: { readonly actor: Actor; readonly person: string; readonly expectedVersion: number; readonly record: PresenceCommand },
): Promise<{ presence: Presence; record: PersonnelEvent }> {
  return runCommand(deps, props.actor, async (uow) => {
    const person = await loadPerson(uow.trx, props.person);
    const presence = await loadPresence(uow.trx, person);
    checkVersion(presence.version, props.expectedVersion);
    const id = asPersonnelEventId(deps.ids("PE"));
    const rec = props.record;
    let r: PresenceTransition;
    if (rec.kind === "entry") r = recordEntry(presence, { ...rec.command, id }, { ...uow.ctx, movement: await movementOf(uow, rec.command.movement) });
    else if (rec.kind === "exit") r = recordExit(presence, { ...rec.command, id }, { ...uow.ctx, movement: await movementOf(uow, rec.command.movement) });
    else r = recordTransfer(presence, { ...rec.command, id }, uow.ctx);
    if (!r.ok) throw fromDomainError(r.error);
    uow.record(r.event);
    await insertPersonnelRecord(uow.trx, r.record, r.next.version, uow.now);
    return { presence: r.next, record: r.record };
  });
}
