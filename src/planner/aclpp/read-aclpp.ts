import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { z } from "zod";
import {
  type AclppAircraft,
  type AclppUldType,
  legProblemShape,
  legSolutionShape,
  ROOT_SCHEMAS,
  type RootKey,
  segmentProblemShape,
  segmentSolutionShape,
} from "./aclpp-schema.ts";

/** One instance file's text and the path to name in messages. */
export interface AclppSource {
  readonly path: string;
  readonly text: string;
}

/** A problem in a file: which file, where (path in the YAML, line:column), what, how to fix. */
export interface AclppIssue {
  readonly file: string;
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly hint: string;
}

const legProblem = z.object(legProblemShape);
const legSolution = z.object(legSolutionShape);
const segmentProblem = z.object(segmentProblemShape);
const segmentSolution = z.object(segmentSolutionShape);

/** A leg as the problem states it: nothing of the solution. */
export type LegProblem = z.output<typeof legProblem> & { readonly id: string };
export type LegSolution = z.output<typeof legSolution> & { readonly id: string };
export type SegmentProblem = z.output<typeof segmentProblem>;
export type SegmentSolution = z.output<typeof segmentSolution>;

/** A flight file's problem half: what a planner may use. */
export interface FlightProblem {
  readonly id: string;
  readonly aircraftType: string;
  readonly departure: number;
  readonly legs: readonly LegProblem[];
}

/**
 * Everything read, problem and solution kept apart from the moment they are parsed: `problem`
 * holds only attributes the format does not mark [S]; `solution` holds only those it does.
 */
export interface AclppData {
  readonly aircraft: ReadonlyMap<string, AclppAircraft>;
  readonly uldTypes: ReadonlyMap<string, AclppUldType>;
  readonly separation: readonly (readonly [string, string])[];
  readonly flights: ReadonlyMap<string, { readonly problem: FlightProblem; readonly solution: readonly LegSolution[] }>;
  readonly segments: ReadonlyMap<string, { readonly problem: SegmentProblem; readonly solution: SegmentSolution }>;
  /** Entity (`flights/LH8098…`) → the file it came from, for later messages. */
  readonly origin: ReadonlyMap<string, string>;
}

/** Picks the keys of a shape from a parsed object (the other half stays behind). */
function pick<T extends object>(value: Record<string, unknown>, shape: T): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(shape)) if (value[k] !== undefined) out[k] = value[k];
  return out;
}

/** The node a path points at, or its deepest existing ancestor (YAML keys compared as text: `31` is "31"). */
function locate(root: Node | null, path: readonly PropertyKey[]): Node | null {
  let node: Node | null = root;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return node;
      if (!pair.value || !(isMap(pair.value) || isSeq(pair.value) || isScalar(pair.value))) return isScalar(pair.key) ? pair.key : node;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg];
      if (!item || !(isMap(item) || isSeq(item) || isScalar(item))) return node;
      node = item;
    } else return node;
  }
  return node;
}

const pathText = (path: readonly PropertyKey[]) => path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "") || "(root)";

/**
 * Reads ACLPP instance files (master data and flight files in any mix: each entity is known by its
 * root key, as format.md says) and validates every entity. Problems come back with the file, the
 * YAML path, the line and column, and a hint; nothing is returned unless every file is valid.
 * @example readAclpp([{ path: "md11f.yaml", text }]) // { ok: true, data } or { ok: false, issues }
 */
