import { expect, it } from "vitest";
import { isUniqueViolation } from "./errors.ts";
import { findParty, insertParty, listParties } from "./parties.repository.ts";
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  extendSession,
  findSessionWithUser,
  insertSession,
} from "./sessions.repository.ts";
import { describeEngines } from "./testing/engines.ts";
import { at, buildUser, leafHashHex, seedUsers, sleep } from "./testing/factories.ts";
import { inTransaction } from "./transaction.ts";
import { findUserById, findUserByUsername, insertUser, listUsers, updateUser } from "./users.repository.ts";
import { updateWhereVersion } from "./versioned.ts";

const sessionId = (n: number) => leafHashHex(`token-${n}`);

describeEngines("users, parties and sessions", (engine) => {
  it("stores the two parties, one per role", async () => {
    const { handle } = await engine.fresh();
    await seedUsers(handle.db);
    expect((await listParties(handle.db)).map((p) => `${p.code}:${p.role}:${p.version}`)).toEqual([
      "FR:departing:1",
      "NE:host:1",
    ]);
    expect((await findParty(handle.db, "NE"))?.name).toBe("République du Niger");
    await expect(insertParty(handle.db, { code: "XX", name: "Another host", role: "host" })).rejects.toSatisfy(
      isUniqueViolation,
    );
  });

  it("inserts and finds users; a taken username is a unique violation", async () => {
    const { handle } = await engine.fresh();
    await seedUsers(handle.db);
    const camille = await findUserByUsername(handle.db, "camille");
    expect(camille).toEqual({ ...buildUser(), disabled: 0, version: 1 });
    expect(await findUserById(handle.db, "u-ne-1")).toMatchObject({ username: "amina", party: "NE" });
    expect(await findUserByUsername(handle.db, "nobody")).toBeUndefined();
    expect((await listUsers(handle.db)).map((u) => u.username)).toEqual(["amina", "camille"]);
    expect((await listUsers(handle.db, { party: "NE" })).map((u) => u.username)).toEqual(["amina"]);
    await expect(insertUser(handle.db, buildUser({ id: "u-2" }))).rejects.toSatisfy(isUniqueViolation);
  });

  it("updates only at the expected version, bumping it; a stale version changes nothing", async () => {
    const { handle } = await engine.fresh();
    await seedUsers(handle.db);
    expect(await updateUser(handle.db, "u-fr-1", 1, { roles: '["administrator"]' })).toBe(true);
    expect(await findUserById(handle.db, "u-fr-1")).toMatchObject({ roles: '["administrator"]', version: 2 });
    expect(await updateUser(handle.db, "u-fr-1", 1, { disabled: 1 })).toBe(false);
    expect(await updateWhereVersion(handle.db, "users", "u-fr-1", 1, { disabled: 1 })).toBe(0);
    expect(await updateWhereVersion(handle.db, "users", "no-such-user", 1, { disabled: 1 })).toBe(0);
    expect(await findUserById(handle.db, "u-fr-1")).toMatchObject({ disabled: 0, version: 2 });
    expect(await updateWhereVersion(handle.db, "users", "u-fr-1", 2, { disabled: 1 })).toBe(1);
    expect(await findUserById(handle.db, "u-fr-1")).toMatchObject({ disabled: 1, version: 3 });
  });

  it("lets exactly one of two concurrent updates with the same expected version succeed", async () => {
    const { handle } = await engine.fresh();
    await seedUsers(handle.db);
    // The first holds its transaction open after updating, so the second's UPDATE runs while
    // the first is uncommitted (PostgreSQL: it waits on the row lock, then re-checks the version).
    const first = inTransaction(handle.db, async (trx) => {
      const ok = await updateUser(trx, "u-ne-1", 1, { roles: '["observer"]' });
      await sleep(150);
      return ok;
    });
    await sleep(30);
    const second = updateUser(handle.db, "u-ne-1", 1, { roles: '["administrator"]' });
    const results = await Promise.all([first, second]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const after = await findUserById(handle.db, "u-ne-1");
    expect(after?.version).toBe(2);
    expect(after?.roles).toBe(results[0] ? '["observer"]' : '["administrator"]');
  });

  it("lets exactly one of many racing writers win", async () => {
    const { handle } = await engine.fresh();
    await seedUsers(handle.db);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        inTransaction(handle.db, (trx) => updateUser(trx, "u-fr-1", 1, { roles: `["r${i}"]` })),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await findUserById(handle.db, "u-fr-1"))?.version).toBe(2);
  });

  it("stores sessions with their user, extends them only forward and deletes them", async () => {
    const { handle } = await engine.fresh();
    const db = handle.db;
    await seedUsers(db);
    await insertSession(db, { id: sessionId(1), user_id: "u-fr-1", expires_at: at(60), created_at: at() });
    await insertSession(db, { id: sessionId(2), user_id: "u-fr-1", expires_at: at(10), created_at: at() });
    await insertSession(db, { id: sessionId(3), user_id: "u-ne-1", expires_at: at(60), created_at: at() });

    const found = await findSessionWithUser(db, sessionId(1));
    expect(found?.session).toEqual({ id: sessionId(1), user_id: "u-fr-1", expires_at: at(60), created_at: at() });
    expect(found?.user).toEqual({ ...buildUser(), disabled: 0, version: 1 });
    expect(await findSessionWithUser(db, sessionId(9))).toBeUndefined();

    expect(await extendSession(db, sessionId(1), at(120))).toBe(true);
    expect(await extendSession(db, sessionId(1), at(90))).toBe(false);
    expect((await findSessionWithUser(db, sessionId(1)))?.session.expires_at).toBe(at(120));

    expect(await deleteExpiredSessions(db, at(10))).toBe(1);
    expect(await findSessionWithUser(db, sessionId(2))).toBeUndefined();
    expect(await deleteSessionsOfUser(db, "u-fr-1")).toBe(1);
    await deleteSession(db, sessionId(3));
    expect(await findSessionWithUser(db, sessionId(3))).toBeUndefined();
  });

  it("refuses a session id that is not a SHA-256 hex digest (the raw token must never be stored)", async () => {
    const { handle } = await engine.fresh();
    await seedUsers(handle.db);
    await expect(
      insertSession(handle.db, { id: "raw-token", user_id: "u-fr-1", expires_at: at(60), created_at: at() }),
    ).rejects.toThrow();
  });
});
