/**
 * The authorisation matrix, generated from the route table: every route × every role × both
 * parties × (an object of the caller's own party, an object of the other party), each against
 * the policy's `can`: allowed → exactly 2xx, denied → exactly 403; and every non-public route
 * without a session → exactly 401. Each case gets a fresh object in the state its action needs,
 * so an allowed call really succeeds.
 */
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Instant } from "#domain/time.ts";
import { sqliteTestEngine } from "#store/testing/engines.ts";
import { findUserByUsername } from "#store/users.repository.ts";
import { type Actor, ROLES, type Role } from "#workflow/actor.ts";
import { amend, type ClearanceDetails, createClearanceRequest, submit } from "#workflow/clearance-request.ts";
import { openDisposition } from "#workflow/disposition.ts";
import { createHandoverList, signHandoverList } from "#workflow/handover-list.ts";
import { asClearanceRequestId, asMovementId, asPersonId, asPersonnelEventId, type HandoverListId, type PartyCode, type UserId } from "#workflow/ids.ts";
import { createMovement, depart, markCleared, type Movement, recordManifest, schedule } from "#workflow/movement.ts";
import { recordEntry, presenceOf, registerPerson } from "#workflow/personnel.ts";
import { can } from "#workflow/policy.ts";
import type { Transition } from "#workflow/transition.ts";
import { instantOf } from "./clock.ts";
import { publishPlanVersion } from "./commands/plan-publisher.ts";
import { registerPersonRecord } from "./commands/person-steps.ts";
import { createUserAccount } from "./commands/user-steps.ts";
import {
  insertClearances,
  insertDispositionStates,
  insertHandoverListState,
  insertMovementStates,
  insertPersonnelRecord,
  insertPersonState,
} from "./persistence.ts";
import type { RouteEntry } from "./route-table.ts";
import { type TestServer, type TestSession, testServer } from "./testing/harness.ts";

const DP = "DP" as PartyCode;
const HP = "HP" as PartyCode;
const engine = sqliteTestEngine();
let s: TestServer;
const sessions = new Map<string, TestSession>();
const short: Record<Role, string> = {
  movement_planner: "planner",
  clearance_officer: "officer",
  commission_member: "member",
  observer: "observer",
  administrator: "admin",
};

afterAll(() => engine.cleanup());
beforeAll(async () => {
  const { handle } = await engine.fresh({ migrate: false });
  s = await testServer(handle.db, { webRoot: fileURLToPath(new URL("../../web/dist", import.meta.url)) });
  for (const party of ["dp", "hp"]) for (const role of ROLES) sessions.set(`${party}-${short[role]}`, await s.login(`${party}-${short[role]}`));
  const planner = await findUserByUsername(s.deps.db, "dp-planner");
  await publishPlanVersion(s.deps, { actor: { ...god(DP), id: planner?.id as UserId } });
});

// --- fixtures -------------------------------------------------------------------------------------

function god(party: PartyCode): Actor {
  return { id: `fixture-${party}` as UserId, party, side: party === DP ? "departing" : "host", roles: [...ROLES] };
}
const now = () => instantOf(s.deps.clock.now());
const ctx = (party: PartyCode) => ({ actor: god(party), now: now() });
function ok<S>(r: Transition<S>): S {
  if (!r.ok) throw new Error(`fixture: ${r.error.code} ${r.error.message}`);
  return r.next;
}
let n = 0;
const id = (p: string) => `${p}-m${++n}`;
const t = (iso: string) => Math.floor(Date.parse(iso) / 60_000) as Instant;

const details = (): ClearanceDetails => ({
  country: "XH",
  kind: "landing",
  airfield: "MAIN",
  aircraft: { type: "C-17A", tailNumber: "07-7182", callSign: "RCH1" },
  itinerary: [{ from: "HOME", to: "MAIN", departAt: t("2025-03-10T02:00:00Z"), arriveAt: t("2025-03-10T08:00:00Z"), overflies: [] }],
  firstAt: t("2025-03-10T08:00:00Z"),
  lastAt: t("2025-03-10T11:00:00Z"),
  passengers: 10,
  crew: 3,
  dangerousCargo: [],
  weapons: [],
});

/** A one-line cargo spreadsheet (base64) with a fresh id. */
const cargoCsv = (lineId: string) =>
  Buffer.from(`id,description,site,quantity,weight (kg),length (cm),width (cm),height (cm),kind\n${lineId},Crates,MAIN,2,50,100,80,60,box\n`).toString("base64");

