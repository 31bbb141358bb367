/**
 * The server's clock, passed in so tests fix the time: the pure core never reads a clock, and
 * the server reads it only through this.
 */
import type { Instant } from "#domain/time.ts";

/**
 * Whose time the server keeps: `wall` is the real time (a real deployment); `replay` runs from
 * an instant of the scenario (the shipped 2024 withdrawal, replayed as if it were now).
 */
export type ClockMode = "wall" | "replay";

/** Something that tells the time, and whether it is the wall's or a replay's. */
export interface Clock {
  now(): Date;
  readonly mode: ClockMode;
}

/** The system clock. */
export const systemClock: Clock = { now: () => new Date(), mode: "wall" };

/**
 * A clock that starts at `start` and advances with real time (the demo's "it is June 2024").
 *
 * @example
 * const clock = offsetClock(new Date("2024-05-20T08:00:00Z"));
 */
export function offsetClock(start: Date, real: Clock = systemClock): Clock {
  const offset = start.getTime() - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offset), mode: "replay" };
}

/**
 * A clock for tests: fixed until moved (a replay, since it is not the wall's time).
 *
 * @example
 * const clock = fixedClock("2024-05-20T08:00:00Z"); clock.advance(60_000);
 */
export function fixedClock(start: string | Date): Clock & { set(t: string | Date): void; advance(ms: number): void } {
  let t = new Date(start).getTime();
  return {
    mode: "replay",
    now: () => new Date(t),
    set: (v) => {
      t = new Date(v).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

/** The workflow's time (whole minutes since the epoch) of a clock reading. */
export function instantOf(date: Date): Instant {
  return Math.floor(date.getTime() / 60_000) as Instant;
}
