/**
 * Every route declares who may call it, as data: public, any logged-in user, or a policy
 * action on a resource kind. The matrix test reads this table to try every route with every
 * role of both parties, on objects of both parties, against the policy's `can`.
 */
import type { RouteConfig } from "@hono/zod-openapi";
import type { Action, ResourceType } from "#workflow/policy.ts";

/** Who may call a route. */
export type Access =
  | { readonly kind: "public" }
  | { readonly kind: "session" }
  | { readonly kind: "policy"; readonly resource: ResourceType; readonly action: Action };

/** One route as the table lists it. */
export interface RouteEntry {
  readonly method: string;
  /** OpenAPI path, e.g. `/api/clearances/{id}/approve`. */
  readonly path: string;
  readonly operationId: string;
  readonly access: Access;
}

/** Collects the routes an app registers. */
export class RouteTable {
  readonly entries: RouteEntry[] = [];

  /**
   * Records a route's access and returns its config unchanged (with an operationId).
   *
   * @example
   * app.openapi(table.add(createRoute({ … }), policy("clearance_request", "approve")), handler);
   */
  add<R extends RouteConfig>(route: R, access: Access): R {
    const operationId = route.operationId ?? `${route.method}:${route.path}`;
    this.entries.push({ method: route.method.toUpperCase(), path: route.path, operationId, access });
    return route;
  }
}

/** Anyone, logged in or not. */
export const PUBLIC: Access = { kind: "public" };
/** Any logged-in user. */
export const SESSION: Access = { kind: "session" };
/** A policy action on a resource kind. */
export const policy = (resource: ResourceType, action: Action): Access => ({ kind: "policy", resource, action });