/** A one-person roster (base64) with a fresh document number. */
const rosterCsv = (doc: string) => Buffer.from(`name,nationality,document_number,unit,site\nMatrix Person,XD,${doc},Matrix Unit,MAIN\n`).toString("base64");

/** Moves an object to the other party, directly in the table (no workflow creates such objects). */
async function reassign(table: "clearance_requests" | "movements" | "persons" | "cargo_dispositions" | "handover_lists", key: string, owner: PartyCode) {
  if (owner === DP) return;
  const db = s.deps.db;
  if (table === "persons") return void (await sql`update persons set owner = ${owner} where id = ${key}`.execute(db));
  if (table === "handover_lists")
    return void (await sql`update handover_lists set owner = ${owner}, recipient = ${DP} where id = ${key}`.execute(db));
  await sql`update ${sql.table(table)} set owner = ${owner}, state_json = replace(state_json, ${'"owner":"DP"'}, ${`"owner":"${owner}"`}) where id = ${key}`.execute(db);
}

async function clearance(owner: PartyCode, status: "draft" | "submitted" | "amended") {
  const rules = s.deps.scenario.resolved.scenario.clearanceRules;
  let r = ok(createClearanceRequest({ id: asClearanceRequestId(id("CR")), owner: DP, details: details() }, ctx(DP)));
  if (status !== "draft") r = ok(submit(r, {}, { ...ctx(DP), rules }));
  if (status === "amended") r = ok(amend(r, { reason: "later", changes: { passengers: 8 } }, ctx(HP)));
  await insertClearances(s.deps.db, [r], s.deps.clock.now(), null);
  await reassign("clearance_requests", r.id, owner);
  return { key: r.id, version: r.version };
}

async function movement(owner: PartyCode, status: "planned" | "scheduled" | "cleared" | "departed", persons: string[] = [], items: { cargo: string; quantity: number }[] = []) {
  const at = now();
  let m: Movement = ok(
    createMovement(
      {
        id: asMovementId(id("M")),
        owner: DP,
        details: { kind: "convoy", from: "MAIN", to: "HOME", departAt: at, arriveAt: (at + 600) as Instant, clearances: [], plannedPassengers: 0 },
      },
      ctx(DP),
    ),
  );
  if (status !== "planned") m = ok(schedule(m, {}, ctx(DP)));
  if (persons.length > 0 || items.length > 0) m = ok(recordManifest(m, { persons: persons.map(asPersonId), items, pallets: [] }, ctx(DP)));
  if (status === "cleared" || status === "departed") m = ok(markCleared(m, {}, { ...ctx(DP), clearances: [] }));
  if (status === "departed") m = ok(depart(m, {}, { ...ctx(DP), clearances: [] }));
  await insertMovementStates(s.deps.db, [m], s.deps.clock.now());
  if (persons.length > 0 || items.length > 0) {
    const { setManifest } = await import("#store/movements.repository.ts");
    await setManifest(s.deps.db, m.id, persons, items);
  }
  await reassign("movements", m.id, owner);
  return { key: m.id, version: m.version };
}

async function person(owner: PartyCode, entered = false) {
  const p = ok(registerPerson({ id: asPersonId(id("P")), owner: DP, personal: { name: "A B", nationality: "XD", documentNumber: "X", unit: "u" } }, ctx(DP)));
  await insertPersonState(s.deps.db, p, s.deps.clock.now());
  let presence = 0;
  if (entered) {
    const r = recordEntry(presenceOf(p, []), { id: asPersonnelEventId(id("PE")), site: "MAIN", at: (now() - 60) as Instant }, ctx(DP));
    if (!r.ok) throw new Error(r.error.message);
    await insertPersonnelRecord(s.deps.db, r.record, 1, s.deps.clock.now());
    presence = 1;
  }
  await reassign("persons", p.id, owner);
  return { key: p.id, version: p.version, presence };
}

async function disposition(owner: PartyCode, cargo = id("cargo")) {
  const d = ok(openDisposition({ cargo, site: "MAIN", description: "things", quantity: 10, intended: "withdraw", owner: DP }, ctx(DP)));
  await insertDispositionStates(s.deps.db, [d], s.deps.clock.now());
  await reassign("cargo_dispositions", d.cargo, owner);
  return { key: d.cargo, version: d.version };
}

