/** Cargo dispositions and handover lists (drafted by the departing party, signed by both). */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { listDispositions } from "#store/dispositions.repository.ts";
import { listHandoverLists } from "#store/handover-lists.repository.ts";
import type { Actor } from "#workflow/actor.ts";
import {
  type CargoDisposition,
  openDispositionCommandSchema,
  recordDisposalCommandSchema,
  recordHandoverCommandSchema,
  recordWithdrawalCommandSchema,
} from "#workflow/disposition.ts";
import {
  cancelHandoverListCommandSchema,
  createHandoverListCommandSchema,
  type HandoverList,
  signHandoverListCommandSchema,
  updateHandoverListCommandSchema,
} from "#workflow/handover-list.ts";
import { type Action, can } from "#workflow/policy.ts";
import {
  openCargoDisposition,
  openDispositionsFromScenario,
  recordCargoDisposal,
  recordCargoHandover,
  recordCargoWithdrawal,
} from "../commands/disposition-steps.ts";
import {
  cancelHandoverListRecord,
  createHandoverListRecord,
  signHandoverListRecord,
  updateHandoverListLines,
} from "../commands/handover-list-steps.ts";
import type { ServerDeps } from "../deps.ts";
import { dispositionOfRow, historyOf, loadDisposition, loadHandoverList } from "../persistence.ts";
import { presentDisposition, presentHandoverList, presentHistory } from "../presenters.ts";
import { type AppEnv, authorizeOn, idParam, jsonAnswer, jsonBody, PROBLEMS, requireActor } from "../request.ts";
import { policy, type RouteTable } from "../route-table.ts";
import { dispositionSchema, handoverListSchema, listOf } from "../wire.ts";
import { stepRoute } from "./step-route.ts";

