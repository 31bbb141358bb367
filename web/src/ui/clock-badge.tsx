/**
 * "Replay clock" badge: shown when the server says its clock replays the scenario's time (the
 * demo's "it is May 2024") rather than the wall's, so nobody mistakes replayed dates for today.
 * The field is read defensively: servers before it existed simply show no badge.
 */
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { useApi } from "../api/api-context.tsx";
import { DateTime } from "./date-time.tsx";

const healthSchema = z.object({
  clock: z.optional(z.object({ mode: z.string(), now: z.optional(z.string()) })),
});

/** The server's clock as `GET /api/health` tells it, or undefined when it does not say. */
export function useServerClock() {
  const api = useApi();
  return useQuery({
    queryKey: ["health"],
    queryFn: async ({ signal }) => {
      const parsed = healthSchema.safeParse(await api.get<unknown>("/api/health", signal));
      return parsed.success ? (parsed.data.clock ?? null) : null;
    },
    refetchInterval: 60_000,
  });
}

/** The badge, when the clock is a replay. */
export function ClockBadge() {
  const { t } = useTranslation();
  const { data } = useServerClock();
  if (data?.mode !== "replay") return null;
  return (
    <p className="badge badge-replay" title={t("The server replays the scenario's dates: this is not today's date.")}>
      <span className="badge-label">{t("Replay clock")}</span>
      {data.now !== undefined && (
        <>
          {" "}
          <DateTime iso={data.now} />
        </>
      )}
    </p>
  );
}
