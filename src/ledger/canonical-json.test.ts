import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, canonicalJsonBytes } from "./canonical-json.ts";

const text = (v: unknown): string => {
  const r = canonicalJson(v);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe("RFC 8785 examples", () => {
  it("canonicalises the §3.2.4 example", () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        '"string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    expect(text(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it("sorts keys by UTF-16 code units (§3.2.3)", () => {
    const input = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    const values = Object.values(JSON.parse(text(input)) as Record<string, string>);
    // JSON.parse re-sorts integer-like keys, so read the order from the text instead.
    expect(values).toContain("One");
    const order = [...text(input).matchAll(/:"([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual([
      "Carriage Return",
      "One",
      "Control",
      "Latin Small Letter O With Diaeresis",
      "Euro Sign",
      "Emoji: Grinning Face",
      "Hebrew Letter Dalet With Dagesh",
    ]);
  });

  it("serialises numbers as in Appendix B", () => {
    const cases: [string, string][] = [
      ["0000000000000000", "0"],
      ["8000000000000000", "0"],
      ["0000000000000001", "5e-324"],
      ["8000000000000001", "-5e-324"],
      ["7fefffffffffffff", "1.7976931348623157e+308"],
      ["ffefffffffffffff", "-1.7976931348623157e+308"],
      ["4340000000000000", "9007199254740992"],
      ["c340000000000000", "-9007199254740992"],
      ["4430000000000000", "295147905179352830000"],
      ["44b52d02c7e14af5", "9.999999999999997e+22"],
      ["44b52d02c7e14af6", "1e+23"],
      ["44b52d02c7e14af7", "1.0000000000000001e+23"],
      ["444b1ae4d6e2ef4e", "999999999999999700000"],
      ["444b1ae4d6e2ef4f", "999999999999999900000"],
      ["444b1ae4d6e2ef50", "1e+21"],
      ["3eb0c6f7a0b5ed8c", "9.999999999999997e-7"],
      ["3eb0c6f7a0b5ed8d", "0.000001"],
      ["41b3de4355555553", "333333333.3333332"],
      ["41b3de4355555554", "333333333.33333325"],
      ["41b3de4355555555", "333333333.3333333"],
      ["41b3de4355555556", "333333333.3333334"],
      ["41b3de4355555557", "333333333.33333343"],
      ["becbf647612f3696", "-0.0000033333333333333333"],
      ["43143ff3c1cb0959", "1424953923781206.2"],
    ];
    for (const [bits, want] of cases) {
      const view = new DataView(new ArrayBuffer(8));
      view.setBigUint64(0, BigInt(`0x${bits}`));
      expect(text(view.getFloat64(0)), bits).toBe(want);
    }
  });
});

describe("canonicalJson", () => {
  it("has no whitespace and escapes like JSON.stringify", () => {
    expect(text({ b: [1, { d: true, c: null }], a: "x\ty\u2028" })).toBe(
      '{"a":"x\\ty\u2028","b":[1,{"c":null,"d":true}]}',
    );
    expect(text([])).toBe("[]");
    expect(text({})).toBe("{}");
    expect(text(Object.create(null))).toBe("{}");
  });

  it("is the same for equal data built in any key order", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const reordered = JSON.parse(JSON.stringify(v), (_, x) =>
          x && typeof x === "object" && !Array.isArray(x)
            ? Object.fromEntries(Object.entries(x).reverse())
            : x,
        );
        expect(text(reordered)).toBe(text(v));
        // Canonical text parses back to the same data and is a fixed point.
        expect(text(JSON.parse(text(v)))).toBe(text(v));
      }),
    );
  });

  it.each([
    ["NaN", { a: Number.NaN }, "ledger.json.non_finite"],
    ["Infinity", [Number.POSITIVE_INFINITY], "ledger.json.non_finite"],
    ["undefined in an array", [1, undefined], "ledger.json.undefined"],
    // biome-ignore lint/suspicious/noSparseArray: the hole is what this case tests
    ["a hole in an array", [1, , 3], "ledger.json.undefined"],
    ["an undefined property", { a: undefined }, "ledger.json.undefined"],
    ["a Date", { at: new Date(0) }, "ledger.json.not_plain"],
    ["a Map", new Map(), "ledger.json.not_plain"],
    ["a class instance", new (class Decision {})(), "ledger.json.not_plain"],
    ["bytes", new Uint8Array(2), "ledger.json.not_plain"],
    ["a bigint", { n: 1n }, "ledger.json.unsupported"],
    ["a function", { f: () => 1 }, "ledger.json.unsupported"],
    ["a symbol key", { [Symbol("s")]: 1 }, "ledger.json.not_plain"],
    ["a lone surrogate", { s: "\ud800" }, "ledger.json.lone_surrogate"],
    ["a lone surrogate in a key", { "\udc00": 1 }, "ledger.json.lone_surrogate"],
  ])("rejects %s", (_, value, code) => {
    expect(canonicalJson(value)).toMatchObject({ ok: false, code });
  });

  it("names the path of the offending value", () => {
    expect(canonicalJson({ items: [{ kg: 1 }, { kg: Number.NaN }] })).toMatchObject({
      reason: expect.stringContaining('$["items"][1]["kg"]'),
    });
  });

  it("rejects cycles and absurd nesting, but allows shared references", () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(canonicalJson(loop)).toMatchObject({ code: "ledger.json.cycle" });
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(canonicalJson(deep)).toMatchObject({ code: "ledger.json.too_deep" });
    const shared = { kg: 5 };
    expect(text({ a: shared, b: shared })).toBe('{"a":{"kg":5},"b":{"kg":5}}');
  });

  it("encodes as UTF-8 bytes for hashing", () => {
    expect(canonicalJsonBytes({ s: "€" })).toEqual({
      ok: true,
      value: new TextEncoder().encode('{"s":"€"}'),
    });
  });
});
