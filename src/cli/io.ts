import { readFileSync, renameSync, writeFileSync } from "node:fs";
import type { FileIssue } from "#domain/json-issues.ts";
import { parseScenarioText } from "#domain/scenario-file.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";

/** What a command prints: kept apart from `process` so commands are testable without spawning. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress bars only there). */
  readonly interactive: boolean;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith("\n") ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith("\n") ? t : `${t}\n`),
  interactive: process.stderr.isTTY === true,
};

/** A failure the user can fix: printed without a stack trace, with the exit code it carries. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : (code ?? "unreadable");
    throw new UserError(`cannot read ${path}: ${why}. Check the path (relative to ${process.cwd()}).`);
  }
}

/** Writes a file whole or not at all: a temporary file renamed over the target. */
export function writeTextAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    throw new UserError(`cannot write ${path}: ${(e as Error).message}`);
  }
}

/** `file:line:column  $.path  message` then the hint, one issue a block. */
export function formatIssues(file: string, issues: readonly FileIssue[]): string {
  return issues.map((i) => `${file}:${i.line}:${i.column}  ${i.path}  ${i.message}\n    hint: ${i.hint}`).join("\n");
}

/** Reads and validates a scenario file, or throws a UserError listing every issue. */
export function loadScenario(path: string): ResolvedScenario {
  const result = parseScenarioText(readText(path));
  if (!result.ok) {
    throw new UserError(
      `${formatIssues(path, result.issues)}\n${result.issues.length} problem${result.issues.length === 1 ? "" : "s"} in ${path}; nothing was written.`,
    );
  }
  return result.value;
}
