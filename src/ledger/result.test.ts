import { describe, expect, expectTypeOf, it } from "vitest";
import type { Sha256 } from "./hash.ts";
import { fail, type LedgerErrorCode, ok, PASS, type Result, type Verdict } from "./result.ts";

describe("results", () => {
  it("wrap values and failures", () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(fail("ledger.test.code", "why")).toEqual({ ok: false, code: "ledger.test.code", reason: "why" });
    expect(PASS).toEqual({ ok: true });
    expect(Object.isFrozen(PASS)).toBe(true);
  });

  it("narrow on ok and keep codes in the ledger namespace", () => {
    const r: Result<number> = ok(1);
    if (r.ok) expectTypeOf(r.value).toEqualTypeOf<number>();
    else expectTypeOf(r.reason).toEqualTypeOf<string>();
    expectTypeOf<"ledger.proof.bad_size">().toExtend<LedgerErrorCode>();
    expectTypeOf<"proof.bad_size">().not.toExtend<LedgerErrorCode>();
    expectTypeOf(PASS).toEqualTypeOf<Verdict>();
  });

  it("keep plain byte arrays from posing as hashes", () => {
    expectTypeOf<Uint8Array>().not.toExtend<Sha256>();
    expectTypeOf<Sha256>().toExtend<Uint8Array>();
  });
});
