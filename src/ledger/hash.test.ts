import { describe, expect, it } from "vitest";
import { fromHex, toHex } from "./bytes.ts";
import {
  emptyTreeHash,
  largestPowerOfTwoBelow,
  leafHash,
  merkleTreeHash,
  nodeHash,
  rootFromLeafHashes,
} from "./hash.ts";

/** The eight leaves of the RFC 6962 test tree (certificate-transparency, trillian, transparency-dev). */
const LEAVES = [
  "",
  "00",
  "10",
  "2021",
  "3031",
  "40414243",
  "5051525354555657",
  "606162636465666768696a6b6c6d6e6f",
].map((h) => fromHex(h) ?? new Uint8Array());

/** Roots of the first 1..8 leaves of that tree. */
const ROOTS = [
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

describe("RFC 9162 hashing", () => {
  it("hashes the empty tree as SHA-256 of the empty string", () => {
    expect(toHex(emptyTreeHash())).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(rootFromLeafHashes([])).toEqual(emptyTreeHash());
  });

  it("prefixes leaves with 0x00 and nodes with 0x01", () => {
    expect(toHex(leafHash(new Uint8Array()))).toBe(ROOTS[0]);
    const a = leafHash(new Uint8Array([1]));
    const b = leafHash(new Uint8Array([2]));
    expect(nodeHash(a, b)).not.toEqual(nodeHash(b, a));
    expect(merkleTreeHash([new Uint8Array([1]), new Uint8Array([2])])).toEqual(nodeHash(a, b));
  });

  it("matches the known roots of the RFC 6962 test tree for every prefix", () => {
    for (let n = 1; n <= LEAVES.length; n++) {
      expect(toHex(merkleTreeHash(LEAVES.slice(0, n))), `size ${n}`).toBe(ROOTS[n - 1]);
    }
  });

  it("splits at the largest power of two strictly below n", () => {
    expect([2, 3, 4, 5, 8, 9].map(largestPowerOfTwoBelow)).toEqual([1, 2, 2, 4, 4, 8]);
    expect(largestPowerOfTwoBelow(2 ** 40 + 1)).toBe(2 ** 40);
    expect(() => largestPowerOfTwoBelow(1)).toThrow(RangeError);
  });
});
