import { describe, expect, it } from "vitest";
import { toHex } from "./bytes.ts";
import { ed25519FromSeed } from "./ed25519.ts";
import { SIGNATURE_TYPE_COSIGNATURE_V1, SIGNATURE_TYPE_ED25519 } from "./key-id.ts";
import {
  formatSignerKey,
  formatVerifierKey,
  noteVerifierFromKey,
  parseSignerKey,
  parseVerifierKey,
} from "./verifier-key.ts";

/** Keys published in golang.org/x/mod/sumdb/note and transparency-dev/formats tests, and Go itself. */
const PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const SUMDB_VKEY = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";
const REMORA_VKEY = "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2";

describe("verifier keys", () => {
  it("parses published keys, including base64 that contains '+'", () => {
    expect(parseVerifierKey(PETER_VKEY)).toMatchObject({
      ok: true,
      value: { name: "PeterNeumann", keyId: 0xc74f20a3, type: 1 },
    });
    expect(parseVerifierKey(SUMDB_VKEY)).toMatchObject({
      ok: true,
      value: { name: "sum.golang.org", keyId: 0x033de0ae },
    });
    expect(parseVerifierKey(REMORA_VKEY)).toMatchObject({ ok: true, value: { keyId: 0xda77ade7, type: 4 } });
  });

  it("formats a key back to the same text", () => {
    for (const vkey of [PETER_VKEY, SUMDB_VKEY, REMORA_VKEY]) {
      const parsed = parseVerifierKey(vkey);
      if (!parsed.ok) throw new Error(parsed.reason);
      expect(formatVerifierKey(parsed.value.name, parsed.value.type, parsed.value.publicKey)).toBe(vkey);
    }
  });

  it("rejects every truncation and every single-character change (as the Go tests do)", () => {
    for (let i = 0; i <= PETER_VKEY.length; i++) {
      for (let j = i + 1; j <= PETER_VKEY.length; j++) {
        if (i === 0 && j === PETER_VKEY.length) continue;
        expect(parseVerifierKey(PETER_VKEY.slice(i, j)).ok).toBe(false);
      }
    }
    for (let i = 0; i < PETER_VKEY.length; i++) {
      const changed =
        PETER_VKEY.slice(0, i) + String.fromCharCode(PETER_VKEY.charCodeAt(i) + 1) + PETER_VKEY.slice(i + 1);
      expect(parseVerifierKey(changed).ok, changed).toBe(false);
    }
  });

  it("builds note verifiers for types 0x01 and 0x04 only", () => {
    expect(noteVerifierFromKey(PETER_VKEY)).toMatchObject({
      ok: true,
      value: { name: "PeterNeumann", keyId: 0xc74f20a3 },
    });
    expect(noteVerifierFromKey(REMORA_VKEY)).toMatchObject({ ok: true, value: { keyId: 0xda77ade7 } });
    const odd = formatVerifierKey("x", 0x02, new Uint8Array(65));
    expect(noteVerifierFromKey(odd)).toMatchObject({ ok: false, code: "ledger.key.unsupported_type" });
  });
});

describe("signer keys", () => {
  it("parses the sumdb/note example signer key and derives the matching public key", () => {
    const parsed = parseSignerKey(PETER_SKEY);
    if (!parsed.ok) throw new Error(parsed.reason);
    const vkey = parseVerifierKey(PETER_VKEY);
    if (!vkey.ok) throw new Error(vkey.reason);
    expect(toHex(ed25519FromSeed(parsed.value.seed).publicKey)).toBe(toHex(vkey.value.publicKey));
    expect(formatSignerKey("PeterNeumann", SIGNATURE_TYPE_ED25519, parsed.value.seed)).toBe(PETER_SKEY);
  });

  it("rejects a signer key whose ID belongs to another type", () => {
    const parsed = parseSignerKey(PETER_SKEY);
    if (!parsed.ok) throw new Error(parsed.reason);
    const cosigner = formatSignerKey("PeterNeumann", SIGNATURE_TYPE_COSIGNATURE_V1, parsed.value.seed);
    expect(parseSignerKey(cosigner).ok).toBe(true);
    expect(parseSignerKey(cosigner.replace("+BIEK", "+AYEK"))).toMatchObject({
      ok: false,
      code: "ledger.key.id_mismatch",
    });
    expect(parseSignerKey(PETER_SKEY.replace("PRIVATE", "PUBLIC")).ok).toBe(false);
  });
});
