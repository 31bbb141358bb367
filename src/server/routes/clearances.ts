/**
 * Clearance requests: drafts from the published plan (host country only), list and get with
 * history, edit a draft, submit one or many, the host's decisions, and the requester's answers.
 * Each handler: validate → load → authorise → command → present.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listClearanceRequests } from "#store/clearance-requests.repository.ts";
import {
  amendCommandSchema,
  approveCommandSchema,
  cancelCommandSchema,
  type ClearanceRequest,
  clearanceChangesSchema,
  denyCommandSchema,
  isExpiredAt,
  resubmitCommandSchema,
} from "#workflow/clearance-request.ts";
import type { Actor } from "#workflow/actor.ts";
import { type Action, can } from "#workflow/policy.ts";
import { instantOf } from "../clock.ts";
import { approveClearance } from "../commands/clearance-approver.ts";
import { expireClearances } from "../commands/clearance-expirer.ts";
import { draftClearances } from "../commands/clearance-drafter.ts";
import {
  acceptClearanceAmendment,
  amendClearance,
  cancelClearance,
  denyClearance,
  resubmitClearance,
  submitClearance,
  updateClearanceDraft,
} from "../commands/clearance-steps.ts";
import { submitClearances } from "../commands/clearance-submitter.ts";
import type { ServerDeps } from "../deps.ts";
import { clearanceOfRow, historyOf, loadClearance } from "../persistence.ts";
import { presentClearance, presentHistory, presentMovement } from "../presenters.ts";
import { type AppEnv, authorizeOn, idParam, jsonAnswer, jsonBody, PROBLEMS, requireActor } from "../request.ts";
import { policy, type RouteTable } from "../route-table.ts";
import { clearanceSchema, listOf, movementSchema } from "../wire.ts";
import { stepRoute } from "./step-route.ts";

const draftsSchema = z
  .strictObject({
    sorties: z.array(z.string().min(1).max(64)).max(1000).optional().describe("Sorties to draft for; all when absent."),
    callSigns: z.record(z.string(), z.string().regex(/^[A-Z0-9]{2,10}$/)).optional(),
    callSignPrefix: z.string().regex(/^[A-Z]{2,6}$/).optional(),
    crew: z.number().int().min(1).max(50).optional(),
  })
  .openapi("ClearanceDrafting");
const draftsAnswer = z
  .object({
    drafted: z.array(clearanceSchema),
    movements: z.array(movementSchema),
    filedElsewhere: z.array(z.record(z.string(), z.unknown())).describe("Requests to third countries: filed with them, not here."),
    alreadyDrafted: z.array(z.string()),
  })
  .openapi("ClearanceDrafts");
const bulkSchema = z
  .strictObject({ items: z.array(z.strictObject({ id: z.string().min(1).max(128), version: z.number().int().min(1) })).min(1).max(1000) })
  .openapi("BulkSubmission");
const bulkAnswer = z
  .object({
    submitted: z.number().int(),
    results: z.array(
      z.object({ id: z.string(), ok: z.boolean(), status: z.number().int(), code: z.string().optional(), detail: z.string().optional(), request: clearanceSchema.optional() }),
    ),
  })
  .openapi("BulkSubmissionResult");
const listQuery = z.object({
  status: z.string().max(32).optional(),
  country: z.string().max(3).optional(),
  sortie: z.string().max(64).optional(),
});

/** Registers the clearance routes. */
export function registerClearanceRoutes(app: OpenAPIHono<AppEnv>, table: RouteTable, deps: ServerDeps): void {
  /** Load and authorise an existing request: the handlers' common first half. */
  const loadFor = async (actor: Actor, id: string, action: Action) => {
    const r = await loadClearance(deps.db, id);
    authorizeOn(deps, actor, action, { type: "clearance_request", owner: r.owner });
    return r;
  };
  /** Requests as read, with any approval whose window passed unused expired first (the sweep at read time). */
  const current = async (requests: ClearanceRequest[]): Promise<ClearanceRequest[]> => {
    const now = instantOf(deps.clock.now());
    if (!requests.some((r) => isExpiredAt(r, now))) return requests;
    const expired = new Map((await expireClearances(deps, { ids: requests.filter((r) => isExpiredAt(r, now)).map((r) => r.id) })).map((r) => [r.id, r]));
    return requests.map((r) => expired.get(r.id) ?? r);
  };

  app.openapi(
    table.add(
      createRoute({
        method: "post",
        path: "/api/clearances/drafts",
        tags: ["clearances"],
        summary: "Draft the host's clearance requests from the published plan's sorties",
        request: { body: jsonBody(draftsSchema) },
        responses: { 201: jsonAnswer(draftsAnswer, "Drafted"), ...PROBLEMS },
      }),
      policy("clearance_request", "create"),
    ),
    async (c) => {
      const actor = requireActor(c);
      authorizeOn(deps, actor, "create", { type: "clearance_request", owner: deps.parties.departing });
      const body = c.req.valid("json");
      const r = await draftClearances(deps, { actor, ...body });
      return c.json(
        {
          drafted: r.drafted.map((d) => presentClearance(deps, actor, d)),
          movements: r.movements.map((m) => presentMovement(deps, actor, m)),
          filedElsewhere: r.filedElsewhere.map((x) => JSON.parse(JSON.stringify(x)) as Record<string, string>),
          alreadyDrafted: [...r.alreadyDrafted],
        },
        201,
      );
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/clearances",
        tags: ["clearances"],
        summary: "Clearance requests, filtered by status, country or sortie",
        request: { query: listQuery },
        responses: { 200: jsonAnswer(listOf(clearanceSchema, "ClearanceRequestList"), "Requests"), ...PROBLEMS },
      }),
      policy("clearance_request", "read"),
    ),
    async (c) => {
      const actor = requireActor(c);
      const q = c.req.valid("query");
      const requests = await current((await listClearanceRequests(deps.db, q)).map(clearanceOfRow));
      // A request the sweep just expired no longer matches a status filter of "approved".
      const items = requests
        .filter((r) => q.status === undefined || r.status === q.status)
        .filter((r) => can(actor, "read", { type: "clearance_request", owner: r.owner }, deps.settings))
        .map((r) => presentClearance(deps, actor, r));
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "post",
        path: "/api/clearances/submit",
        tags: ["clearances"],
        summary: "Submit many drafts at once; each succeeds or fails on its own",
        request: { body: jsonBody(bulkSchema) },
        responses: { 200: jsonAnswer(bulkAnswer, "One result per request"), ...PROBLEMS },
      }),
      policy("clearance_request", "submit"),
    ),
    async (c) => {
      const actor = requireActor(c);
      authorizeOn(deps, actor, "submit", { type: "clearance_request", owner: deps.parties.departing });
      const outcomes = await submitClearances(deps, { actor, items: c.req.valid("json").items });
      return c.json(
        {
          submitted: outcomes.filter((o) => o.ok).length,
          results: outcomes.map((o) =>
            o.ok
              ? { id: o.id, ok: true, status: 200, request: presentClearance(deps, actor, o.request) }
              : { id: o.id, ok: false, status: o.status, code: o.code, detail: o.detail },
          ),
        },
        200,
      );
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "post",
        path: "/api/clearances/expire",
        tags: ["clearances"],
        summary:
          "Run the expiry sweep now: every approval whose validity window has passed unused becomes expired (the server also runs it every minute and when requests are read)",
        request: { body: jsonBody(z.strictObject({})) },
        responses: { 200: jsonAnswer(z.object({ expired: z.array(clearanceSchema) }).openapi("ExpirySweep"), "What the sweep expired"), ...PROBLEMS },
      }),
      policy("clearance_request", "expire"),
    ),
    async (c) => {
      const actor = requireActor(c);
      authorizeOn(deps, actor, "expire", { type: "clearance_request", owner: deps.parties.departing });
      const expired = await expireClearances(deps);
      return c.json({ expired: expired.map((r) => presentClearance(deps, actor, r)) }, 200);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/clearances/{id}",
        tags: ["clearances"],
        summary: "One request with its history (each event's ledger index and finality)",
        request: { params: idParam },
        responses: { 200: jsonAnswer(clearanceSchema, "The request"), ...PROBLEMS },
      }),
      policy("clearance_request", "read"),
    ),
    async (c) => {
      const actor = requireActor(c);
      const [r] = await current([await loadFor(actor, c.req.valid("param").id, "read")]);
      if (r === undefined) throw new Error("unreachable: one request in, one out");
      const history = presentHistory(await historyOf(deps.db, "clearance_request", r.id), await deps.ledger.finalSize(deps.db));
      c.header("ETag", `"${r.version}"`);
      return c.json(presentClearance(deps, actor, r, history), 200);
    },
  );

  // The changes to one request: same shape, different command.
  const change = <S extends z.ZodType>(
    method: "post" | "patch",
    name: string,
    action: Action,
    summary: string,
    schema: S,
    run: (actor: Actor, id: string, expectedVersion: number, body: z.output<S>) => Promise<ClearanceRequest>,
  ) =>
    stepRoute(app, table, deps, {
      method,
      path: name === "" ? "/api/clearances/{id}" : `/api/clearances/{id}/${name}`,
      tag: "clearances",
      summary: `${summary} (If-Match)`,
      resource: "clearance_request",
      action,
      body: schema,
      answer: clearanceSchema,
      answerDescription: method === "patch" ? "Edited" : "The request after the transition",
      load: (id) => loadClearance(deps.db, id),
      run,
      present: (actor, r) => ({ version: r.version, body: presentClearance(deps, actor, r) }),
    });
  const transition = <S extends z.ZodType>(
    name: string,
    action: Action,
    summary: string,
    schema: S,
    run: (actor: Actor, id: string, expectedVersion: number, body: z.output<S>) => Promise<ClearanceRequest>,
  ) => change("post", name, action, summary, schema, run);
  change("patch", "", "update", "Edit a draft", clearanceChangesSchema, (actor, id, v, changes) =>
    updateClearanceDraft(deps, { actor, id, expectedVersion: v, changes }),
  );
  const empty = z.strictObject({});
  transition("submit", "submit", "File a draft with the host", empty, (actor, id, v) => submitClearance(deps, { actor, id, expectedVersion: v }));
  transition("approve", "approve", "The host grants the request; movements whose clearances are complete become cleared", approveCommandSchema, async (actor, id, v, command) =>
    (await approveClearance(deps, { actor, id, expectedVersion: v, command })).request,
  );
  transition("deny", "deny", "The host refuses the request", denyCommandSchema, (actor, id, v, command) => denyClearance(deps, { actor, id, expectedVersion: v, command }));
  transition("amend", "amend", "The host proposes changes", amendCommandSchema, (actor, id, v, command) => amendClearance(deps, { actor, id, expectedVersion: v, command }));
  transition("accept-amendment", "accept_amendment", "The requester accepts the host's amendment", empty, (actor, id, v) =>
    acceptClearanceAmendment(deps, { actor, id, expectedVersion: v }),
  );
  transition("resubmit", "resubmit", "The requester answers an amendment with its own version", resubmitCommandSchema, (actor, id, v, command) =>
    resubmitClearance(deps, { actor, id, expectedVersion: v, command }),
  );
  transition("cancel", "cancel", "The requester withdraws the request", cancelCommandSchema, (actor, id, v, command) =>
    cancelClearance(deps, { actor, id, expectedVersion: v, command }),
  );
}
