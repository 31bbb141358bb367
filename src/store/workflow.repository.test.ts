import { expect, it } from "vitest";
import {
  findClearanceRequest,
  findClearanceRequests,
  insertClearanceRequests,
  listClearanceRequests,
  updateClearanceRequest,
} from "./clearance-requests.repository.ts";
import { findDisposition, insertDispositions, listDispositions, updateDisposition } from "./dispositions.repository.ts";
import { isUniqueViolation } from "./errors.ts";
import {
  findHandoverList,
  insertHandoverList,
  insertHandoverSignature,
  listHandoverLists,
  setHandoverLines,
  updateHandoverList,
} from "./handover-lists.repository.ts";
import {
  findMovement,
  insertMovements,
  listMovements,
  manifestPersons,
  movementIdsNeedingClearance,
  setManifest,
  setMovementClearances,
  updateMovementRow,
} from "./movements.repository.ts";
import {
  existingPersonIds,
  findPerson,
  insertPerson,
  insertPersonnelEvent,
  listPersonnelEvents,
  listPersons,
  updatePerson,
} from "./persons.repository.ts";
import type { NewClearanceRequestRow, NewMovementRow, NewWorkflowEventRow } from "./schema.ts";
import { findSetting, insertSetting, listSettings, updateSetting } from "./settings.repository.ts";
import { describeEngines } from "./testing/engines.ts";
import { at, seedParties, sleep } from "./testing/factories.ts";
import { inTransaction } from "./transaction.ts";
import { insertWorkflowEvents, listAllWorkflowEvents, listObjectEvents } from "./workflow-events.repository.ts";

const request = (id: string, overrides: Partial<NewClearanceRequestRow> = {}): NewClearanceRequestRow => ({
  id,
  owner: "FR",
  status: "draft",
  country: "NE",
  kind: "landing",
  sortie: "S1",
  plan_request: `${id}-L1`,
  plan_version_id: null,
  first_at: "2024-09-16T08:00:00Z",
  state_json: "{}",
  updated_at: at(),
  ...overrides,
});

const movement = (id: string, overrides: Partial<NewMovementRow> = {}): NewMovementRow => ({
  id,
  owner: "FR",
  status: "planned",
  kind: "sortie",
  plan_ref: "S1",
  from_site: "NIAMEY",
  to_site: "HOME",
  depart_at: "2024-09-16T08:00:00Z",
  state_json: "{}",
  updated_at: at(),
  ...overrides,
});

const event = (objectId: string, version: number, ledgerIdx: number): NewWorkflowEventRow => ({
  object_type: "clearance_request",
  object_id: objectId,
  object_version: version,
  type: version === 1 ? "clearance.drafted" : "clearance.submitted",
  actor_id: "u-fr-1",
  actor_party: "FR",
  at: "2024-09-15T08:00:00Z",
  data: "{}",
  ledger_idx: ledgerIdx,
  created_at: at(),
});

