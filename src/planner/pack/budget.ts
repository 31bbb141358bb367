/**
 * The packer's stopwatch. Pure code may not read the clock, so the caller injects
 * `now` (typically `performance.now`); without it the budget is counted in work units,
 * which makes runs reproducible across machines.
 */

/** Work units per millisecond, measured roughly on one 2020s server core (local search and LP
 * both); converts `budgetMs` to work when there is no clock. */
export const WORK_UNITS_PER_MS = 90_000;

/** A deadline in time and/or work that search loops poll. */
export class Budget {
  private work = 0;
  private polls = 0;
  private stopped = false;

  /**
   * @param now clock in milliseconds, or undefined to count work only
   * @param deadline value of `now()` after which the budget is spent (ignored without `now`)
   * @param workLimit work units after which the budget is spent
   * @param parent budget that is charged for this one's work too
   */
  constructor(
    private readonly now: (() => number) | undefined,
    private readonly deadline: number,
    private readonly workLimit: number,
    private readonly parent?: Budget,
  ) {}

  /**
   * Creates a budget of `budgetMs` milliseconds, measured with `now` when given, else as
   * `budgetMs × WORK_UNITS_PER_MS` work units.
   *
   * @example Budget.start(500, performance.now)
   */
  static start(budgetMs: number, now?: () => number): Budget {
    if (now) return new Budget(now, now() + budgetMs, Number.POSITIVE_INFINITY);
    return new Budget(undefined, Number.POSITIVE_INFINITY, budgetMs * WORK_UNITS_PER_MS);
  }

  /** Records `units` of work; returns true once the budget is spent. */
  spend(units = 1): boolean {
    this.work += units;
    this.parent?.charge(units);
    return this.exhausted();
  }

  private charge(units: number): void {
    this.work += units;
    this.parent?.charge(units);
  }

  /** Whether time or work has run out (the clock is read only every few polls: it is not free). */
  exhausted(): boolean {
    if (this.stopped) return true;
    if (this.work >= this.workLimit || this.parent?.exhausted()) this.stopped = true;
    else if (this.now && (++this.polls & 7) === 0 && this.now() >= this.deadline) this.stopped = true;
    return this.stopped;
  }

  /** A child budget holding `fraction` of what remains; its work is charged to this one as well. */
  slice(fraction: number): Budget {
    const work = Math.max(0, this.workLimit - this.work) * fraction;
    if (!this.now) return new Budget(undefined, Number.POSITIVE_INFINITY, work, this);
    const t = this.now();
    return new Budget(this.now, t + Math.max(0, this.deadline - t) * fraction, work, this);
  }

  /** Work units spent so far, including children's. */
  get spent(): number {
    return this.work;
  }
}
