import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { finalTreeSize, type WitnessedCheckpoint } from "./finality.ts";

const root = (n: number) => new Uint8Array(32).fill(n % 256);
const cp = (size: number, ...cosigners: string[]): WitnessedCheckpoint => ({
  size,
  rootHash: root(size),
  cosigners,
});
const PARTIES = ["US", "NE"] as const;

describe("finalTreeSize", () => {
  it("is 0 when nothing is cosigned by both", () => {
    expect(finalTreeSize([], PARTIES)).toEqual({ ok: true, value: 0 });
    expect(finalTreeSize([cp(5, "US"), cp(6, "NE")], PARTIES)).toEqual({ ok: true, value: 0 });
  });

  it("is the largest size carrying both cosignatures", () => {
    expect(finalTreeSize([cp(3, "US", "NE"), cp(7, "NE", "US", "witness"), cp(9, "US")], PARTIES)).toEqual({
      ok: true,
      value: 7,
    });
  });

  it("pools cosignatures from copies of the same checkpoint", () => {
    expect(finalTreeSize([cp(4, "US"), cp(4, "NE")], PARTIES)).toEqual({ ok: true, value: 4 });
  });

  it("refuses a split view: two roots for one size", () => {
    const forged = { size: 4, rootHash: root(99), cosigners: ["NE"] };
    expect(finalTreeSize([cp(4, "US"), forged], PARTIES)).toMatchObject({
      ok: false,
      code: "ledger.finality.split_view",
    });
  });

  it("throws when both parties are the same (a configuration bug)", () => {
    expect(() => finalTreeSize([], ["US", "US"])).toThrow(RangeError);
  });

  it("never exceeds a size that both parties cosigned, whatever the order", () => {
    const arb = fc.array(
      fc
        .record({ size: fc.nat(50), cosigners: fc.subarray(["US", "NE", "X"]) })
        .map(({ size, cosigners }) => cp(size, ...cosigners)),
    );
    fc.assert(
      fc.property(arb, (cps) => {
        const r = finalTreeSize(cps, PARTIES);
        if (!r.ok) throw new Error(r.reason);
        const bothAt = (s: number) =>
          cps.some((c) => c.size === s && c.cosigners.includes("US")) &&
          cps.some((c) => c.size === s && c.cosigners.includes("NE"));
        expect(r.value === 0 || bothAt(r.value)).toBe(true);
        expect(cps.every((c) => c.size <= r.value || !bothAt(c.size))).toBe(true);
        expect(finalTreeSize([...cps].reverse(), PARTIES)).toEqual(r);
      }),
    );
  });
});
