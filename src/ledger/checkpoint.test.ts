import { describe, expect, it } from "vitest";
import { encodeBase64 } from "./bytes.ts";
import { type Checkpoint, formatCheckpoint, openCheckpoint, parseCheckpoint } from "./checkpoint.ts";
import { cosignatureVerifier, cosignCheckpoint } from "./cosignature.ts";
import { ed25519FromSeed } from "./ed25519.ts";
import { emptyTreeHash, type Sha256 } from "./hash.ts";
import { formatNote } from "./note.ts";

const ORIGIN = "drawdown.commission/niger-2024";
const ROOT = emptyTreeHash();
const ROOT64 = encodeBase64(ROOT);

describe("parseCheckpoint", () => {
  it("parses the C2SP example", () => {
    const body = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    expect(parseCheckpoint(body)).toMatchObject({
      ok: true,
      value: { origin: "example.com/behind-the-sofa", size: 20852163, extensions: [] },
    });
  });

  it("keeps extension lines and round-trips", () => {
    const body = `${ORIGIN}\n0\n${ROOT64}\nfirst extension\nsecond\n`;
    const r = parseCheckpoint(body);
    expect(r).toMatchObject({ ok: true, value: { size: 0, extensions: ["first extension", "second"] } });
    if (r.ok) expect(formatCheckpoint(r.value)).toBe(body);
  });

  it.each([
    ["no final newline", `${ORIGIN}\n1\n${ROOT64}`],
    ["two lines", `${ORIGIN}\n1\n`],
    ["an empty origin", `\n1\n${ROOT64}\n`],
    ["a leading zero", `${ORIGIN}\n01\n${ROOT64}\n`],
    ["a sign", `${ORIGIN}\n+1\n${ROOT64}\n`],
    ["a negative size", `${ORIGIN}\n-1\n${ROOT64}\n`],
    ["a size with spaces", `${ORIGIN}\n 1\n${ROOT64}\n`],
    ["an exponent", `${ORIGIN}\n1e3\n${ROOT64}\n`],
    ["a size above 2^53", `${ORIGIN}\n18446744073709551615\n${ROOT64}\n`],
    ["a short root", `${ORIGIN}\n1\n${encodeBase64(ROOT.slice(1))}\n`],
    ["an unpadded root", `${ORIGIN}\n1\n${ROOT64.slice(0, -1)}\n`],
    ["an empty extension line", `${ORIGIN}\n1\n${ROOT64}\n\n`],
    ["a carriage return", `${ORIGIN}\r\n1\n${ROOT64}\n`],
  ])("rejects %s", (_, body) => {
    expect(parseCheckpoint(body).ok).toBe(false);
  });
});

describe("formatCheckpoint", () => {
  it("writes origin, decimal size and base64 root", () => {
    const cp: Checkpoint = { origin: ORIGIN, size: 12, rootHash: ROOT, extensions: [] };
    expect(formatCheckpoint(cp)).toBe(`${ORIGIN}\n12\n${ROOT64}\n`);
  });

  it("throws on values that would not parse back", () => {
    expect(() => formatCheckpoint({ origin: "", size: 1, rootHash: ROOT, extensions: [] })).toThrow(
      RangeError,
    );
    expect(() => formatCheckpoint({ origin: ORIGIN, size: -1, rootHash: ROOT, extensions: [] })).toThrow(
      RangeError,
    );
    expect(() =>
      formatCheckpoint({ origin: ORIGIN, size: 1, rootHash: ROOT.slice(1) as Sha256, extensions: [] }),
    ).toThrow(RangeError);
    expect(() => formatCheckpoint({ origin: "a\nb", size: 1, rootHash: ROOT, extensions: [] })).toThrow(
      RangeError,
    );
  });
});

describe("openCheckpoint", () => {
  const us = ed25519FromSeed(new Uint8Array(32).fill(1));
  const body = formatCheckpoint({ origin: ORIGIN, size: 0, rootHash: ROOT, extensions: [] });
  const cosigned = cosignCheckpoint({ text: body, signatures: [] }, "US", us, 1_717_000_000);
  const message = cosigned.ok ? formatNote(cosigned.value) : "";
  const usV = cosignatureVerifier("US", us.publicKey);

  it("checks signatures, parses, and checks the origin", () => {
    expect(openCheckpoint(message, [usV], ORIGIN)).toMatchObject({
      ok: true,
      value: { checkpoint: { size: 0 } },
    });
    expect(openCheckpoint(message, [usV], "other/log")).toMatchObject({
      code: "ledger.checkpoint.wrong_origin",
    });
    expect(openCheckpoint(message, [])).toMatchObject({ code: "ledger.note.unverified" });
  });
});
