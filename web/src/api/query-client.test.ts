/** The app's error policy in React Query, without React: conflicts refetch, 401 rechecks the session, 4xx is not retried. */
import { QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { ApiError } from "./problem.ts";
import { createQueryClient, ME_KEY } from "./query-client.ts";

const problem = (status: number, code: string) => new ApiError({ status, code, title: code });

/** A query whose function counts its calls. */
async function counted(client: ReturnType<typeof createQueryClient>, key: string) {
  let calls = 0;
  const queryFn = async () => ++calls;
  await client.fetchQuery({ queryKey: [key], queryFn });
  // Only an observed query (one a page shows) refetches when invalidated: observe it.
  const unsubscribe = new QueryObserver(client, { queryKey: [key], queryFn }).subscribe(() => undefined);
  return { calls: () => calls, unsubscribe };
}

async function failMutation(client: ReturnType<typeof createQueryClient>, error: ApiError) {
  const mutation = client.getMutationCache().build(client, { mutationFn: () => Promise.reject(error) });
  await mutation.execute(undefined).catch(() => undefined);
  await new Promise((r) => setTimeout(r, 20));
}

describe("createQueryClient", () => {
  it("refetches every query after a 409 conflict, so the page shows the current version", async () => {
    const client = createQueryClient();
    const q = await counted(client, "clearances");
    const before = q.calls();
    await failMutation(client, problem(409, "conflict.version"));
    expect(q.calls()).toBeGreaterThan(before);
    q.unsubscribe();
  });

  it("leaves the queries alone after another refusal", async () => {
    const client = createQueryClient();
    const q = await counted(client, "clearances");
    const before = q.calls();
    await failMutation(client, problem(422, "request.invalid"));
    expect(q.calls()).toBe(before);
    q.unsubscribe();
  });

  it("rechecks the session after a 401", async () => {
    const client = createQueryClient();
    const me = await counted(client, ME_KEY[0]);
    const before = me.calls();
    await failMutation(client, problem(401, "auth.required"));
    expect(me.calls()).toBeGreaterThan(before);
    me.unsubscribe();
  });

  it("does not retry a refused request, and retries a failed one", () => {
    const client = createQueryClient();
    const retry = client.getDefaultOptions().queries?.retry;
    if (typeof retry !== "function") throw new Error("retry is a function");
    expect(retry(0, problem(404, "x.not_found"))).toBe(false);
    expect(retry(0, problem(503, "server.error"))).toBe(true);
    expect(retry(0, problem(0, "network.unreachable"))).toBe(true);
    expect(retry(2, problem(503, "server.error"))).toBe(false);
  });
});
