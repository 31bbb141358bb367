/**
 * Key names, signature types and key IDs shared by signed notes, checkpoints and cosignatures
 * (C2SP signed-note, "Signatures" section).
 */
import { concatBytes, hasLoneSurrogate, readUint32BE, utf8 } from "./bytes.ts";
import { sha256 } from "./hash.ts";

/** Signature type byte of plain Ed25519 note signatures (C2SP signed-note). */
export const SIGNATURE_TYPE_ED25519 = 0x01;

/** Signature type byte of timestamped Ed25519 cosignatures (C2SP tlog-cosignature, "cosignature/v1"). */
export const SIGNATURE_TYPE_COSIGNATURE_V1 = 0x04;

/**
 * True when `name` may name a key: non-empty, no Unicode white space, no "+" (the vkey field
 * separator), and, beyond the spec's minimum, no control characters or unpaired surrogates,
 * since those could never appear in a valid note anyway.
 *
 * @example
 * isValidKeyName("drawdown.commission/niger-2024"); // true
 * isValidKeyName("US party"); // false
 */
export function isValidKeyName(name: string): boolean {
  return (
    name.length > 0 &&
    !/\p{White_Space}/u.test(name) &&
    !name.includes("+") &&
    !/\p{Cc}/u.test(name) &&
    !hasLoneSurrogate(name)
  );
}

/**
 * The 32-bit key ID: the first four bytes, big-endian, of
 * SHA-256(key name || 0x0A || signature type || public key).
 *
 * @example
 * keyId("PeterNeumann", SIGNATURE_TYPE_ED25519, publicKey).toString(16); // "c74f20a3"
 */
export function keyId(name: string, signatureType: number, publicKey: Uint8Array): number {
  const digest = sha256(concatBytes(utf8(`${name}\n`), new Uint8Array([signatureType]), publicKey));
  return readUint32BE(digest, 0);
}

/**
 * A key ID as the 8 lower-case hex digits used in vkeys and messages.
 *
 * @example
 * keyIdHex(0xc74f20a3); // "c74f20a3"
 */
export function keyIdHex(id: number): string {
  return id.toString(16).padStart(8, "0");
}