async function handoverList(owner: PartyCode, final = false, cargo = "trucks") {
  let l = ok(createHandoverList({ id: id("HL") as HandoverListId, owner: DP, recipient: HP, site: "MAIN", lines: [{ cargo, quantity: 1 }] }, ctx(DP)));
  if (final) {
    l = ok(signHandoverList(l, { digest: l.digest }, ctx(DP)));
    l = ok(signHandoverList(l, { digest: l.digest }, ctx(HP)));
  }
  await insertHandoverListState(s.deps.db, l, s.deps.clock.now());
  for (const sig of l.signatures) {
    const { insertHandoverSignature } = await import("#store/handover-lists.repository.ts");
    await insertHandoverSignature(s.deps.db, { list_id: l.id, party: sig.party, user_id: sig.by, signed_at: "2025-03-01T08:00:00Z", digest: sig.digest });
  }
  await reassign("handover_lists", l.id, owner);
  return { key: l.id, version: l.version, digest: l.digest };
}

/** One request of a case. */
interface Call {
  readonly path: string;
  readonly body?: unknown;
  readonly ifMatch?: number;
}

/** How to make each route's request on a fresh object of `owner` (or a fixed owner for collections). */
type Fixture =
  | { readonly kind: "object"; readonly make: (owner: PartyCode) => Promise<Call> }
  | { readonly kind: "collection"; readonly owner: PartyCode | "self"; readonly make: (actor: Actor) => Promise<Call> };

const obj = (make: (owner: PartyCode) => Promise<Call>): Fixture => ({ kind: "object", make });
const departing = (make: (actor: Actor) => Promise<Call>): Fixture => ({ kind: "collection", owner: DP, make });
const fixed = (call: Call): Fixture => ({ kind: "collection", owner: DP, make: async () => call });
let seed = 10;

