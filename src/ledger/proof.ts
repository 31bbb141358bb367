/**
 * Verifiers for Merkle inclusion and consistency proofs, following the algorithms of
 * RFC 9162 §2.1.3.2 and §2.1.4.2 step by step. They return a {@link Verdict} and never throw:
 * proofs come from outside.
 *
 * Sizes and indexes are JavaScript numbers limited to 2^53 − 1 (far beyond any Drawdown log);
 * shifts are done with arithmetic because bit operators truncate to 32 bits.
 */
import { bytesEqual } from "./bytes.ts";
import { emptyTreeHash, HASH_SIZE, nodeHash } from "./hash.ts";
import { fail, PASS, type Verdict } from "./result.ts";

const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

function badCount(what: string, n: number): Verdict | null {
  return Number.isSafeInteger(n) && n >= 0
    ? null
    : fail(`ledger.proof.bad_${what}`, `${what} must be a non-negative integer below 2^53, got ${n}`);
}

function badHashes(proof: readonly Uint8Array[]): Verdict | null {
  const i = proof.findIndex((p) => p.length !== HASH_SIZE);
  return i < 0
    ? null
    : fail(
        "ledger.proof.malformed_hash",
        `proof element ${i} has ${proof[i]?.length} bytes, not ${HASH_SIZE}`,
      );
}

/**
 * Verifies that `leafHash` is the leaf at `index` in the tree of `size` leaves whose root is
 * `root`, given the audit path `proof` (RFC 9162 §2.1.3.2).
 *
 * @example
 * const v = verifyInclusion(tree.leafHashAt(2), 2, 5, tree.inclusionProof(2, 5), tree.root(5));
 * v.ok; // true
 */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): Verdict {
  const bad = badCount("index", index) ?? badCount("size", size) ?? badHashes(proof);
  if (bad) return bad;
  // 1. The leaf must be inside the tree.
  if (index >= size) return fail("ledger.inclusion.index_out_of_range", `index ${index} >= size ${size}`);
  if (leafHash.length !== HASH_SIZE) {
    return fail("ledger.proof.malformed_hash", `leaf hash has ${leafHash.length} bytes, not ${HASH_SIZE}`);
  }
  // 2–3. fn walks the leaf's position up the tree, sn the last leaf's position.
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leafHash;
  // 4. Fold in each sibling on the side the position dictates.
  for (const p of proof) {
    if (sn === 0) return fail("ledger.inclusion.proof_too_long", "the proof has more hashes than the path");
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      // On the right edge, skip levels where this node has no right sibling.
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // 5. The path must have reached the root, and the root must match.
  if (sn !== 0) return fail("ledger.inclusion.proof_too_short", "the proof ends below the root");
  if (!bytesEqual(r, root)) return fail("ledger.inclusion.root_mismatch", "the proof leads to another root");
  return PASS;
}

/**
 * Verifies that the tree of `size2` leaves with root `root2` extends the tree of `size1` leaves
 * with root `root1`, given the consistency proof (RFC 9162 §2.1.4.2).
 *
 * Edge cases the RFC algorithm leaves open, decided as transparency-dev/merkle and its test
 * vectors do: equal sizes need an empty proof and equal roots; size 0 has only the empty-tree
 * root; a proof from size 0 to a larger size is rejected as meaningless (accept the first
 * checkpoint on its own instead).
 *
 * @example
 * const v = verifyConsistency(3, 7, tree.consistencyProof(3, 7), tree.root(3), tree.root(7));
 * v.ok; // true
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): Verdict {
  const bad = badCount("size1", size1) ?? badCount("size2", size2) ?? badHashes(proof);
  if (bad) return bad;
  if (size2 < size1) return fail("ledger.consistency.shrinking", `size2 ${size2} < size1 ${size1}`);
  if (size1 === size2) {
    if (proof.length > 0) return fail("ledger.consistency.proof_too_long", "equal sizes need an empty proof");
    if (!bytesEqual(root1, root2))
      return fail("ledger.consistency.root_mismatch", "equal sizes, different roots");
    if (size1 === 0 && !bytesEqual(root1, emptyTreeHash())) {
      return fail("ledger.consistency.root_mismatch", "the empty tree has the hash of the empty string");
    }
    return PASS;
  }
  if (size1 === 0) return fail("ledger.consistency.from_empty", "a proof from the empty tree is meaningless");
  // 1. An empty proof cannot link two different sizes.
  const [first] = proof;
  if (first === undefined) return fail("ledger.consistency.proof_too_short", "the proof is empty");
  // 2. When size1 is a power of two, its root is a node of the new tree and starts the path.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  // 3–4. Positions of the old tree's last leaf and the new tree's last leaf; skip the levels
  // where the old last leaf is a right child, as those nodes are complete in both trees.
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // 5. fr rebuilds the old root, sr the new one, from the same starting node.
  let fr = path[0] ?? first;
  let sr = fr;
  // 6. Fold in the remaining hashes.
  for (const c of path.slice(1)) {
    if (sn === 0) return fail("ledger.consistency.proof_too_long", "the proof has more hashes than the path");
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // 7. Both roots must match and the path must have reached the top.
  if (sn !== 0) return fail("ledger.consistency.proof_too_short", "the proof ends below the root");
  if (!bytesEqual(fr, root1))
    return fail("ledger.consistency.root_mismatch", "the proof does not lead to root1");
  if (!bytesEqual(sr, root2))
    return fail("ledger.consistency.root_mismatch", "the proof does not lead to root2");
  return PASS;
}

function isPowerOfTwo(n: number): boolean {
  let v = n;
  while (v > 1 && v % 2 === 0) v /= 2;
  return v === 1;
}
