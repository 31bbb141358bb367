/**
 * Canonical JSON per RFC 8785 (JSON Canonicalization Scheme) for ledger leaf data: object keys
 * sorted by UTF-16 code units, numbers in ECMAScript form, strings escaped as JSON.stringify
 * does, no whitespace. Equal data always gives equal bytes, hence equal leaf hashes.
 *
 * Only plain JSON data is accepted: anything JSON.stringify would silently drop or convert
 * (undefined, functions, NaN, Dates, Maps, class instances, toJSON) is rejected instead, so a
 * leaf never records something other than what the caller meant.
 */
import { hasLoneSurrogate, utf8 } from "./bytes.ts";
import { type Failure, fail, ok, type Result } from "./result.ts";

/** A JSON value as JCS accepts it. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** Deeper nesting is refused rather than risking a stack overflow on hostile input. */
export const MAX_JSON_DEPTH = 512;

class Reject {
  constructor(readonly failure: Failure) {}
}

function reject(code: `ledger.json.${string}`, path: string, what: string): never {
  throw new Reject(fail(code, `${path}: ${what}`));
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function stringLiteral(s: string, path: string): string {
  // I-JSON (RFC 7493), which JCS requires, forbids unpaired surrogates.
  if (hasLoneSurrogate(s)) reject("ledger.json.lone_surrogate", path, "string has an unpaired surrogate");
  return JSON.stringify(s);
}

function serialise(value: unknown, path: string, ancestors: Set<object>): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) reject("ledger.json.non_finite", path, `${value} is not a JSON number`);
      // ECMAScript Number::toString, which RFC 8785 §3.2.2.3 adopts (and which prints -0 as 0).
      return String(value);
    case "string":
      return stringLiteral(value, path);
    case "undefined":
      return reject("ledger.json.undefined", path, "undefined is not JSON (omit the property instead)");
    case "object":
      break;
    default:
      return reject("ledger.json.unsupported", path, `a ${typeof value} is not JSON`);
  }
  if (ancestors.has(value)) reject("ledger.json.cycle", path, "the value contains itself");
  if (ancestors.size >= MAX_JSON_DEPTH)
    reject("ledger.json.too_deep", path, `nested deeper than ${MAX_JSON_DEPTH}`);
  ancestors.add(value);
  let out: string;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype)
      reject("ledger.json.not_plain", path, "array subclass");
    const items: string[] = [];
    // Indexes, not iteration helpers: holes in sparse arrays must be seen (and rejected).
    for (let i = 0; i < value.length; i++) items.push(serialise(value[i], `${path}[${i}]`, ancestors));
    out = `[${items.join(",")}]`;
  } else {
    if (!isPlainObject(value)) {
      reject("ledger.json.not_plain", path, `${value.constructor?.name ?? "object"} is not a plain object`);
    }
    if (Object.getOwnPropertySymbols(value).length > 0) reject("ledger.json.not_plain", path, "symbol keys");
    const record = value as Record<string, unknown>;
    // Default sort compares UTF-16 code units, exactly the order RFC 8785 §3.2.3 asks for.
    const keys = Object.keys(record).sort();
    const members = keys.map((k) => {
      const childPath = `${path}[${JSON.stringify(k)}]`;
      return `${stringLiteral(k, childPath)}:${serialise(record[k], childPath, ancestors)}`;
    });
    out = `{${members.join(",")}}`;
  }
  ancestors.delete(value);
  return out;
}

/**
 * The RFC 8785 canonical JSON text of a value, or a failure naming the offending path.
 *
 * @example
 * canonicalJson({ b: [1, 2.50, -0], a: "€" }); // { ok: true, value: '{"a":"€","b":[1,2.5,0]}' }
 * canonicalJson({ a: NaN }); // { ok: false, code: "ledger.json.non_finite", reason: "$[\"a\"]: NaN is not a JSON number" }
 */
export function canonicalJson(value: unknown): Result<string> {
  try {
    return ok(serialise(value, "$", new Set()));
  } catch (e) {
    if (e instanceof Reject) return e.failure;
    throw e;
  }
}

/**
 * The UTF-8 bytes of the canonical JSON of a value: the form hashed into a ledger leaf.
 *
 * @example
 * const bytes = canonicalJsonBytes(decision);
 * if (bytes.ok) tree.append(leafHash(bytes.value));
 */
export function canonicalJsonBytes(value: unknown): Result<Uint8Array> {
  const text = canonicalJson(value);
  return text.ok ? ok(utf8(text.value)) : text;
}
