/**
 * A planner run on the server, followed as it goes: its progress events, then its result or its
 * failure. Cancelling closes the connection; the server then ends the run.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useApi } from "../../api/api-context.tsx";
import type { RunFailure, RunProgress } from "../../api/contract.ts";
import { postEventStream } from "../../api/event-stream.ts";
import { ApiError } from "../../api/problem.ts";

/** Where a run stands. */
export type RunState<R> =
  | { readonly status: "idle" }
  | { readonly status: "running"; readonly progress: RunProgress | null }
  | { readonly status: "done"; readonly result: R }
  | { readonly status: "failed"; readonly error: unknown }
  | { readonly status: "cancelled" };

/**
 * Starts runs on `path` and follows them; `onDone` runs after a result (e.g. to refetch what it changed).
 *
 * @example
 * const run = usePlannerStream<PlanRunResult>("/api/plans/runs");
 * run.start({ publish: true });
 */
export function usePlannerStream<R>(path: string, onDone?: (result: R) => void) {
  const api = useApi();
  const queries = useQueryClient();
  const [state, setState] = useState<RunState<R>>({ status: "idle" });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    (body: unknown) => {
      controller.current?.abort();
      const c = new AbortController();
      controller.current = c;
      setState({ status: "running", progress: null });
      let settled = false;
      postEventStream(
        api,
        path,
        body,
        (e) => {
          if (e.event === "progress") setState({ status: "running", progress: e.data as RunProgress });
          else if (e.event === "result") {
            settled = true;
            setState({ status: "done", result: e.data as R });
            onDone?.(e.data as R);
          } else if (e.event === "failure") {
            settled = true;
            const f = e.data as RunFailure;
            setState({ status: "failed", error: new ApiError({ status: f.status, code: f.code, title: f.title, ...(f.detail === undefined ? {} : { detail: f.detail }) }) });
          }
        },
        c.signal,
      ).then(
        () => {
          if (!settled && !c.signal.aborted) setState({ status: "failed", error: new ApiError({ status: 0, code: "network.unreachable", title: "Connection lost", detail: "the run's connection closed before its result" }) });
        },
        (error: unknown) => {
          if (c.signal.aborted) return;
          if (error instanceof ApiError && error.status === 401) void queries.invalidateQueries({ queryKey: ["me"] });
          setState({ status: "failed", error });
        },
      );
    },
    [api, path, onDone, queries],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState({ status: "cancelled" });
  }, []);

  return { state, start, cancel };
}
