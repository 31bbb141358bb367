/**
 * An in-memory, append-only Merkle tree over leaf hashes, answering roots and proofs for any
 * earlier size of the log (RFC 9162 §2.1.2–2.1.4).
 *
 * It keeps every complete perfect subtree: `levels[h][i]` is the hash of leaves
 * [i·2^h, (i+1)·2^h). Any subtree the RFC recursion asks for starts at a multiple of a power of
 * two at least its size, so it splits into O(log n) stored perfect subtrees: roots and proofs for
 * any prefix cost O(log n) hashes (O(log² n) for proofs), and appends cost O(log n).
 */
import { emptyTreeHash, isSha256, largestPowerOfTwoBelow, nodeHash, type Sha256 } from "./hash.ts";

/**
 * An append-only Merkle tree holding leaf hashes.
 *
 * @example
 * const tree = new MerkleTree();
 * tree.append(leafHash(utf8("decision 1")));
 * tree.append(leafHash(utf8("decision 2")));
 * const proof = tree.inclusionProof(0, 2);
 * verifyInclusion(tree.leafHashAt(0), 0, 2, proof, tree.root(2)).ok; // true
 */
export class MerkleTree {
  readonly #levels: Sha256[][] = [[]];

  /**
   * Builds a tree from leaf hashes in order.
   *
   * @example
   * MerkleTree.fromLeafHashes(entries.map(leafHash)).root();
   */
  static fromLeafHashes(leafHashes: readonly Uint8Array[]): MerkleTree {
    const tree = new MerkleTree();
    for (const h of leafHashes) tree.append(h);
    return tree;
  }

  /** The number of leaves. */
  get size(): number {
    return this.#level(0).length;
  }

  /**
   * Appends a leaf hash (hash the entry with `leafHash` first) and returns its index.
   *
   * @example
   * tree.append(leafHash(canonicalJsonBytes(decision))); // 0 for the first leaf
   */
  append(hash: Uint8Array): number {
    if (!isSha256(hash)) throw new RangeError(`a leaf hash has 32 bytes, got ${hash.length}`);
    const index = this.size;
    this.#level(0).push(new Uint8Array(hash) as Sha256);
    // Each time the new node is a right child, its parent becomes complete.
    let h = 0;
    let i = index;
    let node: Sha256 = hash;
    while (i % 2 === 1) {
      const left = this.#level(h)[i - 1];
      if (left === undefined) throw new Error("unreachable: left sibling missing");
      node = nodeHash(left, node);
      h += 1;
      i = (i - 1) / 2;
      if (this.#levels.length <= h) this.#levels.push([]);
      this.#level(h).push(node);
    }
    return index;
  }

  /**
   * The leaf hash at `index`.
   *
   * @example
   * tree.leafHashAt(0);
   */
  leafHashAt(index: number): Sha256 {
    const h = this.#level(0)[index];
    if (h === undefined) throw new RangeError(`no leaf ${index} in a tree of size ${this.size}`);
    return h;
  }

  /**
   * The root hash of the tree's first `size` leaves (default: all of them).
   *
   * @example
   * tree.root(0); // emptyTreeHash()
   */
  root(size: number = this.size): Sha256 {
    this.#checkSize(size);
    return size === 0 ? emptyTreeHash() : this.#subtree(0, size);
  }

  /**
   * The inclusion proof (audit path) for leaf `index` in the tree of the first `size` leaves,
   * ordered from the leaf's sibling up to the root's child (RFC 9162 §2.1.3.1).
   *
   * @example
   * tree.inclusionProof(5, 8).length; // 3
   */
  inclusionProof(index: number, size: number = this.size): Sha256[] {
    this.#checkSize(size);
    if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
      throw new RangeError(`leaf index ${index} is not below tree size ${size}`);
    }
    return this.#path(index, 0, size);
  }

  /**
   * The consistency proof between the first `oldSize` and the first `newSize` leaves
   * (RFC 9162 §2.1.4.1). Empty when the sizes are equal. A proof from size 0 is meaningless
   * (every tree extends the empty one), so `oldSize` must be at least 1.
   *
   * @example
   * tree.consistencyProof(3, 7);
   */
  consistencyProof(oldSize: number, newSize: number = this.size): Sha256[] {
    this.#checkSize(newSize);
    if (!Number.isSafeInteger(oldSize) || oldSize < 1 || oldSize > newSize) {
      throw new RangeError(`old size ${oldSize} must be in 1..${newSize}`);
    }
    if (oldSize === newSize) return [];
    return this.#subproof(oldSize, 0, newSize, true);
  }

  #level(h: number): Sha256[] {
    const level = this.#levels[h];
    if (level === undefined) throw new Error(`unreachable: no level ${h}`);
    return level;
  }

  #checkSize(size: number): void {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.size) {
      throw new RangeError(`size ${size} is not in 0..${this.size}`);
    }
  }

  /** MTH of leaves [start, start + n), n ≥ 1, reading stored perfect subtrees where aligned. */
  #subtree(start: number, n: number): Sha256 {
    const h = log2IfPowerOfTwo(n);
    if (h !== null && start % n === 0) {
      const stored = this.#levels[h]?.[start / n];
      if (stored === undefined) throw new Error(`unreachable: subtree ${start}+${n} not stored`);
      return stored;
    }
    const k = largestPowerOfTwoBelow(n);
    return nodeHash(this.#subtree(start, k), this.#subtree(start + k, n - k));
  }

  /** PATH(m, D[start:start+n]) from RFC 9162 §2.1.3.1. */
  #path(m: number, start: number, n: number): Sha256[] {
    if (n === 1) return [];
    const k = largestPowerOfTwoBelow(n);
    if (m < k) return [...this.#path(m, start, k), this.#subtree(start + k, n - k)];
    return [...this.#path(m - k, start + k, n - k), this.#subtree(start, k)];
  }

  /** SUBPROOF(m, D[start:start+n], b) from RFC 9162 §2.1.4.1. */
  #subproof(m: number, start: number, n: number, complete: boolean): Sha256[] {
    if (m === n) return complete ? [] : [this.#subtree(start, n)];
    const k = largestPowerOfTwoBelow(n);
    if (m <= k) return [...this.#subproof(m, start, k, complete), this.#subtree(start + k, n - k)];
    return [...this.#subproof(m - k, start + k, n - k, false), this.#subtree(start, k)];
  }
}

/** log2(n) when n is a power of two, else null; arithmetic so it works past 2^31. */
function log2IfPowerOfTwo(n: number): number | null {
  let h = 0;
  let v = n;
  while (v > 1) {
    if (v % 2 !== 0) return null;
    v /= 2;
    h += 1;
  }
  return v === 1 ? h : null;
}
