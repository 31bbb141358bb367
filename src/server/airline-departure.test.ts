/**
 * Airline seats leave the country: departing an airline movement records its passengers' exits,
 * although the plan names only the airport it leaves from (a regression: they stayed "in the
 * country" and then showed as left unrecorded in the reconciliation).
 */
import { afterAll, expect, it } from "vitest";
import { sqliteTestEngine } from "#store/testing/engines.ts";
import { testServer } from "./testing/harness.ts";

const engine = sqliteTestEngine();
afterAll(() => engine.cleanup());

it("departing an airline movement records its passengers' exits and the headcount drops", async () => {
  const { handle } = await engine.fresh({ migrate: false });
  const s = await testServer(handle.db, { scenario: "synthetic-small", now: "2025-03-01T08:00:00.000Z" });
  const planner = await s.login("dp-planner");
  expect((await s.request(planner, "POST", "/api/plans", { body: {} })).status).toBe(201);
  expect((await s.request(planner, "POST", "/api/movements/from-plan", { body: {} })).status).toBe(201);
  const items = (await s.request(planner, "GET", "/api/movements?kind=commercial")).body.items as { id: string; from: string; version: number; departAt: string }[];
  const airline = items[0];
  if (airline === undefined) throw new Error("the synthetic plan has no airline seats");

  const persons: string[] = [];
  for (const name of ["Clerk One", "Clerk Two"]) {
    const p = await s.request(planner, "POST", "/api/persons", { body: { personal: { name, nationality: "XX", documentNumber: "D1", unit: "HQ" } } });
    expect(p.status).toBe(201);
    persons.push(p.body.id as string);
    expect((await s.request(planner, "POST", `/api/persons/${p.body.id}/entries`, { ifMatch: 0, body: { site: airline.from } })).status).toBe(201);
  }
  expect((await s.request(planner, "GET", "/api/personnel/headcount")).body.total).toBe(2);

  const scheduled = await s.request(planner, "POST", `/api/movements/${airline.id}/schedule`, { body: {}, ifMatch: airline.version });
  expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
  s.clock.set(new Date(Date.parse(airline.departAt) + 5 * 60_000));
  const again = await s.login("dp-planner");
  const departed = await s.request(again, "POST", `/api/movements/${airline.id}/depart`, {
    ifMatch: scheduled.body.version,
    body: { at: airline.departAt, manifest: { persons } },
  });
  expect(departed.status, JSON.stringify(departed.body)).toBe(200);
  expect(departed.body.exits).toBe(2);
  expect((await s.request(again, "GET", "/api/personnel/headcount")).body.total).toBe(0);
  const reconciliation = (await s.request(again, "GET", "/api/personnel/reconciliation")).body as {
    left: { person: string; movement?: string }[];
    leftUnrecorded: unknown[];
  };
  expect(reconciliation.leftUnrecorded).toEqual([]);
  expect(reconciliation.left.map((l) => [l.person, l.movement])).toEqual(persons.map((p) => [p, airline.id]));
});
