/**
 * The browser's signed-note checks: the Go sumdb example note (a public vector), and checkpoints
 * signed and cosigned by the server's own ledger code, each verified with WebCrypto.
 */
import { describe, expect, it } from "vitest";
import { formatCheckpoint } from "../../../../src/ledger/checkpoint.ts";
import { cosignCheckpoint } from "../../../../src/ledger/cosignature.ts";
import { ed25519FromSeed } from "../../../../src/ledger/ed25519.ts";
import { leafHash as serverLeafHash } from "../../../../src/ledger/hash.ts";
import { SIGNATURE_TYPE_COSIGNATURE_V1, SIGNATURE_TYPE_ED25519 } from "../../../../src/ledger/key-id.ts";
import { ed25519NoteSigner, formatNote, signNote } from "../../../../src/ledger/note.ts";
import { MerkleTree } from "../../../../src/ledger/tree.ts";
import { formatVerifierKey } from "../../../../src/ledger/verifier-key.ts";
import { encodeBase64, utf8 } from "./ledger-bytes.ts";
import { COSIGNATURE_V1, cosignatureTime, ED25519, keyIdOf, noteSignedBy, parseCheckpointBody, parseNote, parseVerifierKey } from "./signed-note.ts";

// golang.org/x/mod/sumdb/note's example (ExampleOpen).
const PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const PETER_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_NOTE = `${PETER_TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

const ORIGIN = "drawdown.commission/niger-2024";
const LOG = ed25519FromSeed(new Uint8Array(32).fill(7));
const US = ed25519FromSeed(new Uint8Array(32).fill(0x55));
const NE = ed25519FromSeed(new Uint8Array(32).fill(0x4e));
const tree = MerkleTree.fromLeafHashes([1, 2, 3].map((i) => serverLeafHash(utf8(`decision ${i}`))));
const BODY = formatCheckpoint({ origin: ORIGIN, size: 3, rootHash: tree.root(3), extensions: [] });

async function key(vkey: string) {
  const k = await parseVerifierKey(vkey);
  if (!k.ok) throw new Error(k.reason);
  return k.value;
}

describe("verifier keys", () => {
  it("reads the example key and checks its ID", async () => {
    const k = await key(PETER_VKEY);
    expect([k.name, k.keyId, k.type]).toEqual(["PeterNeumann", 0xc74f20a3, ED25519]);
    expect(await keyIdOf("PeterNeumann", ED25519, k.publicKey)).toBe(0xc74f20a3);
  });

  it("refuses a key whose ID does not match, and malformed keys", async () => {
    expect((await parseVerifierKey("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")).ok).toBe(false);
    expect((await parseVerifierKey("PeterNeumann+c74f20a3")).ok).toBe(false);
    expect((await parseVerifierKey("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T")).ok).toBe(false);
  });
});

describe("signed notes", () => {
  it("verifies the example note and refuses a changed text", async () => {
    const k = await key(PETER_VKEY);
    const note = parseNote(PETER_NOTE);
    if (!note.ok) throw new Error(note.reason);
    expect(await noteSignedBy(note.value, k)).toBe(true);
    expect(await noteSignedBy({ ...note.value, text: PETER_TEXT.replace("answer", "question") }, k)).toBe(false);
    expect(parseNote("no blank line\n").ok).toBe(false);
    expect(parseNote(`${PETER_TEXT}\n— PeterNeumann not-base64!\n`).ok).toBe(false);
  });

  it("verifies a checkpoint signed by the log and cosigned by both parties, as the server makes them", async () => {
    const signed = signNote({ text: BODY, signatures: [] }, [ed25519NoteSigner(ORIGIN, LOG)]);
    const us = cosignCheckpoint(signed, "US", US, 1_717_243_200);
    if (!us.ok) throw new Error(us.reason);
    const both = cosignCheckpoint(us.value, "NE", NE, 1_717_246_800);
    if (!both.ok) throw new Error(both.reason);
    const note = parseNote(formatNote(both.value));
    if (!note.ok) throw new Error(note.reason);

    const log = await key(formatVerifierKey(ORIGIN, SIGNATURE_TYPE_ED25519, LOG.publicKey));
    const usKey = await key(formatVerifierKey("US", SIGNATURE_TYPE_COSIGNATURE_V1, US.publicKey));
    const neKey = await key(formatVerifierKey("NE", SIGNATURE_TYPE_COSIGNATURE_V1, NE.publicKey));
    expect(usKey.type).toBe(COSIGNATURE_V1);
    expect(await noteSignedBy(note.value, log)).toBe(true);

    const sig = (k: typeof usKey) => note.value.signatures.find((s) => s.name === k.name && s.keyId === k.keyId)?.signature ?? new Uint8Array();
    expect(await cosignatureTime(BODY, sig(usKey), usKey)).toBe(1_717_243_200);
    expect(await cosignatureTime(BODY, sig(neKey), neKey)).toBe(1_717_246_800);
    // One party's cosignature does not pass for the other's, nor on another body.
    expect(await cosignatureTime(BODY, sig(usKey), neKey)).toBeNull();
    expect(await cosignatureTime(BODY.replace("\n3\n", "\n4\n"), sig(usKey), usKey)).toBeNull();
    // The operator's key cannot stand in for a cosigner.
    expect(await cosignatureTime(BODY, sig(usKey), log)).toBeNull();

    const body = parseCheckpointBody(note.value.text);
    expect(body.ok && [body.value.origin, body.value.size, encodeBase64(body.value.rootHash)]).toEqual([ORIGIN, 3, encodeBase64(tree.root(3))]);
  });

  it("refuses malformed checkpoint bodies", () => {
    expect(parseCheckpointBody(`${ORIGIN}\n03\nAAAA\n`).ok).toBe(false);
    expect(parseCheckpointBody(`${ORIGIN}\n3\nAAAA\n`).ok).toBe(false);
    expect(parseCheckpointBody(`${ORIGIN}\n3\n`).ok).toBe(false);
  });
});
