import { createHash, createPublicKey, verify } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBase64, readUint32BE, utf8 } from "./bytes.ts";
import { formatCheckpoint, openCheckpoint } from "./checkpoint.ts";
import {
  cosignatureKeyId,
  cosignatureMessage,
  cosignatureTimestamp,
  cosignatureVerifier,
  cosignCheckpoint,
  verifyCosignature,
} from "./cosignature.ts";
import { ed25519FromSeed } from "./ed25519.ts";
import { finalTreeSize } from "./finality.ts";
import { leafHash } from "./hash.ts";
import {
  ed25519NoteSigner,
  ed25519NoteVerifier,
  formatNote,
  type Note,
  openNote,
  parseNote,
  signNote,
} from "./note.ts";
import { MerkleTree } from "./tree.ts";

const ORIGIN = "drawdown.commission/niger-2024";
const US = ed25519FromSeed(new Uint8Array(32).fill(0x55));
const NE = ed25519FromSeed(new Uint8Array(32).fill(0x4e));
const T = 1_717_243_200;
const tree = MerkleTree.fromLeafHashes([1, 2, 3].map((i) => leafHash(utf8(`decision ${i}`))));
const BODY = formatCheckpoint({ origin: ORIGIN, size: 3, rootHash: tree.root(3), extensions: [] });

