import { type Node, findNodeAtLocation, getNodeValue, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import type { z } from "zod";

/** One problem in an input file: what, where (JSON path and line:column) and how to fix it. */
export interface FileIssue {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly hint: string;
}

export type JsonPath = readonly (string | number)[];

/** `$.cargo[3].unitWeight` */
export function formatJsonPath(path: JsonPath): string {
  return `$${path.map((p) => (typeof p === "number" ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join("")}`;
}

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** A JSON text with its syntax tree, so issues found later can point at the line and column. */
export interface LocatedJson {
  readonly text: string;
  readonly tree: Node | undefined;
  readonly value: unknown;
}

/** Parses strict JSON; reports every syntax error with its position. */
export function parseLocatedJson(text: string): { ok: true; json: LocatedJson } | { ok: false; issues: FileIssue[] } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || !tree) {
    const issues = errors.map((e) => {
      const { line, column } = lineColumn(text, e.offset);
      return {
        path: "$",
        line,
        column,
        message: `JSON syntax error: ${printParseErrorCode(e.error)}`,
        hint: "check for a missing comma, quote or bracket just before this point",
      };
    });
    return { ok: false, issues: issues.length > 0 ? issues : [{ path: "$", line: 1, column: 1, message: "the file is empty", hint: "a scenario is one JSON object" }] };
  }
  return { ok: true, json: { text, tree, value: getNodeValue(tree) } };
}

/** Where a path points, or its deepest existing ancestor when the key is missing. */
export function locate(json: LocatedJson, path: JsonPath): { line: number; column: number } {
  if (!json.tree) return { line: 1, column: 1 };
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(json.tree, path.slice(0, n) as (string | number)[]);
    if (node) {
      // Point at the key of a property rather than its value, as editors do.
      const at = node.parent?.type === "property" ? node.parent.offset : node.offset;
      return lineColumn(json.text, at);
    }
  }
  return { line: 1, column: 1 };
}

/** Turns zod issues into file issues with positions and a hint each. */
export function zodFileIssues(json: LocatedJson | undefined, issues: readonly z.core.$ZodIssue[]): FileIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      // Report the branch that got furthest, not "invalid input" for the whole union.
      const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0] ?? [];
      return zodFileIssues(json, best.map((i) => ({ ...i, path: [...issue.path, ...i.path] })));
    }
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    const where = json ? locate(json, path) : { line: 0, column: 0 };
    return [{ path: formatJsonPath(path), ...where, message: issue.message, hint: hintFor(issue) }];
  });
}

const depth = (issues: readonly z.core.$ZodIssue[]) => Math.max(0, ...issues.map((i) => i.path.length * 10 + (i.code === "invalid_type" ? 0 : 1)));

function hintFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.message.endsWith("received undefined")
        ? `add the required field (a ${issue.expected})`
        : `write a ${issue.expected} here, e.g. ${example(issue.expected)}`;
    case "unrecognized_keys":
      return `remove ${issue.keys.map((k) => `"${k}"`).join(", ")} or check the spelling against schema/scenario.schema.json`;
    case "invalid_value":
      return `use one of: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small":
      return `the value must be at least ${String(issue.minimum)}`;
    case "too_big":
      return `the value must be at most ${String(issue.maximum)}`;
    case "invalid_format":
      return issue.format === "regex" ? "match the expected pattern described in the message" : `write a valid ${issue.format}`;
    case "not_multiple_of":
      return `use a multiple of ${String(issue.divisor)}`;
    default:
      return "see the message and schema/scenario.schema.json";
  }
}

function example(expected: string): string {
  switch (expected) {
    case "number":
      return "1200";
    case "string":
      return '"DRRN"';
    case "boolean":
      return "true";
    case "array":
      return "[]";
    case "object":
      return "{ }";
    default:
      return expected;
  }
}
