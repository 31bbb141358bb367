/**
 * The route shape most mutations share: a change to one existing object, named by `{id}` in the
 * path and based on the version the client read (If-Match). Its handler is always the same —
 * validate → load → authorise on the object's owner → run the command → present with its ETag —
 * so it is written once here and each route file lists its steps as data.
 */
import { createRoute, type OpenAPIHono, type z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Actor } from "#workflow/actor.ts";
import type { PartyCode } from "#workflow/ids.ts";
import type { Action, ResourceType } from "#workflow/policy.ts";
import type { ServerDeps } from "../deps.ts";
import {
  type AppEnv,
  authorizeOn,
  idParam,
  ifMatch,
  ifMatchHeader,
  jsonAnswer,
  jsonBody,
  PROBLEMS,
  requireActor,
  validated,
} from "../request.ts";
import { policy, type RouteTable } from "../route-table.ts";

/** What the answer carries: the body and the version for its ETag. */
export interface Presented {
  readonly version: number;
  readonly body: unknown;
}

/** One change to one object, as data. */
export interface StepRoute<S extends z.ZodType, R> {
  readonly method: "post" | "put" | "patch" | "delete";
  /** OpenAPI path with `{id}`, e.g. `/api/clearances/{id}/approve`. */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  /** The policy action on the resource kind; checked against the loaded object's owner. */
  readonly resource: ResourceType;
  readonly action: Action;
  /** The body's schema; none for a DELETE. */
  readonly body?: S;
  readonly answer: z.ZodType;
  readonly answerDescription: string;
  /** 200 unless the step records something new (201). */
  readonly status?: 200 | 201;
  /** Loads the object the path names (404 when absent): its owner decides the authorisation. */
  readonly load: (id: string) => Promise<{ readonly owner: PartyCode }>;
  /** Runs the command at the client's version (If-Match). */
  readonly run: (actor: Actor, id: string, expectedVersion: number, body: z.output<S>) => Promise<R>;
  readonly present: (actor: Actor, result: R) => Presented | Promise<Presented>;
}

/**
 * Registers one step route.
 *
 * @example
 * stepRoute(app, table, deps, { method: "post", path: "/api/clearances/{id}/deny", resource: "clearance_request", action: "deny", … });
 */
export function stepRoute<S extends z.ZodType, R>(app: OpenAPIHono<AppEnv>, table: RouteTable, deps: ServerDeps, route: StepRoute<S, R>): void {
  const status = route.status ?? 200;
  app.openapi(
    table.add(
      createRoute({
        method: route.method,
        path: route.path,
        tags: [route.tag],
        summary: route.summary,
        request: { params: idParam, headers: ifMatchHeader, ...(route.body === undefined ? {} : { body: jsonBody(route.body) }) },
        responses: { [status]: jsonAnswer(route.answer, route.answerDescription), ...PROBLEMS },
      }),
      policy(route.resource, route.action),
    ),
    async (c) => {
      const ctx = c as unknown as Context<AppEnv>;
      const actor = requireActor(ctx);
      const { id } = validated<{ id: string }>(ctx, "param");
      const object = await route.load(id);
      authorizeOn(deps, actor, route.action, { type: route.resource, owner: object.owner });
      const body = route.body === undefined ? ({} as z.output<S>) : validated<z.output<S>>(ctx, "json");
      const result = await route.run(actor, id, ifMatch(ctx), body);
      const presented = await route.present(actor, result);
      ctx.header("ETag", `"${presented.version}"`);
      return ctx.json(presented.body as Record<string, unknown>, status) as never;
    },
  );
}
