import { describe, expect, it } from "vitest";
import type { Hazard } from "./cargo.ts";
import { compatible, firstConflict, HAZARD_COMPATIBILITY, segregationKeys, separation } from "./hazard-compatibility.ts";

const h = (division: string, unNumber?: string): Hazard => ({ class: Number(division[0]), division, ...(unNumber ? { unNumber } : {}) });
const cls = (c: number): Hazard => ({ class: c });

describe("hazard compatibility table (data/hazard-compatibility.json)", () => {
  it("is symmetric, with one character per column, for classes and explosive groups", () => {
    const { keys, table, explosiveGroups } = HAZARD_COMPATIBILITY;
    for (const a of keys)
      for (const b of keys) expect(table[a]?.[keys.indexOf(b)], `${a}/${b}`).toBe(table[b]?.[keys.indexOf(a)]);
    const g = explosiveGroups.groups;
    for (const a of g) for (const b of g) expect(explosiveGroups.table[a]?.[g.indexOf(b)], `${a}/${b}`).toBe(explosiveGroups.table[b]?.[g.indexOf(a)]);
  });

  it("cites its sources", () => {
    expect(HAZARD_COMPATIBILITY.source).toMatch(/49 CFR 177\.848/);
    expect(HAZARD_COMPATIBILITY.source).toMatch(/175\.78/);
  });
});

describe("segregationKeys", () => {
  it("reads a division, 1.2 as 1.1, and a bare class as every division of it", () => {
    expect(segregationKeys(h("1.1E"))).toEqual(["1.1"]);
    expect(segregationKeys(h("1.2F"))).toEqual(["1.1"]);
    expect(segregationKeys(cls(3))).toEqual(["3"]);
    expect(segregationKeys(cls(5))).toEqual(["5.1", "5.2"]);
    expect(segregationKeys(cls(9))).toEqual([]);
    expect(segregationKeys(h("6.2"))).toEqual([]);
  });
});

describe("separation and compatible", () => {
  it("keeps explosives (other than 1.4S) off an aircraft with flammable liquids (177.848 X)", () => {
    expect(separation(h("1.1E", "UN0181"), cls(3))).toBe("aircraft");
    expect(compatible(h("1.1E"), cls(3))).toBe(false);
    expect(compatible(h("1.3C"), h("5.1"))).toBe(false);
  });

  it("lets Division 1.4S fly with anything (175.78 Note 2)", () => {
    for (const other of [cls(3), h("5.1"), h("2.1"), cls(8), h("1.1E")]) expect(separation(h("1.4S", "UN0012"), other)).toBe("none");
  });

  it("lets 'O' pairs share an aircraft but not a pallet", () => {
    expect(separation(cls(3), h("5.1"))).toBe("pallet");
    expect(compatible(cls(3), h("5.1"))).toBe(true);
    expect(compatible(cls(3), h("5.1"), "pallet")).toBe(false);
    expect(separation(h("1.4G"), cls(3))).toBe("pallet");
  });

  it("adds the aircraft stowage pairs of 175.78 that the highway table leaves blank", () => {
    expect(separation(h("4.2"), h("5.1"))).toBe("pallet");
  });

  it("segregates across the board where the table says X: 4.2 with 8, 2.3 with 3", () => {
    expect(separation(h("4.2"), cls(8))).toBe("aircraft");
    expect(separation(h("2.3"), cls(3))).toBe("aircraft");
  });

  it("does not segregate Class 9 or same-class pairs", () => {
    expect(separation(cls(9), h("1.1E"))).toBe("none");
    expect(separation(cls(3), cls(3))).toBe("none");
    expect(separation(h("5.1"), h("5.1"))).toBe("none");
  });

  it("applies the explosives compatibility groups among Class 1 (177.848(f))", () => {
    expect(separation(h("1.1E"), h("1.4S"))).toBe("none");
    expect(separation(h("1.1D"), h("1.1E"))).toBe("none");
    expect(separation(h("1.1A"), h("1.4S"))).toBe("aircraft");
    expect(separation(h("1.1B"), h("1.1D"))).toBe("aircraft");
    expect(separation(h("1.4L", "UN0001"), h("1.4L", "UN0001"))).toBe("none");
    expect(separation(h("1.4L", "UN0001"), h("1.4L", "UN0002"))).toBe("aircraft");
    expect(separation(h("1.3C"), h("1.4B"))).toBe("aircraft");
    expect(separation(h("1.3"), h("1.4B"))).toBe("pallet");
  });

  it("finds the first incompatible pair of a list", () => {
    expect(firstConflict([cls(9), h("1.4S"), cls(3)])).toBeUndefined();
    expect(firstConflict([cls(9), h("1.1E"), cls(3)])).toEqual([h("1.1E"), cls(3)]);
    expect(firstConflict([cls(3), h("5.1")], "pallet")).toEqual([cls(3), h("5.1")]);
  });
});
