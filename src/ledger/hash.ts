/**
 * RFC 9162 (and RFC 6962) Merkle tree hashing with SHA-256.
 *
 * Leaves and interior nodes get different one-byte prefixes (0x00, 0x01) so a leaf can never be
 * passed off as an interior node (second-preimage resistance of the tree, RFC 9162 §2.1.1).
 */
import { createHash } from "node:crypto";

/** A SHA-256 digest: 32 bytes. The brand keeps arbitrary byte strings from posing as hashes. */
export type Sha256 = Uint8Array & { readonly __brand: "Sha256" };

/** Length in bytes of every hash in the tree. */
export const HASH_SIZE = 32;

const LEAF_PREFIX = new Uint8Array([0x00]);
const NODE_PREFIX = new Uint8Array([0x01]);

function digest(...parts: readonly Uint8Array[]): Sha256 {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  const b = h.digest();
  // A plain Uint8Array view (no copy), so Buffer methods and inspection never leak to callers.
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength) as Sha256;
}

/**
 * True when `bytes` has the length of a SHA-256 digest; narrows to {@link Sha256}.
 *
 * @example
 * isSha256(new Uint8Array(32)); // true
 */
export function isSha256(bytes: Uint8Array): bytes is Sha256 {
  return bytes.length === HASH_SIZE;
}

/**
 * SHA-256 of arbitrary bytes (no domain prefix): used for key IDs and the empty tree.
 *
 * @example
 * sha256(new Uint8Array()); // e3b0c442…b855
 */
export function sha256(...parts: readonly Uint8Array[]): Sha256 {
  return digest(...parts);
}

/**
 * The hash of a leaf: SHA-256(0x00 || data).
 *
 * @example
 * leafHash(new Uint8Array()); // 6e340b9c…a01d
 */
export function leafHash(data: Uint8Array): Sha256 {
  return digest(LEAF_PREFIX, data);
}

/**
 * The hash of an interior node: SHA-256(0x01 || left || right).
 *
 * @example
 * nodeHash(leafHash(a), leafHash(b)); // the root of the two-leaf tree [a, b]
 */
export function nodeHash(left: Uint8Array, right: Uint8Array): Sha256 {
  return digest(NODE_PREFIX, left, right);
}

/**
 * The root of the empty tree: SHA-256 of the empty string (RFC 9162 §2.1.1).
 *
 * @example
 * emptyTreeHash(); // e3b0c442…b855
 */
export function emptyTreeHash(): Sha256 {
  return digest();
}

/**
 * The largest power of two strictly less than `n` (the RFC's split point k), for n ≥ 2.
 * Arithmetic rather than bit operators so sizes up to 2^53 − 1 work.
 *
 * @example
 * largestPowerOfTwoBelow(5); // 4
 * largestPowerOfTwoBelow(8); // 4
 */
export function largestPowerOfTwoBelow(n: number): number {
  if (!Number.isSafeInteger(n) || n < 2) throw new RangeError(`split needs n >= 2, got ${n}`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The Merkle tree hash (MTH) over already-hashed leaves, by the RFC's recursive definition:
 * split at the largest power of two below n. This is the reference; `MerkleTree` is the fast path.
 *
 * @example
 * rootFromLeafHashes([]); // emptyTreeHash()
 * rootFromLeafHashes([leafHash(d)]); // leafHash(d)
 */
export function rootFromLeafHashes(leaves: readonly Uint8Array[]): Sha256 {
  if (leaves.length === 0) return emptyTreeHash();
  return subtree(leaves, 0, leaves.length);
}

function subtree(leaves: readonly Uint8Array[], start: number, end: number): Sha256 {
  const n = end - start;
  if (n === 1) {
    const only = leaves[start];
    if (only === undefined) throw new RangeError("leaf index out of range");
    return only as Sha256;
  }
  const k = largestPowerOfTwoBelow(n);
  return nodeHash(subtree(leaves, start, start + k), subtree(leaves, start + k, end));
}

/**
 * The Merkle tree hash (MTH) of a list of entries (RFC 9162 §2.1.1): hashes each entry as a
 * leaf, then combines.
 *
 * @example
 * merkleTreeHash([utf8("a"), utf8("b")]); // nodeHash(leafHash(utf8("a")), leafHash(utf8("b")))
 */
export function merkleTreeHash(entries: readonly Uint8Array[]): Sha256 {
  return rootFromLeafHashes(entries.map(leafHash));
}
