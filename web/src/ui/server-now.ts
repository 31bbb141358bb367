/**
 * The server's time now, in milliseconds: the replay clock's when the server replays the scenario,
 * so deadlines and lead times are judged by the same clock the server decides by. It is read from
 * `GET /api/health` (refreshed every minute) and moved on by the time elapsed since that answer.
 */
import { useEffect, useState } from "react";
import { useServerClock } from "./clock-badge.tsx";

/**
 * The server's now, updated every `tickMs` (a minute by default); undefined until the server has
 * said (the browser's own clock would be wrong by years during a replay). A server that does not
 * say gives the browser's clock.
 *
 * @example
 * const now = useServerNow(); leadTimeWarning(view, now, thresholds);
 */
export function useServerNow(tickMs = 60_000): number | undefined {
  const clock = useServerClock();
  const [, tick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => tick((n) => n + 1), tickMs);
    return () => clearInterval(id);
  }, [tickMs]);
  if (clock.data === undefined) return undefined;
  const at = clock.data?.now === undefined ? Number.NaN : Date.parse(clock.data.now);
  return Number.isFinite(at) ? at + (Date.now() - clock.dataUpdatedAt) : Date.now();
}
