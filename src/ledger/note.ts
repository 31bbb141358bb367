/**
 * C2SP signed notes (https://c2sp.org/signed-note): a UTF-8 text ending in a newline, a blank
 * line, then signature lines `— <key name> <base64(key ID || signature)>`.
 *
 * Parsing and opening follow golang.org/x/mod/sumdb/note, the reference implementation.
 */
import type { KeyObject } from "node:crypto";
import {
  concatBytes,
  decodeBase64,
  decodeUtf8,
  encodeBase64,
  hasControlCharacter,
  hasLoneSurrogate,
  readUint32BE,
  uint32BE,
  utf8,
} from "./bytes.ts";
import { ed25519Sign, ed25519Verify } from "./ed25519.ts";
import { isValidKeyName, keyId, SIGNATURE_TYPE_ED25519 } from "./key-id.ts";
import { fail, ok, type Result } from "./result.ts";

/** One signature line of a note. */
export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  /** The signature bytes after the 4-byte key ID. */
  readonly signature: Uint8Array;
}

/** A note: its text (ending in "\n") and its signatures in order. */
export interface Note {
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

/** Something that signs note texts under a key name and ID. */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  /** Signs the UTF-8 note text; returns the bytes that follow the key ID in the signature line. */
  sign(text: Uint8Array): Uint8Array;
}

/** Something that checks signatures made under a key name and ID. */
export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  /** True when `signature` (without the key ID) is valid over the UTF-8 note text. */
  verify(text: Uint8Array, signature: Uint8Array): boolean;
}

/** A note whose signatures were checked against known keys. */
export interface OpenedNote {
  readonly text: string;
  /** Signatures from known keys that verified (at most one per key). */
  readonly verified: readonly NoteSignature[];
  /** Signatures from keys the caller does not know: not checked, only kept. */
  readonly unverified: readonly NoteSignature[];
}

/** Signature lines start with an em dash (U+2014) and a space. */
const SIGNATURE_PREFIX = "\u2014 ";

/** Limit from the reference implementation; the spec asks for at least 16. */
export const MAX_NOTE_SIGNATURES = 100;

/**
 * A reason why `text` cannot be a note text, or null if it can.
 *
 * @example
 * noteTextProblem("hello\n"); // null
 * noteTextProblem("hello");   // "the text must end with a newline"
 */
export function noteTextProblem(text: string): string | null {
  if (!text.endsWith("\n")) return "the text must end with a newline";
  if (hasControlCharacter(text, true)) return "the text contains a control character";
  if (hasLoneSurrogate(text)) return "the text is not valid Unicode";
  return null;
}

/**
 * Parses a signed note without checking signatures. Accepts bytes (validated as UTF-8) or a
 * string. The text ends at the last blank line; every line after it must be a signature line.
 *
 * @example
 * const r = parseNote("hello\n\n— example.com/k AAAAAQ==\n");
 * r.ok && r.value.text; // "hello\n"
 */
export function parseNote(message: string | Uint8Array): Result<Note> {
  const msg = typeof message === "string" ? message : decodeUtf8(message);
  if (msg === null) return fail("ledger.note.malformed", "the note is not valid UTF-8");
  if (hasControlCharacter(msg, true))
    return fail("ledger.note.malformed", "the note contains a control character");
  if (hasLoneSurrogate(msg)) return fail("ledger.note.malformed", "the note is not valid Unicode");
  const split = msg.lastIndexOf("\n\n");
  if (split < 0) return fail("ledger.note.malformed", "no blank line before the signatures");
  const text = msg.slice(0, split + 1);
  const block = msg.slice(split + 2);
  if (block === "" || !block.endsWith("\n")) {
    return fail("ledger.note.malformed", "the signatures must be newline-terminated lines");
  }
  const lines = block.slice(0, -1).split("\n");
  if (lines.length > MAX_NOTE_SIGNATURES) {
    return fail("ledger.note.too_many_signatures", `more than ${MAX_NOTE_SIGNATURES} signatures`);
  }
  const signatures: NoteSignature[] = [];
  for (const [i, line] of lines.entries()) {
    const parsed = parseSignatureLine(line);
    if (parsed === null) return fail("ledger.note.malformed", `signature line ${i + 1} is malformed`);
    signatures.push(parsed);
  }
  return ok({ text, signatures });
}

function parseSignatureLine(line: string): NoteSignature | null {
  if (!line.startsWith(SIGNATURE_PREFIX)) return null;
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(" ");
  if (space < 0) return null;
  const name = rest.slice(0, space);
  const raw = decodeBase64(rest.slice(space + 1));
  // At least the key ID and one byte of signature.
  if (!isValidKeyName(name) || raw === null || raw.length < 5) return null;
  return { name, keyId: readUint32BE(raw, 0), signature: raw.slice(4) };
}

