/**
 * Byte helpers for the ledger: strict base64, UTF-8 and big-endian integers.
 *
 * Written by hand rather than through `Buffer` so the ledger stays free of Node globals other
 * than `node:crypto`, and because `Buffer.from(s, "base64")` silently skips invalid characters,
 * which a tamper-evident format must not do.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/**
 * Encodes bytes as standard, padded base64 (RFC 4648 §4).
 *
 * @example
 * encodeBase64(new Uint8Array([1, 2, 3])); // "AQID"
 */
export function encodeBase64(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out +=
      ALPHABET.charAt(n >> 18) +
      ALPHABET.charAt((n >> 12) & 63) +
      ALPHABET.charAt((n >> 6) & 63) +
      ALPHABET.charAt(n & 63);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] ?? 0) << 16;
    out += `${ALPHABET.charAt(n >> 18)}${ALPHABET.charAt((n >> 12) & 63)}==`;
  } else if (rest === 2) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += `${ALPHABET.charAt(n >> 18)}${ALPHABET.charAt((n >> 12) & 63)}${ALPHABET.charAt((n >> 6) & 63)}=`;
  }
  return out;
}

/**
 * Decodes standard, padded base64 strictly: no whitespace, no URL alphabet, padding required,
 * and unused trailing bits must be zero, so each byte string has exactly one accepted encoding.
 * Returns `null` when the text is not canonical base64.
 *
 * @example
 * decodeBase64("AQID"); // Uint8Array [1, 2, 3]
 * decodeBase64("AQI");  // null (missing padding)
 */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  let pad = 0;
  if (text.endsWith("==")) pad = 2;
  else if (text.endsWith("=")) pad = 1;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const quad = [0, 0, 0, 0];
    for (let j = 0; j < 4; j++) {
      const c = text.charCodeAt(i + j);
      if (last && j >= 4 - pad) {
        if (c !== 61) return null; // "="
        continue;
      }
      const v = c < 128 ? (DECODE[c] ?? -1) : -1;
      if (v < 0) return null;
      quad[j] = v;
    }
    const n = ((quad[0] ?? 0) << 18) | ((quad[1] ?? 0) << 12) | ((quad[2] ?? 0) << 6) | (quad[3] ?? 0);
    if (last && pad === 2 && (n & 0xffff) !== 0) return null; // non-zero unused bits
    if (last && pad === 1 && (n & 0xff) !== 0) return null;
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

const utf8Encoder = new TextEncoder();
// fatal: reject invalid UTF-8 instead of inserting U+FFFD; ignoreBOM: keep a leading U+FEFF as text.
const utf8Decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Encodes a string as UTF-8.
 *
 * @example
 * utf8("—").length; // 3
 */
export function utf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/**
 * Decodes UTF-8 strictly; returns `null` on malformed input.
 *
 * @example
 * decodeUtf8(new Uint8Array([0xff])); // null
 */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * True when a string contains an unpaired UTF-16 surrogate, which has no UTF-8 encoding
 * (TextEncoder would silently turn it into U+FFFD and change what gets signed or hashed).
 *
 * @example
 * hasLoneSurrogate("\ud800"); // true
 */
export function hasLoneSurrogate(text: string): boolean {
  return /\p{Surrogate}/u.test(text);
}

/**
 * True when a string contains an ASCII control character (below U+0020), newline excepted
 * if `allowNewline`. Signed notes and checkpoints forbid them.
 *
 * @example
 * hasControlCharacter("a\tb", true); // true
 * hasControlCharacter("a\nb", true); // false
 */
export function hasControlCharacter(text: string, allowNewline: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && !(allowNewline && c === 0x0a)) return true;
  }
  return false;
}

/**
 * Concatenates byte arrays.
 *
 * @example
 * concatBytes(new Uint8Array([1]), new Uint8Array([2])); // Uint8Array [1, 2]
 */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/**
 * Compares two byte arrays for equality (not constant-time: ledger hashes are public).
 *
 * @example
 * bytesEqual(new Uint8Array([1]), new Uint8Array([1])); // true
 */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Writes an unsigned 32-bit integer as 4 big-endian bytes.
 *
 * @example
 * uint32BE(0xc74f20a3); // Uint8Array [0xc7, 0x4f, 0x20, 0xa3]
 */
export function uint32BE(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, false);
  return out;
}

/**
 * Reads an unsigned 32-bit big-endian integer at `offset`.
 *
 * @example
 * readUint32BE(new Uint8Array([0, 0, 1, 0]), 0); // 256
 */
export function readUint32BE(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(offset, false);
}

/**
 * Writes a non-negative safe integer as 8 big-endian bytes (a TLS `uint64`).
 *
 * @example
 * uint64BE(1); // Uint8Array [0, 0, 0, 0, 0, 0, 0, 1]
 */
export function uint64BE(value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a uint64 we can hold: ${value}`);
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(value), false);
  return out;
}

/**
 * Reads an unsigned 64-bit big-endian integer at `offset` as a bigint (it may exceed 2^53).
 *
 * @example
 * readUint64BE(uint64BE(1727964367), 0); // 1727964367n
 */
export function readUint64BE(bytes: Uint8Array, offset: number): bigint {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(offset, false);
}

/**
 * Lower-case hex of bytes, for key IDs in vkeys and for test messages.
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
 * Parses even-length hex (either case); returns `null` on anything else.
 *
 * @example
 * fromHex("c74f"); // Uint8Array [0xc7, 0x4f]
 */
export function fromHex(text: string): Uint8Array | null {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) return null;
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}
