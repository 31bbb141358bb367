/**
 * Equal time buckets from the planning start: bucket k holds the minutes [t0 + kΔ, t0 + (k+1)Δ).
 *
 * How the relaxation stays sound (never cuts off a real plan): every activity of a real plan is mapped
 * to the bucket its start falls in. An activity of at least `d` minutes that starts in bucket k ends no
 * earlier than bucket `k + ⌊d/Δ⌋` (durations round down); a condition on the start (opening hours, a
 * clearance, an availability window) is checked for *some* minute of the bucket (windows round outward).
 */
export interface TimeGrid {
  /** First minute of bucket 0: the planning start. */
  readonly t0: number;
  /** Δ, minutes per bucket. */
  readonly step: number;
  /** Buckets 0 … n−1. */
  readonly n: number;
}

/** The bucket holding minute t (negative before t0; n or more past the grid). */
export const bucketOf = (g: TimeGrid, t: number): number => Math.floor((t - g.t0) / g.step);

/** First minute of bucket k. */
export const bucketStart = (g: TimeGrid, k: number): number => g.t0 + k * g.step;

/** Last minute of bucket k. */
export const bucketLast = (g: TimeGrid, k: number): number => g.t0 + (k + 1) * g.step - 1;

/** Whole buckets an activity of `minutes` surely spans: ⌊minutes/Δ⌋ (rounded down, so never too long). */
export const bucketsDown = (g: TimeGrid, minutes: number): number => Math.floor(minutes / g.step);
