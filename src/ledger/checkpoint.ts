/**
 * C2SP transparency-log checkpoints (https://c2sp.org/tlog-checkpoint): the note text
 *
 *     <origin>\n<tree size in decimal>\n<base64 root hash>\n[<extension line>\n…]
 *
 * parsed and formatted strictly, so one tree head has exactly one accepted encoding.
 */
import { decodeBase64, encodeBase64, hasControlCharacter, hasLoneSurrogate } from "./bytes.ts";
import { isSha256, type Sha256 } from "./hash.ts";
import { type NoteVerifier, type OpenedNote, openNote } from "./note.ts";
import { fail, ok, type Result } from "./result.ts";

/** A log's signed tree head, e.g. origin "drawdown.commission/niger-2024". */
export interface Checkpoint {
  /** Identifies the log; non-empty. */
  readonly origin: string;
  /** Number of leaves. */
  readonly size: number;
  /** RFC 9162 root hash of the first `size` leaves. */
  readonly rootHash: Sha256;
  /** Optional opaque lines after the root hash; each non-empty. */
  readonly extensions: readonly string[];
}

/** A checkpoint taken from a note whose signatures were checked. */
export interface OpenedCheckpoint {
  readonly checkpoint: Checkpoint;
  readonly note: OpenedNote;
}

const DECIMAL = /^(0|[1-9][0-9]*)$/;

function lineProblem(line: string, what: string): string | null {
  if (line === "") return `the ${what} line is empty`;
  if (hasControlCharacter(line, false)) return `the ${what} line contains a control character`;
  if (hasLoneSurrogate(line)) return `the ${what} line is not valid Unicode`;
  return null;
}

/**
 * Parses a checkpoint body (the note text, ending in a newline). Rejects a missing final
 * newline, fewer than three lines, an empty origin or extension line, a size with leading
 * zeroes or a sign or above 2^53 − 1, and a root that is not canonical base64 of 32 bytes.
 *
 * @example
 * parseCheckpoint("drawdown.commission/niger-2024\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
 * // { ok: true, value: { origin: "drawdown.commission/niger-2024", size: 0, rootHash: …, extensions: [] } }
 */
export function parseCheckpoint(body: string): Result<Checkpoint> {
  if (!body.endsWith("\n")) return fail("ledger.checkpoint.malformed", "the body must end with a newline");
  const [origin, sizeText, rootText, ...extensions] = body.slice(0, -1).split("\n");
  if (origin === undefined || sizeText === undefined || rootText === undefined) {
    return fail("ledger.checkpoint.malformed", "a checkpoint has at least three lines");
  }
  const problem =
    lineProblem(origin, "origin") ??
    extensions.map((e, i) => lineProblem(e, `extension ${i + 1}`)).find((p) => p !== null) ??
    null;
  if (problem) return fail("ledger.checkpoint.malformed", problem);
  if (!DECIMAL.test(sizeText)) {
    return fail("ledger.checkpoint.malformed", "the tree size must be decimal digits without leading zeroes");
  }
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size))
    return fail("ledger.checkpoint.too_large", "the tree size exceeds 2^53 - 1");
  const root = decodeBase64(rootText);
  if (root === null || !isSha256(root)) {
    return fail("ledger.checkpoint.malformed", "the root hash must be canonical base64 of 32 bytes");
  }
  return ok({ origin, size, rootHash: root, extensions });
}

/**
 * Formats a checkpoint body. Throws on values that would not parse back (a caller's bug).
 *
 * @example
 * formatCheckpoint({ origin: "drawdown.commission/niger-2024", size: 3, rootHash: tree.root(3), extensions: [] });
 * // "drawdown.commission/niger-2024\n3\n<base64 root>\n"
 */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, size, rootHash, extensions } = checkpoint;
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`invalid tree size ${size}`);
  if (!isSha256(rootHash)) throw new RangeError("the root hash must have 32 bytes");
  const body = [origin, String(size), encodeBase64(rootHash), ...extensions].map((l) => `${l}\n`).join("");
  const check = parseCheckpoint(body);
  if (!check.ok) throw new RangeError(check.reason);
  return body;
}

/**
 * Opens a signed checkpoint: checks the note's signatures against `verifiers` (see `openNote`),
 * parses the body, and, when `origin` is given, requires that origin.
 *
 * @example
 * const r = openCheckpoint(message, [usVerifier, neVerifier], "drawdown.commission/niger-2024");
 * if (r.ok) r.value.note.verified.map((s) => s.name); // e.g. ["US", "NE"]
 */
export function openCheckpoint(
  message: string | Uint8Array,
  verifiers: readonly NoteVerifier[],
  origin?: string,
): Result<OpenedCheckpoint> {
  const note = openNote(message, verifiers);
  if (!note.ok) return note;
  const checkpoint = parseCheckpoint(note.value.text);
  if (!checkpoint.ok) return checkpoint;
  if (origin !== undefined && checkpoint.value.origin !== origin) {
    return fail(
      "ledger.checkpoint.wrong_origin",
      `expected origin ${origin}, got ${checkpoint.value.origin}`,
    );
  }
  return ok({ checkpoint: checkpoint.value, note: note.value });
}
