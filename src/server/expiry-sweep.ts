/**
 * The server's timer for the expiry sweep (see `commands/clearance-expirer.ts`): every minute
 * by default, one run at a time, failures logged and retried on the next tick. The timer does
 * not keep the process alive.
 */
import { expireClearances } from "./commands/clearance-expirer.ts";
import type { ServerDeps } from "./deps.ts";

/** A running sweep. */
export interface RunningSweep {
  /** Runs the sweep now (awaiting one in progress rather than starting a second). */
  runNow(): Promise<void>;
  /** Stops the timer and waits for a run in progress (so the database can be closed after). */
  stop(): Promise<void>;
}

/**
 * Starts the timer; runs once at once.
 *
 * @example
 * const sweep = startExpirySweep(deps); … await sweep.stop();
 */
export function startExpirySweep(deps: ServerDeps, everyMs = 60_000): RunningSweep {
  let running: Promise<void> | undefined;
  const runNow = (): Promise<void> => {
    running ??= expireClearances(deps)
      .then((expired) => {
        if (expired.length > 0) deps.logger.info("clearance.expired", { count: expired.length, ids: expired.map((r) => r.id).join(",").slice(0, 500) });
      })
      .catch((error: unknown) => {
        deps.logger.error("clearance.expiry_sweep_failed", { message: error instanceof Error ? error.message.slice(0, 500) : String(error) });
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(() => void runNow(), everyMs);
  timer.unref();
  void runNow();
  return {
    runNow,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
