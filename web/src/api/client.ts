/**
 * The web app's HTTP client for the Commission's API. It sends the session cookie (same origin),
 * the CSRF token on every mutation, `If-Match: "<version>"` on changes to existing objects, and
 * turns every error answer into an {@link ApiError} carrying the server's problem. It knows no
 * endpoint: pages call `get`/`send` with paths and types from `contract.ts`.
 */
import { ApiError, problemOf, unreachable } from "./problem.ts";

/** A read: the body and the object's version from its ETag, when the server sent one. */
export interface Read<T> {
  readonly data: T;
  readonly version: number | undefined;
}

/** Options of a mutation. */
export interface SendOptions {
  readonly body?: unknown;
  /** The version the change is based on (the `version` or ETag last read). */
  readonly ifMatch?: number;
  readonly signal?: AbortSignal;
}

/** What the client needs from its surroundings (a test passes a server's `app.request`). */
export interface ApiClientOptions {
  readonly fetch?: (input: Request) => Promise<Response>;
  /** Prefix of every path; the page's own origin when empty. */
  readonly baseUrl?: string;
}

/** The CSRF header the server checks on every mutation. */
export const CSRF_HEADER = "x-csrf-token";

/**
 * The version in an ETag: `"3"` or `W/"3"` → 3.
 *
 * @example
 * versionOfEtag('"7"'); // 7
 */
export function versionOfEtag(etag: string | null): number | undefined {
  const m = etag === null ? null : /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(etag);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

/**
 * A client of the API.
 *
 * @example
 * const api = new ApiClient();
 * const me = await api.send<Me>("POST", "/api/auth/login", { body: { username, password } });
 * api.csrfToken = me.csrfToken;
 * await api.send("POST", `/api/clearances/${id}/submit`, { body: {}, ifMatch: request.version });
 */
export class ApiClient {
  /** The session's CSRF token (from the login answer or `GET /api/auth/me`). */
  csrfToken: string | undefined;
  private readonly fetcher: (input: Request) => Promise<Response>;
  private readonly baseUrl: string;

  constructor(options: ApiClientOptions = {}) {
    this.fetcher = options.fetch ?? ((r) => globalThis.fetch(r));
    this.baseUrl = options.baseUrl ?? "";
  }

  /** GET a JSON answer, with its version. */
  async read<T>(path: string, signal?: AbortSignal): Promise<Read<T>> {
    const res = await this.call("GET", path, signal === undefined ? {} : { signal });
    return { data: (await res.json()) as T, version: versionOfEtag(res.headers.get("etag")) };
  }

  /** GET a JSON answer. */
  async get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return (await this.read<T>(path, signal)).data;
  }

  /** A mutation (POST, PUT, PATCH, DELETE); resolves to the answer's JSON (undefined for 204). */
  async send<T>(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string, options: SendOptions = {}): Promise<T> {
    const res = await this.call(method, path, options);
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  private async call(method: string, path: string, options: SendOptions): Promise<Response> {
    const headers = new Headers({ accept: "application/json, application/problem+json" });
    if (method !== "GET" && this.csrfToken !== undefined) headers.set(CSRF_HEADER, this.csrfToken);
    if (options.ifMatch !== undefined) headers.set("if-match", `"${options.ifMatch}"`);
    let body: string | undefined;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers.set("content-type", "application/json");
    }
    const request = new Request(new URL(this.baseUrl + path, (globalThis as { location?: { href: string } }).location?.href), {
      method,
      headers,
      credentials: "same-origin",
      ...(body === undefined ? {} : { body }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    let res: Response;
    try {
      res = await this.fetcher(request);
    } catch (e) {
      if (e instanceof DOMException && e.name === "AbortError") throw e;
      throw new ApiError(unreachable(e instanceof Error ? e.message : String(e)));
    }
    if (!res.ok) {
      const parsed: unknown = await res.json().catch(() => undefined);
      throw new ApiError(problemOf(res.status, parsed));
    }
    return res;
  }
}
