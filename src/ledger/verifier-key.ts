/**
 * Text encodings of note keys from golang.org/x/mod/sumdb/note, referenced by C2SP signed-note:
 * verifier keys `<name>+<hex key ID>+<base64(type || public key)>` and signer keys
 * `PRIVATE+KEY+<name>+<hex key ID>+<base64(type || seed)>`.
 */
import { concatBytes, decodeBase64, encodeBase64 } from "./bytes.ts";
import { cosignatureVerifier } from "./cosignature.ts";
import { ED25519_KEY_SIZE, ed25519FromSeed } from "./ed25519.ts";
import {
  isValidKeyName,
  keyId,
  keyIdHex,
  SIGNATURE_TYPE_COSIGNATURE_V1,
  SIGNATURE_TYPE_ED25519,
} from "./key-id.ts";
import { ed25519NoteVerifier, type NoteVerifier } from "./note.ts";
import { fail, ok, type Result } from "./result.ts";

/** A decoded verifier key. */
export interface VerifierKey {
  readonly name: string;
  readonly keyId: number;
  /** The signature type byte, e.g. 0x01 (Ed25519) or 0x04 (cosignature/v1). */
  readonly type: number;
  /** The public key material after the type byte (32 bytes for Ed25519 types). */
  readonly publicKey: Uint8Array;
}

/** A decoded signer key: name, key ID, type, and the Ed25519 seed. */
export interface SignerKey {
  readonly name: string;
  readonly keyId: number;
  readonly type: number;
  readonly seed: Uint8Array;
}

const isEd25519Type = (t: number): boolean =>
  t === SIGNATURE_TYPE_ED25519 || t === SIGNATURE_TYPE_COSIGNATURE_V1;

/** Splits at the first `count` plus signs; the base64 tail may itself contain "+". */
function splitPlus(text: string, count: number): string[] | null {
  const parts: string[] = [];
  let rest = text;
  for (let i = 0; i < count; i++) {
    const at = rest.indexOf("+");
    if (at < 0) return null;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  return [...parts, rest];
}

function decodeKeyFields(
  name: string,
  hex: string,
  b64: string,
): Result<{ id: number; type: number; key: Uint8Array }> {
  if (!isValidKeyName(name)) return fail("ledger.key.malformed", "invalid key name");
  if (!/^[0-9a-fA-F]{8}$/.test(hex)) return fail("ledger.key.malformed", "the key ID must be 8 hex digits");
  const material = decodeBase64(b64);
  if (material === null || material.length < 2)
    return fail("ledger.key.malformed", "bad base64 key material");
  const type = material[0] ?? 0;
  const key = material.slice(1);
  if (isEd25519Type(type) && key.length !== ED25519_KEY_SIZE) {
    return fail("ledger.key.malformed", `an Ed25519 key has 32 bytes, got ${key.length}`);
  }
  return ok({ id: Number.parseInt(hex, 16), type, key });
}

/**
 * Parses a verifier key and checks that its key ID matches its name and key material.
 *
 * @example
 * parseVerifierKey("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
 * // { ok: true, value: { name: "PeterNeumann", keyId: 0xc74f20a3, type: 1, publicKey: … } }
 */
export function parseVerifierKey(vkey: string): Result<VerifierKey> {
  const parts = splitPlus(vkey, 2);
  if (parts === null) return fail("ledger.key.malformed", "a verifier key has the form name+keyid+key");
  const [name = "", hex = "", b64 = ""] = parts;
  const fields = decodeKeyFields(name, hex, b64);
  if (!fields.ok) return fields;
  const { id, type, key } = fields.value;
  if (keyId(name, type, key) !== id)
    return fail("ledger.key.id_mismatch", "the key ID does not match the key");
  return ok({ name, keyId: id, type, publicKey: key });
}

/**
 * Formats a verifier key; the key ID is computed.
 *
 * @example
 * formatVerifierKey("US", SIGNATURE_TYPE_COSIGNATURE_V1, us.publicKey); // "US+xxxxxxxx+BA…"
 */
export function formatVerifierKey(name: string, type: number, publicKey: Uint8Array): string {
  if (!isValidKeyName(name)) throw new RangeError(`invalid key name ${JSON.stringify(name)}`);
  const material = concatBytes(new Uint8Array([type]), publicKey);
  return `${name}+${keyIdHex(keyId(name, type, publicKey))}+${encodeBase64(material)}`;
}

/**
 * Builds a note verifier from a verifier key of type 0x01 (plain Ed25519 signatures) or 0x04
 * (cosignature/v1). Other types are refused rather than ignored, so a misconfigured key is loud.
 *
 * @example
 * const v = noteVerifierFromKey("US+1a2b3c4d+BA…");
 * if (v.ok) openNote(message, [v.value]);
 */
export function noteVerifierFromKey(vkey: string): Result<NoteVerifier> {
  const parsed = parseVerifierKey(vkey);
  if (!parsed.ok) return parsed;
  const { name, type, publicKey } = parsed.value;
  if (type === SIGNATURE_TYPE_ED25519) return ok(ed25519NoteVerifier(name, publicKey));
  if (type === SIGNATURE_TYPE_COSIGNATURE_V1) return ok(cosignatureVerifier(name, publicKey));
  return fail("ledger.key.unsupported_type", `signature type 0x${type.toString(16)} is not supported`);
}

/**
 * Parses an Ed25519 signer key and checks its key ID against the derived public key.
 *
 * @example
 * parseSignerKey("PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz");
 */
export function parseSignerKey(skey: string): Result<SignerKey> {
  const parts = splitPlus(skey, 4);
  if (parts === null || parts[0] !== "PRIVATE" || parts[1] !== "KEY") {
    return fail("ledger.key.malformed", "a signer key has the form PRIVATE+KEY+name+keyid+key");
  }
  const [, , name = "", hex = "", b64 = ""] = parts;
  const fields = decodeKeyFields(name, hex, b64);
  if (!fields.ok) return fields;
  const { id, type, key } = fields.value;
  if (!isEd25519Type(type))
    return fail("ledger.key.unsupported_type", "only Ed25519 signer keys are supported");
  const { publicKey } = ed25519FromSeed(key);
  if (keyId(name, type, publicKey) !== id)
    return fail("ledger.key.id_mismatch", "the key ID does not match the key");
  return ok({ name, keyId: id, type, seed: key });
}

/**
 * Formats an Ed25519 signer key from a name, type and 32-byte seed.
 *
 * @example
 * formatSignerKey("US", SIGNATURE_TYPE_COSIGNATURE_V1, ed25519Seed(us.privateKey));
 */
export function formatSignerKey(name: string, type: number, seed: Uint8Array): string {
  if (!isValidKeyName(name)) throw new RangeError(`invalid key name ${JSON.stringify(name)}`);
  if (!isEd25519Type(type)) throw new RangeError("only Ed25519 signer keys are supported");
  const { publicKey } = ed25519FromSeed(seed);
  const material = encodeBase64(concatBytes(new Uint8Array([type]), seed));
  return `PRIVATE+KEY+${name}+${keyIdHex(keyId(name, type, publicKey))}+${material}`;
}
