import { describe, expect, it } from "vitest";
import { utf8 } from "./bytes.ts";
import { ed25519FromSeed, generateEd25519KeyPair } from "./ed25519.ts";
import {
  ed25519NoteSigner,
  ed25519NoteVerifier,
  formatNote,
  type NoteVerifier,
  openNote,
  parseNote,
  signNote,
} from "./note.ts";
import { noteVerifierFromKey, parseSignerKey } from "./verifier-key.ts";

// The example of golang.org/x/mod/sumdb/note (ExampleSign / ExampleOpen).
const PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const PETER_TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_NOTE = `${PETER_TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

// A tree head signed by the Go checksum database, from transparency-dev/formats tests.
const SUMDB_VKEY = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";
const SUMDB_NOTE =
  "go.sum database tree\n6476701\nmb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=\n\n" +
  "— sum.golang.org Az3grsLX85Gz+s1SiTbgkuqxgItqFq7gsMUEyVnrsa9LM7Us9S+1xbFIGu95949rj4nPRYfvimWEPWL+o3GeoWwOoAw=\n";

function verifier(vkey: string): NoteVerifier {
  const v = noteVerifierFromKey(vkey);
  if (!v.ok) throw new Error(v.reason);
  return v.value;
}

function peterSigner() {
  const skey = parseSignerKey(PETER_SKEY);
  if (!skey.ok) throw new Error(skey.reason);
  return ed25519NoteSigner("PeterNeumann", ed25519FromSeed(skey.value.seed));
}

describe("known answers", () => {
  it("signs the sumdb/note example byte for byte", () => {
    expect(formatNote(signNote({ text: PETER_TEXT, signatures: [] }, [peterSigner()]))).toBe(PETER_NOTE);
  });

  it("opens the sumdb/note example", () => {
    const r = openNote(PETER_NOTE, [verifier(PETER_VKEY)]);
    expect(r).toMatchObject({ ok: true, value: { text: PETER_TEXT, unverified: [] } });
    expect(r.ok && r.value.verified.map((s) => s.name)).toEqual(["PeterNeumann"]);
  });

  it("verifies a real tree head of sum.golang.org", () => {
    expect(openNote(utf8(SUMDB_NOTE), [verifier(SUMDB_VKEY)]).ok).toBe(true);
    expect(openNote(SUMDB_NOTE.replace("6476701", "6476702"), [verifier(SUMDB_VKEY)])).toMatchObject({
      code: "ledger.note.bad_signature",
    });
  });
});

describe("openNote", () => {
  const alice = generateEd25519KeyPair();
  const bob = generateEd25519KeyPair();
  const text = "drawdown.commission/niger-2024\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
  const signed = signNote({ text, signatures: [] }, [
    ed25519NoteSigner("alice", alice),
    ed25519NoteSigner("bob", bob),
  ]);
  const message = formatNote(signed);
  const aliceV = ed25519NoteVerifier("alice", alice.publicKey);
  const bobV = ed25519NoteVerifier("bob", bob.publicKey);

  it("verifies known keys and keeps unknown ones aside", () => {
    const r = openNote(message, [aliceV]);
    expect(r.ok && r.value.verified.map((s) => s.name)).toEqual(["alice"]);
    expect(r.ok && r.value.unverified.map((s) => s.name)).toEqual(["bob"]);
  });

  it("fails when no known key signed", () => {
    expect(openNote(message, [])).toMatchObject({ ok: false, code: "ledger.note.unverified" });
  });

  it("ignores a key that shares only the name or only the ID of a known key", () => {
    const impostor = ed25519NoteVerifier("alice", bob.publicKey);
    expect(openNote(message, [impostor])).toMatchObject({ ok: false, code: "ledger.note.unverified" });
  });

  it("rejects the whole note when a known key's signature fails", () => {
    const tampered = message.replace("\n1\n", "\n2\n");
    expect(openNote(tampered, [aliceV, bobV])).toMatchObject({
      ok: false,
      code: "ledger.note.bad_signature",
    });
  });

  it("counts a repeated signature once", () => {
    const lines = message.split("\n");
    const doubled = `${message}${lines[lines.length - 2]}\n`;
    const r = openNote(doubled, [aliceV, bobV]);
    expect(r.ok && r.value.verified.map((s) => s.name)).toEqual(["alice", "bob"]);
  });

  it("refuses ambiguous verifier lists", () => {
    expect(openNote(message, [aliceV, aliceV])).toMatchObject({
      ok: false,
      code: "ledger.note.ambiguous_key",
    });
  });

  it("replaces a signature by the same key when re-signing", () => {
    const again = signNote(signed, [ed25519NoteSigner("alice", alice)]);
    expect(again.signatures.map((s) => s.name)).toEqual(["bob", "alice"]);
  });
});

describe("parseNote", () => {
  const sig =
    "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

  it("splits at the last blank line, so texts may contain blank lines", () => {
    const r = parseNote(`a\n\nb\n\n${sig}`);
    expect(r.ok && r.value.text).toBe("a\n\nb\n");
  });

  it("treats lines before the last blank line as text, even if they look like signatures", () => {
    const r = parseNote(`text\n\n${sig}\n${sig}`);
    expect(r.ok && r.value.text).toBe(`text\n\n${sig}`);
    expect(r.ok && r.value.signatures).toHaveLength(1);
  });

  it.each([
    ["no blank line", `text\n${sig}`],
    ["no final newline", `text\n\n${sig.slice(0, -1)}`],
    ["no signatures", "text\n\n"],
    ["a hyphen instead of an em dash", `text\n\n${sig.replace("—", "-")}`],
    ["no space after the name", "text\n\n— PeterNeumann\n"],
    ["two spaces after the name", `text\n\n${sig.replace("Neumann ", "Neumann  ")}`],
    ["a plus sign in the name", `text\n\n${sig.replace("Peter", "Peter+")}`],
    ["unpadded base64", `text\n\n${sig.replace("=\n", "\n")}`],
    ["a signature shorter than five bytes", "text\n\n— k AAAAAA==\n"],
    ["a tab", `te\txt\n\n${sig}`],
    ["a carriage return", `text\r\n\n${sig}`],
    ["a lone surrogate", `te\ud800xt\n\n${sig}`],
  ])("rejects %s", (_, msg) => {
    expect(parseNote(msg)).toMatchObject({ ok: false });
  });

  it("rejects malformed UTF-8 and more than 100 signatures", () => {
    expect(parseNote(new Uint8Array([0x61, 0xff, 0x0a, 0x0a]))).toMatchObject({ ok: false });
    expect(parseNote(`text\n\n${sig.repeat(101)}`)).toMatchObject({
      code: "ledger.note.too_many_signatures",
    });
    expect(parseNote(`text\n\n${sig.repeat(100)}`).ok).toBe(true);
  });

  it("round-trips through formatNote", () => {
    const r = parseNote(PETER_NOTE);
    if (!r.ok) throw new Error(r.reason);
    expect(formatNote(r.value)).toBe(PETER_NOTE);
  });

  it("refuses to format or sign a text without a final newline", () => {
    expect(() => formatNote({ text: "x", signatures: [] })).toThrow(RangeError);
    expect(() => signNote({ text: "x", signatures: [] }, [peterSigner()])).toThrow(RangeError);
  });
});
