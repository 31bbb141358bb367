/**
 * C2SP signed notes, checkpoints and cosignatures checked in the browser with WebCrypto's
 * Ed25519: verifier keys (`name+keyid+base64(type ‖ key)`), note signatures (type 0x01 over the
 * note text), tlog-checkpoint bodies (origin, size, root) and tlog-cosignature/v1 (type 0x04:
 * an 8-byte time then a signature over "cosignature/v1\ntime <t>\n" ‖ body).
 */
import { type Bytes, concat, decodeBase64, utf8 } from "./ledger-bytes.ts";
import { sha256 } from "./merkle.ts";

/** Signature type of plain Ed25519 note signatures. */
export const ED25519 = 0x01;
/** Signature type of cosignature/v1. */
export const COSIGNATURE_V1 = 0x04;

/** A public key as a verifier key names it. */
export interface VerifierKey {
  readonly name: string;
  readonly keyId: number;
  readonly type: number;
  readonly publicKey: Bytes;
}

/** One signature line of a note. */
export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  /** The bytes after the key ID. */
  readonly signature: Bytes;
}

/** A checkpoint body's lines. */
export interface CheckpointBody {
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Bytes;
}

/** A parse that worked, or why not. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const bad = (reason: string) => ({ ok: false as const, reason });
const validName = (name: string) => name.length > 0 && !/[\s+]/u.test(name) && !/\p{Cc}/u.test(name);
const readUint32 = (b: Uint8Array) => (((b[0] ?? 0) << 24) | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0)) >>> 0;

/**
 * The key ID: the first four bytes of SHA-256(name ‖ "\n" ‖ type ‖ public key), big-endian.
 *
 * @example
 * await keyIdOf("PeterNeumann", ED25519, publicKey); // 0xc74f20a3
 */
export async function keyIdOf(name: string, type: number, publicKey: Uint8Array): Promise<number> {
  return readUint32(await sha256(utf8(`${name}\n`), new Uint8Array([type]), publicKey));
}

/**
 * Parses a verifier key and checks that its ID matches its name and key.
 *
 * @example
 * await parseVerifierKey("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
 */
export async function parseVerifierKey(vkey: string): Promise<Parsed<VerifierKey>> {
  const first = vkey.indexOf("+");
  const second = vkey.indexOf("+", first + 1);
  if (first < 0 || second < 0) return bad("a verifier key has the form name+keyid+key");
  const name = vkey.slice(0, first);
  const hex = vkey.slice(first + 1, second);
  const material = decodeBase64(vkey.slice(second + 1));
  if (!validName(name) || !/^[0-9a-f]{8}$/i.test(hex) || material === null || material.length !== 33)
    return bad(`the verifier key of ${name || "?"} is malformed`);
  const type = material[0] ?? 0;
  const publicKey = material.slice(1);
  const keyId = Number.parseInt(hex, 16);
  if ((await keyIdOf(name, type, publicKey)) !== keyId) return bad(`the key ID of ${name} does not match its key`);
  return { ok: true, value: { name, keyId, type, publicKey } };
}

/**
 * Splits a signed note into its text (ending in a newline) and signature lines `— name base64`.
 *
 * @example
 * parseNote("o\n1\nroot\n\n— o AAAAAQ==\n"); // { ok: true, value: { text: "o\n1\nroot\n", signatures: [...] } }
 */
export function parseNote(note: string): Parsed<{ text: string; signatures: NoteSignature[] }> {
  const split = note.lastIndexOf("\n\n");
  if (split < 0) return bad("the note has no blank line before its signatures");
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block === "" || !block.endsWith("\n")) return bad("the note's signature lines are not newline-terminated");
  const signatures: NoteSignature[] = [];
  for (const line of block.slice(0, -1).split("\n")) {
    const m = /^\u2014 (\S+) (\S+)$/.exec(line);
    const raw = m?.[2] === undefined ? null : decodeBase64(m[2]);
    if (m?.[1] === undefined || !validName(m[1]) || raw === null || raw.length < 5) return bad(`a signature line is malformed: ${line}`);
    signatures.push({ name: m[1], keyId: readUint32(raw), signature: raw.slice(4) });
  }
  return { ok: true, value: { text, signatures } };
}

/**
 * Parses a checkpoint body: origin, decimal size, base64 root of 32 bytes (extension lines allowed).
 *
 * @example
 * parseCheckpointBody("drawdown.commission/niger-2024\n3\n<base64>\n");
 */
export function parseCheckpointBody(body: string): Parsed<CheckpointBody> {
  if (!body.endsWith("\n")) return bad("the checkpoint does not end with a newline");
  const [origin, size, root] = body.slice(0, -1).split("\n");
  if (origin === undefined || origin === "" || size === undefined || root === undefined) return bad("a checkpoint has an origin, a size and a root");
  if (!/^(0|[1-9][0-9]*)$/.test(size) || !Number.isSafeInteger(Number(size))) return bad("the checkpoint's size is not a decimal number");
  const rootHash = decodeBase64(root);
  if (rootHash === null || rootHash.length !== 32) return bad("the checkpoint's root is not base64 of 32 bytes");
  return { ok: true, value: { origin, size: Number(size), rootHash } };
}

/**
 * Verifies an Ed25519 signature with WebCrypto; false on any malformed input.
 *
 * @example
 * await ed25519Verify(publicKey, message, signature); // true
 */
export async function ed25519Verify(publicKey: Bytes, message: Bytes, signature: Bytes): Promise<boolean> {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  try {
    const key = await crypto.subtle.importKey("raw", publicKey, { name: "Ed25519" }, false, ["verify"]);
    return await crypto.subtle.verify({ name: "Ed25519" }, key, signature, message);
  } catch {
    return false;
  }
}

/**
 * The signature of `key` on a note, checked: undefined when the key did not sign it, else whether
 * it verifies (a type 0x01 key signs the text itself).
 *
 * @example
 * await noteSignedBy(parsed, logKey); // true
 */
export async function noteSignedBy(note: { text: string; signatures: readonly NoteSignature[] }, key: VerifierKey): Promise<boolean | undefined> {
  const sig = note.signatures.find((s) => s.name === key.name && s.keyId === key.keyId);
  if (sig === undefined) return undefined;
  return key.type === ED25519 && (await ed25519Verify(key.publicKey, utf8(note.text), sig.signature));
}

/**
 * Checks a cosignature/v1 (`signature`: the bytes after the key ID) on a checkpoint body with a
 * party's key; the time it carries (seconds) when it verifies, null otherwise.
 *
 * @example
 * await cosignatureTime(body, sig, usKey); // 1717221600
 */
export async function cosignatureTime(body: string, signature: Bytes, key: VerifierKey): Promise<number | null> {
  if (key.type !== COSIGNATURE_V1 || signature.length !== 72) return null;
  const time = new DataView(signature.buffer, signature.byteOffset, 8).getBigUint64(0);
  if (time > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const message = concat(utf8(`cosignature/v1\ntime ${time}\n`), utf8(body));
  return (await ed25519Verify(key.publicKey, message, signature.slice(8))) ? Number(time) : null;
}
