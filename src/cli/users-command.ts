/**
 * `drawdown users add|list|disable`: accounts from the command line, on the server's database
 * (run it beside the server, or with the server stopped). A new account gets a random password
 * printed once unless one is given on standard input.
 */
import { randomBytes } from "node:crypto";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import type { DatabaseHandle } from "#store/database.ts";
import { migrateToLatest } from "#store/migrate.ts";
import { findParty } from "#store/parties.repository.ts";
import { findUserByUsername, listUsers } from "#store/users.repository.ts";
import { ROLES, type Role } from "#workflow/actor.ts";
import { createUserAccount, normaliseUsername, updateUserAccount } from "#server/commands/user-steps.ts";
import { systemClock } from "#server/clock.ts";
import { HttpError } from "#server/http-error.ts";
import { randomIds } from "#server/ids.ts";
import { argon2Hasher } from "#server/password-hasher.ts";
import { type Io, UserError } from "./io.ts";
import { openServerDatabase, type ServerEnv } from "./server-env.ts";

/** Options of `users add`. */
export interface AddUserOptions {
  readonly party: string;
  readonly role: readonly string[];
  /** The password, when not generated (read from standard input by the CLI). */
  readonly password?: string;
}

async function withStore<T>(env: ServerEnv, fn: (store: DatabaseHandle) => Promise<T>): Promise<T> {
  const store = await openServerDatabase(env);
  try {
    await migrateToLatest(store.db);
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** `drawdown users add <username> --party NE --role clearance_officer`. */
export async function usersAddCommand(io: Io, username: string, opts: AddUserOptions, env: ServerEnv = process.env): Promise<number> {
  const roles = opts.role.map((r) => r.trim());
  const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (roles.length === 0 || bad.length > 0) throw new UserError(`--role must be one of ${ROLES.join(", ")}${bad.length > 0 ? ` (got ${bad.join(", ")})` : ""}`);
  if (opts.password !== undefined && opts.password.length < 12) throw new UserError("the password needs at least 12 characters");
  return withStore(env, async (store) => {
    if ((await findParty(store.db, opts.party)) === undefined)
      throw new UserError(`no party ${opts.party}: start the server once (drawdown serve) to load the scenario and its parties`);
    const password = opts.password ?? encodeBase32LowerCaseNoPadding(randomBytes(12));
    try {
      const user = await createUserAccount(
        { db: store.db, hasher: argon2Hasher(), clock: systemClock, ids: randomIds },
        { party: opts.party, username, password, roles: roles as Role[] },
      );
      io.out(`created ${user.username} (${user.party}; ${roles.join(", ")})`);
      if (opts.password === undefined) io.out(`password (shown once): ${password}`);
      return 0;
    } catch (e) {
      if (e instanceof HttpError) throw new UserError(e.detail ?? e.title);
      throw e;
    }
  });
}

/** `drawdown users list`. */
export async function usersListCommand(io: Io, env: ServerEnv = process.env): Promise<number> {
  return withStore(env, async (store) => {
    for (const u of await listUsers(store.db)) {
      io.out(`${u.username.padEnd(20)} ${u.party.padEnd(4)} ${u.disabled === 1 ? "disabled" : "active  "} ${(JSON.parse(u.roles) as string[]).join(", ")}`);
    }
    return 0;
  });
}

/** `drawdown users disable <username>`: the account's sessions end at once. */
export async function usersDisableCommand(io: Io, username: string, env: ServerEnv = process.env): Promise<number> {
  return withStore(env, async (store) => {
    const user = await findUserByUsername(store.db, normaliseUsername(username));
    if (user === undefined) throw new UserError(`no user ${username}`);
    await updateUserAccount({ db: store.db, hasher: argon2Hasher() }, user.id, user.version, { disabled: true });
    io.out(`disabled ${user.username}; their sessions have ended`);
    return 0;
  });
}
