/**
 * Bytes for the browser's ledger verifier: strict base64, hex, UTF-8, concatenation. The
 * verifier is written for the browser on its own (WebCrypto, no `node:crypto`), independently of
 * the server's `src/ledger`, so "verify here" does not trust the code it is checking.
 */

/** Bytes backed by a plain ArrayBuffer, the form WebCrypto accepts. */
export type Bytes = Uint8Array<ArrayBuffer>;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Standard padded base64 (RFC 4648 §4) of bytes.
 *
 * @example
 * encodeBase64(new Uint8Array([1, 2, 3])); // "AQID"
 */
export function encodeBase64(bytes: Uint8Array): string {
  let text = "";
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

/**
 * Decodes canonical base64 only: padding required, no whitespace, unused bits zero (so each byte
 * string has one accepted text, as signed notes require). Null on anything else.
 *
 * @example
 * decodeBase64("AQID"); // Uint8Array [1, 2, 3]
 * decodeBase64("AQI");  // null
 */
export function decodeBase64(text: string): Bytes | null {
  if (!BASE64.test(text)) return null;
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return encodeBase64(out) === text ? out : null;
}

/**
 * Lower-case hex.
 *
 * @example
 * toHex(new Uint8Array([0xc7, 0x4f])); // "c74f"
 */
export function toHex(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}

/**
 * Even-length hex to bytes; null otherwise.
 *
 * @example
 * fromHex("c74f"); // Uint8Array [0xc7, 0x4f]
 */
export function fromHex(text: string): Bytes | null {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) return null;
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

const encoder = new TextEncoder();

/**
 * UTF-8 bytes of a text.
 *
 * @example
 * utf8("—").length; // 3
 */
export function utf8(text: string): Bytes {
  return encoder.encode(text) as Bytes;
}

/**
 * The bytes of several arrays, one after the other.
 *
 * @example
 * concat(new Uint8Array([1]), new Uint8Array([2])); // Uint8Array [1, 2]
 */
export function concat(...parts: readonly Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Whether two byte strings are equal (hashes are public: no need for constant time).
 *
 * @example
 * sameBytes(new Uint8Array([1]), new Uint8Array([1])); // true
 */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
