import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8 } from "./bytes.ts";
import { emptyTreeHash, leafHash, nodeHash } from "./hash.ts";
import { verifyConsistency, verifyInclusion } from "./proof.ts";
import { MerkleTree } from "./tree.ts";

const treeOf = (n: number) =>
  MerkleTree.fromLeafHashes(Array.from({ length: n }, (_, i) => leafHash(utf8(`e${i}`))));
const BIG = treeOf(300);

/** A copy of `bytes` with one bit flipped. */
function flip(bytes: Uint8Array, byte: number, bit: number): Uint8Array {
  const out = new Uint8Array(bytes);
  out[byte % out.length] = (out[byte % out.length] ?? 0) ^ (1 << bit);
  return out;
}

const sizeAndIndex = fc
  .integer({ min: 1, max: 300 })
  .chain((size) => fc.record({ size: fc.constant(size), index: fc.integer({ min: 0, max: size - 1 }) }));
const twoSizes = fc
  .tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 }))
  .map(([a, b]) => ({ size1: Math.min(a, b), size2: Math.max(a, b) }));
const flipAt = fc.record({ byte: fc.nat(31), bit: fc.integer({ min: 0, max: 7 }), which: fc.nat() });

describe("verifyInclusion", () => {
  it("accepts every proof the tree produces", () => {
    fc.assert(
      fc.property(sizeAndIndex, ({ size, index }) => {
        const v = verifyInclusion(
          BIG.leafHashAt(index),
          index,
          size,
          BIG.inclusionProof(index, size),
          BIG.root(size),
        );
        expect(v).toEqual({ ok: true });
      }),
      { numRuns: 300 },
    );
  });

  it("rejects any flipped bit in the leaf, the proof or the root", () => {
    fc.assert(
      fc.property(sizeAndIndex, flipAt, ({ size, index }, { byte, bit, which }) => {
        const leaf = BIG.leafHashAt(index);
        const proof = BIG.inclusionProof(index, size);
        const root = BIG.root(size);
        const slot = which % (proof.length + 2);
        const target = slot === 0 ? "leaf" : slot === 1 ? "root" : "proof";
        const p = proof.map((h, i) => (target === "proof" && i === slot - 2 ? flip(h, byte, bit) : h));
        const v = verifyInclusion(
          target === "leaf" ? flip(leaf, byte, bit) : leaf,
          index,
          size,
          p,
          target === "root" ? flip(root, byte, bit) : root,
        );
        expect(v.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("rejects the proof for another index or size", () => {
    const proof = BIG.inclusionProof(5, 8);
    expect(verifyInclusion(BIG.leafHashAt(5), 4, 8, proof, BIG.root(8)).ok).toBe(false);
    expect(verifyInclusion(BIG.leafHashAt(5), 5, 9, proof, BIG.root(9)).ok).toBe(false);
  });

  it("says why it failed", () => {
    const leaf = BIG.leafHashAt(0);
    const root = BIG.root(8);
    const proof = BIG.inclusionProof(0, 8);
    expect(verifyInclusion(leaf, 8, 8, proof, root)).toMatchObject({
      code: "ledger.inclusion.index_out_of_range",
    });
    expect(verifyInclusion(leaf, 0, 8, proof.slice(1), root)).toMatchObject({
      code: "ledger.inclusion.proof_too_short",
    });
    expect(verifyInclusion(leaf, 0, 8, [...proof, leaf], root)).toMatchObject({
      code: "ledger.inclusion.proof_too_long",
    });
    expect(verifyInclusion(leaf, 0, 8, proof, BIG.root(7))).toMatchObject({
      code: "ledger.inclusion.root_mismatch",
    });
    expect(verifyInclusion(leaf, 0, 2 ** 64, proof, root)).toMatchObject({ code: "ledger.proof.bad_size" });
    expect(verifyInclusion(leaf, -1, 8, proof, root)).toMatchObject({ code: "ledger.proof.bad_index" });
    expect(verifyInclusion(leaf.slice(1), 0, 8, proof, root)).toMatchObject({
      code: "ledger.proof.malformed_hash",
    });
  });

  it("works with indexes beyond 32 bits", () => {
    // A leaf that is the last of 2^40 + 1 leaves: its path is the single left subtree root.
    const left = leafHash(utf8("left"));
    const leaf = leafHash(utf8("last"));
    const v = verifyInclusion(leaf, 2 ** 40, 2 ** 40 + 1, [left], nodeHash(left, leaf));
    expect(v.ok).toBe(true);
  });
});

describe("verifyConsistency", () => {
  it("accepts every proof the tree produces between two sizes", () => {
    fc.assert(
      fc.property(twoSizes, ({ size1, size2 }) => {
        const proof = BIG.consistencyProof(size1, size2);
        expect(verifyConsistency(size1, size2, proof, BIG.root(size1), BIG.root(size2))).toEqual({
          ok: true,
        });
      }),
      { numRuns: 300 },
    );
  });

  it("rejects any flipped bit in the proof or either root", () => {
    fc.assert(
      fc.property(
        twoSizes.filter(({ size1, size2 }) => size1 < size2),
        flipAt,
        ({ size1, size2 }, { byte, bit, which }) => {
          const proof = BIG.consistencyProof(size1, size2);
          const slot = which % (proof.length + 2);
          const p = proof.map((h, i) => (i === slot - 2 ? flip(h, byte, bit) : h));
          const r1 = slot === 0 ? flip(BIG.root(size1), byte, bit) : BIG.root(size1);
          const r2 = slot === 1 ? flip(BIG.root(size2), byte, bit) : BIG.root(size2);
          expect(verifyConsistency(size1, size2, p, r1, r2).ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("rejects a proof between trees that differ in an old leaf", () => {
    const other = MerkleTree.fromLeafHashes([
      leafHash(utf8("forged")),
      ...Array.from({ length: 9 }, (_, i) => BIG.leafHashAt(i + 1)),
    ]);
    const proof = other.consistencyProof(4, 10);
    expect(verifyConsistency(4, 10, proof, BIG.root(4), other.root(10)).ok).toBe(false);
  });

  it("handles the edge sizes", () => {
    const empty = emptyTreeHash();
    expect(verifyConsistency(0, 0, [], empty, empty).ok).toBe(true);
    expect(verifyConsistency(0, 5, [], empty, BIG.root(5))).toMatchObject({
      code: "ledger.consistency.from_empty",
    });
    expect(verifyConsistency(5, 4, [], BIG.root(5), BIG.root(4))).toMatchObject({
      code: "ledger.consistency.shrinking",
    });
    expect(verifyConsistency(3, 5, [], BIG.root(3), BIG.root(5))).toMatchObject({
      code: "ledger.consistency.proof_too_short",
    });
    expect(verifyConsistency(5, 5, [], BIG.root(5), BIG.root(5)).ok).toBe(true);
  });

  it("needs a single hash from a power-of-two size to the next", () => {
    const t = treeOf(8);
    expect(t.consistencyProof(4, 8)).toEqual([nodeOfRange(t, 4, 8)]);
  });
});

function nodeOfRange(t: MerkleTree, start: number, end: number): Uint8Array {
  const hs = Array.from({ length: end - start }, (_, i) => t.leafHashAt(start + i));
  return MerkleTree.fromLeafHashes(hs).root();
}