const FIXTURES: Record<string, Fixture> = {
  "GET /api/users": { kind: "collection", owner: "self", make: async () => ({ path: "/api/users" }) },
  "POST /api/users": { kind: "collection", owner: "self", make: async () => ({ path: "/api/users", body: { username: id("user"), password: "a long enough password", roles: ["observer"] } }) },
  "PATCH /api/users/{id}": obj(async (owner) => {
    const u = await createUserAccount(s.deps, { party: owner, username: id("user"), password: "a long enough password", roles: ["observer"] });
    return { path: `/api/users/${u.id}`, body: { roles: ["observer", "movement_planner"] }, ifMatch: u.version };
  }),
  "POST /api/plans/run": fixed({ path: "/api/plans/run", body: {} }),
  "POST /api/plans": departing(async () => ({ path: "/api/plans", body: { seed: ++seed } })),
  "GET /api/plans": fixed({ path: "/api/plans" }),
  "GET /api/plans/comparison": fixed({ path: "/api/plans/comparison" }),
  "GET /api/plans/{id}": departing(async () => ({ path: `/api/plans/${(await s.request(sessions.get("dp-observer"), "GET", "/api/plans")).body.items[0].id}` })),
  "GET /api/plans/{id}/gantt": departing(async () => ({ path: `/api/plans/${(await s.request(sessions.get("dp-observer"), "GET", "/api/plans")).body.items[0].id}/gantt` })),
  "GET /api/plans/{id}/sorties/{sortie}/load": departing(async () => ({ path: `/api/plans/${(await s.request(sessions.get("dp-observer"), "GET", "/api/plans")).body.items[0].id}/sorties/S0001/load` })),
  "POST /api/plans/runs": fixed({ path: "/api/plans/runs", body: {} }),
  "POST /api/whatif": fixed({ path: "/api/whatif", body: { variants: [{ name: "one more", variations: [{ kind: "fleet", type: "C-17A", delta: 1 }] }] } }),
  "POST /api/scenario/cargo-import/preview": fixed({ path: "/api/scenario/cargo-import/preview", body: { fileName: "cargo.csv", content: cargoCsv(id("imp")) } }),
  "POST /api/scenario/cargo-import": departing(async () => ({
    path: "/api/scenario/cargo-import",
    body: { fileName: "cargo.csv", content: cargoCsv(id("imp")) },
    ifMatch: (await s.request(sessions.get("dp-observer"), "GET", "/api/scenario/facts")).body.version,
  })),
  "POST /api/personnel/import/preview": fixed({ path: "/api/personnel/import/preview", body: { fileName: "roster.csv", content: rosterCsv(id("doc")) } }),
  "POST /api/personnel/import": departing(async () => ({ path: "/api/personnel/import", body: { fileName: "roster.csv", content: rosterCsv(id("doc")) } })),
  "POST /api/clearances/drafts": fixed({ path: "/api/clearances/drafts", body: {} }),
  "GET /api/clearances": fixed({ path: "/api/clearances?status=submitted" }),
  "POST /api/clearances/submit": departing(async () => {
    const c = await clearance(DP, "draft");
    return { path: "/api/clearances/submit", body: { items: [{ id: c.key, version: c.version }] } };
  }),
  "POST /api/clearances/expire": fixed({ path: "/api/clearances/expire", body: {} }),
  "GET /api/clearances/{id}": obj(async (o) => ({ path: `/api/clearances/${(await clearance(o, "draft")).key}` })),
  "PATCH /api/clearances/{id}": obj(async (o) => {
    const c = await clearance(o, "draft");
    return { path: `/api/clearances/${c.key}`, body: { passengers: 12 }, ifMatch: c.version };
  }),
  "POST /api/clearances/{id}/submit": obj(async (o) => {
    const c = await clearance(o, "draft");
    return { path: `/api/clearances/${c.key}/submit`, body: {}, ifMatch: c.version };
  }),
  "POST /api/clearances/{id}/approve": obj(async (o) => {
    const c = await clearance(o, "submitted");
    return { path: `/api/clearances/${c.key}/approve`, body: { clearanceNumber: "HP-9", validFrom: "2025-03-09T00:00:00Z", validTo: "2025-03-11T00:00:00Z" }, ifMatch: c.version };
  }),
  "POST /api/clearances/{id}/deny": obj(async (o) => {
    const c = await clearance(o, "submitted");
    return { path: `/api/clearances/${c.key}/deny`, body: { reason: "no" }, ifMatch: c.version };
  }),
  "POST /api/clearances/{id}/amend": obj(async (o) => {
    const c = await clearance(o, "submitted");
    return { path: `/api/clearances/${c.key}/amend`, body: { reason: "later", changes: { passengers: 5 } }, ifMatch: c.version };
  }),
  "POST /api/clearances/{id}/accept-amendment": obj(async (o) => {
    const c = await clearance(o, "amended");
    return { path: `/api/clearances/${c.key}/accept-amendment`, body: {}, ifMatch: c.version };
  }),
  "POST /api/clearances/{id}/resubmit": obj(async (o) => {
    const c = await clearance(o, "amended");
    return { path: `/api/clearances/${c.key}/resubmit`, body: {}, ifMatch: c.version };
  }),
  "POST /api/clearances/{id}/cancel": obj(async (o) => {
    const c = await clearance(o, "submitted");
    return { path: `/api/clearances/${c.key}/cancel`, body: { reason: "not needed" }, ifMatch: c.version };
  }),
  "POST /api/movements/from-plan": fixed({ path: "/api/movements/from-plan", body: {} }),
  "GET /api/movements": fixed({ path: "/api/movements" }),
  "GET /api/movements/{id}": obj(async (o) => ({ path: `/api/movements/${(await movement(o, "planned")).key}` })),
  "PUT /api/movements/{id}/manifest": obj(async (o) => {
    const m = await movement(o, "scheduled");
    return { path: `/api/movements/${m.key}/manifest`, body: { items: [{ cargo: "boxes", quantity: 2 }] }, ifMatch: m.version };
  }),
  "POST /api/movements/{id}/depart": obj(async (o) => {
    const m = await movement(o, "cleared");
    return { path: `/api/movements/${m.key}/depart`, body: {}, ifMatch: m.version };
  }),
  "POST /api/movements/{id}/schedule": obj(async (o) => {
    const m = await movement(o, "planned");
    return { path: `/api/movements/${m.key}/schedule`, body: {}, ifMatch: m.version };
  }),
  "POST /api/movements/{id}/mark-cleared": obj(async (o) => {
    const m = await movement(o, "scheduled");
    return { path: `/api/movements/${m.key}/mark-cleared`, body: {}, ifMatch: m.version };
  }),
  "POST /api/movements/{id}/arrive": obj(async (o) => {
    const m = await movement(o, "departed");
    return { path: `/api/movements/${m.key}/arrive`, body: {}, ifMatch: m.version };
  }),
  "POST /api/movements/{id}/cancel": obj(async (o) => {
    const m = await movement(o, "scheduled");
    return { path: `/api/movements/${m.key}/cancel`, body: { reason: "weather" }, ifMatch: m.version };
  }),
  "POST /api/persons": departing(async () => ({ path: "/api/persons", body: { personal: { name: "C D", nationality: "XD", documentNumber: "Y", unit: "u" } } })),
  "GET /api/persons": fixed({ path: "/api/persons" }),
  "GET /api/persons/{id}": obj(async (o) => ({ path: `/api/persons/${(await person(o)).key}` })),
  "PATCH /api/persons/{id}": obj(async (o) => {
    const p = await person(o);
    return { path: `/api/persons/${p.key}`, body: { personal: { unit: "v" } }, ifMatch: p.version };
  }),
  "DELETE /api/persons/{id}": obj(async (o) => {
    const p = await person(o);
    return { path: `/api/persons/${p.key}`, ifMatch: p.version };
  }),
  "POST /api/persons/{id}/entries": obj(async (o) => ({ path: `/api/persons/${(await person(o)).key}/entries`, body: { site: "MAIN" }, ifMatch: 0 })),
  "POST /api/persons/{id}/exits": obj(async (o) => {
    const p = await person(o, true);
    const m = await movement(DP, "departed", [p.key]);
    return { path: `/api/persons/${p.key}/exits`, body: { movement: m.key }, ifMatch: p.presence };
  }),
  "POST /api/persons/{id}/transfers": obj(async (o) => {
    const p = await person(o, true);
    return { path: `/api/persons/${p.key}/transfers`, body: { site: "OUTPOST" }, ifMatch: p.presence };
  }),
  "GET /api/personnel/headcount": fixed({ path: "/api/personnel/headcount" }),
  "GET /api/personnel/reconciliation": fixed({ path: "/api/personnel/reconciliation" }),
  "POST /api/dispositions": departing(async () => ({ path: "/api/dispositions", body: { cargo: id("cargo"), site: "MAIN", description: "x", quantity: 3, intended: "dispose" } })),
  "POST /api/dispositions/from-scenario": fixed({ path: "/api/dispositions/from-scenario", body: {} }),
  "GET /api/dispositions": fixed({ path: "/api/dispositions" }),
  "GET /api/dispositions/{id}": obj(async (o) => ({ path: `/api/dispositions/${(await disposition(o)).key}` })),
  "POST /api/dispositions/{id}/withdrawals": obj(async (o) => {
    const d = await disposition(o);
    const m = await movement(DP, "departed", [], [{ cargo: d.key, quantity: 4 }]);
    return { path: `/api/dispositions/${d.key}/withdrawals`, body: { movement: m.key, quantity: 4 }, ifMatch: d.version };
  }),
  "POST /api/dispositions/{id}/disposals": obj(async (o) => {
    const d = await disposition(o);
    return { path: `/api/dispositions/${d.key}/disposals`, body: { quantity: 2, method: "destroyed" }, ifMatch: d.version };
  }),
  "POST /api/dispositions/{id}/handovers": obj(async (o) => {
    const d = await disposition(o);
    const l = await handoverList(o, true, d.key);
    return { path: `/api/dispositions/${d.key}/handovers`, body: { list: l.key }, ifMatch: d.version };
  }),
  "POST /api/handover-lists": departing(async () => ({ path: "/api/handover-lists", body: { site: "MAIN", recipient: "HP", lines: [{ cargo: "gens", quantity: 1 }] } })),
  "GET /api/handover-lists": fixed({ path: "/api/handover-lists" }),
  "GET /api/handover-lists/{id}": obj(async (o) => ({ path: `/api/handover-lists/${(await handoverList(o)).key}` })),
  "PATCH /api/handover-lists/{id}": obj(async (o) => {
    const l = await handoverList(o);
    return { path: `/api/handover-lists/${l.key}`, body: { lines: [{ cargo: "gens", quantity: 2 }] }, ifMatch: l.version };
  }),
  "POST /api/handover-lists/{id}/sign": obj(async (o) => {
    const l = await handoverList(o);
    return { path: `/api/handover-lists/${l.key}/sign`, body: { digest: l.digest }, ifMatch: l.version };
  }),
  "POST /api/handover-lists/{id}/cancel": obj(async (o) => {
    const l = await handoverList(o);
    return { path: `/api/handover-lists/${l.key}/cancel`, body: { reason: "wrong site" }, ifMatch: l.version };
  }),
  "GET /api/ledger/leaves": fixed({ path: "/api/ledger/leaves" }),
  "GET /api/ledger/leaves/{index}/proof": fixed({ path: "/api/ledger/leaves/0/proof" }),
  "GET /api/ledger/consistency": fixed({ path: "/api/ledger/consistency?from=1&to=1" }),
  "GET /api/ledger/checkpoints": fixed({ path: "/api/ledger/checkpoints" }),
  "GET /api/ledger/checkpoints/latest": fixed({ path: "/api/ledger/checkpoints/latest" }),
  "POST /api/ledger/checkpoints/{size}/cosignatures/{party}": obj(async (o) => {
    await registerPersonRecord(s.deps, { actor: god(DP), command: { personal: { name: "E F", nationality: "XD", documentNumber: "Z", unit: "u" } } });
    const size = (await s.deps.ledger.latest(s.deps.db))?.treeSize ?? 0;
    return { path: `/api/ledger/checkpoints/${size}/cosignatures/${o}`, body: {} };
  }),
  "GET /api/ledger/final": fixed({ path: "/api/ledger/final" }),
};

