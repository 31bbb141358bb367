import { describe, expect, it } from "vitest";
import { parseBpplib } from "./bpplib-format.ts";

describe("parseBpplib", () => {
  it("reads the count, the capacity and one weight a line, keeping each weight's line", () => {
    const r = parseBpplib("\uFEFF3\r\n10\r\n\r\n6\r\n5.5\r\n4\r\n");
    expect(r).toEqual({ ok: true, instance: { capacity: 10, weights: [6, 5.5, 4], lines: [4, 5, 6] } });
  });

  it("reads `weight count` lines as that many items", () => {
    const r = parseBpplib("2\n100\n60 2\n30 3\n");
    expect(r.ok && r.instance.weights).toEqual([60, 60, 30, 30, 30]);
  });

  it("reports every problem with its line, sorted", () => {
    const r = parseBpplib("2\n-5\n3 4 5\n-1\n7\n");
    if (r.ok) throw new Error("should fail");
    expect(r.issues.map((i) => [i.line, i.message])).toEqual([
      [2, '"-5" is not a capacity'],
      [3, '"3 4 5" has 3 numbers'],
      [4, '"-1" is not a weight'],
      [5, "line 1 announces 2 items, the file has 1"],
    ]);
    for (const i of r.issues) expect(i.hint.length).toBeGreaterThan(10);
  });

  it("points at the first extra line when there are more weights than announced", () => {
    const r = parseBpplib("1\n10\n3\n4\n");
    if (r.ok) throw new Error("should fail");
    expect(r.issues).toEqual([expect.objectContaining({ line: 4, message: "line 1 announces 1 items, the file has 2" })]);
  });
});
