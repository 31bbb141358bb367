import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8 } from "./bytes.ts";
import { emptyTreeHash, leafHash, nodeHash, rootFromLeafHashes, type Sha256 } from "./hash.ts";
import { MerkleTree } from "./tree.ts";

const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(utf8(`decision ${i}`)));

describe("MerkleTree", () => {
  it("starts empty with the empty-tree root", () => {
    const tree = new MerkleTree();
    expect(tree.size).toBe(0);
    expect(tree.root()).toEqual(emptyTreeHash());
  });

  it("returns the index of each appended leaf and keeps a copy of it", () => {
    const tree = new MerkleTree();
    const h = leafHash(utf8("a"));
    expect(tree.append(h)).toBe(0);
    expect(tree.append(leafHash(utf8("b")))).toBe(1);
    h.fill(0);
    expect(tree.leafHashAt(0)).toEqual(leafHash(utf8("a")));
  });

  it("computes the root of every prefix like the recursive definition", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), (n) => {
        const hs = leaves(n);
        const tree = MerkleTree.fromLeafHashes(hs);
        for (let size = 0; size <= n; size += Math.max(1, Math.floor(n / 17))) {
          expect(tree.root(size)).toEqual(rootFromLeafHashes(hs.slice(0, size)));
        }
        expect(tree.root()).toEqual(rootFromLeafHashes(hs));
      }),
      { numRuns: 60 },
    );
  });

  it("reproduces the proofs of the RFC 9162 §2.1.5 example tree of seven leaves", () => {
    const [d0, d1, d2, d3, d4, d5, d6] = leaves(7) as [
      Sha256,
      Sha256,
      Sha256,
      Sha256,
      Sha256,
      Sha256,
      Sha256,
    ];
    const [a, b, c, d, e, f] = [d0, d1, d2, d3, d4, d5];
    const g = nodeHash(a, b);
    const h = nodeHash(c, d);
    const i = nodeHash(e, f);
    const j = d6;
    const k = nodeHash(g, h);
    const l = nodeHash(i, j);
    const tree = MerkleTree.fromLeafHashes([d0, d1, d2, d3, d4, d5, d6]);
    expect(tree.root()).toEqual(nodeHash(k, l));
    expect(tree.inclusionProof(0, 7)).toEqual([b, h, l]);
    expect(tree.inclusionProof(3, 7)).toEqual([c, g, l]);
    expect(tree.inclusionProof(4, 7)).toEqual([f, j, k]);
    expect(tree.inclusionProof(6, 7)).toEqual([i, k]);
    expect(tree.consistencyProof(3, 7)).toEqual([c, d, g, l]);
    expect(tree.consistencyProof(4, 7)).toEqual([l]);
    expect(tree.consistencyProof(6, 7)).toEqual([i, j, k]);
    expect(tree.consistencyProof(7, 7)).toEqual([]);
  });

  it("throws on sizes and indexes it does not have (callers' bugs)", () => {
    const tree = MerkleTree.fromLeafHashes(leaves(3));
    expect(() => tree.root(4)).toThrow(RangeError);
    expect(() => tree.inclusionProof(3, 3)).toThrow(RangeError);
    expect(() => tree.inclusionProof(0, 4)).toThrow(RangeError);
    expect(() => tree.consistencyProof(0, 3)).toThrow(RangeError);
    expect(() => tree.consistencyProof(3, 2)).toThrow(RangeError);
    expect(() => tree.leafHashAt(3)).toThrow(RangeError);
    expect(() => tree.append(new Uint8Array(31))).toThrow(RangeError);
  });

  it("handles a large tree quickly", () => {
    const tree = new MerkleTree();
    for (let i = 0; i < 50_000; i++) tree.append(leafHash(utf8(String(i))));
    expect(tree.inclusionProof(31_337, 40_000)).toHaveLength(16);
    expect(tree.root(40_000)).toHaveLength(32);
  });
});
