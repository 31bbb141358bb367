/** Ids the server gives new objects: a readable prefix and a random part, e.g. `CR-7f3a9c2e1b`. */
import { randomBytes } from "node:crypto";

/** Makes ids with a prefix. */
export type IdMaker = (prefix: string) => string;

/**
 * Random ids: the prefix, a dash, 12 hex digits (48 bits: collisions are refused by the keys).
 *
 * @example
 * randomIds("CR"); // "CR-7f3a9c2e1b04"
 */
export const randomIds: IdMaker = (prefix) => `${prefix}-${randomBytes(6).toString("hex")}`;

/**
 * Sequential ids for tests: `CR-1`, `CR-2`, … per prefix.
 *
 * @example
 * const ids = sequentialIds(); ids("CR"); // "CR-1"
 */
export function sequentialIds(): IdMaker {
  const next = new Map<string, number>();
  return (prefix) => {
    const n = (next.get(prefix) ?? 0) + 1;
    next.set(prefix, n);
    return `${prefix}-${n}`;
  };
}