/** Registers the disposition and handover-list routes. */
export function registerDispositionRoutes(app: OpenAPIHono<AppEnv>, table: RouteTable, deps: ServerDeps): void {
  const dAnswer = (c: Context<AppEnv>, actor: Actor, d: CargoDisposition) => {
    c.header("ETag", `"${d.version}"`);
    return presentDisposition(deps, actor, d);
  };
  const hAnswer = (c: Context<AppEnv>, actor: Actor, l: HandoverList) => {
    c.header("ETag", `"${l.version}"`);
    return presentHandoverList(deps, actor, l);
  };

  app.openapi(
    table.add(
      createRoute({
        method: "post",
        path: "/api/dispositions",
        tags: ["dispositions"],
        summary: "Open the disposition of one cargo line",
        request: { body: jsonBody(openDispositionCommandSchema) },
        responses: { 201: jsonAnswer(dispositionSchema, "Opened"), ...PROBLEMS },
      }),
      policy("cargo_disposition", "create"),
    ),
    async (c) => {
      const actor = requireActor(c);
      authorizeOn(deps, actor, "create", { type: "cargo_disposition", owner: deps.parties.departing });
      const d = await openCargoDisposition(deps, { actor, command: c.req.valid("json") });
      return c.json(dAnswer(c, actor, d), 201);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "post",
        path: "/api/dispositions/from-scenario",
        tags: ["dispositions"],
        summary: "Open a disposition for every cargo line of the scenario that has none",
        request: { body: jsonBody(z.strictObject({})) },
        responses: { 201: jsonAnswer(listOf(dispositionSchema, "DispositionList"), "Opened"), ...PROBLEMS },
      }),
      policy("cargo_disposition", "create"),
    ),
    async (c) => {
      const actor = requireActor(c);
      authorizeOn(deps, actor, "create", { type: "cargo_disposition", owner: deps.parties.departing });
      const opened = await openDispositionsFromScenario(deps, { actor });
      return c.json({ items: opened.map((d) => presentDisposition(deps, actor, d)) }, 201);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/dispositions",
        tags: ["dispositions"],
        summary: "Cargo dispositions, optionally open or complete only",
        request: { query: z.object({ status: z.enum(["open", "complete"]).optional() }) },
        responses: { 200: jsonAnswer(listOf(dispositionSchema, "DispositionList"), "Dispositions"), ...PROBLEMS },
      }),
      policy("cargo_disposition", "read"),
    ),
    async (c) => {
      const actor = requireActor(c);
      const rows = await listDispositions(deps.db, c.req.valid("query"));
      const items = rows
        .map(dispositionOfRow)
        .filter((d) => can(actor, "read", { type: "cargo_disposition", owner: d.owner }, deps.settings))
        .map((d) => presentDisposition(deps, actor, d));
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/dispositions/{id}",
        tags: ["dispositions"],
        summary: "One cargo line's disposition with history",
        request: { params: idParam },
        responses: { 200: jsonAnswer(dispositionSchema, "The disposition"), ...PROBLEMS },
      }),
      policy("cargo_disposition", "read"),
    ),
    async (c) => {
      const actor = requireActor(c);
      const d = await loadDisposition(deps.db, c.req.valid("param").id);
      authorizeOn(deps, actor, "read", { type: "cargo_disposition", owner: d.owner });
      const history = presentHistory(await historyOf(deps.db, "cargo_disposition", d.cargo), await deps.ledger.finalSize(deps.db));
      c.header("ETag", `"${d.version}"`);
      return c.json(presentDisposition(deps, actor, d, history), 200);
    },
  );

  const dStep = <S extends z.ZodType>(
    name: string,
    action: Action,
    summary: string,
    schema: S,
    run: (actor: Actor, cargo: string, v: number, body: z.output<S>) => Promise<CargoDisposition>,
  ) =>
    stepRoute(app, table, deps, {
      method: "post",
      path: `/api/dispositions/{id}/${name}`,
      tag: "dispositions",
      summary: `${summary} (If-Match)`,
      resource: "cargo_disposition",
      action,
      body: schema,
      answer: dispositionSchema,
      answerDescription: "The disposition after it",
      load: (id) => loadDisposition(deps.db, id),
      run,
      present: (actor, d) => ({ version: d.version, body: presentDisposition(deps, actor, d) }),
    });
  dStep("withdrawals", "record_withdrawal", "Record pieces that left on a departed movement", recordWithdrawalCommandSchema, (actor, cargo, v, command) =>
    recordCargoWithdrawal(deps, { actor, cargo, expectedVersion: v, command }),
  );
  dStep("disposals", "record_disposal", "Record pieces disposed of in place", recordDisposalCommandSchema, (actor, cargo, v, command) =>
    recordCargoDisposal(deps, { actor, cargo, expectedVersion: v, command }),
  );
  dStep("handovers", "record_handover", "Record the pieces a final handover list gives the host", recordHandoverCommandSchema, (actor, cargo, v, command) =>
    recordCargoHandover(deps, { actor, cargo, expectedVersion: v, command }),
  );

  app.openapi(
    table.add(
      createRoute({
        method: "post",
        path: "/api/handover-lists",
        tags: ["handover lists"],
        summary: "Draft a handover list of the departing party",
        request: { body: jsonBody(createHandoverListCommandSchema) },
        responses: { 201: jsonAnswer(handoverListSchema, "Drafted"), ...PROBLEMS },
      }),
      policy("handover_list", "create"),
    ),
    async (c) => {
      const actor = requireActor(c);
      authorizeOn(deps, actor, "create", { type: "handover_list", owner: deps.parties.departing });
      const l = await createHandoverListRecord(deps, { actor, command: c.req.valid("json") });
      return c.json(hAnswer(c, actor, l), 201);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/handover-lists",
        tags: ["handover lists"],
        summary: "Handover lists",
        responses: { 200: jsonAnswer(listOf(handoverListSchema, "HandoverListList"), "Lists"), ...PROBLEMS },
      }),
      policy("handover_list", "read"),
    ),
    async (c) => {
      const actor = requireActor(c);
      const lists = await Promise.all((await listHandoverLists(deps.db)).map((r) => loadHandoverList(deps.db, r.id)));
      const items = lists
        .filter((l) => can(actor, "read", { type: "handover_list", owner: l.owner }, deps.settings))
        .map((l) => presentHandoverList(deps, actor, l));
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/handover-lists/{id}",
        tags: ["handover lists"],
        summary: "One handover list with its digest (what each party signs) and history",
        request: { params: idParam },
        responses: { 200: jsonAnswer(handoverListSchema, "The list"), ...PROBLEMS },
      }),
      policy("handover_list", "read"),
    ),
    async (c) => {
      const actor = requireActor(c);
      const l = await loadHandoverList(deps.db, c.req.valid("param").id);
      authorizeOn(deps, actor, "read", { type: "handover_list", owner: l.owner });
      const history = presentHistory(await historyOf(deps.db, "handover_list", l.id), await deps.ledger.finalSize(deps.db));
      c.header("ETag", `"${l.version}"`);
      return c.json(presentHandoverList(deps, actor, l, history), 200);
    },
  );

  const hStep = <S extends z.ZodType>(
    method: "post" | "patch",
    name: string,
    action: Action,
    summary: string,
    schema: S,
    run: (actor: Actor, id: string, v: number, body: z.output<S>) => Promise<HandoverList>,
  ) =>
    stepRoute(app, table, deps, {
      method,
      path: name === "" ? "/api/handover-lists/{id}" : `/api/handover-lists/{id}/${name}`,
      tag: "handover lists",
      summary: `${summary} (If-Match)`,
      resource: "handover_list",
      action,
      body: schema,
      answer: handoverListSchema,
      answerDescription: method === "patch" ? "Changed" : "The list after it",
      load: (id) => loadHandoverList(deps.db, id),
      run,
      present: (actor, l) => ({ version: l.version, body: presentHandoverList(deps, actor, l) }),
    });
  hStep("patch", "", "update", "Replace the lines of an unsigned list", updateHandoverListCommandSchema, (actor, id, v, body) =>
    updateHandoverListLines(deps, { actor, id, expectedVersion: v, lines: body.lines }),
  );
  hStep("post", "sign", "sign", "Sign the list's digest for the caller's party; the second party's signature makes it final", signHandoverListCommandSchema, (actor, id, v, command) =>
    signHandoverListRecord(deps, { actor, id, expectedVersion: v, command }),
  );
  hStep("post", "cancel", "cancel", "Withdraw a list that is not final", cancelHandoverListCommandSchema, (actor, id, v, body) =>
    cancelHandoverListRecord(deps, { actor, id, expectedVersion: v, reason: body.reason }),
  );
}
