import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseScenarioText } from "#domain/scenario-file.ts";
import type { ResolvedScenario } from "#domain/scenario-model.ts";

/** Repository root, for tests that read shipped files. */
export const ROOT = fileURLToPath(new URL("../", import.meta.url));

export const scenarioPath = (name: string) => `${ROOT}scenarios/${name}.json`;
export const scenarioText = (name: string) => readFileSync(scenarioPath(name), "utf8");

/** Loads a shipped scenario, failing the test with its issues if it does not validate. */
export function loadShipped(name: string): ResolvedScenario {
  const r = parseScenarioText(scenarioText(name));
  if (!r.ok) throw new Error(`${name} does not validate:\n${JSON.stringify(r.issues, null, 2)}`);
  return r.value;
}
