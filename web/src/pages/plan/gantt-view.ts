/**
 * The Gantt's time window and how it moves: zoom about a point (the pointer, or the middle for the
 * keyboard and buttons), pan by a duration, never beyond the plan's extent and never narrower than
 * a few hours. Pure: the chart keeps the window in state and asks these for the next one.
 */

/** A time window: [start, end] in ms since the epoch. */
export type Domain = readonly [number, number];

/** The narrowest window: six hours, enough to read a leg's times. */
export const MIN_SPAN_MS = 6 * 3_600_000;

const span = (d: Domain) => d[1] - d[0];

/**
 * The window moved back inside `bounds` (same width), or the bounds when it is wider.
 *
 * @example
 * clampDomain([-5, 5], [0, 100]); // [0, 10]
 */
export function clampDomain(d: Domain, bounds: Domain): Domain {
  const width = Math.min(span(d), span(bounds));
  let start = Math.max(bounds[0], Math.min(d[0], bounds[1] - width));
  if (!Number.isFinite(start)) start = bounds[0];
  return [start, start + width];
}

/**
 * Zooms by `factor` (> 1 narrows the window) keeping the instant `anchor` where it is on screen.
 *
 * @example
 * zoomDomain([0, 100], 2, 50, [0, 100], 1); // [25, 75]
 */
export function zoomDomain(d: Domain, factor: number, anchor: number, bounds: Domain, minSpan = MIN_SPAN_MS): Domain {
  const width = Math.min(span(bounds), Math.max(minSpan, span(d) / factor));
  const at = Math.min(d[1], Math.max(d[0], anchor));
  const share = span(d) === 0 ? 0.5 : (at - d[0]) / span(d);
  return clampDomain([at - share * width, at - share * width + width], bounds);
}

/**
 * Moves the window by `deltaMs` (positive: later).
 *
 * @example
 * panDomain([0, 10], 5, [0, 100]); // [5, 15]
 */
export function panDomain(d: Domain, deltaMs: number, bounds: Domain): Domain {
  return clampDomain([d[0] + deltaMs, d[1] + deltaMs], bounds);
}

/** The zoom factor of a mouse wheel's vertical movement (pixels): smooth, and symmetric in and out. */
export function wheelFactor(deltaY: number): number {
  return Math.exp(-deltaY * 0.002);
}