describeEngines("workflow tables", (engine) => {
  it("keep settings with versions", async () => {
    const { handle } = await engine.fresh();
    const db = handle.db;
    await insertSetting(db, "current_scenario", '"niger-2024"', at());
    await expect(insertSetting(db, "current_scenario", '"x"', at())).rejects.toSatisfy(isUniqueViolation);
    expect(await updateSetting(db, "current_scenario", 1, '"other"', at(1))).toBe(true);
    expect(await updateSetting(db, "current_scenario", 1, '"lost"', at(2))).toBe(false);
    expect(await findSetting(db, "current_scenario")).toMatchObject({ value: '"other"', version: 2 });
    expect((await listSettings(db)).map((s) => s.key)).toEqual(["current_scenario"]);
  });

  it("record one event per object version: the same version twice is a unique violation", async () => {
    const { handle } = await engine.fresh();
    const db = handle.db;
    await insertWorkflowEvents(db, [event("CR-1", 1, 0), event("CR-1", 2, 1), event("CR-2", 1, 2)]);
    await expect(insertWorkflowEvents(db, [event("CR-1", 2, 3)])).rejects.toSatisfy(isUniqueViolation);
    await expect(insertWorkflowEvents(db, [event("CR-3", 1, 2)])).rejects.toSatisfy(isUniqueViolation);
    expect((await listObjectEvents(db, "clearance_request", "CR-1")).map((e) => e.object_version)).toEqual([1, 2]);
    expect((await listAllWorkflowEvents(db)).map((e) => e.ledger_idx)).toEqual([0, 1, 2]);
  });

  it("let exactly one of two concurrent writers record the next version of a request", async () => {
    const { handle } = await engine.fresh();
    const db = handle.db;
    await seedParties(db);
    await insertClearanceRequests(db, [request("CR-1", { status: "submitted" })]);
    const attempt = (status: string, ledgerIdx: number, hold: number) =>
      inTransaction(db, async (trx) => {
        const ok = await updateClearanceRequest(trx, "CR-1", 1, {
          status,
          state_json: "{}",
          first_at: "2024-09-16T08:00:00Z",
          updated_at: at(1),
        });
        if (!ok) return false;
        await insertWorkflowEvents(trx, [event("CR-1", 2, ledgerIdx)]);
        await sleep(hold);
        return true;
      }).catch((e: unknown) => (isUniqueViolation(e) ? false : Promise.reject(e)));
    const results = await Promise.all([attempt("approved", 0, 120), sleep(20).then(() => attempt("denied", 1, 0))]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const row = await findClearanceRequest(db, "CR-1");
    expect(row?.version).toBe(2);
    expect(row?.status).toBe(results[0] ? "approved" : "denied");
  });

  it("list and filter clearance requests and movements, and link them", async () => {
    const { handle } = await engine.fresh();
    const db = handle.db;
    await seedParties(db);
    await insertClearanceRequests(db, [
      request("CR-2", { first_at: "2024-09-17T08:00:00Z", status: "submitted" }),
      request("CR-1"),
      request("CR-3", { country: "DZ", sortie: "S2" }),
    ]);
    expect((await listClearanceRequests(db)).map((r) => r.id)).toEqual(["CR-1", "CR-3", "CR-2"]);
    expect((await listClearanceRequests(db, { status: "submitted" })).map((r) => r.id)).toEqual(["CR-2"]);
    expect((await listClearanceRequests(db, { country: "DZ", sortie: "S2", owner: "FR" })).map((r) => r.id)).toEqual(["CR-3"]);
    expect((await findClearanceRequests(db, ["CR-1", "CR-3", "nope"])).map((r) => r.id).sort()).toEqual(["CR-1", "CR-3"]);

    await insertMovements(db, [movement("M-2", { depart_at: "2024-09-18T08:00:00Z" }), movement("M-1", { kind: "convoy", plan_ref: "C1" })]);
    expect((await listMovements(db)).map((m) => m.id)).toEqual(["M-1", "M-2"]);
    expect((await listMovements(db, { kind: "sortie", planRef: "S1" })).map((m) => m.id)).toEqual(["M-2"]);
    await setMovementClearances(db, "M-2", ["CR-1", "CR-2"]);
    await setMovementClearances(db, "M-1", ["CR-1"]);
    expect(await movementIdsNeedingClearance(db, "CR-1")).toEqual(["M-1", "M-2"]);
    await setMovementClearances(db, "M-1", []);
    expect(await movementIdsNeedingClearance(db, "CR-1")).toEqual(["M-2"]);
    expect(await updateMovementRow(db, "M-2", 1, { status: "scheduled", state_json: "{}", depart_at: "2024-09-18T09:00:00Z", updated_at: at(1) })).toBe(true);
    expect(await updateMovementRow(db, "M-2", 1, { status: "cancelled", state_json: "{}", depart_at: "2024-09-18T09:00:00Z", updated_at: at(1) })).toBe(false);
    expect(await findMovement(db, "M-2")).toMatchObject({ status: "scheduled", version: 2 });
  });

  it("keep personal data apart, manifests by id, and one personnel event per presence version", async () => {
    const { handle } = await engine.fresh();
    const db = handle.db;
    await seedParties(db);
    const details = { name: "Jo Doe", nationality: "FR", document_number: "X123", unit: "1st" };
    await insertPerson(db, { id: "P-1", owner: "FR", group_id: "g1", created_at: at() }, { person_id: "P-1", ...details });
    await insertPerson(db, { id: "P-2", owner: "FR", group_id: null, created_at: at() }, { person_id: "P-2", ...details, name: "Al Roe" });
    expect(await findPerson(db, "P-1")).toEqual({ id: "P-1", owner: "FR", group_id: "g1", created_at: at(), version: 1, ...details });
    expect((await listPersons(db, ["P-2"])).map((p) => p.name)).toEqual(["Al Roe"]);
    expect(await existingPersonIds(db, ["P-1", "P-9"])).toEqual(["P-1"]);
    expect(await updatePerson(db, "P-1", 1, { group_id: "g2" }, { ...details, document_number: "Y9" })).toBe(true);
    expect(await updatePerson(db, "P-1", 1, { group_id: "g3" }, details)).toBe(false);
    expect(await findPerson(db, "P-1")).toMatchObject({ group_id: "g2", document_number: "Y9", version: 2 });

    await insertMovements(db, [movement("M-1")]);
    await setManifest(db, "M-1", ["P-2", "P-1"], [{ cargo: "ammo", quantity: 5 }, { cargo: "ammo", quantity: 3 }]);
    expect(await manifestPersons(db, "M-1")).toEqual(["P-1", "P-2"]);

    const row = { id: "PE-1", person_id: "P-1", seq: 1, kind: "entry" as const, site: "NIAMEY", at: "2024-09-01T00:00:00Z", movement_id: null, created_at: at() };
    await insertPersonnelEvent(db, row);
    await expect(insertPersonnelEvent(db, { ...row, id: "PE-2" })).rejects.toSatisfy(isUniqueViolation);
    await insertPersonnelEvent(db, { ...row, id: "PE-3", seq: 2, kind: "exit", movement_id: "M-1" });
    await insertPersonnelEvent(db, { ...row, id: "PE-4", person_id: "P-2" });
    expect((await listPersonnelEvents(db)).map((e) => e.id)).toEqual(["PE-1", "PE-3", "PE-4"]);
    expect((await listPersonnelEvents(db, { person: "P-2" })).map((e) => e.id)).toEqual(["PE-4"]);
    expect((await listPersonnelEvents(db, { persons: ["P-1"] })).map((e) => e.kind)).toEqual(["entry", "exit"]);
  });

  it("store dispositions, handover lists with ordered lines and one signature per party", async () => {
    const { handle } = await engine.fresh();
    const db = handle.db;
    await seedParties(db);
    await insertDispositions(db, [
      { id: "trucks", owner: "FR", site: "NIAMEY", intended: "handover", status: "open", state_json: "{}", updated_at: at() },
      { id: "ammo", owner: "FR", site: "NIAMEY", intended: "withdraw", status: "open", state_json: "{}", updated_at: at() },
    ]);
    expect(await updateDisposition(db, "ammo", 1, { status: "complete", state_json: "{}", updated_at: at(1) })).toBe(true);
    expect((await listDispositions(db, { status: "open" })).map((d) => d.id)).toEqual(["trucks"]);
    expect((await findDisposition(db, "ammo"))?.version).toBe(2);

    const digest = "d".repeat(64);
    await insertHandoverList(db, { id: "HL-1", owner: "FR", recipient: "NE", site: "NIAMEY", digest, status: "draft", updated_at: at() });
    await setHandoverLines(db, "HL-1", [
      { cargo: "trucks", quantity: 4, description: null, condition: "used" },
      { cargo: "beds", quantity: 40, description: "Field beds", condition: null },
    ]);
    await insertHandoverSignature(db, { list_id: "HL-1", party: "NE", user_id: "u-ne-1", signed_at: "2024-09-02T00:00:00Z", digest });
    await expect(
      insertHandoverSignature(db, { list_id: "HL-1", party: "NE", user_id: "u-ne-2", signed_at: "2024-09-02T00:00:00Z", digest }),
    ).rejects.toSatisfy(isUniqueViolation);
    expect(await updateHandoverList(db, "HL-1", 1, { status: "partially_signed", digest, cancel_reason: null, updated_at: at(1) })).toBe(true);
    const found = await findHandoverList(db, "HL-1");
    expect(found?.lines.map((l) => l.cargo)).toEqual(["trucks", "beds"]);
    expect(found?.signatures.map((s) => s.party)).toEqual(["NE"]);
    expect(found?.list).toMatchObject({ status: "partially_signed", version: 2 });
    expect((await listHandoverLists(db)).map((l) => l.id)).toEqual(["HL-1"]);
    expect(await findHandoverList(db, "nope")).toBeUndefined();
  });
});
