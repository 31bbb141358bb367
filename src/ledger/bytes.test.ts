import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bytesEqual,
  concatBytes,
  decodeBase64,
  decodeUtf8,
  encodeBase64,
  fromHex,
  hasControlCharacter,
  hasLoneSurrogate,
  readUint32BE,
  readUint64BE,
  toHex,
  uint32BE,
  uint64BE,
  utf8,
} from "./bytes.ts";

describe("base64", () => {
  it("matches RFC 4648 §10 test vectors", () => {
    const vectors: [string, string][] = [
      ["", ""],
      ["f", "Zg=="],
      ["fo", "Zm8="],
      ["foo", "Zm9v"],
      ["foob", "Zm9vYg=="],
      ["fooba", "Zm9vYmE="],
      ["foobar", "Zm9vYmFy"],
    ];
    for (const [plain, encoded] of vectors) {
      expect(encodeBase64(utf8(plain))).toBe(encoded);
      expect(decodeBase64(encoded)).toEqual(utf8(plain));
    }
  });

  it("agrees with Node's encoder and round-trips any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString("base64"));
        expect(decodeBase64(text)).toEqual(bytes);
      }),
    );
  });

  it("rejects non-canonical or lenient forms", () => {
    for (const bad of [
      "Zg",
      "Zg=",
      "Zh==",
      "Zm9=",
      "Zm 9v",
      "Zm9v\n",
      "Zm-_",
      "====",
      "Z===",
      "Zg==Zg==",
      "é",
    ]) {
      expect(decodeBase64(bad), bad).toBeNull();
    }
  });
});

describe("utf8", () => {
  it("rejects malformed UTF-8 and keeps a byte-order mark", () => {
    expect(decodeUtf8(new Uint8Array([0xc3, 0x28]))).toBeNull();
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe("\ufeffA");
  });

  it("spots control characters, optionally allowing newlines", () => {
    expect(hasControlCharacter("a\nb", true)).toBe(false);
    expect(hasControlCharacter("a\nb", false)).toBe(true);
    expect(hasControlCharacter("a\u001fb", true)).toBe(true);
    expect(hasControlCharacter("a\u007fb é", true)).toBe(false);
  });

  it("spots lone surrogates but not pairs", () => {
    expect(hasLoneSurrogate("a\ud800b")).toBe(true);
    expect(hasLoneSurrogate("\udc00")).toBe(true);
    expect(hasLoneSurrogate("😀")).toBe(false);
  });
});

describe("integers and hex", () => {
  it("writes and reads big-endian integers", () => {
    expect(toHex(uint32BE(0xc74f20a3))).toBe("c74f20a3");
    expect(readUint32BE(fromHex("00c74f20a3") ?? new Uint8Array(), 1)).toBe(0xc74f20a3);
    expect(toHex(uint64BE(1727964367))).toBe("0000000066fea4cf");
    expect(readUint64BE(uint64BE(Number.MAX_SAFE_INTEGER), 0)).toBe(BigInt(Number.MAX_SAFE_INTEGER));
    expect(() => uint64BE(-1)).toThrow(RangeError);
  });

  it("parses hex strictly", () => {
    expect(fromHex("C74F")).toEqual(new Uint8Array([0xc7, 0x4f]));
    expect(fromHex("c7f")).toBeNull();
    expect(fromHex("zz")).toBeNull();
  });

  it("concatenates and compares", () => {
    const ab = concatBytes(new Uint8Array([1]), new Uint8Array([2, 3]));
    expect(bytesEqual(ab, new Uint8Array([1, 2, 3]))).toBe(true);
    expect(bytesEqual(ab, new Uint8Array([1, 2]))).toBe(false);
  });
});
