/**
 * Ed25519 keys and signatures through `node:crypto`, with public keys as raw 32-byte arrays
 * (the form that signed notes, vkeys and key IDs use).
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import { concatBytes, fromHex } from "./bytes.ts";

// DER headers that wrap a raw 32-byte seed (PKCS #8) or public key (SPKI) for Ed25519 (RFC 8410).
const PKCS8_PREFIX = fromHex("302e020100300506032b657004220420") ?? new Uint8Array();
const SPKI_PREFIX = fromHex("302a300506032b6570032100") ?? new Uint8Array();

/** Byte length of an Ed25519 seed or public key. */
export const ED25519_KEY_SIZE = 32;
/** Byte length of an Ed25519 signature. */
export const ED25519_SIGNATURE_SIZE = 64;

/** A party's signing key: the private key object and its raw public key. */
export interface Ed25519KeyPair {
  readonly privateKey: KeyObject;
  /** The raw 32-byte public key (RFC 8032 encoding). */
  readonly publicKey: Uint8Array;
}

function rawPublicKey(key: KeyObject): Uint8Array {
  const der = key.export({ format: "der", type: "spki" });
  return new Uint8Array(der.subarray(der.length - ED25519_KEY_SIZE));
}

/**
 * Rebuilds a key pair from its 32-byte seed (the private key as RFC 8032 defines it).
 *
 * @example
 * const pair = ed25519FromSeed(seed);
 * pair.publicKey.length; // 32
 */
export function ed25519FromSeed(seed: Uint8Array): Ed25519KeyPair {
  if (seed.length !== ED25519_KEY_SIZE)
    throw new RangeError(`an Ed25519 seed has 32 bytes, got ${seed.length}`);
  // node:crypto only imports raw keys wrapped in DER (or JWK, which also wants the public half).
  const privateKey = createPrivateKey({
    key: Buffer.from(concatBytes(PKCS8_PREFIX, seed)),
    format: "der",
    type: "pkcs8",
  });
  return { privateKey, publicKey: rawPublicKey(createPublicKey(privateKey)) };
}

/**
 * Generates a fresh key pair from the operating system's randomness (via `node:crypto`).
 * The only non-deterministic function of the ledger; everything else takes keys as arguments.
 *
 * @example
 * const us = generateEd25519KeyPair();
 */
export function generateEd25519KeyPair(): Ed25519KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return { privateKey, publicKey: rawPublicKey(publicKey) };
}

/**
 * The 32-byte seed of a private key, for storing it.
 *
 * @example
 * ed25519FromSeed(ed25519Seed(pair.privateKey)).publicKey; // equals pair.publicKey
 */
export function ed25519Seed(privateKey: KeyObject): Uint8Array {
  const der = privateKey.export({ format: "der", type: "pkcs8" });
  return new Uint8Array(der.subarray(der.length - ED25519_KEY_SIZE));
}

/**
 * Signs a message (pure Ed25519, RFC 8032: deterministic, no pre-hash).
 *
 * @example
 * ed25519Sign(pair.privateKey, utf8("text\n")).length; // 64
 */
export function ed25519Sign(privateKey: KeyObject, message: Uint8Array): Uint8Array {
  return new Uint8Array(sign(null, message, privateKey));
}

/**
 * Verifies an Ed25519 signature against a raw 32-byte public key; false on any malformed input.
 *
 * @example
 * ed25519Verify(pair.publicKey, msg, ed25519Sign(pair.privateKey, msg)); // true
 */
export function ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== ED25519_KEY_SIZE || signature.length !== ED25519_SIGNATURE_SIZE) return false;
  try {
    const key = createPublicKey({
      key: Buffer.from(concatBytes(SPKI_PREFIX, publicKey)),
      format: "der",
      type: "spki",
    });
    return verify(null, message, key, signature);
  } catch {
    // An encoding that is not a curve point cannot have signed anything.
    return false;
  }
}
