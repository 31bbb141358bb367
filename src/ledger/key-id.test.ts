import { describe, expect, it } from "vitest";
import { decodeBase64 } from "./bytes.ts";
import {
  isValidKeyName,
  keyId,
  keyIdHex,
  SIGNATURE_TYPE_COSIGNATURE_V1,
  SIGNATURE_TYPE_ED25519,
} from "./key-id.ts";

describe("key IDs", () => {
  it("reproduces the key ID of the sumdb/note example key (type 0x01)", () => {
    const material = decodeBase64("ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW") ?? new Uint8Array();
    expect(material[0]).toBe(SIGNATURE_TYPE_ED25519);
    expect(keyIdHex(keyId("PeterNeumann", SIGNATURE_TYPE_ED25519, material.slice(1)))).toBe("c74f20a3");
  });

  it("reproduces the key ID of a cosignature/v1 witness key from transparency-dev/formats (type 0x04)", () => {
    const material = decodeBase64("BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2") ?? new Uint8Array();
    expect(material[0]).toBe(SIGNATURE_TYPE_COSIGNATURE_V1);
    expect(keyIdHex(keyId("remora.n621.de", SIGNATURE_TYPE_COSIGNATURE_V1, material.slice(1)))).toBe(
      "da77ade7",
    );
  });

  it("depends on the signature type", () => {
    const key = new Uint8Array(32).fill(9);
    expect(keyId("US", 1, key)).not.toBe(keyId("US", 4, key));
  });

  it("pads hex to eight digits", () => {
    expect(keyIdHex(0xab)).toBe("000000ab");
  });
});

describe("key names", () => {
  it("accepts schema-less URLs and short party codes", () => {
    for (const name of ["drawdown.commission/niger-2024", "US", "NE", "oid/1.3.6.1.4.1", "é"]) {
      expect(isValidKeyName(name), name).toBe(true);
    }
  });

  it("refuses empty names, spaces of any kind, plus signs and control characters", () => {
    for (const name of ["", "a b", "a\u00a0b", "a\u2003b", "a\tb", "a\nb", "a+b", "a\u0001b", "\ud800"]) {
      expect(isValidKeyName(name), JSON.stringify(name)).toBe(false);
    }
  });
});
