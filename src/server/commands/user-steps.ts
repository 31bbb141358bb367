/**
 * User accounts: an administrator creates and changes the accounts of their own party. Sessions
 * read the user on every request, so a role change applies to the next request; disabling an
 * account or setting a new password also ends its sessions.
 */
import { deleteSessionsOfUser } from "#store/sessions.repository.ts";
import type { User } from "#store/schema.ts";
import { findUserById, findUserByUsername, insertUser, updateUser } from "#store/users.repository.ts";
import { inTransaction } from "#store/transaction.ts";
import type { Role } from "#workflow/actor.ts";
import type { ServerDeps } from "../deps.ts";
import { HttpError, notFound, versionConflict } from "../http-error.ts";

/** A new account. */
export interface NewAccount {
  readonly party: string;
  readonly username: string;
  readonly password: string;
  readonly roles: readonly Role[];
}

/** Usernames are compared in lower case. */
export const normaliseUsername = (u: string) => u.trim().toLowerCase();

/**
 * Creates an account (409 when the username is taken).
 *
 * @example
 * await createUserAccount(deps, { party: "NE", username: "amina", password, roles: ["clearance_officer"] });
 */
export async function createUserAccount(deps: Pick<ServerDeps, "db" | "hasher" | "clock" | "ids">, account: NewAccount): Promise<User> {
  const username = normaliseUsername(account.username);
  const password_hash = await deps.hasher.hash(account.password);
  const id = deps.ids("U");
  return inTransaction(deps.db, async (trx) => {
    if ((await findUserByUsername(trx, username)) !== undefined)
      throw new HttpError(409, "user.username_taken", "Username taken", `${username} is taken`);
    await insertUser(trx, {
      id,
      party: account.party,
      username,
      password_hash,
      roles: JSON.stringify([...new Set(account.roles)]),
      created_at: deps.clock.now().toISOString(),
    });
    return (await findUserById(trx, id)) as User;
  });
}

/** Changes to an account. */
export interface AccountChanges {
  readonly roles?: readonly Role[] | undefined;
  readonly disabled?: boolean | undefined;
  readonly password?: string | undefined;
}

/**
 * Changes an account at the version read; ends its sessions when disabled or given a new password.
 *
 * @example
 * await updateUserAccount(deps, user.id, user.version, { disabled: true });
 */
export async function updateUserAccount(
  deps: Pick<ServerDeps, "db" | "hasher">,
  id: string,
  expectedVersion: number,
  changes: AccountChanges,
): Promise<User> {
  const password_hash = changes.password === undefined ? undefined : await deps.hasher.hash(changes.password);
  return inTransaction(deps.db, async (trx) => {
    const user = await findUserById(trx, id);
    if (user === undefined) throw notFound("user", id);
    if (user.version !== expectedVersion) throw versionConflict(user.version);
    const ok = await updateUser(trx, id, expectedVersion, {
      ...(changes.roles === undefined ? {} : { roles: JSON.stringify([...new Set(changes.roles)]) }),
      ...(changes.disabled === undefined ? {} : { disabled: changes.disabled ? 1 : 0 }),
      ...(password_hash === undefined ? {} : { password_hash }),
    });
    if (!ok) throw versionConflict((await findUserById(trx, id))?.version ?? expectedVersion);
    // Roles are read on every request, so a role change needs no logout; a disabled account or a
    // new password ends every session at once.
    if (changes.disabled === true || password_hash !== undefined) await deleteSessionsOfUser(trx, id);
    return (await findUserById(trx, id)) as User;
  });
}
