/**
 * The Clearances page's data: every request (refreshed each minute: the host decides while the
 * planner looks), one request with its history, the server's lead-time thresholds, and the
 * changes to a request — each sends the version it was read at (If-Match) and refreshes what it
 * touches: the requests, the movements they clear and the overview's alerts.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useApi } from "../../api/api-context.tsx";
import type { ClearanceRequest, ListOf, Overview } from "../../api/contract.ts";
import type { LeadTimeThresholds } from "./lead-time.ts";

/** The query key of everything about clearance requests. */
export const CLEARANCES_KEY = ["clearances"] as const;

/** Every request the caller may read. */
export function useClearanceList() {
  const api = useApi();
  return useQuery({
    queryKey: [...CLEARANCES_KEY, "list"],
    queryFn: ({ signal }) => api.get<ListOf<ClearanceRequest>>("/api/clearances", signal),
    refetchInterval: 60_000,
  });
}

/** One request with its history (who did what, when, and whether it is final). */
export function useClearance(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: [...CLEARANCES_KEY, "one", id],
    queryFn: ({ signal }) => api.get<ClearanceRequest>(`/api/clearances/${encodeURIComponent(id ?? "")}`, signal),
    enabled: id !== null,
  });
}

/** The thresholds the server's alerts use (the overview carries them); undefined until known. */
export function useLeadTimeThresholds(): LeadTimeThresholds | undefined {
  const api = useApi();
  const overview = useQuery({ queryKey: ["overview"], queryFn: ({ signal }) => api.get<Overview>("/api/overview", signal) });
  return overview.data?.alerts.thresholds;
}

/** One change to a request: its path after `/api/clearances/{id}/` ("" for an edit) and body. */
export interface RequestChange {
  readonly request: Pick<ClearanceRequest, "id" | "version">;
  readonly step: "" | "submit" | "approve" | "deny" | "amend" | "accept-amendment" | "resubmit" | "cancel";
  readonly body: Record<string, unknown>;
}

/** Sends changes to requests; refreshes the requests, the movements and the overview after each. */
export function useRequestChange() {
  const api = useApi();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (c: RequestChange) =>
      api.send<ClearanceRequest>(c.step === "" ? "PATCH" : "POST", `/api/clearances/${encodeURIComponent(c.request.id)}${c.step === "" ? "" : `/${c.step}`}`, {
        body: c.body,
        ifMatch: c.request.version,
      }),
    onSuccess: () => refreshAfterChange(queries),
  });
}

/** What a change to requests makes stale. */
export function refreshAfterChange(queries: ReturnType<typeof useQueryClient>): Promise<unknown> {
  return Promise.all([
    queries.invalidateQueries({ queryKey: CLEARANCES_KEY }),
    queries.invalidateQueries({ queryKey: ["movements"] }),
    queries.invalidateQueries({ queryKey: ["overview"] }),
  ]);
}
