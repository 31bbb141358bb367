/**
 * A small structured logger: JSON lines on stderr (pino is not installed; this is all the
 * server needs). Callers pass event names and fields, never secrets or personal data: user ids
 * and party codes, not names, passwords, tokens or document numbers.
 */

/** Field values a log line may carry. */
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** What the server logs with. */
export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/**
 * A logger writing one JSON object per line: `{"time":…,"level":"warn","event":"auth.denied",…}`.
 *
 * @example
 * const log = jsonLogger((line) => process.stderr.write(line));
 * log.warn("auth.denied", { user: "u-1", route: "POST /api/clearances/{id}/approve" });
 */
export function jsonLogger(write: (line: string) => void, now: () => Date = () => new Date()): Logger {
  const emit = (level: string) => (event: string, fields: LogFields = {}) => {
    write(`${JSON.stringify({ time: now().toISOString(), level, event, ...fields })}\n`);
  };
  return { info: emit("info"), warn: emit("warn"), error: emit("error") };
}

/** A logger that keeps lines in memory, for tests. */
export function memoryLogger(): Logger & { readonly lines: { level: string; event: string; fields: LogFields }[] } {
  const lines: { level: string; event: string; fields: LogFields }[] = [];
  const keep = (level: string) => (event: string, fields: LogFields = {}) => {
    lines.push({ level, event, fields });
  };
  return { lines, info: keep("info"), warn: keep("warn"), error: keep("error") };
}

/** The process's logger: JSON lines on stderr. */
export const stderrLogger: Logger = jsonLogger((line) => process.stderr.write(line));