/**
 * Formats a note: text, blank line, one line per signature.
 * Throws on an invalid text or key name: formatting our own notes wrongly is a bug.
 *
 * @example
 * formatNote({ text: "hello\n", signatures: [] }); // throws: a note needs a signature
 */
export function formatNote(note: Note): string {
  const problem = noteTextProblem(note.text);
  if (problem) throw new RangeError(problem);
  if (note.signatures.length === 0) throw new RangeError("a signed note needs at least one signature");
  let out = `${note.text}\n`;
  for (const s of note.signatures) {
    if (!isValidKeyName(s.name)) throw new RangeError(`invalid key name ${JSON.stringify(s.name)}`);
    out += `${SIGNATURE_PREFIX}${s.name} ${encodeBase64(concatBytes(uint32BE(s.keyId), s.signature))}\n`;
  }
  return out;
}

/**
 * Adds signatures by `signers` to a note. As in the reference implementation, an existing
 * signature by the same key (name and ID) is replaced, and new signatures come last.
 * Throws on an invalid text or signer name (a bug in the caller).
 *
 * @example
 * const note = signNote({ text: "hello\n", signatures: [] }, [ed25519NoteSigner("example.com/k", pair)]);
 * formatNote(note); // "hello\n\n— example.com/k …\n"
 */
export function signNote(note: Note, signers: readonly NoteSigner[]): Note {
  const problem = noteTextProblem(note.text);
  if (problem) throw new RangeError(problem);
  const text = utf8(note.text);
  const fresh = signers.map((s): NoteSignature => {
    if (!isValidKeyName(s.name)) throw new RangeError(`invalid signer name ${JSON.stringify(s.name)}`);
    return { name: s.name, keyId: s.keyId, signature: s.sign(text) };
  });
  const replaced = (s: NoteSignature) => fresh.some((f) => f.name === s.name && f.keyId === s.keyId);
  return { text: note.text, signatures: [...note.signatures.filter((s) => !replaced(s)), ...fresh] };
}

/**
 * Parses a note and checks its signatures against `verifiers` (C2SP signed-note rules):
 * signatures from unknown keys are ignored (kept as unverified); a signature from a known key
 * must verify or the whole note is rejected; at least one known key must have signed.
 *
 * @example
 * const r = openNote(message, [ed25519NoteVerifier("example.com/k", publicKey)]);
 * if (r.ok) r.value.verified.map((s) => s.name); // ["example.com/k"]
 */
export function openNote(
  message: string | Uint8Array,
  verifiers: readonly NoteVerifier[],
): Result<OpenedNote> {
  const parsed = parseNote(message);
  if (!parsed.ok) return parsed;
  const { text, signatures } = parsed.value;
  const byKey = new Map<string, NoteVerifier[]>();
  for (const v of verifiers) {
    const k = `${v.keyId}:${v.name}`;
    byKey.set(k, [...(byKey.get(k) ?? []), v]);
  }
  const textBytes = utf8(text);
  const verified: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  const seen = new Set<string>();
  for (const s of signatures) {
    const k = `${s.keyId}:${s.name}`;
    const candidates = byKey.get(k);
    if (candidates === undefined) {
      unverified.push(s);
      continue;
    }
    const [verifier, ...others] = candidates;
    if (verifier === undefined || others.length > 0) {
      return fail("ledger.note.ambiguous_key", `several known keys are called ${s.name} with ID ${s.keyId}`);
    }
    // One key's signature counts once; repeats add nothing.
    if (seen.has(k)) continue;
    seen.add(k);
    if (!verifier.verify(textBytes, s.signature)) {
      return fail("ledger.note.bad_signature", `the signature of ${s.name} does not verify`);
    }
    verified.push(s);
  }
  if (verified.length === 0) return fail("ledger.note.unverified", "no known key signed this note");
  return ok({ text, verified, unverified });
}

/**
 * A signer that makes plain Ed25519 note signatures (type 0x01).
 *
 * @example
 * ed25519NoteSigner("drawdown.commission/niger-2024", logKey);
 */
export function ed25519NoteSigner(
  name: string,
  key: { readonly privateKey: KeyObject; readonly publicKey: Uint8Array },
): NoteSigner {
  return {
    name,
    keyId: keyId(name, SIGNATURE_TYPE_ED25519, key.publicKey),
    sign: (text) => ed25519Sign(key.privateKey, text),
  };
}

/**
 * A verifier of plain Ed25519 note signatures (type 0x01) for a raw 32-byte public key.
 *
 * @example
 * ed25519NoteVerifier("drawdown.commission/niger-2024", logPublicKey);
 */
export function ed25519NoteVerifier(name: string, publicKey: Uint8Array): NoteVerifier {
  return {
    name,
    keyId: keyId(name, SIGNATURE_TYPE_ED25519, publicKey),
    verify: (text, signature) => ed25519Verify(publicKey, text, signature),
  };
}