function cosigned(note: Note, name: string, key = name === "US" ? US : NE, time = T): Note {
  const r = cosignCheckpoint(note, name, key, time);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

describe("cosignature/v1 message", () => {
  it("is the header, the time line and the body, as in the C2SP example", () => {
    const body = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    expect(new TextDecoder().decode(cosignatureMessage(body, 1679315147))).toBe(
      "cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n",
    );
    expect(new TextDecoder().decode(cosignatureMessage(body, 0)).split("\n")[1]).toBe("time 0");
    expect(() => cosignatureMessage(body, 1.5)).toThrow(RangeError);
  });
});

describe("cosignature layout", () => {
  it("is keyID(4) || big-endian timestamp(8) || Ed25519 signature(64), checked by hand", () => {
    const note = cosigned({ text: BODY, signatures: [] }, "US");
    const line = formatNote(note).split("\n").at(-2) ?? "";
    const [dash, name, b64] = line.split(" ");
    expect([dash, name]).toEqual(["—", "US"]);
    const raw = decodeBase64(b64 ?? "") ?? new Uint8Array();
    expect(raw).toHaveLength(4 + 8 + 64);
    const expectedId = createHash("sha256")
      .update("US\n")
      .update(new Uint8Array([0x04]))
      .update(US.publicKey)
      .digest()
      .readUInt32BE(0);
    expect(readUint32BE(raw, 0)).toBe(expectedId);
    expect(new DataView(raw.buffer).getBigUint64(4, false)).toBe(BigInt(T));
    const message = Buffer.from(`cosignature/v1\ntime ${T}\n${BODY}`, "utf8");
    const spki = Buffer.concat([Buffer.from("302a300506032b6570032100", "hex"), US.publicKey]);
    const key = createPublicKey({ key: spki, format: "der", type: "spki" });
    expect(verify(null, message, key, raw.subarray(12))).toBe(true);
  });

  it("reads the timestamp of a transparency-dev/formats test cosignature", () => {
    const raw = decodeBase64(
      "ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==",
    );
    if (raw === null) throw new Error("bad fixture");
    const sig = { name: "w", keyId: readUint32BE(raw, 0), signature: raw.slice(4) };
    expect(cosignatureTimestamp(sig)).toEqual({ ok: true, value: 1727964367 });
    const plain = decodeBase64(
      "eQjRQm6eSKzFoiYalgwCPXu2y3ijtg68is9M46JKxuZB+dRfTmeQeDBoXnvxZx2ugnkyV+MUMLXpWs1hPb/W/4xkNQY=",
    );
    if (plain === null) throw new Error("bad fixture");
    expect(cosignatureTimestamp({ name: "w", keyId: 0, signature: plain.slice(4) })).toMatchObject({
      ok: false,
    });
  });
});

describe("verifyCosignature", () => {
  const note = cosigned({ text: BODY, signatures: [] }, "US");
  const sig = note.signatures[0];
  if (sig === undefined) throw new Error("no signature");

  it("accepts the party's cosignature and returns its time", () => {
    expect(verifyCosignature(BODY, sig, "US", US.publicKey)).toEqual({ ok: true, value: T });
  });

  it("rejects another body, another party's key, or a changed timestamp", () => {
    const other = BODY.replace("\n3\n", "\n4\n");
    expect(verifyCosignature(other, sig, "US", US.publicKey)).toMatchObject({
      code: "ledger.cosignature.bad_signature",
    });
    expect(verifyCosignature(BODY, sig, "US", NE.publicKey)).toMatchObject({
      code: "ledger.cosignature.wrong_key",
    });
    const moved = new Uint8Array(sig.signature);
    moved[7] = (moved[7] ?? 0) ^ 1;
    expect(verifyCosignature(BODY, { ...sig, signature: moved }, "US", US.publicKey)).toMatchObject({
      code: "ledger.cosignature.bad_signature",
    });
  });

  it("is not interchangeable with a plain Ed25519 note signature by the same key", () => {
    const plain = signNote({ text: BODY, signatures: [] }, [ed25519NoteSigner("US", US)]);
    expect(openNote(formatNote(plain), [cosignatureVerifier("US", US.publicKey)])).toMatchObject({
      code: "ledger.note.unverified",
    });
    expect(openNote(formatNote(note), [ed25519NoteVerifier("US", US.publicKey)])).toMatchObject({
      code: "ledger.note.unverified",
    });
    expect(cosignatureKeyId("US", US.publicKey)).not.toBe(ed25519NoteSigner("US", US).keyId);
  });

  it("refuses to cosign anything but a checkpoint", () => {
    expect(cosignCheckpoint({ text: "hello\n", signatures: [] }, "US", US, T)).toMatchObject({
      ok: false,
      code: "ledger.checkpoint.malformed",
    });
  });
});

describe("two parties cosigning the commission log", () => {
  const verifiers = [cosignatureVerifier("US", US.publicKey), cosignatureVerifier("NE", NE.publicKey)];
  const both = formatNote(cosigned(cosigned({ text: BODY, signatures: [] }, "US"), "NE", NE, T + 60));

  it("makes the checkpoint final once both cosignatures verify", () => {
    const opened = openCheckpoint(both, verifiers, ORIGIN);
    if (!opened.ok) throw new Error(opened.reason);
    const { checkpoint, note } = opened.value;
    const cosigners = note.verified.map((s) => s.name);
    expect(cosigners).toEqual(["US", "NE"]);
    expect(
      finalTreeSize([{ size: checkpoint.size, rootHash: checkpoint.rootHash, cosigners }], ["US", "NE"]),
    ).toEqual({
      ok: true,
      value: 3,
    });
  });

  it("rejects the note after any single-byte change", () => {
    const bytes = utf8(both);
    fc.assert(
      fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), (at, x) => {
        const changed = new Uint8Array(bytes);
        changed[at] = (changed[at] ?? 0) ^ x;
        const r = openCheckpoint(changed, verifiers, ORIGIN);
        // Either the note no longer parses or opens, or it lost a party: never both parties on altered bytes.
        const names = r.ok ? r.value.note.verified.map((s) => s.name) : [];
        expect(names.includes("US") && names.includes("NE")).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it("keeps an unknown witness's signature aside", () => {
    const parsed = parseNote(both);
    if (!parsed.ok) throw new Error(parsed.reason);
    const extra = signNote(parsed.value, [
      ed25519NoteSigner("witness.example", ed25519FromSeed(new Uint8Array(32))),
    ]);
    const r = openCheckpoint(formatNote(extra), verifiers);
    expect(r.ok && r.value.note.unverified.map((s) => s.name)).toEqual(["witness.example"]);
  });
});
