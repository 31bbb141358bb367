/** The scenario the server runs (`GET /api/scenario`): its parties, sites, start and deadline. */
import { useQuery } from "@tanstack/react-query";
import { useApi } from "./api-context.tsx";
import type { ScenarioSummary } from "./contract.ts";

/** The query key of the scenario. */
export const SCENARIO_KEY = ["scenario"] as const;

/** The current scenario; it changes only when the server restarts on another. */
export function useScenario() {
  const api = useApi();
  return useQuery({ queryKey: SCENARIO_KEY, queryFn: ({ signal }) => api.get<ScenarioSummary>("/api/scenario", signal), staleTime: Number.POSITIVE_INFINITY });
}

/** The departing party's code (the party that plans and publishes), once the scenario is loaded. */
export function departingParty(s: ScenarioSummary | undefined): string | undefined {
  return s?.parties.find((p) => p.role === "departing")?.code;
}
