/** The ledger's checkpoints and entries, as the server serves them (refreshed while the page is open). */
import { useQuery } from "@tanstack/react-query";
import { useApi } from "../../api/api-context.tsx";
import { type CheckpointList, fetchAllLeaves } from "./ledger-source.ts";

/** The query keys of the ledger; a cosignature invalidates them all. */
export const LEDGER_KEY = ["ledger"] as const;

/** Every checkpoint with its cosignatures, smallest first. */
export function useCheckpoints() {
  const api = useApi();
  return useQuery({
    queryKey: [...LEDGER_KEY, "checkpoints"],
    queryFn: ({ signal }) => api.get<CheckpointList>("/api/ledger/checkpoints", signal),
    refetchInterval: 30_000,
  });
}

/** Every entry (leaf), in order. */
export function useEntries() {
  const api = useApi();
  // Every entry is fetched again: less often than the checkpoints (a long ledger is many pages).
  return useQuery({ queryKey: [...LEDGER_KEY, "leaves"], queryFn: ({ signal }) => fetchAllLeaves(api, signal), refetchInterval: 120_000 });
}
