/**
 * Server-sent events over a POST (the planner runs need the CSRF header and a JSON body, which
 * `EventSource` cannot send): the response body is read as it arrives and cut into events. An error
 * answer (4xx/5xx) becomes an {@link ApiError} before any event; aborting the signal closes the
 * connection, which the server takes as "cancel".
 */
import type { ApiClient } from "./client.ts";
import { CSRF_HEADER } from "./client.ts";
import { ApiError, problemOf, unreachable } from "./problem.ts";

/** One event: its name (`message` when unnamed) and its data, parsed as JSON. */
export interface StreamEvent {
  readonly event: string;
  readonly data: unknown;
}

/**
 * Cuts a text stream into events; feed it chunks as they come, in order.
 *
 * @example
 * const p = new EventStreamParser();
 * p.feed("event: progress\ndata: {\"fraction\":0.5}\n\n"); // [{ event: "progress", data: { fraction: 0.5 } }]
 */
export class EventStreamParser {
  private buffer = "";

  /** The events completed by this chunk. */
  feed(chunk: string): StreamEvent[] {
    this.buffer += chunk.replace(/\r\n?/g, "\n");
    const out: StreamEvent[] = [];
    let cut = this.buffer.indexOf("\n\n");
    while (cut >= 0) {
      const block = this.buffer.slice(0, cut);
      this.buffer = this.buffer.slice(cut + 2);
      const event = parseBlock(block);
      if (event !== undefined) out.push(event);
      cut = this.buffer.indexOf("\n\n");
    }
    return out;
  }
}

function parseBlock(block: string): StreamEvent | undefined {
  let event = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  if (data.length === 0) return undefined;
  const text = data.join("\n");
  try {
    return { event, data: JSON.parse(text) as unknown };
  } catch {
    return { event, data: text };
  }
}

/**
 * POSTs `body` and calls `onEvent` for each event until the stream ends.
 *
 * @example
 * await postEventStream(api, "/api/plans/runs", { publish: true }, (e) => …, controller.signal);
 */
export async function postEventStream(api: ApiClient, path: string, body: unknown, onEvent: (e: StreamEvent) => void, signal?: AbortSignal): Promise<void> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "text/event-stream, application/problem+json" };
  if (api.csrfToken !== undefined) headers[CSRF_HEADER] = api.csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method: "POST", headers, body: JSON.stringify(body), credentials: "same-origin", ...(signal === undefined ? {} : { signal }) });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(unreachable(e instanceof Error ? e.message : String(e)));
  }
  if (!res.ok || res.body === null) throw new ApiError(problemOf(res.status, await res.json().catch(() => undefined)));
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new EventStreamParser();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    for (const e of parser.feed(value)) onEvent(e);
  }
}
