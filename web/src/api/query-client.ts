/**
 * React Query's client with the app's error policy: a 401 anywhere means the session ended (the
 * caller is asked to log in again); a 409 on a mutation means someone changed the object first,
 * so every query is refetched and the page shows their version; 4xx answers are never retried.
 */
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "./problem.ts";

/** The query key of the caller's session (`GET /api/auth/me`). */
export const ME_KEY = ["me"] as const;

/** Builds the app's query client. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== ME_KEY[0]) void client.invalidateQueries({ queryKey: ME_KEY });
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (error instanceof ApiError && error.status === 401) void client.invalidateQueries({ queryKey: ME_KEY });
        if (error instanceof ApiError && error.isConflict) void client.invalidateQueries();
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
