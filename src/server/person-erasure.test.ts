/**
 * Erasing a person's personal data through the API, on both engines: the name, nationality,
 * document number and unit leave the database; the record stays by id with its presence
 * records and manifests; the ledger, which only ever held ids, still verifies.
 */
import { sql } from "kysely";
import { expect, it } from "vitest";
import { describeEngines } from "#store/testing/engines.ts";
import { auditDatabase } from "./ledger-reader.ts";
import { verifierKeysOf } from "./ledger-keys.ts";
import { testServer } from "./testing/harness.ts";

describeEngines("server: erasing a person's personal data", (engine) => {
  it("removes the personal data, keeps the record and its history by id, and the ledger still verifies", async () => {
    const { handle } = await engine.fresh({ migrate: false });
    const s = await testServer(handle.db);
    const planner = await s.login("dp-planner");
    const host = await s.login("hp-officer");
    const register = async (name: string, doc: string) => {
      const r = await s.request(planner, "POST", "/api/persons", { body: { personal: { name, nationality: "XD", documentNumber: doc, unit: "Erasure Unit" } } });
      expect(r.status).toBe(201);
      return r.body as { id: string; version: number };
    };
    const gone = await register("Gone Away", "DOC-GONE-1");
    const here = await register("Still Here", "DOC-HERE-2");
    expect((await s.request(planner, "POST", `/api/persons/${here.id}/entries`, { ifMatch: 0, body: { site: "MAIN" } })).status).toBe(201);

    // Someone who is in the country keeps their name until they leave; a stale version is refused.
    const inCountry = await s.request(planner, "DELETE", `/api/persons/${here.id}`, { ifMatch: here.version });
    expect(inCountry.status).toBe(409);
    expect(inCountry.body.code).toBe("person.still_in_country");
    expect((await s.request(planner, "DELETE", `/api/persons/${gone.id}`, { ifMatch: gone.version + 1 })).status).toBe(409);
    expect((await s.request(planner, "DELETE", `/api/persons/${gone.id}`)).status).toBe(428);
    expect((await s.request(host, "DELETE", `/api/persons/${gone.id}`, { ifMatch: gone.version })).status).toBe(403);

    const erased = await s.request(planner, "DELETE", `/api/persons/${gone.id}`, { ifMatch: gone.version });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ id: gone.id, owner: "DP", name: "", nationality: "", erased: true, version: gone.version + 1 });
    expect(erased.body.documentNumber).toBeUndefined();
    expect(erased.headers.get("etag")).toBe(`"${gone.version + 1}"`);
    expect((await s.request(planner, "DELETE", `/api/persons/${gone.id}`, { ifMatch: gone.version + 1 })).body.code).toBe("person.already_erased");
    expect((await s.request(planner, "PATCH", `/api/persons/${gone.id}`, { ifMatch: gone.version + 1, body: { personal: { unit: "x" } } })).status).toBe(409);

    // Both parties still see the record by id, erased; its history says what was erased, by whom.
    const seen = await s.request(host, "GET", `/api/persons/${gone.id}`);
    expect(seen.body).toMatchObject({ id: gone.id, erased: true, name: "" });
    expect(seen.body.history.map((h: { type: string }) => h.type)).toEqual(["person.registered", "person.erased"]);
    expect(seen.body.history[1].data.fields).toContain("personal.documentNumber");
    const listed = (await s.request(planner, "GET", "/api/persons")).body.items as { id: string; erased?: boolean; name: string }[];
    expect(listed.find((p) => p.id === gone.id)).toMatchObject({ erased: true });
    expect(listed.find((p) => p.id === here.id)).toMatchObject({ name: "Still Here" });
    const reconciliation = await s.request(host, "GET", "/api/personnel/reconciliation");
    expect(reconciliation.body.neverEntered).toContain(gone.id);
    expect(reconciliation.body.unknownPersons).toEqual([]);

    // Nothing of the personal data is left in any table; the ledger verifies from its first leaf.
    const dump = JSON.stringify([
      await handle.db.selectFrom("person_details").selectAll().execute(),
      await handle.db.selectFrom("workflow_events").selectAll().execute(),
      await handle.db.selectFrom("ledger_leaves").selectAll().execute(),
      (await sql`select * from persons`.execute(handle.db)).rows,
    ]);
    expect(dump).not.toMatch(/Gone Away|DOC-GONE-1/);
    expect(dump).toMatch(/Still Here/);
    const report = await auditDatabase(handle.db, verifierKeysOf(s.deps.ledger.keys));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
