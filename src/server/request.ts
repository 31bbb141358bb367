/**
 * What handlers share: the app's environment type, the caller, If-Match, object-level
 * authorisation and the common OpenAPI pieces (bodies, problem responses).
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Actor } from "#workflow/actor.ts";
import { type Action, authorize, type Resource } from "#workflow/policy.ts";
import type { ServerDeps } from "./deps.ts";
import { fromDomainError, HttpError } from "./http-error.ts";
import { problemSchema } from "./problem.ts";
import type { ValidSession } from "./session-service.ts";

/** Hono's environment of the app: the caller, once authenticated. */
export interface AppEnv {
  Variables: {
    actor: Actor | undefined;
    session: ValidSession | undefined;
  };
}

/** The logged-in caller, or 401. */
export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.get("actor");
  if (actor === undefined) throw new HttpError(401, "auth.required", "Log in first", "this route needs a session");
  return actor;
}

/**
 * Object-level authorisation: 403 (logged) unless the policy lets the actor do it.
 *
 * @example
 * authorizeOn(deps, actor, "approve", { type: "clearance_request", owner: request.owner });
 */
export function authorizeOn(deps: ServerDeps, actor: Actor, action: Action, resource: Resource): void {
  const denied = authorize(actor, action, resource, deps.settings);
  if (denied !== undefined) throw fromDomainError(denied);
}

/**
 * The version the client based its change on: `If-Match: "3"` (428 when missing).
 *
 * @example
 * const expected = ifMatch(c);
 */
export function ifMatch(c: Context<AppEnv>): number {
  const header = c.req.header("if-match");
  if (header === undefined)
    throw new HttpError(428, "precondition.required", "If-Match required", 'send If-Match: "<version>" with the version you read (its ETag)');
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (m?.[1] === undefined) throw new HttpError(400, "precondition.malformed", "Malformed If-Match", 'If-Match is the ETag you read, e.g. "3"');
  return Number(m[1]);
}

/** A required JSON body. */
export function jsonBody<T extends z.ZodType>(schema: T, description = "JSON body") {
  return { required: true, description, content: { "application/json": { schema } } };
}

/** A 200/201 JSON answer. */
export function jsonAnswer<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

/** An error answer (`application/problem+json`). */
export const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: problemSchema } } });

/** The error answers every API route may give. */
export const PROBLEMS = {
  400: problem("Malformed request (bad JSON or header)"),
  401: problem("Not logged in"),
  403: problem("Not allowed by the policy"),
  404: problem("No such object"),
  409: problem("Conflict: stale version or the object's state"),
  422: problem("Invalid input: each bad field named by its JSON path"),
  428: problem("If-Match missing"),
  429: problem("Too many attempts"),
} as const;

/** The If-Match header schema of a mutation on an existing object. */
export const ifMatchHeader = z.object({
  "if-match": z.string().optional().openapi({ description: 'The ETag (version) the change is based on, e.g. "3". Required.' }),
});

/** `{id}` in the path. */
export const idParam = z.object({ id: z.string().min(1).max(128).openapi({ param: { name: "id", in: "path" } }) });

/**
 * A validated part of the request, for handlers built by a generic helper whose path type is
 * not a literal (the validators have run: the route declares their schemas).
 */
export function validated<T>(c: Context<AppEnv>, target: "param" | "json" | "query"): T {
  return (c.req as unknown as { valid(t: string): T }).valid(target);
}
