/**
 * Renders an action only when the server allows it: absent, never merely disabled, so each
 * party's users see only what they may do.
 *
 * @example
 * <Can action="approve" on={request}><Button onPress={approve}>{t("Approve")}</Button></Can>
 * <Can action="publish" on={{ type: "plan_version", owner: departing }}>…</Can>
 */
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useCallback } from "react";
import { useApi } from "../api/api-context.tsx";
import type { Abilities } from "../api/contract.ts";
import { type AbilityTarget, allows } from "./abilities.ts";

/** The query key of the caller's abilities table. */
export const ABILITIES_KEY = ["abilities"] as const;

/** The caller's abilities table (`GET /api/abilities`). */
export function useAbilities() {
  const api = useApi();
  return useQuery({ queryKey: ABILITIES_KEY, queryFn: ({ signal }) => api.get<Abilities>("/api/abilities", signal), staleTime: 60_000 });
}

/** A function telling whether an action is allowed (false while the table loads). */
export function useCan(): (action: string, target: AbilityTarget) => boolean {
  const { data } = useAbilities();
  return useCallback((action: string, target: AbilityTarget) => allows(target, action, data), [data]);
}

/** Its children when the caller may take `action` on `on`; nothing otherwise. */
export function Can({ action, on, children }: { action: string; on: AbilityTarget; children: ReactNode }) {
  const can = useCan();
  return can(action, on) ? children : null;
}
