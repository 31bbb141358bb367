import { describe, expect, it } from "vitest";
import { BOM, csvCell, csvFileName, toCsv } from "./csv-export.ts";

describe("csvCell", () => {
  it("quotes cells holding a comma, a quote or a line break, doubling the quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('Radios, "encrypted"')).toBe('"Radios, ""encrypted"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });

  it("writes numbers and booleans as they are, and nothing for a missing value", () => {
    expect(csvCell(36071.272)).toBe("36071.272");
    expect(csvCell(-2)).toBe("-2");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("keeps a spreadsheet from running text as a formula", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-2 days")).toBe("'-2 days");
    expect(csvCell("@x,y")).toBe(`"'@x,y"`);
  });
});

describe("toCsv", () => {
  it("starts with the byte-order mark and ends every line with CRLF", () => {
    const text = toCsv(["Sortie", "Départ"], [["S0001", "3 juin 2024"], ["S0002", null]]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe(`${BOM}Sortie,Départ\r\nS0001,3 juin 2024\r\nS0002,\r\n`);
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});

describe("csvFileName", () => {
  it("makes a plain lower-case name without accents", () => {
    expect(csvFileName("Sorties du plan n°3")).toBe("sorties-du-plan-n-3.csv");
    expect(csvFileName("***")).toBe("table.csv");
  });
});
