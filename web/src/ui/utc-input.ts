/**
 * Instants in date and time fields: the fields show UTC (what clearances and schedules are stated
 * in; their labels say so), as `<input type="datetime-local">` writes it, `YYYY-MM-DDTHH:mm`.
 */

/**
 * The field's text of an instant, in UTC; empty for an instant that does not parse.
 *
 * @example
 * utcInputOf("2024-06-02T00:00:00Z"); // "2024-06-02T00:00"
 */
export function utcInputOf(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 16) : "";
}

/**
 * The instant a field's text means (read as UTC), or undefined when it is not a date and time.
 *
 * @example
 * instantOfUtcInput("2024-06-02T00:00"); // "2024-06-02T00:00:00Z"
 */
export function instantOfUtcInput(text: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text)) return undefined;
  const ms = Date.parse(`${text}:00Z`);
  return Number.isFinite(ms) ? `${text}:00Z` : undefined;
}

/**
 * An instant moved by some hours, as ISO text (empty for an instant that does not parse).
 *
 * @example
 * shiftHours("2024-06-03T00:00:00Z", -24); // "2024-06-02T00:00:00Z"
 */
export function shiftHours(iso: string, hours: number): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? `${new Date(ms + hours * 3_600_000).toISOString().slice(0, 19)}Z` : "";
}
