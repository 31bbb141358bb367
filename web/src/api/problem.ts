/**
 * Errors of the API as values the UI can word: RFC 9457 problem bodies (parsed with zod, since
 * the body is outside our control when a proxy answers), and failures to reach the server.
 */
import * as z from "zod/mini";

const problemSchema = z.looseObject({
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  currentVersion: z.optional(z.number()),
});

/** A problem body. */
export type Problem = z.infer<typeof problemSchema>;

/** An error answer of the API, or no answer at all (status 0, code `network.unreachable`). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(`${problem.status} ${problem.code}: ${problem.detail ?? problem.title}`);
    this.name = "ApiError";
    this.status = problem.status;
    this.problem = problem;
  }

  /** The stable machine id, e.g. `conflict.version`. */
  get code(): string {
    return this.problem.code;
  }

  /** Someone changed the object first (a stale If-Match), or the object's state forbids it. */
  get isConflict(): boolean {
    return this.status === 409;
  }
}

/**
 * The problem of an error answer: its body when it is a problem, else one made from the status.
 *
 * @example
 * const problem = problemOf(409, await res.json().catch(() => undefined));
 */
export function problemOf(status: number, body: unknown): Problem {
  const parsed = problemSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  return { title: status >= 500 ? "Server error" : "Request refused", status, code: status >= 500 ? "server.error" : "request.refused" };
}

/** The problem of a request that got no answer. */
export const unreachable = (why: string): Problem => ({ title: "Server unreachable", status: 0, code: "network.unreachable", detail: why });
