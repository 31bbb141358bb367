/**
 * Clearance requests: drafts from the published plan (host country only), list and get with
 * history, edit a draft, submit one or many, the host's decisions, and the requester's answers.
 * Each handler: validate → load → authorise → command → present.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { listClearanceRequests } from "#store/clearance-requests.repository.ts";
import {
  amendCommandSchema,
  approveCommandSchema,
  cancelCommandSchema,
  type ClearanceRequest,
  clearanceChangesSchema,
  denyCommandSchema,
  resubmitCommandSchema,
} from "#workflow/clearance-request.ts";
import type { Actor } from "#workflow/actor.ts";
import type { Action } from "#workflow/policy.ts";
import { approveClearance } from "../commands/clearance-approver.ts";
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
import { type AppEnv, authorizeOn, idParam, ifMatch, ifMatchHeader, jsonAnswer, jsonBody, PROBLEMS, requireActor, validated } from "../request.ts";
import { policy, type RouteTable } from "../route-table.ts";
import { clearanceSchema, listOf, movementSchema } from "../wire.ts";

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
  const answer = (c: Context<AppEnv>, actor: Actor, r: ClearanceRequest) => {
    c.header("ETag", `"${r.version}"`);
    return presentClearance(deps, actor, r);
  };
  /** Load and authorise an existing request: the handlers' common first half. */
  const loadFor = async (actor: Actor, id: string, action: Action) => {
    const r = await loadClearance(deps.db, id);
    authorizeOn(deps, actor, action, { type: "clearance_request", owner: r.owner });
    return r;
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
      const rows = await listClearanceRequests(deps.db, q);
      const items = rows
        .map(clearanceOfRow)
        .filter((r) => canRead(deps, actor, r))
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
      const r = await loadFor(actor, c.req.valid("param").id, "read");
      const history = presentHistory(await historyOf(deps.db, "clearance_request", r.id), await deps.ledger.finalSize(deps.db));
      c.header("ETag", `"${r.version}"`);
      return c.json(presentClearance(deps, actor, r, history), 200);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "patch",
        path: "/api/clearances/{id}",
        tags: ["clearances"],
        summary: "Edit a draft (If-Match)",
        request: { params: idParam, headers: ifMatchHeader, body: jsonBody(clearanceChangesSchema) },
        responses: { 200: jsonAnswer(clearanceSchema, "Edited"), ...PROBLEMS },
      }),
      policy("clearance_request", "update"),
    ),
    async (c) => {
      const actor = requireActor(c);
      const r = await loadFor(actor, c.req.valid("param").id, "update");
      const next = await updateClearanceDraft(deps, { actor, id: r.id, expectedVersion: ifMatch(c), changes: c.req.valid("json") });
      return c.json(answer(c, actor, next), 200);
    },
  );

  // The one-object transitions: same shape, different command.
  const transition = <S extends z.ZodType>(
    name: string,
    action: Action,
    summary: string,
    schema: S,
    run: (actor: Actor, id: string, expectedVersion: number, body: z.output<S>) => Promise<ClearanceRequest>,
  ) => {
    app.openapi(
      table.add(
        createRoute({
          method: "post",
          path: `/api/clearances/{id}/${name}`,
          tags: ["clearances"],
          summary: `${summary} (If-Match)`,
          request: { params: idParam, headers: ifMatchHeader, body: jsonBody(schema) },
          responses: { 200: jsonAnswer(clearanceSchema, "The request after the transition"), ...PROBLEMS },
        }),
        policy("clearance_request", action),
      ),
      async (c) => {
        const actor = requireActor(c);
        const r = await loadFor(actor, validated<{ id: string }>(c as unknown as Context<AppEnv>, "param").id, action);
        const body = validated<z.output<S>>(c as unknown as Context<AppEnv>, "json");
        const next = await run(actor, r.id, ifMatch(c), body);
        return c.json(answer(c, actor, next), 200);
      },
    );
  };
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

function canRead(deps: ServerDeps, actor: Actor, r: ClearanceRequest): boolean {
  try {
    authorizeOn(deps, actor, "read", { type: "clearance_request", owner: r.owner });
    return true;
  } catch {
    return false;
  }
}
