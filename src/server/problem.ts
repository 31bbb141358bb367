/**
 * `application/problem+json` (RFC 9457) bodies and their schema, and the central error handler:
 * HttpErrors answer as themselves, validation failures name each bad field by JSON path, store
 * conflicts answer 409, anything else a plain 500 whose details go to the log only.
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isUniqueViolation, StoreError } from "#store/errors.ts";
import { type FieldProblem, HttpError } from "./http-error.ts";
import type { Logger } from "./logger.ts";

/** The problem body. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe("Stable machine id of the problem, e.g. clearance.not_decidable."),
    detail: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string().describe("JSON path of the bad field, e.g. $.details.crew"), message: z.string() }))
      .optional(),
    currentVersion: z.number().int().optional(),
  })
  .passthrough()
  .openapi("Problem");

/** A problem body. */
export type Problem = z.infer<typeof problemSchema>;

/**
 * A JSON path from a zod issue path: `["details", "itinerary", 0, "from"]` → `$.details.itinerary[0].from`.
 *
 * @example
 * jsonPath(["lines", 2, "quantity"]); // "$.lines[2].quantity"
 */
export function jsonPath(path: readonly PropertyKey[]): string {
  return `$${path.map((p) => (typeof p === "number" ? `[${p}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(String(p)) ? `.${String(p)}` : `[${JSON.stringify(String(p))}]`)).join("")}`;
}

/** The problem response of an HttpError. */
export function problemResponse(error: HttpError): Response {
  const body: Problem = {
    type: `https://drawdown.example/problems/${error.code}`,
    title: error.title,
    status: error.status,
    code: error.code,
    ...(error.detail === undefined ? {} : { detail: error.detail }),
    ...error.extras,
  };
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { "content-type": "application/problem+json", ...error.headers },
  });
}

/** 422 naming each bad field. */
export function validationError(where: "body" | "query" | "path" | "header", issues: readonly FieldProblem[]): HttpError {
  return new HttpError(
    422,
    "request.invalid",
    "The request is not valid",
    `${issues.length} problem${issues.length === 1 ? "" : "s"} in the ${where}`,
    { errors: issues },
  );
}

/**
 * The central error handler (Hono's `app.onError`).
 *
 * @example
 * app.onError(errorHandler(logger));
 */
export function errorHandler(logger: Logger) {
  return (error: Error, c: Context): Response => {
    if (error instanceof HttpError) {
      if (error.status === 403) {
        const actor = c.get("actor" as never) as { id?: string; party?: string } | undefined;
        logger.warn("authz.denied", {
          user: actor?.id,
          party: actor?.party,
          method: c.req.method,
          path: c.req.routePath,
          code: error.code,
        });
      }
      return problemResponse(error);
    }
    if (error instanceof HTTPException) {
      const status = error.status;
      const title =
        status === 400 ? "Malformed request" : status === 413 ? "Request too large" : status === 415 ? "Unsupported media type" : status === 403 ? "Forbidden" : "Request refused";
      const code = status === 400 ? "request.malformed" : status === 413 ? "request.too_large" : status === 415 ? "request.media_type" : status === 403 ? "request.forbidden_origin" : "request.refused";
      const detail = status === 400 ? "the body is not valid JSON" : status === 415 ? "send the body as application/json" : undefined;
      return problemResponse(new HttpError(status, code, title, detail));
    }
    if (isUniqueViolation(error)) {
      return problemResponse(new HttpError(409, "conflict.duplicate", "Conflict", "someone recorded this first: reload and try again"));
    }
    if (error instanceof StoreError && (error.code === "store.ledger_duplicate" || error.code === "store.duplicate")) {
      return problemResponse(new HttpError(409, "conflict.duplicate", "Conflict", "someone recorded this first: reload and try again"));
    }
    logger.error("server.error", {
      method: c.req.method,
      path: c.req.routePath,
      error: error.name,
      message: error.message.slice(0, 500),
      stack: error.stack?.split("\n").slice(0, 6).join(" | "),
    });
    return problemResponse(new HttpError(500 as ContentfulStatusCode, "server.error", "Internal error", "the server could not complete the request; it has been logged"));
  };
}
