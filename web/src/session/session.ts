/**
 * The caller's session: who is logged in (`GET /api/auth/me`, null when nobody is), logging in
 * and out. The CSRF token of the session goes to the API client as soon as it is known.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useApi } from "../api/api-context.tsx";
import type { Me } from "../api/contract.ts";
import { ApiError } from "../api/problem.ts";
import { ME_KEY } from "../api/query-client.ts";

/** The logged-in caller, or null; loading until the server answered. */
export function useMe() {
  const api = useApi();
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async ({ signal }): Promise<Me | null> => {
      try {
        const me = await api.get<Me>("/api/auth/me", signal);
        api.csrfToken = me.csrfToken;
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          api.csrfToken = undefined;
          return null;
        }
        throw e;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** Logs in; on success the whole app reloads its data as the new caller. */
export function useLogin() {
  const api = useApi();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { username: string; password: string }) => api.send<Me>("POST", "/api/auth/login", { body: credentials }),
    onSuccess: (me) => {
      api.csrfToken = me.csrfToken;
      queries.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      queries.setQueryData(ME_KEY, me);
    },
  });
}

/** Logs out and forgets every answer the caller was given. */
export function useLogout() {
  const api = useApi();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => api.send<undefined>("POST", "/api/auth/logout"),
    onSettled: () => {
      api.csrfToken = undefined;
      // The session's query stays (its observers show the login page); every other answer goes.
      queries.setQueryData(ME_KEY, null);
      queries.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    },
  });
}