// --- the matrix -----------------------------------------------------------------------------------

describe("authorisation matrix", () => {
  it("has a fixture for every policy route and covers the table", () => {
    const policyRoutes = s.routes.entries.filter((e) => e.access.kind === "policy").map((e) => `${e.method} ${e.path}`);
    expect(policyRoutes.filter((r) => FIXTURES[r] === undefined)).toEqual([]);
    expect(Object.keys(FIXTURES).filter((k) => !policyRoutes.includes(k))).toEqual([]);
  });

  it("answers every non-public route without a session with exactly 401", async () => {
    for (const e of s.routes.entries.filter((x) => x.access.kind !== "public")) {
      const path = e.path.replace("{size}", "1").replace("{party}", "DP").replace("{index}", "0").replace("{id}", "x");
      const r = await s.request(undefined, e.method, path, e.method === "GET" ? {} : { body: {}, ifMatch: 1 });
      expect(r.status, `${e.method} ${e.path}`).toBe(401);
    }
  });

  it("answers every logged-in user of every role and party on the session routes with 2xx", async () => {
    for (const e of s.routes.entries.filter((x) => x.access.kind === "session" && x.path !== "/api/auth/logout")) {
      for (const session of sessions.values()) expect((await s.request(session, e.method, e.path)).status, `${session.username} ${e.path}`).toBe(200);
    }
    for (const username of sessions.keys()) {
      const fresh = await s.login(username);
      expect((await s.request(fresh, "POST", "/api/auth/logout")).status).toBe(204);
    }
  });

  it("allows exactly what the policy allows: route × role × party × owner", async () => {
    const results: { route: string; actor: string; owner: string; expected: number | "2xx"; got: number; detail: string }[] = [];
    const entries = s.routes.entries.filter((e): e is RouteEntry & { access: { kind: "policy" } } => e.access.kind === "policy");
    for (const e of entries) {
      const fixture = FIXTURES[`${e.method} ${e.path}`];
      if (fixture === undefined) continue;
      for (const [username, session] of sessions) {
        const party = (username.startsWith("dp") ? DP : HP) as PartyCode;
        const actor: Actor = { ...god(party), roles: [ROLES.find((r) => short[r] === username.slice(3)) as Role] };
        const owners: PartyCode[] = fixture.kind === "object" ? [DP, HP] : [fixture.owner === "self" ? party : fixture.owner];
        for (const owner of owners) {
          const call = fixture.kind === "object" ? await fixture.make(owner) : await fixture.make(actor);
          const allowed = can(actor, e.access.action, { type: e.access.resource, owner }, s.deps.settings);
          const r = await s.request(session, e.method, call.path, {
            ...(call.body === undefined ? {} : { body: call.body }),
            ...(call.ifMatch === undefined ? {} : { ifMatch: call.ifMatch }),
          });
          const good = allowed ? r.status >= 200 && r.status < 300 : r.status === 403;
          if (!good)
            results.push({ route: `${e.method} ${e.path}`, actor: username, owner, expected: allowed ? "2xx" : 403, got: r.status, detail: JSON.stringify(r.body).slice(0, 200) });
          cases++;
          if (allowed) allowedCases++;
        }
      }
    }
    expect(results).toEqual([]);
    expect(cases).toBeGreaterThan(800);
    console.info(`authorisation matrix: ${cases} cases, ${allowedCases} allowed (2xx), ${cases - allowedCases} denied (403)`);
  });
});

let cases = 0;
let allowedCases = 0;
