/** `GET /api/overview`, refreshed every minute (the clock moves, movements depart). */
import { useQuery } from "@tanstack/react-query";
import { useApi } from "../../api/api-context.tsx";
import type { Overview } from "../../api/contract.ts";

/** The query key of the overview. */
export const OVERVIEW_KEY = ["overview"] as const;

/** The overview. */
export function useOverview() {
  const api = useApi();
  return useQuery({ queryKey: OVERVIEW_KEY, queryFn: ({ signal }) => api.get<Overview>("/api/overview", signal), refetchInterval: 60_000 });
}
