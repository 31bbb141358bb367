/**
 * Persons of the departing party, their entries, transfers and exits, the headcount by site at
 * an instant and the reconciliation. The host sees names and nationalities (and more only where
 * the agreement's settings and the policy say so); personal data never enters the ledger.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { formatInstant, parseInstant } from "#domain/time.ts";
import { listMovements } from "#store/movements.repository.ts";
import { listPersonnelEvents, listPersons } from "#store/persons.repository.ts";
import {
  entryCommandSchema,
  exitCommandSchema,
  headcount,
  presenceOf,
  reconcile,
  registerPersonCommandSchema,
  transferCommandSchema,
  updatePersonCommandSchema,
} from "#workflow/personnel.ts";
import { can } from "#workflow/policy.ts";
import { instantOf } from "../clock.ts";
import { erasePersonRecord, type PresenceCommand, recordPresence, registerPersonRecord, updatePersonRecord } from "../commands/person-steps.ts";
import type { ServerDeps } from "../deps.ts";
import { HttpError } from "../http-error.ts";
import { historyOf, loadPerson, loadPresence, movementOfRow, personnelEventOfRow, personOfRow } from "../persistence.ts";
import { presentHistory, presentPersonnelEvent, presentPersonRecord } from "../presenters.ts";
import { type AppEnv, authorizeOn, idParam, jsonAnswer, jsonBody, PROBLEMS, requireActor } from "../request.ts";
import { policy, type RouteTable } from "../route-table.ts";
import { listOf, personnelEventSchema, personSchema } from "../wire.ts";
import { stepRoute } from "./step-route.ts";

const presenceAnswer = z
  .object({ person: z.string(), presence: z.object({ status: z.string(), site: z.string().optional(), version: z.number().int() }), record: personnelEventSchema })
  .openapi("PresenceRecord");
const headcountSchema = z
  .object({ at: z.string(), total: z.number().int(), bySite: z.record(z.string(), z.number().int()) })
  .openapi("Headcount");
const reconciliationSchema = z.record(z.string(), z.unknown()).openapi("Reconciliation");
const atQuery = z.object({ at: z.string().optional().openapi({ description: "ISO instant; default now" }) });

/** Registers the personnel routes. */
export function registerPersonnelRoutes(app: OpenAPIHono<AppEnv>, table: RouteTable, deps: ServerDeps): void {
  app.openapi(
    table.add(
      createRoute({
        method: "post",
        path: "/api/persons",
        tags: ["personnel"],
        summary: "Register a person of the departing party",
        request: { body: jsonBody(registerPersonCommandSchema) },
        responses: { 201: jsonAnswer(personSchema, "Registered"), ...PROBLEMS },
      }),
      policy("person", "create"),
    ),
    async (c) => {
      const actor = requireActor(c);
      authorizeOn(deps, actor, "create", { type: "person", owner: deps.parties.departing });
      const p = await registerPersonRecord(deps, { actor, command: c.req.valid("json") });
      c.header("ETag", `"${p.version}"`);
      return c.json(presentPersonRecord(deps, actor, p), 201);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/persons",
        tags: ["personnel"],
        summary: "Persons, as the caller may see them, with where each is",
        responses: { 200: jsonAnswer(listOf(personSchema, "PersonList"), "Persons"), ...PROBLEMS },
      }),
      policy("person", "read"),
    ),
    async (c) => {
      const actor = requireActor(c);
      const persons = (await listPersons(deps.db)).map(personOfRow).filter((p) => can(actor, "read", { type: "person", owner: p.owner }, deps.settings));
      const events = (await listPersonnelEvents(deps.db)).map(personnelEventOfRow);
      const byPerson = new Map<string, typeof events>();
      for (const e of events) byPerson.set(e.person, [...(byPerson.get(e.person) ?? []), e]);
      return c.json(
        { items: persons.map((p) => presentPersonRecord(deps, actor, p, { presence: presenceOf(p, byPerson.get(p.id) ?? []) })) },
        200,
      );
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/persons/{id}",
        tags: ["personnel"],
        summary: "One person, as the caller may see them, with presence and history",
        request: { params: idParam },
        responses: { 200: jsonAnswer(personSchema, "The person"), ...PROBLEMS },
      }),
      policy("person", "read"),
    ),
    async (c) => {
      const actor = requireActor(c);
      const p = await loadPerson(deps.db, c.req.valid("param").id);
      authorizeOn(deps, actor, "read", { type: "person", owner: p.owner });
      const presence = await loadPresence(deps.db, p);
      const history = presentHistory(await historyOf(deps.db, "person", p.id), await deps.ledger.finalSize(deps.db));
      c.header("ETag", `"${p.version}"`);
      return c.json(presentPersonRecord(deps, actor, p, { presence, history }), 200);
    },
  );

  const load = (id: string) => loadPerson(deps.db, id);
  stepRoute(app, table, deps, {
    method: "patch",
    path: "/api/persons/{id}",
    tag: "personnel",
    summary: "Correct a person's record (If-Match); the ledger records which fields changed, not their values",
    resource: "person",
    action: "update",
    body: updatePersonCommandSchema,
    answer: personSchema,
    answerDescription: "Corrected",
    load,
    run: (actor, id, v, command) => updatePersonRecord(deps, { actor, id, expectedVersion: v, command }),
    present: (actor, p) => ({ version: p.version, body: presentPersonRecord(deps, actor, p) }),
  });

  stepRoute(app, table, deps, {
    method: "delete",
    path: "/api/persons/{id}",
    tag: "personnel",
    summary:
      "Erase a person's personal data (If-Match). Refused while they are in the country. The record stays by id with its entries, exits and manifests; the ledger, which never held personal data, still verifies",
    resource: "person",
    action: "erase",
    answer: personSchema,
    answerDescription: "Erased: the record as it stays",
    load,
    run: async (actor, id, v) => {
      const p = await erasePersonRecord(deps, { actor, id, expectedVersion: v });
      deps.logger.info("person.erased", { by: actor.id, person: p.id });
      return p;
    },
    present: async (actor, p) => ({ version: p.version, body: presentPersonRecord(deps, actor, p, { presence: await loadPresence(deps.db, p) }) }),
  });

  // Entries, exits and transfers: authorised as personnel events of the person's party, based on
  // the person's presence version (the number of records the client saw).
  const presence = <S extends typeof entryCommandSchema | typeof exitCommandSchema | typeof transferCommandSchema>(
    name: "entries" | "exits" | "transfers",
    action: "record_entry" | "record_exit" | "record_transfer",
    summary: string,
    schema: S,
    kind: PresenceCommand["kind"],
  ) =>
    stepRoute(app, table, deps, {
      method: "post",
      path: `/api/persons/{id}/${name}`,
      tag: "personnel",
      summary: `${summary} (If-Match: the person's presence version, the number of records)`,
      resource: "personnel_event",
      action,
      body: schema,
      answer: presenceAnswer,
      answerDescription: "Recorded",
      status: 201,
      load,
      run: (actor, person, v, command) => recordPresence(deps, { actor, person, expectedVersion: v, record: { kind, command } as PresenceCommand }),
      present: (_actor, r) => ({
        version: r.presence.version,
        body: {
          person: r.presence.person,
          presence: { status: r.presence.status, ...(r.presence.site === undefined ? {} : { site: r.presence.site }), version: r.presence.version },
          record: presentPersonnelEvent(r.record),
        },
      }),
    });
  presence("entries", "record_entry", "Record that a person is in the country (arrived on a movement, or present at a site)", entryCommandSchema, "entry");
  presence("exits", "record_exit", "Record that a person left on a departed movement", exitCommandSchema, "exit");
  presence("transfers", "record_transfer", "Record a move between sites in the country", transferCommandSchema, "transfer");

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/personnel/headcount",
        tags: ["personnel"],
        summary: "In-country headcount by site at an instant",
        request: { query: atQuery },
        responses: { 200: jsonAnswer(headcountSchema, "Headcount"), ...PROBLEMS },
      }),
      policy("personnel_event", "read"),
    ),
    async (c) => {
      const actor = requireActor(c);
      authorizeOn(deps, actor, "read", { type: "personnel_event", owner: deps.parties.departing });
      const q = c.req.valid("query").at;
      const at = q === undefined ? instantOf(deps.clock.now()) : parseInstant(q);
      if (at === undefined)
        throw new HttpError(422, "request.invalid", "The request is not valid", "1 problem in the query", { errors: [{ path: "$.at", message: "not an ISO 8601 instant" }] });
      const h = headcount((await listPersonnelEvents(deps.db)).map(personnelEventOfRow), at);
      return c.json({ at: formatInstant(h.at), total: h.total, bySite: { ...h.bySite } }, 200);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/personnel/reconciliation",
        tags: ["personnel"],
        summary: "Who is still in the country, who left, who left unrecorded (persons by id)",
        responses: { 200: jsonAnswer(reconciliationSchema, "Reconciliation"), ...PROBLEMS },
      }),
      policy("personnel_event", "read"),
    ),
    async (c) => {
      const actor = requireActor(c);
      authorizeOn(deps, actor, "read", { type: "personnel_event", owner: deps.parties.departing });
      const persons = (await listPersons(deps.db)).map(personOfRow);
      const events = (await listPersonnelEvents(deps.db)).map(personnelEventOfRow);
      const movements = (await listMovements(deps.db)).map(movementOfRow);
      const r = reconcile(persons, events, movements);
      return c.json(JSON.parse(JSON.stringify({ ...r, inCountry: r.inCountry.map((x) => ({ ...x, since: formatInstant(x.since) })), left: r.left.map((x) => ({ ...x, at: formatInstant(x.at) })) })) as Record<string, unknown>, 200);
    },
  );
}
