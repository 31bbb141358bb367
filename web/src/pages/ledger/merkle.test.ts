/**
 * The browser's Merkle checks against the transparency-dev/merkle vectors (every inclusion and
 * consistency case must agree with its `wantErr`) and against the server's own tree code.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MerkleTree } from "../../../../src/ledger/tree.ts";
import { leafHash as serverLeafHash } from "../../../../src/ledger/hash.ts";
import { fromHex, toHex, utf8 } from "./ledger-bytes.ts";
import { leafHash, prefixRoots, sha256, verifyConsistency, verifyInclusion } from "./merkle.ts";

const VECTORS = fileURLToPath(new URL("../../../../../shared/bench/merkle/transparency-dev/", import.meta.url));

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith(".json") ? [join(dir, e.name)] : [],
  );
}
const load = <T>(kind: string): [string, T][] =>
  jsonFiles(join(VECTORS, kind))
    .sort()
    .map((f) => [f.slice(VECTORS.length), JSON.parse(readFileSync(f, "utf8")) as T]);
// The vectors' "don't care" roots are sometimes unpadded: decode them leniently (they are fixtures).
const b64 = (s: string) => new Uint8Array(Buffer.from(s, "base64"));

describe("transparency-dev vectors in the browser's verifier", () => {
  const inclusion = load<{ leafIdx: number; treeSize: number; root: string; leafHash: string; proof: string[] | null; desc: string; wantErr: boolean }>("inclusion");
  const consistency = load<{ size1: number; size2: number; root1: string; root2: string; proof: string[] | null; desc: string; wantErr: boolean }>("consistency");

  it("finds them", () => {
    expect(inclusion.length).toBeGreaterThan(90);
    expect(consistency.length).toBeGreaterThan(90);
  });

  it.each(inclusion)("inclusion %s", async (_, c) => {
    const v = await verifyInclusion(b64(c.leafHash), c.leafIdx, c.treeSize, (c.proof ?? []).map(b64), b64(c.root));
    expect(v.ok, `${c.desc}: ${v.ok ? "accepted" : v.reason}`).toBe(!c.wantErr);
  });

  it.each(consistency)("consistency %s", async (_, c) => {
    const v = await verifyConsistency(c.size1, c.size2, (c.proof ?? []).map(b64), b64(c.root1), b64(c.root2));
    expect(v.ok, `${c.desc}: ${v.ok ? "accepted" : v.reason}`).toBe(!c.wantErr);
  });
});

describe("hashes and roots", () => {
  it("hashes the empty leaf and the empty tree as RFC 9162 says", async () => {
    expect(toHex(await leafHash(new Uint8Array()))).toBe("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    expect(toHex(await sha256())).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("computes the root of every prefix exactly as the server's tree does", async () => {
    const data = Array.from({ length: 37 }, (_, i) => utf8(`decision ${i}`));
    const tree = MerkleTree.fromLeafHashes(data.map((d) => serverLeafHash(d)));
    const leaves = await Promise.all(data.map(leafHash));
    const sizes = Array.from({ length: 38 }, (_, i) => i);
    const roots = await prefixRoots(leaves, sizes);
    for (const n of sizes) expect(toHex(roots.get(n) ?? new Uint8Array()), `size ${n}`).toBe(toHex(tree.root(n)));
  });

  it("accepts the server tree's proofs and refuses them for a changed leaf", async () => {
    const data = Array.from({ length: 13 }, (_, i) => utf8(`entry ${i}`));
    const tree = MerkleTree.fromLeafHashes(data.map((d) => serverLeafHash(d)));
    for (let size = 1; size <= 13; size++) {
      for (let i = 0; i < size; i++) {
        const ok = await verifyInclusion(await leafHash(data[i] ?? new Uint8Array()), i, size, tree.inclusionProof(i, size), tree.root(size));
        expect(ok.ok, `leaf ${i} of ${size}`).toBe(true);
      }
      for (let old = 1; old <= size; old++) {
        expect((await verifyConsistency(old, size, tree.consistencyProof(old, size), tree.root(old), tree.root(size))).ok, `${old} → ${size}`).toBe(true);
      }
    }
    const changed = await verifyInclusion(await leafHash(utf8("entry 5, changed")), 5, 13, tree.inclusionProof(5, 13), tree.root(13));
    expect(changed).toEqual({ ok: false, reason: "the proof leads to another root" });
    expect(fromHex("zz")).toBeNull();
  });
});
