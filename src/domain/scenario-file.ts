import { AIRCRAFT_LIBRARY } from "./aircraft-library.ts";
import { type FileIssue, locate, formatJsonPath, parseLocatedJson, zodFileIssues } from "./json-issues.ts";
import { scenarioSchema } from "./scenario.ts";
import { type ResolvedScenario, resolveScenario } from "./scenario-model.ts";

export type ScenarioResult = { ok: true; value: ResolvedScenario } | { ok: false; issues: FileIssue[] };

/**
 * Reads a scenario from its JSON text: syntax, schema, cross-references and aircraft types,
 * reporting every problem at once with its JSON path, line:column and a hint. Pure: the caller reads the file.
 */
export function parseScenarioText(text: string): ScenarioResult {
  const parsed = parseLocatedJson(text);
  if (!parsed.ok) return parsed;
  const result = scenarioSchema.safeParse(parsed.json.value);
  if (!result.success) return { ok: false, issues: sortIssues(zodFileIssues(parsed.json, result.error.issues)) };
  const resolved = resolveScenario(result.data, AIRCRAFT_LIBRARY);
  if (!resolved.ok)
    return {
      ok: false,
      issues: resolved.issues.map((i) => ({ path: formatJsonPath(i.path), ...locate(parsed.json, i.path), message: i.message, hint: i.hint })),
    };
  return resolved;
}

/** Parses an already-decoded scenario object (generated scenarios, tests). */
export function parseScenarioValue(value: unknown): ScenarioResult {
  return parseScenarioText(JSON.stringify(value, null, 1));
}

const sortIssues = (issues: FileIssue[]) => issues.sort((a, b) => a.line - b.line || a.column - b.column);
