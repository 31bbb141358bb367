import { describe, expect, it } from "vitest";
import { fromHex, toHex, utf8 } from "./bytes.ts";
import {
  ed25519FromSeed,
  ed25519Seed,
  ed25519Sign,
  ed25519Verify,
  generateEd25519KeyPair,
} from "./ed25519.ts";

describe("Ed25519", () => {
  it("matches RFC 8032 §7.1 test 1 (empty message)", () => {
    const seed =
      fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60") ?? new Uint8Array();
    const pair = ed25519FromSeed(seed);
    expect(toHex(pair.publicKey)).toBe("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    const sig = ed25519Sign(pair.privateKey, new Uint8Array());
    expect(toHex(sig)).toBe(
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    );
    expect(ed25519Verify(pair.publicKey, new Uint8Array(), sig)).toBe(true);
  });

  it("round-trips seeds and rejects tampering or malformed keys", () => {
    const pair = generateEd25519KeyPair();
    expect(ed25519FromSeed(ed25519Seed(pair.privateKey)).publicKey).toEqual(pair.publicKey);
    const msg = utf8("checkpoint\n");
    const sig = ed25519Sign(pair.privateKey, msg);
    expect(ed25519Verify(pair.publicKey, utf8("checkpoinT\n"), sig)).toBe(false);
    expect(ed25519Verify(pair.publicKey.slice(1), msg, sig)).toBe(false);
    expect(ed25519Verify(pair.publicKey, msg, sig.slice(1))).toBe(false);
    expect(() => ed25519FromSeed(new Uint8Array(31))).toThrow(RangeError);
  });
});