export function readAclpp(sources: readonly AclppSource[]): { ok: true; data: AclppData } | { ok: false; issues: AclppIssue[] } {
  const issues: AclppIssue[] = [];
  const aircraft = new Map<string, AclppAircraft>();
  const uldTypes = new Map<string, AclppUldType>();
  const separation: [string, string][] = [];
  const flights = new Map<string, { problem: FlightProblem; solution: LegSolution[] }>();
  const segments = new Map<string, { problem: SegmentProblem; solution: SegmentSolution }>();
  const origin = new Map<string, string>();

  for (const src of sources) {
    const lineCounter = new LineCounter();
    const doc = parseDocument(src.text, { lineCounter, uniqueKeys: true });
    const at = (path: readonly PropertyKey[], message: string, hint: string): AclppIssue => {
      const node = locate(doc.contents, path);
      const pos = node?.range ? lineCounter.linePos(node.range[0]) : { line: 1, col: 1 };
      return { file: src.path, path: pathText(path), line: pos.line, column: pos.col, message, hint };
    };
    if (doc.errors.length > 0) {
      for (const e of doc.errors)
        issues.push({
          file: src.path,
          path: "(syntax)",
          line: e.linePos?.[0].line ?? 1,
          column: e.linePos?.[0].col ?? 1,
          message: `YAML syntax error: ${e.message.split("\n")[0] ?? e.code}`,
          hint: "check the indentation and the `key: value` form just before this point",
        });
      continue;
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      issues.push(at([], "the file holds no mapping of root keys", `use one of ${Object.keys(ROOT_SCHEMAS).join(", ")} at the top level`));
      continue;
    }
    for (const [key, body] of Object.entries(value)) {
      if (!(key in ROOT_SCHEMAS)) {
        issues.push(at([key], `unknown root key ${key}`, `the root keys are ${Object.keys(ROOT_SCHEMAS).join(", ")}`));
        continue;
      }
      const root = key as RootKey;
      const valid = <T>(schema: z.ZodType<T>): T | undefined => {
        const parsed = schema.safeParse(body);
        if (parsed.success) return parsed.data;
        for (const i of parsed.error.issues) issues.push(at([key, ...i.path], i.message, "see doc/format.md of the instances for this attribute"));
        return undefined;
      };
      const seen = (id: string): boolean => {
        const k = `${root}/${id}`;
        const before = origin.get(k);
        if (before !== undefined) {
          issues.push(at([key, id], `${root} ${id} is defined again (first in ${before})`, "keep one definition of each entity"));
          return true;
        }
        origin.set(k, src.path);
        return false;
      };
      if (root === "aircraft_types") {
        for (const [id, a] of Object.entries(valid(ROOT_SCHEMAS.aircraft_types) ?? {})) if (!seen(id)) aircraft.set(id, a);
      } else if (root === "uld_types") {
        for (const [id, u] of Object.entries(valid(ROOT_SCHEMAS.uld_types) ?? {})) if (!seen(id)) uldTypes.set(id, u);
      } else if (root === "separation_constraints") {
        for (const c of valid(ROOT_SCHEMAS.separation_constraints) ?? []) separation.push([c.code_a, c.code_b]);
      } else if (root === "flights") {
        for (const [id, f] of Object.entries(valid(ROOT_SCHEMAS.flights) ?? {})) {
          if (seen(id)) continue;
          const legs = Object.entries(f.legs).map(([legId, l]) => ({ id: legId, problem: legProblem.parse(pick(l, legProblemShape)), solution: legSolution.parse(pick(l, legSolutionShape)) }));
          legs.sort((a, b) => a.problem.sequence - b.problem.sequence);
          flights.set(id, {
            problem: { id, aircraftType: f.aircraft_type, departure: f.std_timestamp, legs: legs.map((l) => ({ id: l.id, ...l.problem })) },
            solution: legs.map((l) => ({ id: l.id, ...l.solution })),
          });
        }
      } else {
        for (const [id, seg] of Object.entries(valid(ROOT_SCHEMAS.segments) ?? {})) {
          if (seen(id)) continue;
          segments.set(id, { problem: segmentProblem.parse(pick(seg, segmentProblemShape)), solution: segmentSolution.parse(pick(seg, segmentSolutionShape)) });
        }
      }
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, data: { aircraft, uldTypes, separation, flights, segments, origin } };
}

/** `file:line:column path: message (hint)` per issue, for a terminal. */
export function formatAclppIssues(issues: readonly AclppIssue[]): string {
  return issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.path}: ${i.message} (${i.hint})`).join("\n");
}
