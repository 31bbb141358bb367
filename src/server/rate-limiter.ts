/**
 * Login rate limiting in memory: failed attempts counted per username and per client address in
 * a sliding window; past the limit, logins for that key are refused until the window frees a
 * slot. The clock is passed in, so tests move time instead of waiting.
 */
import type { Clock } from "./clock.ts";

/** Limits of the login rate limiter. */
export interface RateLimits {
  /** Failures allowed per username in the window. */
  readonly perUsername: number;
  /** Failures allowed per client address in the window. */
  readonly perAddress: number;
  readonly windowMs: number;
}

/** Five failures per username and twenty per address in fifteen minutes. */
export const DEFAULT_RATE_LIMITS: RateLimits = { perUsername: 5, perAddress: 20, windowMs: 15 * 60_000 };

/**
 * Counts failed logins.
 *
 * @example
 * const limiter = new LoginRateLimiter(clock);
 * const wait = limiter.retryAfter("amina", "10.0.0.1"); // undefined when allowed
 * limiter.fail("amina", "10.0.0.1");
 */
export class LoginRateLimiter {
  readonly #failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: RateLimits = DEFAULT_RATE_LIMITS,
  ) {}

  #recent(key: string): number[] {
    const since = this.clock.now().getTime() - this.limits.windowMs;
    const kept = (this.#failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, kept);
    return kept;
  }

  /** Seconds to wait before another attempt, or undefined when one is allowed now. */
  retryAfter(username: string, address: string): number | undefined {
    const now = this.clock.now().getTime();
    const waits: number[] = [];
    for (const [key, limit] of [
      [`u:${username}`, this.limits.perUsername],
      [`a:${address}`, this.limits.perAddress],
    ] as const) {
      const recent = this.#recent(key);
      if (recent.length >= limit) {
        const oldest = recent[recent.length - limit] ?? now;
        waits.push(Math.max(1, Math.ceil((oldest + this.limits.windowMs - now) / 1000)));
      }
    }
    return waits.length === 0 ? undefined : Math.max(...waits);
  }

  /** Records a failed attempt. */
  fail(username: string, address: string): void {
    const now = this.clock.now().getTime();
    for (const key of [`u:${username}`, `a:${address}`]) this.#failures.set(key, [...this.#recent(key), now]);
  }

  /** Forgets a username's failures after a successful login. */
  succeed(username: string): void {
    this.#failures.delete(`u:${username}`);
  }
}
