import { describe, expect, it } from "vitest";
import { base64OfBytes } from "./file-bytes.ts";

describe("base64OfBytes", () => {
  it("encodes as Node does, also past one slice", () => {
    const small = new TextEncoder().encode("id,description\nx-1,Caisses à outils\n");
    expect(base64OfBytes(small)).toBe(Buffer.from(small).toString("base64"));
    const big = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) % 256);
    expect(base64OfBytes(big)).toBe(Buffer.from(big).toString("base64"));
  });
});
