/**
 * Which clock the server runs on. A real deployment runs on the wall clock. The shipped
 * scenario is history (Niger, May–September 2024): on the wall clock every one of its flights
 * is in the past and nothing could be filed, so when no clock is configured and the scenario's
 * deadline has passed, the server replays the scenario from its start, in real time, and says
 * so. The choice made when no clock is configured is stored (setting `clock`), so a restart
 * resumes the same replay — time went on while the server was stopped — instead of jumping back
 * to the start and putting the record's decisions in the future.
 */
import { z } from "zod";
import { type Clock, systemClock } from "./clock.ts";

/** The stored choice: the wall clock, or a replay that showed `from` at wall time `wallStart`. */
export const clockSettingSchema = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("wall") }),
  z.strictObject({ mode: z.literal("replay"), from: z.iso.datetime(), wallStart: z.iso.datetime() }),
]);
/** The stored choice of clock. */
export type ClockSetting = z.output<typeof clockSettingSchema>;

/** What the operator asked for (`DRAWDOWN_CLOCK` or `--clock`): the wall clock, or a replay from an instant. */
export type ConfiguredClock = { readonly mode: "wall" } | { readonly mode: "replay"; readonly from: Date };

/** The clock to run on, whether to store it, and a sentence saying why (printed at startup). */
export interface ClockChoice {
  readonly setting: ClockSetting;
  /** True when the choice was made here and should be stored for the next start. */
  readonly store: boolean;
  readonly reason: string;
}

/**
 * Parses `DRAWDOWN_CLOCK` / `--clock`: `wall`, or an ISO instant to replay from; undefined when
 * unset or empty; an error message otherwise.
 *
 * @example
 * parseConfiguredClock("2024-05-20T08:00Z"); // { ok: true, value: { mode: "replay", from: … } }
 * parseConfiguredClock("wall"); // { ok: true, value: { mode: "wall" } }
 */
export function parseConfiguredClock(
  text: string | undefined,
): { readonly ok: true; readonly value: ConfiguredClock | undefined } | { readonly ok: false; readonly message: string } {
  const t = text?.trim() ?? "";
  if (t === "") return { ok: true, value: undefined };
  if (t.toLowerCase() === "wall") return { ok: true, value: { mode: "wall" } };
  const from = /^\d{4}-\d{2}-\d{2}T/.test(t) ? new Date(t) : new Date(Number.NaN);
  if (Number.isNaN(from.getTime()))
    return { ok: false, message: `the clock must be "wall" or an ISO instant such as 2024-05-20T08:00Z, got "${t}"` };
  return { ok: true, value: { mode: "replay", from } };
}

/**
 * Chooses the clock: what the operator configured (for this run only), else the stored choice,
 * else a replay from the scenario's start when its deadline has passed, else the wall clock.
 *
 * @example
 * chooseClock({ configured: undefined, stored: undefined, scenarioStart, deadline, wallNow: new Date() });
 * // { setting: { mode: "replay", from: "2024-05-20T00:00:00.000Z", … }, store: true, reason: "…" }
 */
export function chooseClock(input: {
  readonly configured: ConfiguredClock | undefined;
  readonly stored: ClockSetting | undefined;
  readonly scenarioStart: Date;
  readonly deadline: Date;
  readonly wallNow: Date;
}): ClockChoice {
  const { configured, stored, wallNow } = input;
  if (configured?.mode === "wall") return { setting: { mode: "wall" }, store: false, reason: "the wall clock, as configured" };
  if (configured?.mode === "replay")
    return {
      setting: { mode: "replay", from: configured.from.toISOString(), wallStart: wallNow.toISOString() },
      store: false,
      reason: `a replay from ${configured.from.toISOString()}, as configured (this run only)`,
    };
  if (stored?.mode === "wall") return { setting: stored, store: false, reason: "the wall clock (stored at first start)" };
  if (stored?.mode === "replay")
    return { setting: stored, store: false, reason: `the replay begun at first start from ${stored.from}, resumed` };
  if (input.deadline.getTime() < wallNow.getTime())
    return {
      setting: { mode: "replay", from: input.scenarioStart.toISOString(), wallStart: wallNow.toISOString() },
      store: true,
      reason: `the scenario ended ${input.deadline.toISOString()}, before today: replaying it from its start ${input.scenarioStart.toISOString()}`,
    };
  return { setting: { mode: "wall" }, store: true, reason: "the wall clock: the scenario's deadline is ahead" };
}

/**
 * The clock of a choice, running on `real`.
 *
 * @example
 * clockOf({ mode: "replay", from: "2024-05-20T00:00:00.000Z", wallStart: "2026-11-23T10:00:00.000Z" }).now();
 */
export function clockOf(setting: ClockSetting, real: Clock = systemClock): Clock {
  if (setting.mode === "wall") return real;
  const offset = Date.parse(setting.from) - Date.parse(setting.wallStart);
  return { mode: "replay", now: () => new Date(real.now().getTime() + offset) };
}
