import { getNodeValue, type Node, parseTree } from "jsonc-parser";
import type { CargoLineInput } from "./cargo-import.ts";

/** What a merge did to the scenario's cargo array. */
export interface CargoMerge {
  /** The scenario text with the new cargo array; everything outside the array is unchanged, byte for byte. */
  readonly text: string;
  /** Existing lines removed (replace mode: the cargo of the sites in the file). */
  readonly removed: readonly { readonly id: string; readonly site: string }[];
  /** Existing lines kept, in their order and their original text. */
  readonly kept: number;
  /** Index in the new cargo array of the first imported line (the imported lines come last). */
  readonly firstNew: number;
}

/**
 * Splices imported cargo lines into a scenario's JSON text. `append` keeps every existing line;
 * `replace` removes the existing lines of the sites the import names. Only the `cargo` array is
 * rewritten: kept lines keep their text, new lines follow the file's style (one object a line, as
 * in scenarios/, or indented objects when the existing lines are), everything else is left as it was.
 * Checking ids and validating the result is the caller's job (`importCargoTable`, `parseScenarioText`).
 *
 * @example
 * const merged = mergeCargoText(text, lines.map((l) => l.input), "append");
 * const check = parseScenarioText(merged.text);
 */
export function mergeCargoText(text: string, lines: readonly CargoLineInput[], mode: "append" | "replace"): CargoMerge {
  const tree = parseTree(text);
  const property = tree?.type === "object" ? tree.children?.find((p) => p.children?.[0]?.value === "cargo") : undefined;
  const array = property?.children?.[1];
  if (!property || array?.type !== "array") throw new Error("mergeCargoText: the scenario has no cargo array (validate it first)");

  const elements = array.children ?? [];
  const sitesInFile = new Set(lines.map((l) => l.site));
  const removed: { id: string; site: string }[] = [];
  const kept: Node[] = [];
  for (const el of elements) {
    const v = getNodeValue(el) as { id?: unknown; site?: unknown };
    const site = typeof v.site === "string" ? v.site : "";
    if (mode === "replace" && sitesInFile.has(site)) removed.push({ id: String(v.id), site });
    else kept.push(el);
  }

  const unit = indentUnit(text);
  const keyIndent = lineIndent(text, property.offset);
  const first = elements[0];
  const elementIndent = first && startsLine(text, first.offset) ? lineIndent(text, first.offset) : keyIndent + unit;
  const multiLine = elements.some((el) => text.slice(el.offset, el.offset + el.length).includes("\n"));
  const fresh = lines.map((l) => (multiLine ? JSON.stringify(l, null, unit).replace(/\n/g, `\n${elementIndent}`) : compactJson(l)));
  const pieces = [...kept.map((el) => text.slice(el.offset, el.offset + el.length)), ...fresh];
  const arrayText = pieces.length === 0 ? "[]" : `[\n${pieces.map((p) => elementIndent + p).join(",\n")}\n${keyIndent}]`;
  return {
    text: text.slice(0, array.offset) + arrayText + text.slice(array.offset + array.length),
    removed,
    kept: kept.length,
    firstNew: kept.length,
  };
}

/** `{ "id": "gens", "unitWeight": { "value": 1800, "unit": "kg" } }`: one line, spaced as in the shipped scenarios. */
export function compactJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(compactJson).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length === 0 ? "{}" : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${compactJson(v)}`).join(", ")} }`;
  }
  return JSON.stringify(value) ?? "null";
}

/** The file's indentation step: the leading whitespace of its first indented line, else two spaces. */
function indentUnit(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? "  ";
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function lineIndent(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, offset), offset))?.[0] ?? "";
}

function startsLine(text: string, offset: number): boolean {
  return text.slice(lineStart(text, offset), offset).trim() === "";
}
