/**
 * Conformance with the transparency-dev/merkle test vectors (Apache-2.0), stored outside the
 * repository at /work/shared/bench/merkle/transparency-dev/. Each JSON case says whether
 * verification must fail (`wantErr`); the subtree* folders test a different (MTC subtree)
 * proof type and are not read here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fromHex } from "./bytes.ts";
import { leafHash } from "./hash.ts";
import { verifyConsistency, verifyInclusion } from "./proof.ts";
import { MerkleTree } from "./tree.ts";

const ROOT = fileURLToPath(new URL("../../../shared/bench/merkle/transparency-dev/", import.meta.url));

interface InclusionCase {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

interface ConsistencyCase {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith(".json") ? [join(dir, e.name)] : [],
  );
}

function load<T>(kind: string): [string, T][] {
  const dir = join(ROOT, kind);
  return jsonFiles(dir)
    .sort()
    .map((f) => [f.slice(dir.length + 1), JSON.parse(readFileSync(f, "utf8")) as T]);
}

// Node's decoder is fine for trusted fixtures (and accepts the unpadded "don't care" roots).
const b64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, "base64"));

/** The RFC 6962 test tree that every happy path in the vectors is drawn from. */
const RFC_TREE = MerkleTree.fromLeafHashes(
  ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"].map(
    (h) => leafHash(fromHex(h) ?? new Uint8Array()),
  ),
);
const fromRfcTree = (size: number, root: string): boolean =>
  size >= 1 && size <= RFC_TREE.size && Buffer.from(RFC_TREE.root(size)).toString("base64") === root;

describe("transparency-dev inclusion vectors", () => {
  const cases = load<InclusionCase>("inclusion");

  it("finds the vectors", () => {
    expect(cases.length).toBeGreaterThan(90);
  });

  it.each(cases)("%s", (_, c) => {
    const proof = (c.proof ?? []).map(b64);
    const v = verifyInclusion(b64(c.leafHash), c.leafIdx, c.treeSize, proof, b64(c.root));
    expect(v.ok, `${c.desc}: ${v.ok ? "accepted" : v.reason}`).toBe(!c.wantErr);
    // Happy paths also check the generator: our tree must produce the very same proof.
    if (!c.wantErr && fromRfcTree(c.treeSize, c.root)) {
      expect(RFC_TREE.inclusionProof(c.leafIdx, c.treeSize)).toEqual(proof);
    }
  });
});

describe("transparency-dev consistency vectors", () => {
  const cases = load<ConsistencyCase>("consistency");

  it("finds the vectors", () => {
    expect(cases.length).toBeGreaterThan(90);
  });

  it.each(cases)("%s", (_, c) => {
    const proof = (c.proof ?? []).map(b64);
    const v = verifyConsistency(c.size1, c.size2, proof, b64(c.root1), b64(c.root2));
    expect(v.ok, `${c.desc}: ${v.ok ? "accepted" : v.reason}`).toBe(!c.wantErr);
    if (!c.wantErr && fromRfcTree(c.size2, c.root2)) {
      expect(RFC_TREE.consistencyProof(c.size1, c.size2)).toEqual(proof);
    }
  });
});
