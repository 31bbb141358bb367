/**
 * The Personnel page's data: persons as the caller may see them, where each is (with the version
 * the next record is based on), the movements, one movement with its passengers, the headcount
 * over time and the reconciliation. Every change refreshes all of it (and the overview, whose
 * burndown counts departures).
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useApi } from "../../api/api-context.tsx";
import type { HeadcountSeries, ListOf, Movement, Person, PersonPresence } from "../../api/contract.ts";

/** Every query of the page starts with one of these keys. */
export const PERSONNEL_KEYS = [["persons"], ["personnel"], ["movements"]] as const;

const MINUTE = 60_000;

/** Persons, as the caller may see them (the host: no document numbers). */
export function usePersons() {
  const api = useApi();
  return useQuery({ queryKey: ["persons"], queryFn: ({ signal }) => api.get<ListOf<Person>>("/api/persons", signal), refetchInterval: MINUTE });
}

/** Each person's presence, with its version. */
export function usePresence() {
  const api = useApi();
  return useQuery({ queryKey: ["personnel", "presence"], queryFn: ({ signal }) => api.get<ListOf<PersonPresence>>("/api/personnel/presence", signal), refetchInterval: MINUTE });
}

/** Every movement. */
export function useMovements() {
  const api = useApi();
  return useQuery({ queryKey: ["movements", "list"], queryFn: ({ signal }) => api.get<ListOf<Movement>>("/api/movements", signal), refetchInterval: MINUTE });
}

/** One movement with its passengers and history. */
export function useMovement(id: string | null) {
  const api = useApi();
  return useQuery({ queryKey: ["movements", "one", id], queryFn: ({ signal }) => api.get<Movement>(`/api/movements/${encodeURIComponent(id ?? "")}`, signal), enabled: id !== null });
}

/** The headcount by site at each day's start and now. */
export function useHeadcountSeries() {
  const api = useApi();
  return useQuery({ queryKey: ["personnel", "series"], queryFn: ({ signal }) => api.get<HeadcountSeries>("/api/personnel/headcount/series", signal), refetchInterval: MINUTE });
}

/** The reconciliation report (persons by id). */
export function useReconciliation() {
  const api = useApi();
  return useQuery({ queryKey: ["personnel", "reconciliation"], queryFn: ({ signal }) => api.get<unknown>("/api/personnel/reconciliation", signal), refetchInterval: MINUTE });
}

/** Refreshes what a change to persons, records or movements makes stale. */
export function useRefreshPersonnel(): () => Promise<unknown> {
  const queries = useQueryClient();
  return () =>
    Promise.all([...PERSONNEL_KEYS.map((queryKey) => queries.invalidateQueries({ queryKey })), queries.invalidateQueries({ queryKey: ["overview"] }), queries.invalidateQueries({ queryKey: ["clearances"] })]);
}
