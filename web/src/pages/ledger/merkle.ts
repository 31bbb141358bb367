/**
 * RFC 9162 Merkle tree hashing and proof checks with WebCrypto's SHA-256, for the browser: leaf
 * hash SHA-256(0x00 ‖ data), node hash SHA-256(0x01 ‖ left ‖ right), inclusion (§2.1.3.2) and
 * consistency (§2.1.4.2) proofs, and the roots of every prefix of a list of leaves.
 */
import { type Bytes, concat, sameBytes } from "./ledger-bytes.ts";

/** A check's outcome: passed, or failed with a reason for people. */
export type Verdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const PASS: Verdict = { ok: true };
const fail = (reason: string): Verdict => ({ ok: false, reason });
const HASH_SIZE = 32;

/**
 * SHA-256 of the bytes given, one after the other.
 *
 * @example
 * await sha256(new Uint8Array()); // e3b0c442…b855
 */
export async function sha256(...parts: readonly Uint8Array[]): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", concat(...parts)));
}

/**
 * The hash of a leaf: SHA-256(0x00 ‖ data).
 *
 * @example
 * await leafHash(new Uint8Array()); // 6e340b9c…a01d
 */
export function leafHash(data: Uint8Array): Promise<Bytes> {
  return sha256(new Uint8Array([0]), data);
}

/**
 * The hash of an interior node: SHA-256(0x01 ‖ left ‖ right).
 *
 * @example
 * await nodeHash(await leafHash(a), await leafHash(b)); // the root of [a, b]
 */
export function nodeHash(left: Uint8Array, right: Uint8Array): Promise<Bytes> {
  return sha256(new Uint8Array([1]), left, right);
}

const isOdd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);
const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;

/**
 * Whether `leaf` is leaf `index` of the tree of `size` leaves with root `root`, by its audit path
 * (RFC 9162 §2.1.3.2).
 *
 * @example
 * await verifyInclusion(leaf, 2, 5, proof, root); // { ok: true }
 */
export async function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): Promise<Verdict> {
  if (!isCount(index) || !isCount(size)) return fail("the index and size must be whole numbers");
  if (index >= size) return fail(`leaf ${index} is not in a tree of ${size} leaves`);
  if (leaf.length !== HASH_SIZE || proof.some((p) => p.length !== HASH_SIZE)) return fail("a hash of the proof is not 32 bytes");
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leaf;
  for (const p of proof) {
    if (sn === 0) return fail("the proof is longer than the path to the root");
    if (isOdd(fn) || fn === sn) {
      r = await nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return fail("the proof stops below the root");
  return sameBytes(r, root) ? PASS : fail("the proof leads to another root");
}

/**
 * Whether the tree of `size2` leaves (root `root2`) extends the tree of `size1` leaves (root
 * `root1`), by the consistency proof (RFC 9162 §2.1.4.2). As transparency-dev decides: equal
 * sizes need an empty proof and equal roots; a proof from the empty tree is refused.
 *
 * @example
 * await verifyConsistency(3, 7, proof, root3, root7); // { ok: true }
 */
export async function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): Promise<Verdict> {
  if (!isCount(size1) || !isCount(size2)) return fail("the sizes must be whole numbers");
  if (proof.some((p) => p.length !== HASH_SIZE)) return fail("a hash of the proof is not 32 bytes");
  if (size2 < size1) return fail(`the tree shrank from ${size1} to ${size2} leaves`);
  if (size1 === size2) {
    if (proof.length > 0) return fail("equal sizes need an empty proof");
    if (!sameBytes(root1, root2)) return fail("the same size has two different roots");
    if (size1 === 0 && !sameBytes(root1, await sha256())) return fail("the empty tree's root is the hash of nothing");
    return PASS;
  }
  if (size1 === 0) return fail("a proof from the empty tree means nothing");
  if (proof.length === 0) return fail("the proof is empty");
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr: Uint8Array = path[0] ?? root1;
  let sr: Uint8Array = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return fail("the proof is longer than the path to the root");
    if (isOdd(fn) || fn === sn) {
      fr = await nodeHash(c, fr);
      sr = await nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = await nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return fail("the proof stops below the root");
  if (!sameBytes(fr, root1)) return fail("the proof does not lead to the older root");
  if (!sameBytes(sr, root2)) return fail("the proof does not lead to the newer root");
  return PASS;
}

function isPowerOfTwo(n: number): boolean {
  let v = n;
  while (v > 1 && v % 2 === 0) v /= 2;
  return v === 1;
}

/**
 * The roots of the first `size` leaves for each size asked, computed in one pass over the leaf
 * hashes: a stack of perfect subtrees (a "compact range") folded right to left at each size, which
 * is the RFC's recursive definition of the Merkle tree hash.
 *
 * @example
 * const roots = await prefixRoots(leafHashes, [3, 7]);
 * roots.get(7); // the root a checkpoint of size 7 must carry
 */
export async function prefixRoots(leaves: readonly Uint8Array[], sizes: readonly number[]): Promise<Map<number, Bytes>> {
  const wanted = new Set(sizes.filter((s) => s >= 0 && s <= leaves.length));
  const roots = new Map<number, Bytes>();
  if (wanted.has(0)) roots.set(0, await sha256());
  // stack[i] holds a perfect subtree of `heights[i]` levels; heights strictly decrease.
  const stack: Bytes[] = [];
  const heights: number[] = [];
  for (const [i, leaf] of leaves.entries()) {
    let node = new Uint8Array(leaf);
    let height = 0;
    while (heights.length > 0 && heights.at(-1) === height) {
      const left = stack.pop() ?? node;
      heights.pop();
      node = await nodeHash(left, node);
      height += 1;
    }
    stack.push(node);
    heights.push(height);
    if (wanted.has(i + 1)) {
      let root = stack.at(-1) ?? node;
      for (let j = stack.length - 2; j >= 0; j--) root = await nodeHash(stack[j] ?? root, root);
      roots.set(i + 1, root);
    }
  }
  return roots;
}
